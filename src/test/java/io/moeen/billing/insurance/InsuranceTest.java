package io.moeen.billing.insurance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import io.moeen.billing.BillingApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.moeen.billing.BillingApi.ECG;
import static io.moeen.billing.BillingApi.GENERAL_CONSULTATION;
import static io.moeen.billing.BillingApi.item;
import static io.moeen.billing.BillingApi.money;
import static io.moeen.billing.BillingApi.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Insurance end to end on the demo clinic: Ahmed's Bupa Gold cover (db/demo/049-insurance-demo.sql) splits what
 * is issued to him, he pays his share at the desk, the insurer's share is claimed once, submitted, answered,
 * paid by remittance; the claim as validated FHIR R4; the report; eligibility; access and bad input.
 */
class InsuranceTest {
  static final UUID CARDIOLOGY_CONSULTATION = UUID.fromString("00000000-0000-4000-c300-000000000004");
  static final String BUPA = "00000000-0000-4019-9000-000000000001";
  static RunningApp app;
  static BillingApi api;
  static String cashier;
  static String accountant;

  @BeforeAll
  static void start() {
    app = RunningApp.start("billing-insurance");
    api = new BillingApi(app);
    cashier = app.loginAs(DemoAccounts.CASHIER);
    accountant = app.loginAs(DemoAccounts.ACCOUNTANT);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String token, JsonObject body) {
    return api.call(method, path, "en", token, body);
  }

  static JsonObject ok(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }

  static String code(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getString("code");
  }

  static JsonObject claimFor(String invoice) {
    return ok(call("POST", "/v1/insurance/claims", accountant, new JsonObject().put("invoiceId", invoice)), 201);
  }

  @Test
  void issuing_to_an_insured_patient_splits_every_line_to_the_halala_and_the_desk_takes_only_the_patients_share() {
    // Ahmed is a citizen: services zero rated; the bandage 15 %. Gold: consultation 100 % less 20 %; ECG
    // (cardiology) 100 % less 10 %, pre-authorised in the demo; the cardiology consultation is not; items 90 % less 25.00
    JsonObject invoice = api.issued(cashier, DemoAccounts.AHMED_PATIENT_ID, service(GENERAL_CONSULTATION), service(ECG),
        service(CARDIOLOGY_CONSULTATION), item("Bandage", "1", "100.00", "0"));
    String id = invoice.getString("id");
    JsonObject split = ok(call("GET", "/v1/invoices/" + id + "/insurance-shares", cashier, null), 200);
    assertThat(split.getBoolean("insured")).isTrue();
    JsonArray lines = split.getJsonArray("lines");
    assertThat(lines.getJsonObject(0).getMap()).containsEntry("category", "consultation").containsEntry("outcome", "covered")
        .containsEntry("lineTotal", "150.00").containsEntry("insurerShare", "120.00").containsEntry("patientShare", "30.00");
    assertThat(lines.getJsonObject(1).getMap()).containsEntry("category", "cardiology").containsEntry("outcome", "covered")
        .containsEntry("insurerShare", "108.00").containsEntry("patientShare", "12.00");
    assertThat(lines.getJsonObject(2).getMap()).containsEntry("outcome", "preauth_missing")
        .containsEntry("insurerShare", "0.00").containsEntry("patientShare", "350.00");
    // 115.00 × 90 % = 103.50, less the 25.00 co-pay
    assertThat(lines.getJsonObject(3).getMap()).containsEntry("category", "all").containsEntry("lineTotal", "115.00")
        .containsEntry("insurerShare", "78.50").containsEntry("patientShare", "36.50");
    assertThat(split.getMap()).containsEntry("insurerShare", "306.50").containsEntry("patientShare", "428.50")
        .containsEntry("balanceDue", "735.00").containsEntry("patientDue", "428.50");
    for (Object o : lines) {
      JsonObject l = (JsonObject) o;
      assertThat(new java.math.BigDecimal(l.getString("insurerShare")).add(new java.math.BigDecimal(l.getString("patientShare"))))
          .isEqualByComparingTo(l.getString("lineTotal"));
    }

    var tooMuch = api.pay(cashier, id, UUID.randomUUID().toString(), money("cash", "428.51", null), "payments");
    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(code(tooMuch)).isEqualTo("payment_exceeds_patient_share");
    assertThat(api.count("SELECT 1 FROM payments WHERE invoice_id = '" + id + "'")).isZero();
    var share = api.pay(cashier, id, UUID.randomUUID().toString(), money("cash", "428.50", null), "payments");
    assertThat(ok(share, 201).getString("invoiceStatus")).isEqualTo("partially_paid");

    // an uninsured patient's invoice is not split and pays in full as before
    String reem = api.issued(cashier, DemoAccounts.REEM_PATIENT_ID, item("Splint", "1", "10.00", "0")).getString("id");
    assertThat(ok(call("GET", "/v1/invoices/" + reem + "/insurance-shares", cashier, null), 200).getMap())
        .containsEntry("insured", false).containsEntry("patientDue", "11.50");
  }

