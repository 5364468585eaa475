package io.moeen.billing.invoices;

import io.moeen.billing.BillingApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.moeen.billing.BillingApi.GENERAL_CONSULTATION;
import static io.moeen.billing.BillingApi.item;
import static io.moeen.billing.BillingApi.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drafts, lines, VAT per line, issue with gapless numbers and the QR, notes, and what is refused. */
class InvoicesTest {
  static RunningApp app;
  static BillingApi api;
  static String reception;

  @BeforeAll
  static void start() {
    app = RunningApp.start("billing-invoices");
    api = new BillingApi(app);
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void a_resident_pays_fifteen_percent_per_line_and_the_number_and_qr_come_at_issue() {
    var draft = api.draft(reception, DemoAccounts.MOHAMMED_PATIENT_ID, service(GENERAL_CONSULTATION),
        item("Salbutamol inhaler", "2", "23.45", "0"));
    assertThat(draft.statusCode()).as(draft.bodyAsString()).isEqualTo(201);
    JsonObject body = draft.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("draft");
    assertThat(body.getString("number")).isNull();
    assertThat(body.getString("qr")).isNull();
    JsonArray lines = body.getJsonArray("lines");
    assertThat((java.util.Map<String, Object>) (lines.getJsonObject(0)).getMap()).containsEntry("lineNo", 1).containsEntry("unitPrice", "150.00")
        .containsEntry("vatCategory", "S").containsEntry("vatAmount", "22.50").containsEntry("totalAmount", "172.50");
    // 2 × 23.45 = 46.90; 15 % = 7.035, rounded per line half away from zero
    assertThat((java.util.Map<String, Object>) (lines.getJsonObject(1)).getMap()).containsEntry("lineNo", 2).containsEntry("netAmount", "46.90")
        .containsEntry("vatAmount", "7.04").containsEntry("totalAmount", "53.94");
    assertThat((java.util.Map<String, Object>) (body.getJsonObject("totals")).getMap()).containsEntry("net", "196.90").containsEntry("vat", "29.54")
        .containsEntry("total", "226.44");
    String lastBefore = api.scalar("SELECT max(series_no) FROM invoices WHERE kind = 'invoice' AND location_id = '"
        + BillingApi.OLAYA + "'");

    var issued = api.call("POST", "/v1/invoices/" + body.getString("id") + "/issue", "en", reception, null);

    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(200);
    JsonObject invoice = issued.bodyAsJsonObject();
    assertThat(invoice.getString("status")).isEqualTo("issued");
    int next = Integer.parseInt(lastBefore) + 1;
    assertThat(invoice.getString("number")).matches("OLY-INV-\\d{4}-" + String.format("%06d", next));
    assertThat(invoice.getString("balanceDue")).isEqualTo("226.44");
    assertThat(invoice.getJsonObject("buyer").getString("nationalId")).isEqualTo("2034567890");
    byte[] tlv = Base64.getDecoder().decode(invoice.getString("qr"));
    List<String> fields = tlvValues(tlv);
    assertThat(fields).hasSize(9); // phase 2: hash, signature, public key, certificate signature follow
    assertThat(fields.subList(0, 5)).containsExactly("شركة عيادة معين الطبية", "310122393500003",
        invoice.getString("issuedAt").replaceAll("\\.\\d+", "").replace("+00:00", "Z"), "226.44", "29.54");
  }

  @Test
  void a_saudi_citizen_is_zero_rated_for_healthcare_with_the_reason_on_the_invoice() {
    JsonObject invoice = api.issued(reception, DemoAccounts.AISHA_PATIENT_ID, service(GENERAL_CONSULTATION),
        item("Bandage", "1", "10.00", "0"));

    JsonObject consultation = invoice.getJsonArray("lines").getJsonObject(0);
    assertThat((java.util.Map<String, Object>) (consultation).getMap()).containsEntry("vatCategory", "Z").containsEntry("vatRate", "0")
        .containsEntry("vatAmount", "0.00").containsEntry("exemptionCode", "VATEX-SA-HEA");
    // goods are not a healthcare service: standard rated
    assertThat((java.util.Map<String, Object>) (invoice.getJsonArray("lines").getJsonObject(1)).getMap()).containsEntry("vatCategory", "S")
        .containsEntry("vatAmount", "1.50");
    assertThat((java.util.Map<String, Object>) (invoice.getJsonObject("buyer")).getMap()).containsEntry("name", "عائشة العمري").containsEntry("nationalId", "1045678901");
    assertThat(invoice.getJsonObject("vatExemption").getString("code")).isEqualTo("VATEX-SA-HEA");
    var arabic = api.call("GET", "/v1/invoices/" + invoice.getString("id"), "ar", reception, null).bodyAsJsonObject();
    assertThat(arabic.getJsonObject("vatExemption").getString("reason")).contains("للمواطن السعودي");
    assertThat(arabic.getJsonArray("lines").getJsonObject(0).getString("description")).isEqualTo("كشف عام");
  }

  @Test
  void an_issued_invoice_is_never_edited_by_the_api_or_in_the_database() {
    JsonObject invoice = api.issued(reception, DemoAccounts.REEM_PATIENT_ID, service(GENERAL_CONSULTATION));
    String id = invoice.getString("id");
    String before = api.scalar("SELECT row_to_json(i)::text FROM invoices i WHERE id = '" + id + "'");

    var add = api.call("POST", "/v1/invoices/" + id + "/lines", "ar", reception, item("Extra", "1", "5", "0"));
    var remove = api.call("DELETE", "/v1/invoices/" + id + "/lines/1", "en", reception, null);
    var cancel = api.call("POST", "/v1/invoices/" + id + "/cancel", "en", reception, null);
    var again = api.call("POST", "/v1/invoices/" + id + "/issue", "en", reception, null);

    assertThat(List.of(add.statusCode(), remove.statusCode(), cancel.statusCode(), again.statusCode()))
        .containsOnly(409);
    assertThat(add.bodyAsJsonObject().getString("code")).isEqualTo("invoice_not_draft");
    assertThat(add.bodyAsJsonObject().getString("title")).isEqualTo("الفاتورة صادرة");
    assertThat(add.bodyAsJsonObject().getString("detail")).contains("صادرة", "إشعار دائن");
    assertThatThrownBy(() -> app.asOwner("UPDATE invoice_lines SET unit_price = 1 WHERE invoice_id = '" + id + "'"))
        .hasMessageContaining("never change");
    assertThatThrownBy(() -> app.asOwner("UPDATE invoices SET buyer_name = 'x' WHERE id = '" + id + "'"))
        .hasMessageContaining("never edited");
    assertThat(api.scalar("SELECT row_to_json(i)::text FROM invoices i WHERE id = '" + id + "'")).isEqualTo(before);
  }

  @Test
  void bad_lines_are_refused_in_the_callers_language_and_nothing_is_written() {
    long before = api.count("SELECT 1 FROM invoices");
    var negative = api.draft(reception, DemoAccounts.REEM_PATIENT_ID, item("Gauze", "-1", "5.00", "0"));
    var discount = api.draft(reception, DemoAccounts.REEM_PATIENT_ID, item("Gauze", "2", "5.00", "10.01"));
    var serviceDiscount = api.draft(reception, DemoAccounts.REEM_PATIENT_ID,
        service(GENERAL_CONSULTATION).put("discount", "150.01"));
    var halala = api.draft(reception, DemoAccounts.REEM_PATIENT_ID, item("Gauze", "1", "5.001", "0"));
    var arabic = api.call("POST", "/v1/invoices", "ar", reception, new JsonObject()
        .put("patientId", DemoAccounts.REEM_PATIENT_ID.toString()).put("locationId", BillingApi.OLAYA.toString())
        .put("lines", new JsonArray().add(item("Gauze", "0", "5", "0"))));

    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat((java.util.Map<String, Object>) (negative.bodyAsJsonObject()).getMap()).containsEntry("code", "invalid_quantity").containsEntry("field", "lines.0.quantity");
    assertThat(discount.statusCode()).isEqualTo(400);
    assertThat(discount.bodyAsJsonObject().getString("code")).isEqualTo("discount_exceeds_line");
    assertThat(serviceDiscount.statusCode()).as(serviceDiscount.bodyAsString()).isEqualTo(400);
    assertThat(serviceDiscount.bodyAsJsonObject().getString("code")).isEqualTo("discount_exceeds_line");
    assertThat(halala.bodyAsJsonObject().getString("code")).isEqualTo("invalid_amount");
    assertThat(arabic.bodyAsJsonObject().getString("title")).isEqualTo("كمية غير صالحة");
    assertThat(api.count("SELECT 1 FROM invoices")).isEqualTo(before);

    String empty = api.draft(reception, DemoAccounts.REEM_PATIENT_ID).bodyAsJsonObject().getString("id");
    var issueEmpty = api.call("POST", "/v1/invoices/" + empty + "/issue", "en", reception, null);
    assertThat(issueEmpty.statusCode()).isEqualTo(422);
    assertThat(issueEmpty.bodyAsJsonObject().getString("code")).isEqualTo("invoice_empty");
    assertThat(api.scalar("SELECT status || coalesce(number, '-') FROM invoices WHERE id = '" + empty + "'")).isEqualTo("draft-");
  }

  @Test
  void lines_are_added_and_removed_on_drafts_and_stay_numbered() {
    String id = api.draft(reception, DemoAccounts.REEM_PATIENT_ID, item("A", "1", "1.00", "0"), item("B", "1", "2.00", "0"),
        item("C", "1", "3.00", "0")).bodyAsJsonObject().getString("id");

    var added = api.call("POST", "/v1/invoices/" + id + "/lines", "en", reception, service(GENERAL_CONSULTATION));
    var removed = api.call("DELETE", "/v1/invoices/" + id + "/lines/2", "en", reception, null);
    var missing = api.call("DELETE", "/v1/invoices/" + id + "/lines/9", "en", reception, null);

    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(added.bodyAsJsonObject().getJsonArray("lines")).hasSize(4);
    JsonArray lines = removed.bodyAsJsonObject().getJsonArray("lines");
    assertThat(lines.stream().map(l -> ((JsonObject) l).getInteger("lineNo"))).containsExactly(1, 2, 3);
    assertThat(lines.stream().map(l -> ((JsonObject) l).getString("descriptionEn")))
        .containsExactly("A", "C", "General consultation");
    assertThat(missing.statusCode()).isEqualTo(404);
    var cancelled = api.call("POST", "/v1/invoices/" + id + "/cancel", "en", reception, null);
    assertThat(cancelled.bodyAsJsonObject().getString("status")).isEqualTo("cancelled");
  }

  @Test
  void credit_notes_refer_to_the_invoice_and_never_take_what_is_owed_below_zero() {
    JsonObject invoice = api.issued(reception, DemoAccounts.REEM_PATIENT_ID, item("Splint", "1", "100.00", "0"));
    String id = invoice.getString("id");
    assertThat(invoice.getString("balanceDue")).isEqualTo("115.00");

    var tooMuch = api.call("POST", "/v1/invoices/" + id + "/credit-notes", "en", reception, new JsonObject()
        .put("reason", "Returned").put("lines", new JsonArray().add(item("Splint", "1", "100.01", "0"))));
    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(tooMuch.bodyAsJsonObject().getString("code")).isEqualTo("credit_exceeds_balance");
    assertThat(api.count("SELECT 1 FROM invoices WHERE original_invoice_id = '" + id + "'")).isZero();

    var half = api.call("POST", "/v1/invoices/" + id + "/credit-notes", "en", reception, new JsonObject()
        .put("reason", "Price agreed lower").put("lines", new JsonArray().add(item("Splint", "1", "50.00", "0"))));
    assertThat(half.statusCode()).as(half.bodyAsString()).isEqualTo(201);
    JsonObject note = half.bodyAsJsonObject();
    assertThat((java.util.Map<String, Object>) (note).getMap()).containsEntry("kind", "credit_note").containsEntry("originalInvoiceId", id)
        .containsEntry("originalNumber", invoice.getString("number")).containsEntry("noteReason", "Price agreed lower");
    assertThat(note.getString("number")).matches("OLY-CRN-\\d{4}-\\d{6}");
    assertThat(note.getString("qr")).isNotBlank();
    JsonObject after = api.call("GET", "/v1/invoices/" + id, "en", reception, null).bodyAsJsonObject();
    assertThat((java.util.Map<String, Object>) (after).getMap()).containsEntry("balanceDue", "57.50").containsEntry("status", "issued");
    assertThat(after.getJsonArray("notes")).hasSize(1);

    var debit = api.call("POST", "/v1/invoices/" + id + "/debit-notes", "en", reception, new JsonObject()
        .put("reason", "Second splint").put("lines", new JsonArray().add(item("Splint", "1", "10.00", "0"))));
    assertThat(debit.bodyAsJsonObject().getString("number")).matches("OLY-DBN-\\d{4}-\\d{6}");
    var rest = api.call("POST", "/v1/invoices/" + id + "/credit-notes", "en", reception, new JsonObject()
        .put("reason", "Waived").put("lines", new JsonArray().add(item("Splint", "1", "60.00", "0"))));
    assertThat(rest.statusCode()).isEqualTo(201);
    JsonObject credited = api.call("GET", "/v1/invoices/" + id, "en", reception, null).bodyAsJsonObject();
    assertThat((java.util.Map<String, Object>) (credited).getMap()).containsEntry("balanceDue", "0.00").containsEntry("status", "cancelled");

    String draft = api.draft(reception, DemoAccounts.REEM_PATIENT_ID, item("X", "1", "1", "0")).bodyAsJsonObject().getString("id");
    var onDraft = api.call("POST", "/v1/invoices/" + draft + "/credit-notes", "en", reception, new JsonObject()
        .put("reason", "x").put("lines", new JsonArray().add(item("X", "1", "1", "0"))));
    assertThat(onDraft.statusCode()).isEqualTo(409);
    assertThat(onDraft.bodyAsJsonObject().getString("code")).isEqualTo("invoice_not_issued");
  }

  @Test
  void numbers_stay_gapless_and_unique_when_many_invoices_are_issued_at_once() {
    List<String> drafts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      drafts.add(api.draft(reception, DemoAccounts.REEM_PATIENT_ID, item("Race " + i, "1", "1.00", "0"))
          .bodyAsJsonObject().getString("id"));
    }
    String before = api.scalar("SELECT coalesce(max(series_no), 0) FROM invoices WHERE kind = 'invoice' AND location_id = '"
        + BillingApi.OLAYA + "' AND number IS NOT NULL");

    List<Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>>> all = drafts.stream()
        .map(id -> app.client().post("/v1/invoices/" + id + "/issue").putHeader("Authorization", "Bearer " + reception).send())
        .toList();
    Future.all(all).await();

    assertThat(all).allSatisfy(f -> assertThat(f.result().statusCode()).isEqualTo(200));
    List<Integer> numbers = all.stream().map(f -> Integer.parseInt(f.result().bodyAsJsonObject().getString("number")
        .replaceAll(".*-", ""))).sorted().toList();
    int first = Integer.parseInt(before) + 1;
    assertThat(numbers).containsExactlyElementsOf(java.util.stream.IntStream.range(first, first + 12).boxed().toList());
  }

