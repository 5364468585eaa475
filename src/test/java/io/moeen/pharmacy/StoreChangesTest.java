package io.moeen.pharmacy;

import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
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

/** Changing and closing stores: a store holding stock stays open; a closed store takes no moves. */
class StoreChangesTest {
  static final String OLAYA = "00000000-0000-4000-c100-000000000001";

  static FeatureHarness app;
  static JsonObject keeper;
  static JsonObject pharmacist;

  @BeforeAll
  static void start() {
    app = harness("pharmacy-stores");
    keeper = app.principalOf(DemoAccounts.STORE_KEEPER);
    pharmacist = app.principalOf(DemoAccounts.PHARMACIST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static UUID newStore(String name) {
    JsonObject store = app.as(keeper).body(new JsonObject().put("locationId", OLAYA).put("kind", "store_room")
        .put("nameAr", "مستودع " + name).put("nameEn", "Store " + name)).sendForObject(PharmacyAddresses.STORES_CREATE);
    return UUID.fromString(store.getString("id"));
  }

  static JsonObject change(UUID store, JsonObject body) {
    return app.as(keeper).param("id", store.toString()).body(body).sendForObject(PharmacyAddresses.STORES_UPDATE);
  }

  static Problem refusedChange(UUID store, JsonObject body) {
    return app.as(keeper).param("id", store.toString()).body(body).refusal(PharmacyAddresses.STORES_UPDATE);
  }

  @Test
  @DisplayName("names and kind change; only the fields given; an unknown store is 404; a pharmacist may not")
  void names_and_kind_change() {
    UUID store = newStore("N1");
    JsonObject changed = change(store, new JsonObject().put("nameEn", "Renamed").put("kind", "pharmacy"));
    assertThat(changed.getString("nameEn")).isEqualTo("Renamed");
    assertThat(changed.getString("nameAr")).isEqualTo("مستودع N1");
    assertThat(changed.getString("kind")).isEqualTo("pharmacy");
    assertThat(changed.getBoolean("active")).isTrue();
    assertThat(refusedChange(UUID.randomUUID(), new JsonObject().put("nameEn", "X")).code()).isEqualTo("store_not_found");
    assertThat(app.as(pharmacist).param("id", store.toString()).body(new JsonObject().put("nameEn", "X"))
        .refusal(PharmacyAddresses.STORES_UPDATE).kind()).isEqualTo(ProblemKind.FORBIDDEN);
  }

  @Test
  @DisplayName("closing a store that holds stock is 409 with what it holds; emptied, it closes and refuses every move")
  void closing() {
    UUID store = newStore("C1");
    UUID item = newItem(app, "ST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), true);
    UUID batch = receive(app, store, item, "S1", today().plusYears(1), 5, 1);
    Problem holds = refusedChange(store, new JsonObject().put("active", false));
    assertThat(holds.code()).isEqualTo("store_holds_stock");
    assertThat(holds.kind()).isEqualTo(ProblemKind.CONFLICT);
    assertThat(holds.toJson().encode()).contains("\"onHand\":\"5\"");
    app.as(keeper).body(new JsonObject().put("batchId", batch.toString()).put("itemId", item.toString()).put("quantity", 5)
        .put("reason", "damaged")).send(PharmacyAddresses.STOCK_WRITE_OFF);
    JsonObject count = app.as(keeper).body(new JsonObject().put("storeId", store.toString()))
        .sendForObject(PharmacyAddresses.COUNTS_OPEN);
    assertThat(refusedChange(store, new JsonObject().put("active", false)).code()).isEqualTo("store_count_open");
    app.as(keeper).param("id", count.getString("id")).send(PharmacyAddresses.COUNTS_POST);
    assertThat(change(store, new JsonObject().put("active", false)).getBoolean("active")).isFalse();

    UUID open = newStore("C2");
    UUID there = receive(app, open, item, "S3", today().plusYears(1), 3, 1);
    BigDecimal moves = one(app, "SELECT count(*) FROM inventory_moves");
    JsonObject receipt = new JsonObject().put("storeId", store.toString()).put("itemId", item.toString())
        .put("lotNumber", "S2").put("expiryDate", today().plusYears(1).toString()).put("quantity", 1).put("unitCost", 1);
    assertThat(app.as(keeper).body(receipt).refusal(PharmacyAddresses.STOCK_RECEIVE).code()).isEqualTo("store_closed");
    assertThat(app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString())
        .body(dispense(store, "W", item, 1)).refusal(PharmacyAddresses.DISPENSES_CREATE).code()).isEqualTo("store_closed");
    assertThat(app.as(keeper).body(new JsonObject().put("storeId", store.toString()))
        .refusal(PharmacyAddresses.COUNTS_OPEN).code()).isEqualTo("store_closed");
    assertThat(app.as(keeper).body(new JsonObject().put("batchId", batch.toString()).put("itemId", item.toString())
        .put("quantity", 1).put("reason", "other")).refusal(PharmacyAddresses.STOCK_RETURN).code()).isEqualTo("store_closed");
    assertThat(app.as(keeper).body(new JsonObject().put("fromStoreId", open.toString()).put("toStoreId", store.toString())
        .put("batchId", there.toString()).put("itemId", item.toString()).put("quantity", 1))
        .refusal(PharmacyAddresses.STOCK_TRANSFER).code()).isEqualTo("store_closed");
    assertThat(one(app, "SELECT count(*) FROM inventory_moves")).isEqualByComparingTo(moves);
    // the database has the last word, whatever path writes a move
    assertThat(app.pool().query("INSERT INTO inventory_moves (kind, store_id, item_id, batch_id, quantity, unit_cost, actor_id)"
        + " VALUES ('return', '" + store + "', '" + item + "', '" + batch + "', 1, 1, '" + DemoAccounts.STORE_KEEPER_ID + "')")
        .execute().map(rows -> "inserted").otherwise(Throwable::getMessage).await()).contains("is closed");
    assertThat(one(app, "SELECT count(*) FROM inventory_moves")).isEqualByComparingTo(moves);
    // opened again, it takes moves
    assertThat(change(store, new JsonObject().put("active", true)).getBoolean("active")).isTrue();
    app.as(keeper).body(receipt).send(PharmacyAddresses.STOCK_RECEIVE);
  }

  @RepeatedTest(3)
  @DisplayName("a close racing 20 receipts into the store never leaves a closed store holding stock")
  void close_races_receipts() {
    UUID store = newStore("R" + UUID.randomUUID().toString().substring(0, 4));
    UUID item = newItem(app, "SR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), true);
    List<Future<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      JsonObject receipt = new JsonObject().put("storeId", store.toString()).put("itemId", item.toString())
          .put("lotNumber", "R" + i).put("expiryDate", today().plusYears(1).toString()).put("quantity", 1).put("unitCost", 1);
      attempts.add(request(PharmacyAddresses.STOCK_RECEIVE, "receiveStock", null, receipt));
      if (i == 10) {
        attempts.add(request(PharmacyAddresses.STORES_UPDATE, "updateInventoryStore", store.toString(),
            new JsonObject().put("active", false)));
      }
    }
    Future.all(attempts).await();
    boolean active = one(app, "SELECT CASE WHEN is_active THEN 1 ELSE 0 END FROM inventory_stores WHERE id = '" + store + "'")
        .signum() > 0;
    BigDecimal onHand = one(app, "SELECT coalesce(sum(quantity), 0) FROM inventory_batches WHERE store_id = '" + store + "'");
    assertThat(active || onHand.signum() == 0).as("closed while holding " + onHand).isTrue();
    assertThat(one(app, "SELECT count(*) FROM inventory_moves WHERE store_id = '" + store + "'")).isEqualByComparingTo(onHand);
  }

  /** True when answered, false when refused with store_closed or store_holds_stock; anything else fails. */
  private static Future<Boolean> request(String address, String operation, String id, JsonObject body) {
    JsonObject params = id == null ? new JsonObject() : new JsonObject().put("id", id);
    RequestEnvelope envelope = new RequestEnvelope(operation, params, body, keeper, "en", UUID.randomUUID().toString());
    return app.vertx().eventBus().<JsonObject>request(address, envelope.toJson())
        .recover(BusFailures::recover)
        .map(ok -> true)
        .recover(e -> e instanceof Problem p && (p.code().equals("store_closed") || p.code().equals("store_holds_stock"))
            ? Future.succeededFuture(false) : Future.failedFuture(e));
  }
}