  @Test
  void a_claim_is_made_once_submitted_partly_accepted_and_paid_by_remittance() {
    String id = api.issued(cashier, DemoAccounts.AHMED_PATIENT_ID, service(GENERAL_CONSULTATION), service(ECG)).getString("id");
    JsonObject claim = claimFor(id);
    assertThat(claim.getMap()).containsEntry("status", "draft").containsEntry("claimedAmount", "228.00")
        .containsEntry("payerId", BUPA).containsEntry("memberNumber", "BUPA-M-88120417");
    String c = "/v1/insurance/claims/" + claim.getString("id");
    var again = call("POST", "/v1/insurance/claims", accountant, new JsonObject().put("invoiceId", id));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(code(again)).isEqualTo("claim_exists");

    // the payer's answer only after submission
    assertThat(code(call("POST", c + "/adjudication", accountant, new JsonObject().put("outcome", "accepted"))))
        .isEqualTo("claim_status_conflict");
    assertThat(ok(call("POST", c + "/submit", accountant, null), 200).getInteger("submissions")).isEqualTo(1);
    var above = call("POST", c + "/adjudication", accountant, new JsonObject().put("outcome", "partially_accepted")
        .put("approvedAmount", "228.00"));
    assertThat(above.statusCode()).isEqualTo(422);
    assertThat(code(above)).isEqualTo("approved_amount_invalid");
    assertThat(api.scalar("SELECT status FROM insurance_claims WHERE invoice_id = '" + id + "'")).isEqualTo("submitted");
    JsonObject partly = ok(call("POST", c + "/adjudication", accountant, new JsonObject().put("outcome", "partially_accepted")
        .put("approvedAmount", "200.00").put("payerReference", "BUPA-CLM-1")), 200);
    assertThat(partly.getMap()).containsEntry("status", "partially_accepted").containsEntry("approvedAmount", "200.00");
    // what the payer did not approve falls to the patient: 270.00 − 200.00
    assertThat(ok(call("GET", "/v1/invoices/" + id + "/insurance-shares", cashier, null), 200).getString("patientDue"))
        .isEqualTo("70.00");

    var over = call("POST", c + "/remittance", accountant, new JsonObject().put("amount", "200.01").put("reference", "TRX-1"));
    assertThat(over.statusCode()).isEqualTo(422);
    assertThat(code(over)).isEqualTo("remittance_exceeds_approved");
    ok(call("POST", c + "/remittance", accountant, new JsonObject().put("amount", "150").put("reference", "TRX-1")), 200);
    JsonObject paid = ok(call("POST", c + "/remittance", accountant, new JsonObject().put("amount", "50.00")
        .put("reference", "TRX-2")), 200);
    assertThat(paid.getMap()).containsEntry("status", "paid").containsEntry("remittedAmount", "200.00");
    assertThat(api.count("SELECT 1 FROM payments WHERE invoice_id = '" + id + "' AND method = 'insurance'")).isEqualTo(2);
    ok(api.pay(cashier, id, UUID.randomUUID().toString(), money("mada", "70.00", "MADA-1"), "payments"), 201);
    assertThat(ok(call("GET", "/v1/invoices/" + id, cashier, null), 200).getString("status")).isEqualTo("paid");
  }

