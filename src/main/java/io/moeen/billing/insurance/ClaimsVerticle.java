package io.moeen.billing.insurance;

import io.moeen.billing.BillingAddresses;
import io.moeen.billing.invoices.InvoiceFailures;
import io.moeen.billing.invoices.InvoiceStore;
import io.moeen.billing.invoices.Money;
import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.time.ReportPeriod;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static io.moeen.billing.insurance.InsuranceStore.first;
import static io.moeen.billing.insurance.InsuranceStore.item;
import static io.moeen.billing.insurance.InsuranceStore.items;
import static io.moeen.billing.insurance.InsuranceStore.lang;
import static io.moeen.billing.insurance.InsuranceStore.run;

/**
 * Claims for the insurer's share of issued invoices: made once per invoice (the invoice is locked, so concurrent
 * requests make one claim), submitted, adjudicated, submitted again, paid by a remittance recorded as an
 * {@code insurance} payment; the report by payer and status (JSON, CSV) and the claim as FHIR R4.
 */
public final class ClaimsVerticle extends ServiceVerticle {
  private static final String MANAGE = CoverageVerticle.MANAGE;

  private final InsuranceStore store;
  private final ZoneId zone;
  private final Clock clock;

  /** A claim locked for change. */
  record Locked(UUID id, UUID invoiceId, String status, BigDecimal claimed, BigDecimal approved, BigDecimal remitted) {
  }

