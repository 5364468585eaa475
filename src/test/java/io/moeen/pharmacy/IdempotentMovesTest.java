package io.moeen.pharmacy;

import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.FeatureHarness;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.moeen.pharmacy.PharmacyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on every stock-changing request: a retry answers the first answer and moves nothing. */
class IdempotentMovesTest {
  static final String KEY = "Idempotency-Key";

  static FeatureHarness app;
  static JsonObject pharmacist;
  static JsonObject keeper;

  @BeforeAll
  static void start() {
    app = harness("pharmacy-idempotency");
    pharmacist = app.principalOf(DemoAccounts.PHARMACIST);
    keeper = app.principalOf(DemoAccounts.STORE_KEEPER);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static BigDecimal moves(UUID item) {
    return one(app, "SELECT count(*) FROM inventory_moves WHERE item_id = '" + item + "'");
  }

  static Future<JsonObject> send(String address, String operation, JsonObject principal, String key, Object body, String id) {
    JsonObject params = new JsonObject().put(KEY, key);
    if (id != null) {
      params.put("id", id);
    }
    RequestEnvelope envelope = new RequestEnvelope(operation, params, body, principal, "en", UUID.randomUUID().toString());
    return app.vertx().eventBus().<JsonObject>request(address, envelope.toJson())
        .recover(BusFailures::recover).map(reply -> (JsonObject) Reply.fromJson(reply.body()).body());
  }

  @RepeatedTest(3)
  @DisplayName("the same dispense sent 12 times at once with one key dispenses once, and every answer is that dispense")
  void concurrent_duplicates_dispense_once() {
    UUID item = newItem(app, "IDEM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), true);
    receive(app, PHARMACY, item, "I1", today().plusDays(200), 30, 1);
    String key = UUID.randomUUID().toString();
    JsonObject body = dispense(PHARMACY, "Double click", item, 4);
    List<Future<JsonObject>> attempts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      attempts.add(send(PharmacyAddresses.DISPENSES_CREATE, "dispenseMedicines", pharmacist, key, body.copy(), null));
    }
    List<JsonObject> answers = Future.all(attempts).await().list();
    assertThat(answers.stream().map(a -> a.getString("id")).distinct()).hasSize(1);
    assertThat(one(app, "SELECT count(*) FROM inventory_dispense_lines WHERE item_id = '" + item + "'")).isEqualByComparingTo("1");
    assertThat(one(app, "SELECT -sum(quantity) FROM inventory_moves WHERE item_id = '" + item + "' AND kind = 'dispense'"))
        .isEqualByComparingTo("4");
    assertThat(one(app, "SELECT on_hand FROM inventory_stock_levels WHERE item_id = '" + item + "'")).isEqualByComparingTo("26");
  }

  @Test
  @DisplayName("a dispense without a key is refused before anything moves; the same key with another body is 422")
  void dispense_needs_a_key_and_one_body_per_key() {
    UUID item = newItem(app, "IDK-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), true);
    receive(app, PHARMACY, item, "K1", today().plusDays(200), 10, 1);
    BigDecimal before = moves(item);
    Problem missing = app.as(pharmacist).body(dispense(PHARMACY, "W", item, 1)).refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(missing.code()).isEqualTo("idempotency_key_required");
    assertThat(missing.field()).isEqualTo(KEY);
    String key = UUID.randomUUID().toString();
    app.as(pharmacist).param(KEY, key).body(dispense(PHARMACY, "W", item, 1)).send(PharmacyAddresses.DISPENSES_CREATE);
    Problem reused = app.as(pharmacist).param(KEY, key).body(dispense(PHARMACY, "W", item, 2))
        .refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(reused.code()).isEqualTo("idempotency_key_reused");
    assertThat(moves(item)).isEqualByComparingTo(before.add(BigDecimal.ONE));
    // the key is the caller's: another pharmacist's same key is another request
    JsonObject admin = app.principalOf(DemoAccounts.ADMIN);
    app.as(admin).param(KEY, key).body(dispense(PHARMACY, "W", item, 2)).send(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(moves(item)).isEqualByComparingTo(before.add(BigDecimal.valueOf(2)));
  }

  @Test
  @DisplayName("a refused dispense keeps no key: the retry after a delivery dispenses")
  void a_refusal_is_not_remembered() {
    UUID item = newItem(app, "IDR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), true);
    String key = UUID.randomUUID().toString();
    JsonObject body = dispense(PHARMACY, "W", item, 5);
    assertThat(app.as(pharmacist).param(KEY, key).body(body).refusal(PharmacyAddresses.DISPENSES_CREATE).code())
        .isEqualTo("insufficient_stock");
    receive(app, PHARMACY, item, "R1", today().plusDays(200), 10, 1);
    app.as(pharmacist).param(KEY, key).body(body).send(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(one(app, "SELECT on_hand FROM inventory_stock_levels WHERE item_id = '" + item + "'")).isEqualByComparingTo("5");
  }

  @Test
  @DisplayName("receive, adjust, write off, return and transfer sent twice with one key move once and answer the same")
  void every_move_once_per_key() {
    UUID item = newItem(app, "IDM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), true);
    JsonObject receipt = new JsonObject().put("storeId", PHARMACY.toString()).put("itemId", item.toString())
        .put("lotNumber", "M1").put("expiryDate", today().plusYears(1).toString()).put("quantity", 50).put("unitCost", 2)
        .put("purchaseReference", "PO-M1");
    JsonObject received = twice(PharmacyAddresses.STOCK_RECEIVE, "receiveStock", receipt);
    String batch = received.getJsonArray("batches").getJsonObject(0).getString("id");
    assertThat(one(app, "SELECT quantity FROM inventory_batches WHERE id = '" + batch + "'")).isEqualByComparingTo("50");
    JsonObject onBatch = new JsonObject().put("batchId", batch).put("itemId", item.toString());
    twice(PharmacyAddresses.STOCK_ADJUST, "adjustStock", onBatch.copy().put("countedQuantity", 48).put("reason", "count"));
    twice(PharmacyAddresses.STOCK_WRITE_OFF, "writeOffStock", onBatch.copy().put("quantity", 3).put("reason", "damaged"));
    twice(PharmacyAddresses.STOCK_RETURN, "returnStock", onBatch.copy().put("quantity", 1).put("reason", "other"));
    JsonObject moved = twice(PharmacyAddresses.STOCK_TRANSFER, "transferStock", onBatch.copy()
        .put("fromStoreId", PHARMACY.toString()).put("toStoreId", DENTAL_STORE.toString()).put("quantity", 6));
    assertThat(one(app, "SELECT count(*) FROM inventory_moves WHERE transfer_id = '" + moved.getString("transferId") + "'"))
        .isEqualByComparingTo("2");
    assertThat(moves(item)).isEqualByComparingTo("6");
    assertThat(one(app, "SELECT on_hand FROM inventory_stock_levels WHERE store_id = '" + PHARMACY + "' AND item_id = '"
        + item + "'")).isEqualByComparingTo("40");
  }

  @Test
  @DisplayName("a count posted twice with one key posts once and answers the posted count again")
  void count_post_once_per_key() {
    UUID item = newItem(app, "IDC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), true);
    UUID batch = receive(app, DENTAL_STORE, item, "C1", today().plusYears(1), 20, 1);
    JsonObject count = app.as(keeper).body(new JsonObject().put("storeId", DENTAL_STORE.toString()))
        .sendForObject(PharmacyAddresses.COUNTS_OPEN);
    String id = count.getString("id");
    try {
      app.as(keeper).param("id", id).body(new JsonObject().put("lines", new io.vertx.core.json.JsonArray()
          .add(new JsonObject().put("batchId", batch.toString()).put("countedQuantity", 17)))).send(PharmacyAddresses.COUNTS_RECORD);
      String key = UUID.randomUUID().toString();
      JsonObject first = send(PharmacyAddresses.COUNTS_POST, "postStockCount", keeper, key, null, id).await();
      JsonObject again = send(PharmacyAddresses.COUNTS_POST, "postStockCount", keeper, key, null, id).await();
      assertThat(again).isEqualTo(first);
      assertThat(first.getString("status")).isEqualTo("posted");
      assertThat(one(app, "SELECT count(*) FROM inventory_moves WHERE count_id = '" + id + "'")).isEqualByComparingTo("1");
      assertThat(one(app, "SELECT quantity FROM inventory_batches WHERE id = '" + batch + "'")).isEqualByComparingTo("17");
    } finally {
      app.asOwner("UPDATE inventory_counts SET status = 'posted' WHERE id = '" + id + "' AND status = 'open'");
    }
  }

  /** Sends the same request twice with one key; both answers must be equal. */
  private static JsonObject twice(String address, String operation, JsonObject body) {
    String key = UUID.randomUUID().toString();
    JsonObject first = send(address, operation, keeper, key, body.copy(), null).await();
    JsonObject again = send(address, operation, keeper, key, body.copy(), null).await();
    assertThat(again).as(operation).isEqualTo(first);
    return first;
  }
}
