package io.moeen.billing.insurance;

import io.moeen.billing.BillingAddresses;
import io.moeen.billing.invoices.InvoiceFailures;
import io.moeen.billing.invoices.Money;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.moeen.billing.insurance.InsuranceStore.first;
import static io.moeen.billing.insurance.InsuranceStore.item;
import static io.moeen.billing.insurance.InsuranceStore.items;
import static io.moeen.billing.insurance.InsuranceStore.lang;
import static io.moeen.billing.insurance.InsuranceStore.run;

/**
 * Payers and their plans (the accountant), a patient's coverage, the eligibility check at the desk,
 * pre-authorisations, and an issued invoice's patient/insurer split.
 */
public final class CoverageVerticle extends ServiceVerticle {
  static final String READ_ANY = "insurance.read.any";
  static final String READ_OWN = "insurance.read.own";
  static final String MANAGE = "insurance.manage";

  private final InsuranceStore store;
  private final ZoneId zone;
  private final Clock clock;

  public CoverageVerticle(Pool pool, ZoneId zone, Clock clock) {
    this.store = new InsuranceStore(pool);
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    serve(BillingAddresses.PAYERS_LIST, anyOf(READ_ANY, MANAGE), request -> store.as(request, conn ->
        run(conn, "payers", Tuple.of(lang(request)))).map(rows -> Reply.of(new JsonObject().put("items", items(rows)))));
    serve(BillingAddresses.PAYERS_CREATE, anyOf(MANAGE), this::createPayer);
    serve(BillingAddresses.PLANS_LIST, anyOf(READ_ANY, MANAGE), request -> store.as(request, conn ->
            run(conn, "plans", Tuple.of(uuidParam(request, "payerId"), lang(request), null)))
        .map(rows -> Reply.of(new JsonObject().put("items", items(rows)))));
    serve(BillingAddresses.PLANS_CREATE, anyOf(MANAGE), this::createPlan);
    serve(BillingAddresses.COVERAGES_LIST, anyOf(READ_ANY, READ_OWN), this::coverages);
    serve(BillingAddresses.COVERAGES_CREATE, anyOf(MANAGE), this::createCoverage);
    serve(BillingAddresses.ELIGIBILITY_CHECK, anyOf(READ_ANY), this::eligibility);
    serve(BillingAddresses.PREAUTHS_LIST, anyOf(READ_ANY), request -> {
      UUID patient = UUID.fromString(request.param("id"));
      return store.as(request, conn -> patient(conn, patient)
              .compose(ok -> run(conn, "preauths", Tuple.of(patient, lang(request), null))))
          .map(rows -> Reply.of(new JsonObject().put("items", items(rows))));
    });
    serve(BillingAddresses.PREAUTHS_REQUEST, anyOf(MANAGE), this::requestPreauth);
    serve(BillingAddresses.PREAUTHS_DECIDE, anyOf(MANAGE), this::decidePreauth);
    serve(BillingAddresses.INSURANCE_SHARES_GET, anyOf(READ_ANY, READ_OWN), this::shares);
    return store.verify().compose(verified -> registered());
  }

  static UUID uuidParam(RequestEnvelope request, String name) {
    String value = request.param(name);
    return value == null ? null : UUID.fromString(value);
  }

  static UUID uuid(JsonObject body, String name) {
    String value = body.getString(name);
    return value == null ? null : UUID.fromString(value);
  }

  /** 404 patient_not_found when the patient does not exist or row security hides them. */
  static Future<Void> patient(SqlConnection conn, UUID patient) {
    return run(conn, "patient_exists", Tuple.of(patient)).map(rows -> {
      first(rows).orElseThrow(() -> InsuranceFailures.patientNotFound(patient));
      return null;
    });
  }

  private Future<Reply> createPayer(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    UUID id = UUID.randomUUID();
    return store.as(request, conn -> run(conn, "payer_insert", Tuple.of(id, body.getString("code"), body.getString("nameAr"),
                body.getString("nameEn"), body.getString("cchiId"), body.getString("nphiesId")))
            .compose(done -> run(conn, "payer", Tuple.of(id, lang(request)))))
        .recover(InsuranceFailures.CONSTRAINTS::recover)
        .map(rows -> Reply.of(item(rows.iterator().next())));
  }

  private Future<Reply> createPlan(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    UUID id = UUID.randomUUID();
    List<Tuple> rules = new java.util.ArrayList<>();
    JsonArray given = body.getJsonArray("rules", new JsonArray());
    for (int i = 0; i < given.size(); i++) {
      JsonObject rule = given.getJsonObject(i);
      String at = "rules." + i + ".";
      if (rule.getValue("copayAmount") != null && rule.getValue("copayPercent") != null) {
        throw InsuranceFailures.required("copay_one_kind", at + "copayPercent");
      }
      rules.add(Tuple.of(id, rule.getString("category"), new BigDecimal(String.valueOf(rule.getValue("coveredPercent"))),
              amount(rule, "copayAmount", at), percent(rule, "copayPercent"), amount(rule, "annualLimit", at))
          .addValue(rule.getBoolean("preauthRequired", false)));
    }
    return store.as(request, conn -> {
          Future<?> chain = run(conn, "plan_insert", Tuple.of(id, UUID.fromString(body.getString("payerId")),
              body.getString("code"), body.getString("nameAr"), body.getString("nameEn")));
          for (Tuple rule : rules) {
            chain = chain.compose(done -> run(conn, "rule_insert", rule));
          }
          return chain.compose(done -> run(conn, "plans", Tuple.of(null, lang(request), id)));
        })
        .recover(InsuranceFailures.CONSTRAINTS::recover)
        .map(rows -> Reply.of(item(rows.iterator().next())));
  }

