package io.moeen.pharmacy;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static io.moeen.pharmacy.PharmacyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Over HTTP: who may do what, localized problems for bad input that change nothing, CSV as a download. */
class PharmacyApiTest {
  static RunningApp app;
  static String pharmacist;
  static String keeper;
  static String doctor;
  static String patient;

  @BeforeAll
  static void start() {
    app = RunningApp.start("pharmacy-api");
    pharmacist = app.loginAs(DemoAccounts.PHARMACIST);
    keeper = app.loginAs(DemoAccounts.STORE_KEEPER);
    doctor = app.loginAs(DemoAccounts.DOCTOR);
    patient = app.loginAs(DemoAccounts.PATIENT_AHMED);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** A POST carries a new Idempotency-Key (a dispense requires one). */
  static HttpResponse<Buffer> call(String method, String path, String lang, String token, JsonObject body) {
    return "POST".equals(method) ? call(path, lang, token, body, UUID.randomUUID().toString())
        : ApiCalls.call(app, method, path, lang, token, body == null ? null : body.encode());
  }

  static HttpResponse<Buffer> call(String path, String lang, String token, JsonObject body, String key) {
    HttpRequest<Buffer> request = app.client().post(path).putHeader("Authorization", "Bearer " + token);
    if (key != null) {
      request.putHeader("Idempotency-Key", key);
    }
    return app.send(request, lang, "application/json", body.encode());
  }

  static BigDecimal moves() {
    Object v = app.pool().query("SELECT count(*) FROM inventory_moves").execute().await().iterator().next().getValue(0);
    return new BigDecimal(v.toString());
  }

  @Test
  @DisplayName("pharmacists dispense, store keepers receive, doctors only search, patients nothing")
  void access() {
    JsonObject walkIn = dispense(PHARMACY, "زائر", PARACETAMOL, 2);
    assertThat(call("POST", "/v1/pharmacy/dispenses", "en", pharmacist, walkIn).statusCode()).isEqualTo(201);
    assertThat(call("POST", "/v1/pharmacy/dispenses", "en", keeper, walkIn).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/v1/pharmacy/dispenses", "en", doctor, walkIn).statusCode()).isEqualTo(403);
    JsonObject receipt = new JsonObject().put("storeId", PHARMACY.toString()).put("itemId", PARACETAMOL.toString())
        .put("lotNumber", "API-1").put("expiryDate", today().plusYears(2).toString()).put("quantity", 100)
        .put("unitCost", 0.5).put("purchaseReference", "PO-API-1");
    assertThat(call("POST", "/v1/pharmacy/receipts", "en", keeper, receipt).statusCode()).isEqualTo(201);
    assertThat(call("POST", "/v1/pharmacy/receipts", "en", pharmacist, receipt).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/v1/pharmacy/items?q=amox", "en", doctor, null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/v1/pharmacy/stock", "en", doctor, null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/v1/pharmacy/items", "en", patient, null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/v1/pharmacy/reports/low-stock", "en", app.loginAs(DemoAccounts.SUPERVISOR), null).statusCode())
        .isEqualTo(200);
    assertThat(call("GET", "/v1/pharmacy/items/" + UUID.randomUUID(), "en", pharmacist, null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("a fractional tablet is a 400 in Arabic naming the field, and nothing moves")
  void fractional_in_arabic() {
    BigDecimal before = moves();
    HttpResponse<Buffer> response = call("POST", "/v1/pharmacy/dispenses", "ar", pharmacist,
        dispense(PHARMACY, "زائر", PARACETAMOL, 1.5));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("code")).isEqualTo("fractional_quantity");
    assertThat(problem.getString("field")).isEqualTo("lines.0.quantity");
    assertThat(problem.getString("title")).isEqualTo("الكمية يجب أن تكون عددًا صحيحًا");
    assertThat(moves()).isEqualByComparingTo(before);
  }

  @Test
  @DisplayName("bad input over HTTP: negative quantity, past expiry, same-store transfer, too much — each a localized 4xx")
  void bad_input() {
    BigDecimal before = moves();
    JsonObject receipt = new JsonObject().put("storeId", PHARMACY.toString()).put("itemId", PARACETAMOL.toString())
        .put("lotNumber", "API-BAD").put("expiryDate", today().minusDays(1).toString()).put("quantity", 10)
        .put("unitCost", 0.5).put("purchaseReference", "PO-API-BAD");
    HttpResponse<Buffer> past = call("POST", "/v1/pharmacy/receipts", "en", keeper, receipt);
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.bodyAsJsonObject().getString("code")).isEqualTo("expiry_in_past");
    HttpResponse<Buffer> negative = call("POST", "/v1/pharmacy/receipts", "ar", keeper,
        receipt.copy().put("expiryDate", today().plusYears(1).toString()).put("quantity", -3));
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.bodyAsJsonObject().getString("code")).isEqualTo("invalid_quantity");
    String batch = app.pool().query("SELECT id FROM inventory_batches WHERE store_id = '" + PHARMACY
        + "' AND item_id = '" + CETIRIZINE + "' LIMIT 1").execute().await().iterator().next().getUUID(0).toString();
    HttpResponse<Buffer> same = call("POST", "/v1/pharmacy/transfers", "ar", keeper, new JsonObject()
        .put("fromStoreId", PHARMACY.toString()).put("toStoreId", PHARMACY.toString()).put("batchId", batch)
        .put("itemId", CETIRIZINE.toString()).put("quantity", 1));
    assertThat(same.statusCode()).isEqualTo(400);
    assertThat(same.bodyAsJsonObject().getString("detail")).contains("المستودع نفسه");
    HttpResponse<Buffer> tooMuch = call("POST", "/v1/pharmacy/dispenses", "en", pharmacist,
        dispense(PHARMACY, "W", CETIRIZINE, 1_000_000));
    assertThat(tooMuch.statusCode()).isEqualTo(409);
    assertThat(tooMuch.bodyAsJsonObject().getString("code")).isEqualTo("insufficient_stock");
    HttpResponse<Buffer> otherItem = call("POST", "/v1/pharmacy/write-offs", "en", keeper, new JsonObject()
        .put("batchId", batch).put("itemId", PARACETAMOL.toString()).put("quantity", 1).put("reason", "damaged"));
    assertThat(otherItem.statusCode()).isEqualTo(400);
    assertThat(otherItem.bodyAsJsonObject().getString("code")).isEqualTo("batch_of_another_item");
    assertThat(moves()).isEqualByComparingTo(before);
  }

  @Test
  @DisplayName("over HTTP: a dispense without Idempotency-Key is 400; the same key twice dispenses once; another body is 422")
  void idempotency_key_over_http() {
    JsonObject walkIn = dispense(PHARMACY, "Retry", PARACETAMOL, 3);
    BigDecimal before = moves();
    HttpResponse<Buffer> missing = call("/v1/pharmacy/dispenses", "ar", pharmacist, walkIn, null);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyAsJsonObject().getString("code")).isEqualTo("idempotency_key_required");
    assertThat(missing.bodyAsJsonObject().getString("title")).isEqualTo("مفتاح عدم التكرار مطلوب");
    String key = UUID.randomUUID().toString();
    HttpResponse<Buffer> first = call("/v1/pharmacy/dispenses", "en", pharmacist, walkIn, key);
    HttpResponse<Buffer> again = call("/v1/pharmacy/dispenses", "ar", pharmacist, walkIn, key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.bodyAsJsonObject().getString("id")).isEqualTo(first.bodyAsJsonObject().getString("id"));
    assertThat(moves()).isEqualByComparingTo(before.add(BigDecimal.ONE));
    HttpResponse<Buffer> other = call("/v1/pharmacy/dispenses", "en", pharmacist, dispense(PHARMACY, "Retry", PARACETAMOL, 4), key);
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.bodyAsJsonObject().getString("code")).isEqualTo("idempotency_key_reused");
    assertThat(moves()).isEqualByComparingTo(before.add(BigDecimal.ONE));
  }

  @Test
  @DisplayName("the CSV reports download as text/csv with a byte-order mark")
  void csv_download() {
    HttpResponse<Buffer> csv = call("GET", "/v1/pharmacy/reports/low-stock.csv", "ar", keeper, null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.getHeader("Content-Disposition")).contains("low-stock.csv");
    assertThat(csv.bodyAsString()).startsWith("\uFEFFstoreId,storeName,itemId");
  }
}