  @Test
  void a_rejected_claim_falls_to_the_patient_until_it_is_submitted_again() {
    String id = api.issued(cashier, DemoAccounts.AHMED_PATIENT_ID, service(GENERAL_CONSULTATION)).getString("id");
    String c = "/v1/insurance/claims/" + claimFor(id).getString("id");
    ok(call("POST", c + "/submit", accountant, null), 200);
    var noReason = call("POST", c + "/adjudication", accountant, new JsonObject().put("outcome", "rejected"));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(code(noReason)).isEqualTo("rejection_reason_required");
    JsonObject rejected = ok(call("POST", c + "/adjudication", accountant, new JsonObject().put("outcome", "rejected")
        .put("rejectionReason", "Member number not found")), 200);
    assertThat(rejected.getMap()).containsEntry("status", "rejected").containsEntry("rejectionReason", "Member number not found");
    assertThat(ok(call("GET", "/v1/invoices/" + id + "/insurance-shares", cashier, null), 200).getString("patientDue"))
        .isEqualTo("150.00");
    assertThat(code(call("POST", c + "/remittance", accountant, new JsonObject().put("amount", "1").put("reference", "X"))))
        .isEqualTo("claim_status_conflict");
    JsonObject resubmitted = ok(call("POST", c + "/submit", accountant, null), 200);
    assertThat(resubmitted.getMap()).containsEntry("status", "submitted").containsEntry("submissions", 2)
        .containsEntry("rejectionReason", null);
  }

  @Test
  void concurrent_claims_for_one_invoice_make_one_claim() {
    String id = api.issued(cashier, DemoAccounts.AHMED_PATIENT_ID, service(GENERAL_CONSULTATION)).getString("id");
    List<Future<HttpResponse<Buffer>>> racing = IntStream.range(0, 10).mapToObj(i -> app.client()
        .post("/v1/insurance/claims").putHeader("Authorization", "Bearer " + accountant)
        .sendJsonObject(new JsonObject().put("invoiceId", id))).toList();
    Future.all(racing).await();
    assertThat(racing.stream().filter(f -> f.result().statusCode() == 201).count()).isEqualTo(1);
    assertThat(racing.stream().map(f -> f.result().statusCode()).filter(s -> s != 201)).containsOnly(409);
    assertThat(api.count("SELECT 1 FROM insurance_claims WHERE invoice_id = '" + id + "'")).isEqualTo(1);
  }