  private static BigDecimal amount(JsonObject rule, String name, String at) {
    Object value = rule.getValue(name);
    return value == null ? null : Money.amount(at + name, value, false);
  }

  private static BigDecimal percent(JsonObject rule, String name) {
    Object value = rule.getValue(name);
    return value == null ? null : new BigDecimal(String.valueOf(value));
  }

  private Future<Reply> coverages(RequestEnvelope request) {
    UUID patient = UUID.fromString(request.param("id"));
    Principal caller = Access.principal(request);
    Access.requirePatient(caller, patient, "insurance", "read");
    return store.as(request, conn -> patient(conn, patient)
            .compose(ok -> run(conn, "coverages", Tuple.of(patient, lang(request), null))))
        .map(rows -> Reply.of(new JsonObject().put("patientId", patient.toString()).put("items", items(rows))));
  }

  private Future<Reply> createCoverage(RequestEnvelope request) {
    UUID patient = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    LocalDate from = LocalDate.parse(body.getString("validFrom"));
    LocalDate to = LocalDate.parse(body.getString("validTo"));
    if (to.isBefore(from)) {
      throw InsuranceFailures.required("coverage_dates", "validTo");
    }
    UUID id = UUID.randomUUID();
    Tuple args = Tuple.of(id, patient, UUID.fromString(body.getString("planId")), body.getString("policyNumber"),
        body.getString("memberNumber"), body.getString("class")).addValue(from).addValue(to)
        .addValue(body.getInteger("priority", 1)).addValue(Access.principal(request).userId());
    return store.as(request, conn -> patient(conn, patient)
            .compose(ok -> run(conn, "coverage_insert", args))
            .compose(done -> run(conn, "coverages", Tuple.of(patient, lang(request), id))))
        .recover(InsuranceFailures.CONSTRAINTS::recover)
        .map(rows -> Reply.of(item(rows.iterator().next())));
  }

  private Future<Reply> eligibility(RequestEnvelope request) {
    UUID patient = UUID.fromString(request.param("id"));
    LocalDate day = request.param("date") == null ? LocalDate.now(clock.withZone(zone)) : LocalDate.parse(request.param("date"));
    UUID service = uuidParam(request, "serviceId");
    String lang = lang(request);
    return store.as(request, conn -> patient(conn, patient)
        .compose(ok -> service == null ? Future.succeededFuture() : run(conn, "service_exists", Tuple.of(service))
            .map(rows -> first(rows).orElseThrow(() -> InsuranceFailures.unknown("serviceId"))))
        .compose(ok -> run(conn, "eligibility", Tuple.of(patient, day, service)))
        .compose(rows -> {
          JsonObject answer = new JsonObject().put("patientId", patient.toString()).put("date", day.toString())
              .put("serviceId", service == null ? null : service.toString());
          var found = first(rows);
          if (found.isEmpty()) {
            return Future.succeededFuture(answer.put("eligible", false).put("coverage", null).put("rule", null)
                .put("covered", false));
          }
          Row row = found.get();
          return run(conn, "coverages", Tuple.of(patient, lang, row.getUUID("coverage_id"))).map(coverage -> {
            answer.put("eligible", true).put("coverage", item(coverage.iterator().next()));
            if (row.getString("rule_category") == null) {
              return answer.put("rule", null).put("covered", false);
            }
            BigDecimal limit = row.getBigDecimal("annual_limit");
            BigDecimal used = row.getBigDecimal("used");
            boolean preauthRequired = row.getBoolean("preauth_required");
            JsonObject rule = new JsonObject().put("category", row.getString("rule_category"))
                .put("coveredPercent", row.getBigDecimal("covered_percent").doubleValue())
                .put("copayAmount", money(row.getBigDecimal("copay_amount")))
                .put("copayPercent", row.getBigDecimal("copay_percent") == null ? null : row.getBigDecimal("copay_percent").doubleValue())
                .put("annualLimit", money(limit)).put("usedThisYear", Money.text(used))
                .put("remainingThisYear", limit == null ? null : Money.text(limit.subtract(used).max(BigDecimal.ZERO)))
                .put("preauthRequired", preauthRequired)
                .put("preauthorised", service != null && row.getBoolean("preauthorised"));
            boolean covered = row.getBigDecimal("covered_percent").signum() > 0
                && (!preauthRequired || (service != null && row.getBoolean("preauthorised")))
                && (limit == null || limit.compareTo(used) > 0);
            return answer.put("rule", rule).put("covered", covered);
          });
        }))
        .recover(InsuranceFailures.CONSTRAINTS::recover)
        .map(Reply::of);
  }

