package io.moeen.billing.zatca;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports (simplified) and clears (standard) the stamped documents waiting as {@code pending_report}, for the
 * branches whose device has a production CSID. A batch is claimed in one short transaction (so a second worker,
 * on this node or another, takes other documents), each document is sent with no transaction open, and ZATCA's
 * answer is written in its own: {@code reported}/{@code cleared} (warnings kept), {@code rejected} (errors kept;
 * never sent again), or, when ZATCA fails (5xx, 401, 429, unreachable), due again after
 * {@code retryBase × 2^(attempt−1)}, at most an hour.
 */
public final class ZatcaReporting {
  private static final Logger LOG = LoggerFactory.getLogger(ZatcaReporting.class);
  static final SqlStatements SQL = SqlStatements.load("io/moeen/billing/zatca-reporting.sql");
  private static final int BATCH = 10;
  private static final Duration MAX_WAIT = Duration.ofHours(1);

  private final Pool pool;
  private final ZatcaGateway gateway;
  private final Duration retryBase;

  public ZatcaReporting(Pool pool, ZatcaGateway gateway, Duration retryBase) {
    this.pool = pool;
    this.gateway = gateway;
    this.retryBase = retryBase;
  }

  public static Future<Void> verify(Pool pool) {
    return SQL.verify(pool);
  }

  private record Claimed(String invoiceId, String hash, String xml, boolean clearance, int attempts,
                         ZatcaGateway.Credentials credentials) {
  }

  /** Sends one batch of due documents; answers how many were sent (whatever ZATCA said). */
  public Future<Integer> submitDue() {
    if (!gateway.configured()) {
      return Future.succeededFuture(0);
    }
    // a claim outlives the batch's sends (20 s timeout each) so nobody else takes them meanwhile
    return EInvoicing.asBilling(pool, "billing-zatca-claim", conn -> conn.preparedQuery(SQL.get("claim_due"))
            .execute(Tuple.of((long) BATCH, (double) (BATCH * 30 + 60))))
        .compose(rows -> {
          List<Claimed> claimed = new ArrayList<>();
          for (Row r : rows) {
            claimed.add(new Claimed(r.getUUID("invoice_id").toString(), r.getString("hash"), r.getString("xml"),
                "clearance".equals(r.getString("flow")), r.getInteger("attempts"),
                new ZatcaGateway.Credentials(r.getString("csid_token"), r.getString("csid_secret"))));
          }
          Future<Void> chain = Future.succeededFuture();
          for (Claimed c : claimed) {
            chain = chain.compose(done -> send(c));
          }
          return chain.map(done -> claimed.size());
        });
  }

  private Future<Void> send(Claimed c) {
    return gateway.submit(new ZatcaGateway.Submission(c.hash(), c.invoiceId(), c.xml(), c.clearance()), c.credentials())
        .map(answer -> Outcome.of(answer, c.clearance()))
        .otherwise(Outcome::unreachable)
        .compose(outcome -> record(c, outcome))
        .recover(e -> {
          LOG.error("Recording ZATCA's answer for {} failed; it is sent again when its claim ends", c.invoiceId(), e);
          return Future.succeededFuture();
        });
  }

  private Future<Void> record(Claimed c, Outcome outcome) {
    if (outcome.retry()) {
      long wait = Math.min(MAX_WAIT.toMillis(), retryBase.toMillis() << Math.min(20, Math.max(0, c.attempts() - 1)));
      String error = outcome.messages().isEmpty() ? "failed"
          : ((JsonObject) outcome.messages().getValue(0)).getString("message");
      LOG.warn("ZATCA did not take {} (attempt {}): {}; again in {} ms", c.invoiceId(), c.attempts(), error, wait);
      return EInvoicing.asBilling(pool, "billing-zatca-retry-" + c.invoiceId(), conn -> conn.preparedQuery(SQL.get("record_retry"))
          .execute(Tuple.of(java.util.UUID.fromString(c.invoiceId()), outcome.zatcaStatus(), outcome.messages(), error,
              wait / 1000.0))).mapEmpty();
    }
    return EInvoicing.asBilling(pool, "billing-zatca-" + c.invoiceId(), conn -> conn.preparedQuery(SQL.get("record_outcome"))
        .execute(Tuple.of(java.util.UUID.fromString(c.invoiceId()), outcome.status(), outcome.zatcaStatus(),
            outcome.messages(), outcome.clearedXml()))).mapEmpty();
  }
}