  @Test
  void totals_always_equal_the_sum_of_lines_each_rounded_on_its_own() {
    java.util.Random random = new java.util.Random(19);
    for (int n = 0; n < 25; n++) {
      List<JsonObject> lines = new ArrayList<>();
      int count = 1 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        String quantity = new java.math.BigDecimal(1 + random.nextInt(5000)).movePointLeft(random.nextInt(4)).toPlainString();
        java.math.BigDecimal price = new java.math.BigDecimal(random.nextInt(100000)).movePointLeft(2);
        java.math.BigDecimal gross = Money.gross(new java.math.BigDecimal(quantity), price);
        String discount = gross.multiply(java.math.BigDecimal.valueOf(random.nextInt(3) == 0 ? random.nextDouble() : 0))
            .setScale(2, java.math.RoundingMode.DOWN).toPlainString();
        lines.add(item("P" + i, quantity, price.toPlainString(), discount));
      }
      var draft = api.draft(reception, DemoAccounts.MOHAMMED_PATIENT_ID, lines.toArray(JsonObject[]::new));
      assertThat(draft.statusCode()).as(draft.bodyAsString()).isEqualTo(201);
      JsonObject invoice = draft.bodyAsJsonObject();
      java.math.BigDecimal vat = java.math.BigDecimal.ZERO;
      java.math.BigDecimal total = java.math.BigDecimal.ZERO;
      for (Object o : invoice.getJsonArray("lines")) {
        JsonObject line = (JsonObject) o;
        java.math.BigDecimal gross = Money.gross(new java.math.BigDecimal(line.getString("quantity")),
            new java.math.BigDecimal(line.getString("unitPrice")));
        java.math.BigDecimal net = gross.subtract(new java.math.BigDecimal(line.getString("discount")));
        assertThat(line.getString("netAmount")).isEqualTo(Money.text(net));
        assertThat(line.getString("vatAmount")).isEqualTo(Money.text(Money.vat(net, new java.math.BigDecimal("15"))));
        vat = vat.add(new java.math.BigDecimal(line.getString("vatAmount")));
        total = total.add(new java.math.BigDecimal(line.getString("totalAmount")));
      }
      assertThat(invoice.getJsonObject("totals").getString("vat")).isEqualTo(Money.text(vat));
      assertThat(invoice.getJsonObject("totals").getString("total")).isEqualTo(Money.text(total));
      assertThat(invoice.getString("balanceDue")).isEqualTo(Money.text(total));
    }
  }

  static List<String> tlvValues(byte[] tlv) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < tlv.length; ) {
      int length = tlv[i + 1] & 0xff;
      values.add(new String(tlv, i + 2, length, StandardCharsets.UTF_8));
      i += 2 + length;
    }
    return values;
  }

  static UUID id(JsonObject invoice) {
    return UUID.fromString(invoice.getString("id"));
  }
}