  static String money(BigDecimal value) {
    return value == null ? null : Money.text(value);
  }

  private Future<Reply> requestPreauth(RequestEnvelope request) {
    UUID patient = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    UUID id = UUID.randomUUID();
    return store.as(request, conn -> patient(conn, patient)
            .compose(ok -> run(conn, "preauth_insert", Tuple.of(id, patient, uuid(body, "coverageId"), uuid(body, "serviceId"),
                body.getString("note"), Access.principal(request).userId())))
            .compose(rows -> rows.size() == 1 ? run(conn, "preauths", Tuple.of(patient, lang(request), id))
                : Future.failedFuture(InsuranceFailures.coverageNotOfPatient())))
        .recover(InsuranceFailures.CONSTRAINTS::recover)
        .map(rows -> Reply.of(item(rows.iterator().next())));
  }

  private Future<Reply> decidePreauth(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    String outcome = body.getString("outcome");
    String until = body.getString("validUntil");
    String reason = body.getString("reason");
    if ("approved".equals(outcome) && until == null) {
      throw InsuranceFailures.required("preauth_valid_until_required", "validUntil");
    }
    if ("rejected".equals(outcome) && (reason == null || reason.isBlank())) {
      throw InsuranceFailures.required("rejection_reason_required", "reason");
    }
    Tuple args = Tuple.of(id, outcome, body.getString("payerReference"),
        "approved".equals(outcome) ? LocalDate.parse(until) : null, reason, Access.principal(request).userId());
    return store.as(request, conn -> run(conn, "preauth_status", Tuple.of(id))
            .compose(rows -> {
              Row row = first(rows).orElseThrow(() -> InsuranceFailures.preauthNotFound(id));
              if (!"requested".equals(row.getString("status"))) {
                throw InsuranceFailures.preauthDecided();
              }
              return run(conn, "preauth_decide", args);
            })
            .compose(rows -> rows.size() == 1 ? run(conn, "preauths", Tuple.of(null, lang(request), id))
                : Future.failedFuture(InsuranceFailures.preauthDecided())))
        .map(rows -> Reply.of(item(rows.iterator().next())));
  }

  /** The split of an issued invoice, per line, and what the patient and the insurer still owe. */
  private Future<Reply> shares(RequestEnvelope request) {
    UUID invoice = UUID.fromString(request.param("id"));
    Principal caller = Access.principal(request);
    String lang = lang(request);
    return store.as(request, conn -> run(conn, "invoice_patient", Tuple.of(invoice)).compose(rows -> {
      Row found = first(rows).orElseThrow(() -> InvoiceFailures.notFound(invoice));
      UUID patient = found.getUUID("patient_id");
      if (!Access.mayActOnPatient(caller, patient, "insurance", "read")) {
        throw Access.refusal(caller, patient, "insurance", "read", InvoiceFailures.notFound(invoice));
      }
      return Future.all(run(conn, "shares", Tuple.of(invoice)), run(conn, "dues", Tuple.of(invoice))).map(all -> {
        JsonArray lines = new JsonArray();
        BigDecimal insurer = BigDecimal.ZERO;
        BigDecimal patientShare = BigDecimal.ZERO;
        String coverage = null;
        String serviceDate = null;
        for (Row row : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(0)) {
          coverage = row.getUUID("coverage_id").toString();
          serviceDate = row.getLocalDate("service_date").toString();
          insurer = insurer.add(row.getBigDecimal("insurer_share"));
          patientShare = patientShare.add(row.getBigDecimal("patient_share"));
          lines.add(new JsonObject().put("lineNo", row.getInteger("line_no"))
              .put("description", "ar".equals(lang) ? row.getString("description_ar") : row.getString("description_en"))
              .put("category", row.getString("category")).put("outcome", row.getString("outcome"))
              .put("lineTotal", Money.text(row.getBigDecimal("line_total")))
              .put("insurerShare", Money.text(row.getBigDecimal("insurer_share")))
              .put("patientShare", Money.text(row.getBigDecimal("patient_share"))));
        }
        Row dues = all.<io.vertx.sqlclient.RowSet<Row>>resultAt(1).iterator().next();
        return new JsonObject().put("invoiceId", invoice.toString()).put("invoiceStatus", found.getString("status"))
            .put("insured", coverage != null).put("coverageId", coverage).put("serviceDate", serviceDate).put("lines", lines)
            .put("insurerShare", Money.text(insurer)).put("patientShare", Money.text(patientShare))
            .put("balanceDue", Money.text(dues.getBigDecimal("balance")))
            .put("insurerExpected", Money.text(dues.getBigDecimal("insurer_expected")))
            .put("patientDue", Money.text(dues.getBigDecimal("patient_due")));
      });
    })).map(Reply::of);
  }
}
