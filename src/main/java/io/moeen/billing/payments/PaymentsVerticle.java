package io.moeen.billing.payments;

import io.moeen.billing.BillingAddresses;
import io.moeen.billing.invoices.InvoiceFailures;
import io.moeen.billing.invoices.InvoiceStore;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments and refunds against issued invoices, each under an Idempotency-Key (a retry answers what the first
 * answered; a concurrent duplicate waits on the key's row and replays it), and the cashier's day.
 */
public final class PaymentsVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/billing/payments.sql");
  private static final int CREATED = 201;

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public PaymentsVerticle(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    CashUp cashUp = new CashUp(pool, SQL, zone, clock);
    serve(BillingAddresses.PAYMENTS_RECORD, anyOf("billing.write.any"), request -> take(request, "payment"));
    serve(BillingAddresses.PAYMENTS_REFUND, anyOf("billing.write.any"), request -> take(request, "refund"));
    serve(BillingAddresses.PAYMENTS_LIST, anyOf("billing.read.any", "billing.read.own"), this::list);
    serve(BillingAddresses.CASH_UPS_GET, anyOf("billing.write.any", "billing.reports.read"), cashUp::of);
    return SQL.verify(pool).compose(verified -> registered());
  }

  static Future<RowSet<Row>> run(SqlConnection conn, String name, Tuple args) {
    return conn.preparedQuery(SQL.get(name)).execute(args);
  }

  private static Actor actor(RequestEnvelope request) {
    return new Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

  private Future<Reply> take(RequestEnvelope request, String kind) {
    PaymentRequest asked = PaymentRequest.from(request, kind);
    Actor actor = actor(request);
    String scope = "billing.payments:" + actor.principal().userId();
    return replay(actor, scope, asked).compose(stored -> stored.isPresent() ? Future.succeededFuture(stored.get())
        : write(actor, scope, asked).recover(failure -> PaymentFailures.isDuplicateKey(failure)
            ? replay(actor, scope, asked).map(Optional::orElseThrow)
            : Future.failedFuture(failure)));
  }

  private Future<Optional<Reply>> replay(Actor actor, String scope, PaymentRequest asked) {
    return SessionContext.inTransaction(pool, actor, conn -> run(conn, "idempotency_find",
            Tuple.of(scope, asked.idempotencyKey())))
        .map(rows -> InvoiceStoreRows.first(rows).map(row -> {
          if (!row.getString("request_hash").equals(asked.requestHash())) {
            throw PaymentFailures.keyReused();
          }
          return Reply.of(row.getJsonObject("response_body"));
        }));
  }

  /** One transaction: the key claimed, the invoice locked and checked, the money recorded, the status moved on. */
  private Future<Reply> write(Actor actor, String scope, PaymentRequest asked) {
    UUID payment = UUID.randomUUID();
    JsonObject[] event = new JsonObject[1];
    return SessionContext.inTransaction(pool, actor, conn -> run(conn, "idempotency_forget_expired",
            Tuple.of(scope, asked.idempotencyKey()))
            .compose(x -> run(conn, "idempotency_claim", Tuple.of(scope, asked.idempotencyKey(), asked.requestHash())))
            .compose(claimed -> InvoiceStore.lock(conn, asked.invoiceId()))
            .compose(invoice -> check(conn, invoice, asked))
            .compose(invoice -> run(conn, "insert_payment", Tuple.of(payment, invoice.id(), invoice.patientId(),
                    asked.kind(), asked.method(), asked.amount(), asked.reference(), asked.reason())
                .addValue(actor.principal().userId())
                .addValue(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .addValue(asked.idempotencyKey())))
            .compose(inserted -> InvoiceStore.refreshStatus(conn, asked.invoiceId()))
            .compose(status -> run(conn, "payment", Tuple.of(payment)))
            .compose(rows -> {
              JsonObject answer = PaymentView.of(rows.iterator().next());
              event[0] = new JsonObject().put("paymentId", payment.toString())
                  .put("invoiceId", asked.invoiceId().toString()).put("kind", asked.kind())
                  .put("method", asked.method()).put("amount", answer.getString("amount"))
                  .put("status", answer.getString("invoiceStatus"));
              return run(conn, "idempotency_complete", Tuple.of(scope, asked.idempotencyKey(), CREATED, answer))
                  .map(done -> answer);
            }))
        .map(answer -> {
          vertx.eventBus().publish(BillingAddresses.PAYMENTS_RECORDED, event[0]);
          return Reply.of(answer);
        });
  }

  private static Future<InvoiceStore.Locked> check(SqlConnection conn, InvoiceStore.Locked invoice, PaymentRequest asked) {
    if (!"invoice".equals(invoice.kind()) || !invoice.issued()) {
      return Future.failedFuture(InvoiceFailures.notIssued(invoice.status()));
    }
    if ("payment".equals(asked.kind())) {
      if (!"issued".equals(invoice.status()) && !"partially_paid".equals(invoice.status())) {
        return Future.failedFuture(PaymentFailures.notPayable(invoice.status()));
      }
      if (asked.amount().compareTo(invoice.balance()) > 0) {
        return Future.failedFuture(PaymentFailures.exceedsBalance(asked.amount(), invoice.balance()));
      }
      if ("insurance".equals(asked.method())) {
        return Future.succeededFuture(invoice);
      }
      // an insured patient pays their share at the desk; the insurer's share waits for its claim
      return run(conn, "patient_due", Tuple.of(invoice.id())).compose(rows -> {
        BigDecimal due = rows.iterator().next().getBigDecimal("due");
        return asked.amount().compareTo(due) > 0
            ? Future.failedFuture(PaymentFailures.exceedsPatientShare(asked.amount(), due))
            : Future.succeededFuture(invoice);
      });
    }
    return run(conn, "paid_so_far", Tuple.of(invoice.id())).compose(rows -> {
      Row sums = rows.iterator().next();
      BigDecimal refundable = sums.getBigDecimal("paid").subtract(sums.getBigDecimal("refunded"));
      return asked.amount().compareTo(refundable) > 0
          ? Future.failedFuture(PaymentFailures.exceedsPaid(asked.amount(), refundable))
          : Future.succeededFuture(invoice);
    });
  }

  private Future<Reply> list(RequestEnvelope request) {
    Principal caller = Access.principal(request);
    UUID invoice = UUID.fromString(request.param("id"));
    return SessionContext.inTransaction(pool, actor(request), conn -> run(conn, "invoice_patient", Tuple.of(invoice))
            .compose(rows -> {
              UUID patient = InvoiceStoreRows.first(rows).map(r -> r.getUUID("patient_id"))
                  .orElseThrow(() -> InvoiceFailures.notFound(invoice));
              if (!Access.mayActOnPatient(caller, patient, "billing", "read")) {
                throw Access.refusal(caller, patient, "billing", "read", InvoiceFailures.notFound(invoice));
              }
              return run(conn, "payments_of", Tuple.of(invoice));
            }))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(PaymentView.of(row)));
          return Reply.of(new JsonObject().put("items", items));
        });
  }

  /** Row helpers shared by this package. */
  static final class InvoiceStoreRows {
    private InvoiceStoreRows() {
    }

    static Optional<Row> first(RowSet<Row> rows) {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
  }
}
