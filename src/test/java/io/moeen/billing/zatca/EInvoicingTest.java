package io.moeen.billing.zatca;

import io.moeen.billing.BillingApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.moeen.billing.BillingApi.ECG;
import static io.moeen.billing.BillingApi.GENERAL_CONSULTATION;
import static io.moeen.billing.BillingApi.OLAYA;
import static io.moeen.billing.BillingApi.item;
import static io.moeen.billing.BillingApi.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phase 2: every invoice issued (many at once, and a credit note) is stamped in its issuing transaction. For each
 * one the test takes the stored signed XML, recomputes the hash (without extensions, signature and QR; C14N 1.1;
 * SHA-256), verifies the ECDSA signature with the certificate inside the XML, checks the QR's tags 6-9, and walks
 * the branch's chain: counters 1..n without a gap, each PIH the previous hash, the first the hash of "0".
 */
class EInvoicingTest {
  static RunningApp app;
  static BillingApi api;

  @BeforeAll
  static void start() {
    app = RunningApp.start("billing-einvoicing");
    api = new BillingApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void every_issued_invoice_is_signed_and_the_chain_is_unbroken_when_many_are_issued_at_once() throws Exception {
    String token = app.loginAs(DemoAccounts.CASHIER);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<CompletableFuture<JsonObject>> issued = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      var patient = i % 2 == 0 ? DemoAccounts.AHMED_PATIENT_ID : DemoAccounts.MOHAMMED_PATIENT_ID;
      issued.add(CompletableFuture.supplyAsync(() -> api.issued(token, patient, service(GENERAL_CONSULTATION),
          item("Bandage", "2", "10.50", "1.00")), pool));
    }
    List<JsonObject> invoices = issued.stream().map(CompletableFuture::join).toList();
    pool.shutdown();
    JsonObject first = invoices.get(1);
    var credit = api.call("POST", "/v1/invoices/" + first.getString("id") + "/credit-notes", "en", token,
        new JsonObject().put("reason", "Bandage not used").put("lines", new io.vertx.core.json.JsonArray()
            .add(item("Bandage", "1", "10.00", "0"))));
    assertThat(credit.statusCode()).isEqualTo(201);

    List<String[]> chain = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), app.database().password());
         ResultSet rs = c.createStatement().executeQuery("SELECT d.icv, d.pih, d.hash, d.signature, d.qr, d.xml, i.kind "
             + "FROM zatca_documents d JOIN invoices i ON i.id = d.invoice_id WHERE d.location_id = '" + OLAYA + "' ORDER BY d.icv")) {
      while (rs.next()) {
        chain.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7)});
      }
    }
    assertThat(chain).hasSizeGreaterThanOrEqualTo(17); // the other test may have issued one first
    String previous = InvoiceHash.FIRST_PIH;
    for (int n = 0; n < chain.size(); n++) {
      String[] d = chain.get(n);
      String xml = d[5];
      assertThat(Long.parseLong(d[0])).as("ICV without gaps").isEqualTo(n + 1);
      assertThat(d[1]).as("PIH is the previous hash").isEqualTo(previous);
      assertThat(xml).contains("<cbc:UUID>" + d[0] + "</cbc:UUID>").contains(previous);
      assertThat(InvoiceHash.of(xml)).as("hash recomputed from the signed XML").isEqualTo(d[2]);
      assertThat(between(xml, "<ds:DigestValue>", "</ds:DigestValue>")).isEqualTo(d[2]);
      X509Certificate certificate = DeviceKeys.certificate(between(xml, "<ds:X509Certificate>", "</ds:X509Certificate>"));
      String signature = between(xml, "<ds:SignatureValue>", "</ds:SignatureValue>");
      assertThat(signature).isEqualTo(d[3]);
      assertThat(DeviceKeys.verify(certificate, InvoiceHash.canonical(xml), Base64.getDecoder().decode(signature)))
          .as("signature verifies").isTrue();
      assertThat(xml).contains(d[6].equals("credit_note") ? ">381</cbc:InvoiceTypeCode>" : ">388</cbc:InvoiceTypeCode>")
          .contains("name=\"0200000\"");
      List<byte[]> tags = tlv(Base64.getDecoder().decode(d[4]));
      assertThat(tags).hasSize(9);
      assertThat(new String(tags.get(5), StandardCharsets.UTF_8)).isEqualTo(d[2]);
      assertThat(new String(tags.get(6), StandardCharsets.UTF_8)).isEqualTo(signature);
      assertThat(tags.get(7)).isEqualTo(certificate.getPublicKey().getEncoded());
      assertThat(tags.get(8)).isEqualTo(certificate.getSignature());
      previous = d[2];
    }
    // a changed amount no longer matches the signed hash
    String tampered = chain.get(0)[5].replaceFirst("<cbc:PayableAmount currencyID=\"SAR\">", "<cbc:PayableAmount currencyID=\"SAR\">1");
    assertThat(InvoiceHash.of(tampered)).isNotEqualTo(chain.get(0)[2]);
  }

  @Test
  void the_signed_xml_is_served_with_its_status_to_who_may_read_the_invoice() {
    String token = app.loginAs(DemoAccounts.CASHIER);
    JsonObject invoice = api.issued(token, DemoAccounts.MOHAMMED_PATIENT_ID, service(ECG));
    String path = "/v1/invoices/" + invoice.getString("id") + "/xml";
    var xml = api.call("GET", path, "en", token, null);
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.getHeader("Content-Type")).startsWith("application/xml");
    assertThat(xml.getHeader("X-Zatca-Status")).isEqualTo("pending_report");
    assertThat(xml.bodyAsString()).startsWith("<?xml").contains("<cbc:ID>" + invoice.getString("number") + "</cbc:ID>");
    assertThat(api.call("GET", path, "en", app.loginAs(DemoAccounts.PATIENT_AHMED), null).statusCode()).isEqualTo(404);
    // the demo invoices were stamped at start; a draft has no e-invoice
    assertThat(api.call("GET", "/v1/invoices/" + BillingApi.AHMED_PAID_INVOICE + "/xml", "en", token, null).statusCode())
        .isEqualTo(200);
    String draft = api.draft(token, DemoAccounts.MOHAMMED_PATIENT_ID, service(ECG)).bodyAsJsonObject().getString("id");
    var none = api.call("GET", "/v1/invoices/" + draft + "/xml", "en", token, null);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.bodyAsJsonObject().getString("code")).isEqualTo("e_invoice_not_found");
  }

  private static String between(String text, String from, String to) {
    Matcher m = Pattern.compile(Pattern.quote(from) + "(.*?)" + Pattern.quote(to)).matcher(text);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static List<byte[]> tlv(byte[] bytes) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < bytes.length; ) {
      int length = bytes[i + 1] & 0xff;
      out.add(Arrays.copyOfRange(bytes, i + 2, i + 2 + length));
      i += 2 + length;
    }
    return out;
  }
}