  @Test
  void the_claim_exports_as_a_valid_fhir_r4_claim_and_the_report_counts_by_payer_and_status() {
    String id = api.issued(cashier, DemoAccounts.AHMED_PATIENT_ID, service(GENERAL_CONSULTATION), service(ECG)).getString("id");
    String claim = claimFor(id).getString("id");
    var response = call("GET", "/v1/insurance/claims/" + claim + "/fhir", accountant, null);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/fhir+json");
    assertThat(fhirErrors(response.bodyAsString())).isEmpty();
    Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, response.bodyAsString());
    assertThat(bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList())
        .containsExactly("Claim", "Patient", "Coverage", "Organization", "Organization");
    Claim fhirClaim = (Claim) bundle.getEntry().get(0).getResource();
    assertThat(fhirClaim.getType().getCodingFirstRep().getCode()).isEqualTo("professional");
    assertThat(fhirClaim.getItem()).hasSize(2);
    assertThat(fhirClaim.getItem().get(0).getProductOrService().getCodingFirstRep().getCode()).isEqualTo("general_consultation");
    assertThat(fhirClaim.getItem().get(1).getNet().getValue()).isEqualByComparingTo("108.00");
    assertThat(fhirClaim.getTotal().getValue()).isEqualByComparingTo("228.00");
    assertThat(fhirClaim.getTotal().getCurrency()).isEqualTo("SAR");
    assertThat(fhirClaim.getInsurer().getReference()).isEqualTo("urn:uuid:" + BUPA);
    assertThat(fhirClaim.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo("urn:uuid:00000000-0000-4019-9000-000000000021");

    JsonObject report = ok(call("GET", "/v1/insurance/reports/claims?from=" + LocalDate.now().minusDays(40), accountant, null), 200);
    JsonObject paid = report.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("payerId").equals(BUPA) && i.getString("status").equals("paid")).findFirst().orElseThrow();
    // the demo's paid claim (120.00) and any another test paid: the report says what the rows say
    String paidWhere = " FROM insurance_claims WHERE payer_id = '" + BUPA + "' AND status = 'paid'";
    long paidClaims = api.count("SELECT 1" + paidWhere);
    String claimed = api.scalar("SELECT sum(claimed_amount)" + paidWhere);
    String remitted = api.scalar("SELECT sum(p.amount) FROM payments p JOIN insurance_claims c ON c.invoice_id = p.invoice_id"
        + " WHERE p.method = 'insurance' AND c.payer_id = '" + BUPA + "' AND c.status = 'paid'");
    assertThat(paidClaims).isGreaterThanOrEqualTo(1);
    assertThat(((Number) paid.getValue("claims")).longValue()).isEqualTo(paidClaims);
    assertThat(paid.getMap()).containsEntry("claimed", claimed).containsEntry("remitted", remitted);
    var csv = call("GET", "/v1/insurance/reports/claims.csv?from=" + LocalDate.now().minusDays(40), accountant, null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.bodyAsString()).startsWith("\uFEFFpayer_id,payer,status,claims,claimed,approved,remitted")
        .contains(BUPA + ",Bupa Arabia,paid," + paidClaims + "," + claimed + ",").contains(BUPA + ",Bupa Arabia,submitted,");
  }

  @Test
  void a_line_on_teeth_makes_an_oral_claim_with_one_item_per_fdi_tooth() {
    UUID filling = UUID.fromString("00000000-0000-4022-8000-000000000021");
    String id = api.draft(cashier, DemoAccounts.AHMED_PATIENT_ID, service(GENERAL_CONSULTATION), service(filling))
        .bodyAsJsonObject().getString("id");
    // what dental_bill_step writes for a plan step on two teeth (changeset 057); a number that is no tooth is refused
    String line = "UPDATE invoice_lines SET teeth = '%s' WHERE invoice_id = '" + id + "' AND service_id = '" + filling + "'";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.asOwner(line.formatted("{16,19}")))
        .hasMessageContaining("invoice_lines_teeth_fdi");
    app.asOwner(line.formatted("{16,26}"));
    ok(call("POST", "/v1/invoices/" + id + "/issue", cashier, null), 200);
    JsonObject claimed = claimFor(id);

    var response = call("GET", "/v1/insurance/claims/" + claimed.getString("id") + "/fhir", accountant, null);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(fhirErrors(response.bodyAsString())).isEmpty();
    Claim oral = (Claim) FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, response.bodyAsString())
        .getEntry().get(0).getResource();
    assertThat(oral.getType().getCodingFirstRep().getCode()).isEqualTo("oral");
    assertThat(oral.getItem()).hasSize(3);
    assertThat(oral.getItem().get(0).hasBodySite()).isFalse();
    assertThat(oral.getItem().subList(1, 3).stream().map(i -> i.getBodySite().getCodingFirstRep().getCode()).toList())
        .containsExactly("16", "26");
    assertThat(oral.getItem().get(1).getBodySite().getCodingFirstRep().getSystem()).isEqualTo("http://nphies.sa/terminology/CodeSystem/fdi-oral-region");
    java.math.BigDecimal sum = oral.getItem().stream().map(i -> i.getNet().getValue())
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    assertThat(sum).isEqualByComparingTo(oral.getTotal().getValue());
    assertThat(oral.getTotal().getValue()).isEqualByComparingTo(claimed.getString("claimedAmount"));
  }

  static List<String> fhirErrors(String json) {
    FhirContext fhir = FhirContext.forR4Cached();
    FhirValidator validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(
        new DefaultProfileValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
        new InMemoryTerminologyServerValidationSupport(fhir), new SnapshotGeneratingValidationSupport(fhir))));
    return validator.validateWithResult(json).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
  }

  @Test
  void eligibility_answers_for_the_day_and_the_service() {
    String base = "/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID + "/eligibility";
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    JsonObject ecg = ok(call("GET", base + "?serviceId=" + ECG, reception, null), 200);
    assertThat(ecg.getMap()).containsEntry("eligible", true).containsEntry("covered", true);
    assertThat(ecg.getJsonObject("coverage").getString("payerName")).isEqualTo("Bupa Arabia");
    assertThat(ecg.getJsonObject("rule").getMap()).containsEntry("category", "cardiology").containsEntry("preauthRequired", true)
        .containsEntry("preauthorised", true);
    JsonObject cardio = ok(call("GET", base + "?serviceId=" + CARDIOLOGY_CONSULTATION, reception, null), 200);
    assertThat(cardio.getMap()).containsEntry("eligible", true).containsEntry("covered", false);
    JsonObject later = ok(call("GET", base + "?date=" + LocalDate.now().plusYears(2), reception, null), 200);
    assertThat(later.getMap()).containsEntry("eligible", false).containsEntry("coverage", null);
    JsonObject reem = ok(call("GET", "/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/eligibility", reception, null), 200);
    assertThat(reem.getBoolean("eligible")).isFalse();
  }

  @Test
  void an_insurer_plan_and_coverage_made_here_apply_their_annual_limit() {
    JsonObject payer = ok(call("POST", "/v1/insurance/payers", accountant, new JsonObject().put("code", "medgulf")
        .put("nameAr", "ميدغلف").put("nameEn", "MedGulf").put("cchiId", "CCHI-7003")), 201);
    JsonObject plan = ok(call("POST", "/v1/insurance/plans", accountant, new JsonObject().put("payerId", payer.getString("id"))
        .put("code", "basic").put("nameAr", "الأساسية").put("nameEn", "Basic")
        .put("rules", new JsonArray().add(new JsonObject().put("category", "all").put("coveredPercent", 100)
            .put("annualLimit", "200.00")))), 201);
    assertThat(plan.getJsonArray("rules").getJsonObject(0).getString("annualLimit")).isEqualTo("200.00");
    String coverages = "/v1/patients/" + DemoAccounts.MOHAMMED_PATIENT_ID + "/coverages";
    ok(call("POST", coverages, accountant, new JsonObject().put("planId", plan.getString("id")).put("policyNumber", "MG-1")
        .put("memberNumber", "MG-M-1").put("validFrom", LocalDate.now().minusDays(1).toString())
        .put("validTo", LocalDate.now().plusDays(300).toString())), 201);
    // Mohammed is a resident: 15 % on everything. 150.00 + 22.50, then 100.00 + 15.00 of which 27.50 is left
    String id = api.issued(cashier, DemoAccounts.MOHAMMED_PATIENT_ID, service(GENERAL_CONSULTATION),
        item("Brace", "1", "100.00", "0")).getString("id");
    JsonArray lines = ok(call("GET", "/v1/invoices/" + id + "/insurance-shares", cashier, null), 200).getJsonArray("lines");
    assertThat(lines.getJsonObject(0).getMap()).containsEntry("insurerShare", "172.50").containsEntry("outcome", "covered");
    assertThat(lines.getJsonObject(1).getMap()).containsEntry("insurerShare", "27.50").containsEntry("patientShare", "87.50")
        .containsEntry("outcome", "limit_reached");
    // the next invoice this year gets nothing from this insurer
    String next = api.issued(cashier, DemoAccounts.MOHAMMED_PATIENT_ID, item("Brace", "1", "100.00", "0")).getString("id");
    assertThat(ok(call("GET", "/v1/invoices/" + next + "/insurance-shares", cashier, null), 200).getString("insurerShare"))
        .isEqualTo("0.00");
    var nothing = call("POST", "/v1/insurance/claims", accountant, new JsonObject().put("invoiceId", next));
    assertThat(nothing.statusCode()).isEqualTo(422);
    assertThat(code(nothing)).isEqualTo("claim_nothing_covered");
  }

  @Test
  void bad_input_is_a_localized_refusal_and_writes_nothing() {
    String coverages = "/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/coverages";
    long before = api.count("SELECT 1 FROM patient_coverages");
    var backwards = api.call("POST", coverages, "ar", accountant, new JsonObject().put("planId", "00000000-0000-4019-9000-000000000011")
        .put("policyNumber", "P").put("memberNumber", "M-REEM").put("validFrom", "2026-05-01").put("validTo", "2026-04-01"));
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.bodyAsJsonObject().getString("code")).isEqualTo("coverage_dates");
    assertThat(backwards.bodyAsJsonObject().getString("detail")).contains("التغطية");
    var unknownPlan = call("POST", coverages, accountant, new JsonObject().put("planId", UUID.randomUUID().toString())
        .put("policyNumber", "P").put("memberNumber", "M-REEM").put("validFrom", "2026-01-01").put("validTo", "2026-12-31"));
    assertThat(unknownPlan.statusCode()).isEqualTo(422);
    assertThat(code(unknownPlan)).isEqualTo("insurance_reference_unknown");
    var taken = call("POST", coverages, accountant, new JsonObject().put("planId", "00000000-0000-4019-9000-000000000011")
        .put("policyNumber", "P").put("memberNumber", "BUPA-M-88120417").put("validFrom", "2026-01-01").put("validTo", "2026-12-31"));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(code(taken)).isEqualTo("member_number_taken");
    assertThat(api.count("SELECT 1 FROM patient_coverages")).isEqualTo(before);

    long plans = api.count("SELECT 1 FROM insurance_plans");
    var both = call("POST", "/v1/insurance/plans", accountant, new JsonObject().put("payerId", BUPA).put("code", "x")
        .put("nameAr", "س").put("nameEn", "X").put("rules", new JsonArray().add(new JsonObject().put("category", "all")
            .put("coveredPercent", 50).put("copayAmount", "10").put("copayPercent", 10))));
    assertThat(code(both)).isEqualTo("copay_one_kind");
    var over = call("POST", "/v1/insurance/plans", accountant, new JsonObject().put("payerId", BUPA).put("code", "x")
        .put("nameAr", "س").put("nameEn", "X").put("rules", new JsonArray().add(new JsonObject().put("category", "all")
            .put("coveredPercent", 150))));
    assertThat(over.statusCode()).isEqualTo(400);
    var twice = call("POST", "/v1/insurance/plans", accountant, new JsonObject().put("payerId", BUPA).put("code", "x")
        .put("nameAr", "س").put("nameEn", "X").put("rules", new JsonArray().add(new JsonObject().put("category", "all")
            .put("coveredPercent", 50)).add(new JsonObject().put("category", "all").put("coveredPercent", 60))));
    assertThat(code(twice)).isEqualTo("rule_category_repeated");
    assertThat(api.count("SELECT 1 FROM insurance_plans")).isEqualTo(plans);
    var draft = api.draft(cashier, DemoAccounts.AHMED_PATIENT_ID, service(GENERAL_CONSULTATION)).bodyAsJsonObject().getString("id");
    assertThat(code(call("POST", "/v1/insurance/claims", accountant, new JsonObject().put("invoiceId", draft))))
        .isEqualTo("invoice_not_issued");
  }

  @Test
  void the_desk_reads_coverage_the_accountant_manages_patients_see_their_own_and_marketers_nothing() {
    String ahmed = "/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID + "/coverages";
    JsonObject own = ok(call("GET", ahmed, app.loginAs(DemoAccounts.PATIENT_AHMED), null), 200);
    assertThat(own.getJsonArray("items").stream().map(i -> ((JsonObject) i).getInteger("priority")).toList()).containsExactly(1, 2);
    assertThat(call("GET", ahmed, app.loginAs(DemoAccounts.PATIENT_FATIMAH), null).statusCode()).isEqualTo(404);
    assertThat(call("GET", ahmed, cashier, null).statusCode()).isEqualTo(200);
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    assertThat(call("GET", ahmed, reception, null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/v1/insurance/claims", reception, null).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/v1/insurance/claims", cashier, new JsonObject().put("invoiceId", UUID.randomUUID().toString()))
        .statusCode()).isEqualTo(403);
    assertThat(call("GET", ahmed, app.loginAs(DemoAccounts.MARKETER), null).statusCode()).isEqualTo(403);
    assertThat(call("GET", ahmed, app.loginAs(DemoAccounts.DOCTOR), null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/v1/insurance/payers", app.loginAs(DemoAccounts.MARKETER), null).statusCode()).isEqualTo(403);
    JsonObject claims = ok(call("GET", "/v1/insurance/claims?payerId=" + BUPA + "&status=submitted", accountant, null), 200);
    assertThat(claims.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")))
        .contains("00000000-0000-4019-9000-000000000052");
  }
}
