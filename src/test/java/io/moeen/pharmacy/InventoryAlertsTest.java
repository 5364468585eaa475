package io.moeen.pharmacy;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.FeatureHarness;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static io.moeen.pharmacy.PharmacyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Low-stock and expiry alerts through the notifications outbox: to every store keeper and pharmacist, in
 * the app and by e-mail where they have one, once per crossing, not on every move.
 */
class InventoryAlertsTest {
  /** The demo's store keeper and pharmacist, each in the app and by e-mail. */
  static final int PER_ALERT = 4;

  static FeatureHarness app;
  static JsonObject keeper;
  static JsonObject pharmacist;

  @BeforeAll
  static void start() {
    app = harness("pharmacy-alerts");
    keeper = app.principalOf(DemoAccounts.STORE_KEEPER);
    pharmacist = app.principalOf(DemoAccounts.PHARMACIST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static BigDecimal alerts(String event, UUID about) {
    return one(app, "SELECT count(*) FROM notifications WHERE event_type = '" + event + "' AND (payload ->> 'itemId' = '"
        + about + "' OR payload ->> 'batchId' = '" + about + "')");
  }

  @Test
  @DisplayName("falling to the reorder level tells store keepers and pharmacists once; going on down tells no one; a refill re-arms it")
  void low_stock_once_per_crossing() {
    UUID item = newItem(app, "LOW-1", true);
    receive(app, PHARMACY, item, "L", today().plusYears(1), 15, 1);
    app.as(keeper).param("id", PHARMACY.toString()).param("itemId", item.toString())
        .body(new JsonObject().put("reorderLevel", 10).put("reorderQuantity", 50)).send(PharmacyAddresses.REORDER_LEVELS_SET);
    assertThat(alerts("inventory_low_stock", item)).isZero();
    app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "W", item, 5)).send(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(alerts("inventory_low_stock", item)).isEqualByComparingTo(String.valueOf(PER_ALERT));
    app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "W", item, 2)).send(PharmacyAddresses.DISPENSES_CREATE);
    app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "W", item, 1)).send(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(alerts("inventory_low_stock", item)).isEqualByComparingTo(String.valueOf(PER_ALERT));
    receive(app, PHARMACY, item, "L", today().plusYears(1), 20, 1);
    assertThat(alerts("inventory_low_stock", item)).isEqualByComparingTo(String.valueOf(PER_ALERT));
    app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "W", item, 17)).send(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(alerts("inventory_low_stock", item)).isEqualByComparingTo(String.valueOf(2 * PER_ALERT));
    JsonObject one = app.pool().query("SELECT payload, locale, channel FROM notifications WHERE event_type = 'inventory_low_stock' "
        + "AND payload ->> 'itemId' = '" + item + "' AND recipient_user_id = '" + DemoAccounts.STORE_KEEPER_ID
        + "' AND channel = 'in_app' ORDER BY created_at LIMIT 1").execute().await().iterator().next().getJsonObject("payload");
    assertThat(one.getString("itemName")).isEqualTo("دواء LOW-1");
    assertThat(one.getString("onHand")).isEqualTo("10");
  }

  @Test
  @DisplayName("a batch received within the expiry warning is announced at once, once; the daily sweep catches the rest, once")
  void expiry_once_per_batch() {
    UUID item = newItem(app, "EXP-1", true);
    UUID soon = receive(app, PHARMACY, item, "E1", today().plusDays(30), 5, 1);
    assertThat(alerts("inventory_expiry_warning", soon)).isEqualByComparingTo(String.valueOf(PER_ALERT));
    receive(app, PHARMACY, item, "E1", today().plusDays(30), 5, 1);
    assertThat(alerts("inventory_expiry_warning", soon)).isEqualByComparingTo(String.valueOf(PER_ALERT));
    UUID later = receive(app, PHARMACY, item, "E2", today().plusDays(120), 5, 1);
    assertThat(alerts("inventory_expiry_warning", later)).isZero();
    JsonObject sweep = new JsonObject().put("today", today().plusDays(40).toString());
    JsonObject first = app.vertx().eventBus().<JsonObject>request(PharmacyAddresses.EXPIRY_SWEEP, sweep).await().body();
    assertThat(first.getInteger("told")).isPositive();
    assertThat(alerts("inventory_expiry_warning", later)).isEqualByComparingTo(String.valueOf(PER_ALERT));
    JsonObject again = app.vertx().eventBus().<JsonObject>request(PharmacyAddresses.EXPIRY_SWEEP, sweep).await().body();
    assertThat(again.getInteger("told")).isZero();
    assertThat(alerts("inventory_expiry_warning", later)).isEqualByComparingTo(String.valueOf(PER_ALERT));
  }

  @Test
  @DisplayName("the demo clinic starts with low-stock and expiry alerts in the store keeper's inbox")
  void the_demo_has_alerts() {
    assertThat(one(app, "SELECT count(*) FROM notifications WHERE recipient_user_id = '" + DemoAccounts.STORE_KEEPER_ID
        + "' AND event_type = 'inventory_low_stock' AND channel = 'in_app'")).isGreaterThanOrEqualTo(BigDecimal.valueOf(5));
    assertThat(one(app, "SELECT count(*) FROM notifications WHERE recipient_user_id = '" + DemoAccounts.PHARMACIST_ID
        + "' AND event_type = 'inventory_expiry_warning' AND channel = 'in_app'")).isGreaterThanOrEqualTo(BigDecimal.valueOf(5));
    assertThat(one(app, "SELECT count(*) FROM notifications WHERE event_type LIKE 'inventory_%' AND status = 'pending' "
        + "AND payload ->> 'itemId' LIKE '00000000-0000-4020-%'")).isZero();
  }
}
