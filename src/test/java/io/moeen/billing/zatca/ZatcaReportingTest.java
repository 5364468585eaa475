package io.moeen.billing.zatca;

import io.moeen.billing.BillingApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.moeen.billing.BillingApi.GENERAL_CONSULTATION;
import static io.moeen.billing.BillingApi.OLAYA;
import static io.moeen.billing.BillingApi.item;
import static io.moeen.billing.BillingApi.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding, reporting and clearance against a ZATCA stand-in on loopback (a real HTTP server that checks the
 * headers, the CSR, the credentials, and that each invoice's hash is the hash of its XML): the demo invoices have
 * their XML from the first start; a refused OTP changes nothing; the production certificate signs what is issued
 * next; accepted, accepted-with-warnings, rejected and 5xx-then-accepted invoices end where they should, with
 * ZATCA's messages, in the caller's language; four workers at once never send one invoice twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZatcaReportingTest {
  static ZatcaStandIn zatca;
  static RunningApp app;
  static BillingApi api;
  static String accountant;
  static String cashier;

  @BeforeAll
  static void start() {
    zatca = ZatcaStandIn.start();
    app = RunningApp.start("billing-zatca-reporting", Map.of("MOEEN_ZATCA_BASE_URL", zatca.baseUrl(),
        "MOEEN_ZATCA_INTERVAL_MS", "0", "MOEEN_ZATCA_RETRY_MS", "60000"));
    api = new BillingApi(app);
    accountant = app.loginAs(DemoAccounts.ACCOUNTANT);
    cashier = app.loginAs(DemoAccounts.CASHIER);
  }

  @AfterAll
  static void stop() {
    app.close();
    zatca.close();
  }

  private static String onboarding() {
    return api.call("GET", "/v1/billing/zatca/devices/" + OLAYA, "en", accountant, null).bodyAsJsonObject().getString("onboarding");
  }

  @Test
  @Order(1)
  void the_demo_invoices_have_their_signed_xml_from_the_first_start_and_wait() {
    var xml = api.call("GET", "/v1/invoices/" + BillingApi.AHMED_PAID_INVOICE + "/xml", "en", accountant, null);
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.getHeader("X-Zatca-Status")).isEqualTo("pending_report");
    assertThat(InvoiceHash.of(xml.bodyAsString())).isEqualTo(digest(xml.bodyAsString()));
    // stamped once: every issued demo document has exactly one e-invoice
    assertThat(api.count("SELECT i.id FROM invoices i WHERE number IS NOT NULL"
        + " AND NOT EXISTS (SELECT 1 FROM zatca_documents d WHERE d.invoice_id = i.id)")).isZero();
  }

  @Test
  @Order(2)
  void onboarding_refuses_a_cashier_a_bad_code_and_a_wrong_code_without_changing_anything_then_swaps_the_certificate()
      throws Exception {
    String path = "/v1/billing/zatca/devices/" + OLAYA + "/onboarding";
    assertThat(api.call("POST", path, "en", cashier, new JsonObject().put("otp", ZatcaStandIn.OTP)).statusCode()).isEqualTo(403);
    var bad = api.call("POST", path, "ar", accountant, new JsonObject().put("otp", "12a"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("code")).isEqualTo("invalid_otp");
    assertThat(bad.bodyAsJsonObject().getString("title")).isEqualTo("رمز التحقق غير صالح");
    var wrong = api.call("POST", path, "en", accountant, new JsonObject().put("otp", "999999"));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("zatca_onboarding_refused");
    assertThat(wrong.bodyAsJsonObject().getString("detail")).contains("The provided OTP is invalid");
    assertThat(onboarding()).isEqualTo("simulated");
    assertThat(api.count("SELECT 1 FROM zatca_devices WHERE csid_token IS NOT NULL")).isZero();

    var done = api.call("POST", path, "ar", accountant, new JsonObject().put("otp", ZatcaStandIn.OTP));
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
    JsonObject device = done.bodyAsJsonObject();
    assertThat(device.getString("onboarding")).isEqualTo("production");
    assertThat(device.getBoolean("simulated")).isFalse();
    assertThat(device.getJsonObject("certificate").getString("issuer")).contains("ZATCA Stand-in CA");
    assertThat(device.encode()).doesNotContain("private");
    assertThat(zatca.problems).isEmpty();

    // what is issued now is signed under ZATCA's certificate
    JsonObject issued = api.issued(cashier, DemoAccounts.MOHAMMED_PATIENT_ID, service(GENERAL_CONSULTATION));
    String xml = api.call("GET", "/v1/invoices/" + issued.getString("id") + "/xml", "en", cashier, null).bodyAsString();
    assertThat(certificate(xml).getIssuerX500Principal().getName()).contains("ZATCA Stand-in CA");
  }

  @Test
  @Order(3)
  void accepted_warned_rejected_and_failed_then_accepted_invoices_end_where_they_should_sent_once_by_four_workers()
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(api.issued(cashier, DemoAccounts.MOHAMMED_PATIENT_ID, item("Gauze " + i, "1", "10.00", "0")).getString("id"));
    }
    zatca.then(ids.get(1), "warn");
    zatca.then(ids.get(2), "reject");
    zatca.then(ids.get(3), "fail", "accept");
    List<ZatcaReporting> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      workers.add(new ZatcaReporting(app.pool(), new HttpZatcaGateway(zatca.vertx(), zatca.baseUrl()), Duration.ofMinutes(1)));
    }
    int sent = drain(workers);
    long pendingAll = api.count("SELECT 1 FROM zatca_documents WHERE status = 'pending_report' AND location_id = '"
        + OLAYA + "'");
    assertThat(pendingAll).isEqualTo(1);  // the one ZATCA failed, waiting for its backoff
    assertThat(api.scalar("SELECT last_error FROM zatca_documents WHERE invoice_id = '" + ids.get(3) + "'"))
        .isEqualTo("Something went wrong");
    // backed off a minute (the first retry), not sent again meanwhile; then the minute passes
    assertThat(api.count("SELECT 1 FROM zatca_documents WHERE invoice_id = '" + ids.get(3)
        + "' AND next_attempt_at > now() + interval '50 seconds' AND attempts = 1")).isEqualTo(1);
    assertThat(drain(workers)).isZero();
    app.asOwner("UPDATE zatca_documents SET next_attempt_at = now() WHERE invoice_id = '" + ids.get(3) + "'");
    sent += drain(workers);
    assertThat(api.count("SELECT 1 FROM zatca_documents WHERE status = 'pending_report' AND location_id = '"
        + OLAYA + "'")).isZero();

    // every document once, the failed one twice; every hash matched its XML
    List<String> all = List.of(api.scalar("SELECT string_agg(invoice_id::text, ',') FROM zatca_documents WHERE location_id = '"
        + OLAYA + "'").split(","));
    assertThat(all).hasSizeGreaterThan(ids.size()).containsAll(ids);
    for (String id : all) {
      assertThat(zatca.submitted(id)).as(id).isEqualTo(id.equals(ids.get(3)) ? 2 : 1);
    }
    assertThat(sent).isEqualTo(all.size() + 1);
    assertThat(zatca.problems).isEmpty();

    JsonObject accepted = document(ids.get(0), "en");
    assertThat(accepted.getString("status")).isEqualTo("reported");
    assertThat(accepted.getString("zatcaStatus")).isEqualTo("REPORTED");
    assertThat(accepted.getString("summary")).isEqualTo("Accepted by ZATCA.");
    JsonObject warned = document(ids.get(1), "en");
    assertThat(warned.getString("status")).isEqualTo("reported");
    assertThat(warned.getString("summary")).isEqualTo("Accepted by ZATCA with warnings: 1.");
    JsonObject rejected = document(ids.get(2), "ar");
    assertThat(rejected.getString("status")).isEqualTo("rejected");
    assertThat(rejected.getString("statusLabel")).isEqualTo("رفضتها الهيئة");
    assertThat(rejected.getString("summary")).startsWith("رفضتها الهيئة لأخطاء عددها 1");
    JsonObject reason = rejected.getJsonArray("messages").getJsonObject(0);
    assertThat(reason.getString("code")).isEqualTo("BR-KSA-37");
    assertThat(reason.getString("typeLabel")).isEqualTo("خطأ");
    JsonObject retried = document(ids.get(3), "en");
    assertThat(retried.getString("status")).isEqualTo("reported");
    assertThat(retried.getInteger("attempts")).isEqualTo(2);

    JsonArray rejectedList = api.call("GET", "/v1/billing/zatca/documents?status=rejected", "en", cashier, null)
        .bodyAsJsonObject().getJsonArray("items");
    assertThat(rejectedList).hasSize(1);
    assertThat(rejectedList.getJsonObject(0).getString("invoiceId")).isEqualTo(ids.get(2));
    assertThat(api.call("GET", "/v1/billing/zatca/documents", "en", app.loginAs(DemoAccounts.DOCTOR), null).statusCode())
        .isEqualTo(403);
    var xml = api.call("GET", "/v1/invoices/" + ids.get(2) + "/xml", "en", cashier, null);
    assertThat(xml.getHeader("X-Zatca-Status")).isEqualTo("rejected");
    JsonObject device = api.call("GET", "/v1/billing/zatca/devices/" + OLAYA, "en", accountant, null).bodyAsJsonObject();
    assertThat(device.getJsonObject("documents").getLong("rejected")).isEqualTo(1L);
  }

  @Test
  @Order(4)
  void a_standard_invoice_is_cleared_and_zatca_returns_it() {
    String xml = api.call("GET", "/v1/invoices/" + BillingApi.MOHAMMED_ISSUED_INVOICE + "/xml", "en", accountant, null)
        .bodyAsString();
    String token = api.scalar("SELECT csid_token || ':' || csid_secret FROM zatca_devices WHERE csid_token IS NOT NULL");
    String[] credentials = token.split(":");
    ZatcaGateway gateway = new HttpZatcaGateway(zatca.vertx(), zatca.baseUrl());
    String uuid = "00000000-0000-4019-8000-000000000002";
    var answer = gateway.submit(new ZatcaGateway.Submission(InvoiceHash.of(xml), uuid, xml, true),
        new ZatcaGateway.Credentials(credentials[0], credentials[1])).await();
    Outcome outcome = Outcome.of(answer, true);
    assertThat(outcome.status()).isEqualTo("cleared");
    assertThat(outcome.clearedXml()).isEqualTo(xml);
    var refused = gateway.submit(new ZatcaGateway.Submission("bm90IHRoZSBoYXNo", uuid, xml, false),
        new ZatcaGateway.Credentials(credentials[0], credentials[1])).await();
    assertThat(Outcome.of(refused, false).status()).isEqualTo("rejected");
    zatca.problems.clear();
  }

  private static int drain(List<ZatcaReporting> workers) {
    int total = 0;
    while (true) {
      List<Future<Integer>> rounds = workers.stream().map(ZatcaReporting::submitDue).toList();
      int sent = Future.all(rounds).await().list().stream().mapToInt(n -> (Integer) n).sum();
      if (sent == 0) {
        return total;
      }
      total += sent;
    }
  }

  private static JsonObject document(String id, String lang) {
    var response = api.call("GET", "/v1/billing/zatca/documents/" + id, lang, accountant, null);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static String digest(String xml) {
    Matcher m = Pattern.compile("Id=\"invoiceSignedData\" URI=\"\">.*?<ds:DigestValue>([^<]+)</ds:DigestValue>").matcher(xml);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static X509Certificate certificate(String xml) throws Exception {
    Matcher m = Pattern.compile("<ds:X509Certificate>([^<]+)</ds:X509Certificate>").matcher(xml);
    assertThat(m.find()).isTrue();
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
  }
}