  public ClaimsVerticle(Pool pool, ZoneId zone, Clock clock) {
    this.store = new InsuranceStore(pool);
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    serve(BillingAddresses.CLAIMS_CREATE, anyOf(MANAGE), this::create);
    serve(BillingAddresses.CLAIMS_LIST, anyOf(MANAGE), request -> store.as(request, conn -> run(conn, "claims",
            Tuple.of(null, request.param("status"), CoverageVerticle.uuidParam(request, "payerId"), lang(request),
                request.param("limit") == null ? 50 : Integer.parseInt(request.param("limit")))))
        .map(rows -> Reply.of(new JsonObject().put("items", items(rows)))));
    serve(BillingAddresses.CLAIMS_GET, anyOf(MANAGE), request -> store.as(request, conn ->
        read(conn, UUID.fromString(request.param("id")), lang(request))).map(Reply::of));
    serve(BillingAddresses.CLAIMS_SUBMIT, anyOf(MANAGE), request -> change(request, (conn, claim) -> {
      if (!"draft".equals(claim.status()) && !"rejected".equals(claim.status()) && !"partially_accepted".equals(claim.status())) {
        return Future.failedFuture(InsuranceFailures.claimStatus(claim.status()));
      }
      return run(conn, "claim_submit", Tuple.of(claim.id(), now()));
    }));
    serve(BillingAddresses.CLAIMS_ADJUDICATE, anyOf(MANAGE), request -> change(request, (conn, claim) ->
        adjudicate(conn, claim, request.bodyAsObject())));
    serve(BillingAddresses.CLAIMS_REMIT, anyOf(MANAGE), this::remit);
    serve(BillingAddresses.CLAIM_FHIR_GET, anyOf(MANAGE), this::fhir);
    serve(BillingAddresses.CLAIMS_REPORT_SUMMARIZE, anyOf(MANAGE, "billing.reports.read"), request -> report(request).map(Reply::of));
    serve(BillingAddresses.CLAIMS_REPORT_EXPORT, anyOf(MANAGE, "billing.reports.read"), request -> report(request)
        .map(report -> Reply.of(ClaimsReport.csv(report)).withHeader("Content-Type", "text/csv; charset=utf-8")
            .withHeader("Content-Disposition", "attachment; filename=\"claims.csv\"")));
    return store.verify().compose(verified -> registered());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Future<JsonObject> read(SqlConnection conn, UUID claim, String lang) {
    return run(conn, "claims", Tuple.of(claim, null, null, lang, 1))
        .map(rows -> item(first(rows).orElseThrow(() -> InsuranceFailures.claimNotFound(claim))));
  }

  private static Future<Locked> lock(SqlConnection conn, UUID claim) {
    return run(conn, "claim_lock", Tuple.of(claim)).map(rows -> {
      Row r = first(rows).orElseThrow(() -> InsuranceFailures.claimNotFound(claim));
      return new Locked(r.getUUID("id"), r.getUUID("invoice_id"), r.getString("status"), r.getBigDecimal("claimed_amount"),
          r.getBigDecimal("approved_amount"), r.getBigDecimal("remitted"));
    });
  }

  /** Lock the claim, change it, read it back: one transaction. */
  private Future<Reply> change(RequestEnvelope request, BiFunction<SqlConnection, Locked, Future<?>> work) {
    UUID claim = UUID.fromString(request.param("id"));
    return store.as(request, conn -> lock(conn, claim).compose(locked -> work.apply(conn, locked))
            .compose(done -> read(conn, claim, lang(request))))
        .recover(InsuranceFailures.CONSTRAINTS::recover)
        .map(Reply::of);
  }

  /** One claim per issued invoice: the invoice is locked first, so a second request waits and finds the first. */
  private Future<Reply> create(RequestEnvelope request) {
    UUID invoice = UUID.fromString(request.bodyAsObject().getString("invoiceId"));
    UUID claim = UUID.randomUUID();
    UUID by = Access.principal(request).userId();
    return store.as(request, conn -> InvoiceStore.lock(conn, invoice)
            .compose(locked -> {
              if (!"invoice".equals(locked.kind()) || !locked.issued() || "cancelled".equals(locked.status())) {
                return Future.failedFuture(InvoiceFailures.notIssued(locked.status()));
              }
              return run(conn, "claim_of_invoice", Tuple.of(invoice));
            })
            .compose(existing -> existing.size() > 0 ? Future.failedFuture(InsuranceFailures.claimExists())
                : run(conn, "claim_insert", Tuple.of(claim, invoice, by)))
            .compose(inserted -> inserted.size() == 1 ? read(conn, claim, lang(request))
                : Future.failedFuture(InsuranceFailures.nothingCovered())))
        .recover(InsuranceFailures.CONSTRAINTS::recover)
        .map(Reply::of);
  }

  /** The payer's answer: accepted (in full), partially_accepted (an amount below the claim), rejected (a reason). */
  private Future<?> adjudicate(SqlConnection conn, Locked claim, JsonObject body) {
    if (!"submitted".equals(claim.status())) {
      return Future.failedFuture(InsuranceFailures.claimStatus(claim.status()));
    }
    String outcome = body.getString("outcome");
    BigDecimal approved = body.getValue("approvedAmount") == null ? null
        : Money.amount("approvedAmount", body.getValue("approvedAmount"), false);
    String reason = body.getString("rejectionReason");
    switch (outcome) {
      case "accepted" -> {
        if (approved != null && approved.compareTo(claim.claimed()) != 0) {
          return Future.failedFuture(InsuranceFailures.approvedAmount(approved, claim.claimed()));
        }
        approved = claim.claimed();
        reason = null;
      }
      case "partially_accepted" -> {
        if (approved == null || approved.signum() <= 0 || approved.compareTo(claim.claimed()) >= 0) {
          return Future.failedFuture(InsuranceFailures.approvedAmount(approved == null ? BigDecimal.ZERO : approved,
              claim.claimed()));
        }
      }
      default -> {
        if (reason == null || reason.isBlank()) {
          return Future.failedFuture(InsuranceFailures.required("rejection_reason_required", "rejectionReason"));
        }
        approved = BigDecimal.ZERO.setScale(2);
      }
    }
    return run(conn, "claim_adjudicate", Tuple.of(claim.id(), outcome, approved, reason, body.getString("payerReference"), now()));
  }

  /**
   * The insurer's remittance: an {@code insurance} payment on the invoice (reference required), at most what was
   * approved and not yet remitted; the claim is paid when all of it has come. Invoice first, then claim (the lock
   * order of every invoice change).
   */
  private Future<Reply> remit(RequestEnvelope request) {
    UUID claim = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    BigDecimal amount = Money.amount("amount", body.getValue("amount"), true);
    String reference = body.getString("reference");
    UUID by = Access.principal(request).userId();
    return store.as(request, conn -> run(conn, "claims", Tuple.of(claim, null, null, "en", 1))
            .map(rows -> UUID.fromString(item(first(rows).orElseThrow(() -> InsuranceFailures.claimNotFound(claim)))
                .getString("invoiceId")))
            .compose(invoice -> InvoiceStore.lock(conn, invoice))
            .compose(invoice -> lock(conn, claim).compose(locked -> {
              if (!"accepted".equals(locked.status()) && !"partially_accepted".equals(locked.status())) {
                return Future.failedFuture(InsuranceFailures.claimStatus(locked.status()));
              }
              BigDecimal open = locked.approved().subtract(locked.remitted()).min(invoice.balance());
              if (amount.compareTo(open) > 0) {
                return Future.failedFuture(InsuranceFailures.remittanceExceeds(amount, open));
              }
              return run(conn, "remittance_insert", Tuple.of(UUID.randomUUID(), invoice.id(), invoice.patientId(), amount,
                      reference, by, now()))
                  .compose(paid -> run(conn, "refresh_status", Tuple.of(invoice.id())))
                  .compose(status -> locked.remitted().add(amount).compareTo(locked.approved()) >= 0
                      ? run(conn, "claim_paid", Tuple.of(claim, now())) : Future.succeededFuture());
            }))
            .compose(done -> read(conn, claim, lang(request))))
        .recover(InsuranceFailures.CONSTRAINTS::recover)
        .map(Reply::of);
  }

  private Future<Reply> fhir(RequestEnvelope request) {
    UUID claim = UUID.fromString(request.param("id"));
    return store.as(request, conn -> run(conn, "fhir_source", Tuple.of(claim)))
        .compose(rows -> {
          JsonObject source = item(first(rows).orElseThrow(() -> InsuranceFailures.claimNotFound(claim)));
          return vertx.executeBlocking(() -> ClaimFhir.json(source), false);
        })
        .map(json -> new Reply(json, Map.of("Content-Type", ClaimFhir.MEDIA_TYPE)));
  }

  private Future<JsonObject> report(RequestEnvelope request) {
    ReportPeriod period = ReportPeriod.of(request.param("from"), request.param("to"), zone, clock, last -> last.withDayOfYear(1));
    return store.as(request, conn -> run(conn, "claims_report", Tuple.of(period.start(), period.end(), lang(request))))
        .map(rows -> ClaimsReport.of(rows, period));
  }
}
