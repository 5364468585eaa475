package io.moeen.pharmacy;

import io.moeen.common.bus.Reply;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.FeatureHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.moeen.pharmacy.PharmacyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The reports on the demo clinic and on a small fixture of their own, as JSON and as CSV. */
class InventoryReportsTest {
  static FeatureHarness app;
  static JsonObject keeper;
  static JsonObject pharmacist;
  static JsonObject supervisor;
  static UUID item;

  @BeforeAll
  static void start() {
    app = harness("pharmacy-reports");
    keeper = app.principalOf(DemoAccounts.STORE_KEEPER);
    pharmacist = app.principalOf(DemoAccounts.PHARMACIST);
    supervisor = app.principalOf(DemoAccounts.SUPERVISOR);
    item = newItem(app, "REP-1", true);
    receive(app, PHARMACY, item, "=CMD", today().plusDays(200), 10, 2.5);
    receive(app, PHARMACY, item, "R2", today().plusDays(20), 4, 1);
    app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "Walk-in", item, 3).put("patientId", DemoAccounts.AHMED_PATIENT_ID.toString()))
        .send(PharmacyAddresses.DISPENSES_CREATE);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonArray items(JsonObject who, String address, String param, Object value) {
    var caller = app.as(who);
    if (param != null) {
      caller = caller.param(param, value);
    }
    return caller.sendForObject(address).getJsonArray("items");
  }

  @Test
  @DisplayName("stock on hand per batch with its value at cost; stock value per store adds up to the same")
  void on_hand_and_value() {
    JsonArray stock = items(keeper, PharmacyAddresses.STOCK_LIST, "itemId", item.toString());
    assertThat(stock).hasSize(2);
    assertThat(stock.stream().map(o -> ((JsonObject) o).getValue("quantity").toString())).containsExactlyInAnyOrder("10", "1");
    JsonArray value = items(supervisor, PharmacyAddresses.STOCK_VALUE_LIST, "storeId", PHARMACY.toString());
    assertThat(value).hasSize(1);
    assertThat(one(app, "SELECT sum(quantity * unit_cost)::numeric(16,2) FROM inventory_batches WHERE store_id = '" + PHARMACY + "'"))
        .isEqualByComparingTo(value.getJsonObject(0).getValue("value").toString());
  }

  @Test
  @DisplayName("low stock and expiring lists show the demo's items at or below reorder level and near expiry")
  void low_and_expiring() {
    JsonArray low = items(keeper, PharmacyAddresses.LOW_STOCK_LIST, null, null);
    assertThat(low.stream().map(o -> ((JsonObject) o).getString("itemCode"))).contains("AMCL-625", "SALB-100", "GLOV-NIT-M");
    JsonArray expiring = items(keeper, PharmacyAddresses.EXPIRING_LIST, null, null);
    assertThat(expiring.stream().map(o -> ((JsonObject) o).getString("itemCode"))).contains("IBU-400", "PARA-SYR", "REP-1");
    assertThat(expiring).allSatisfy(o -> assertThat(((JsonObject) o).getInteger("daysLeft")).isLessThanOrEqualTo(90));
  }

  @Test
  @DisplayName("moves come newest first a page at a time; the dispensing log names the patient to a pharmacist")
  void moves_and_dispensing_log() {
    JsonObject page = app.as(keeper).param("itemId", item.toString()).param("limit", 2).sendForObject(PharmacyAddresses.MOVES_LIST);
    assertThat(page.getJsonArray("items")).hasSize(2);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("kind")).isEqualTo("dispense");
    JsonObject rest = app.as(keeper).param("itemId", item.toString()).param("limit", 2)
        .param("cursor", page.getString("nextCursor")).sendForObject(PharmacyAddresses.MOVES_LIST);
    assertThat(rest.getJsonArray("items")).hasSize(1); // two receipts and one dispense in all
    assertThat(rest.getJsonArray("items").getJsonObject(0).getString("kind")).isEqualTo("receive");
    assertThat(rest.getString("nextCursor")).isNull();
    JsonArray log = items(pharmacist, PharmacyAddresses.DISPENSES_LIST, "storeId", PHARMACY.toString());
    JsonObject mine = log.stream().map(JsonObject.class::cast).filter(o -> o.getString("itemId").equals(item.toString()))
        .findFirst().orElseThrow();
    assertThat(mine.getString("patientName")).isEqualTo("Ahmed Al-Ghamdi");
    assertThat(mine.getString("lotNumber")).isEqualTo("R2");
    JsonObject keepers = items(keeper, PharmacyAddresses.DISPENSES_LIST, "storeId", PHARMACY.toString()).stream()
        .map(JsonObject.class::cast).filter(o -> o.getString("itemId").equals(item.toString())).findFirst().orElseThrow();
    assertThat(keepers.getValue("patientId")).as("a store keeper may not see patients").isNull();
    assertThat(keepers.getValue("patientName")).isNull();
  }

  @Test
  @DisplayName("each report's CSV opens in Excel: a byte-order mark, the list's fields as header, formulas defused")
  void csv() {
    Reply csv = app.as(keeper).param("itemId", item.toString()).send(PharmacyAddresses.STOCK_EXPORT);
    String text = (String) csv.body();
    assertThat(csv.headers().get("Content-Type")).startsWith("text/csv");
    assertThat(text).startsWith("\uFEFFbatchId,storeId,storeName,itemId,itemCode,itemName,unit,lotNumber");
    assertThat(text).contains(",'=CMD,");
    for (String address : new String[] {PharmacyAddresses.MOVES_EXPORT, PharmacyAddresses.LOW_STOCK_EXPORT,
        PharmacyAddresses.EXPIRING_EXPORT, PharmacyAddresses.STOCK_VALUE_EXPORT, PharmacyAddresses.DISPENSES_EXPORT}) {
      String body = (String) app.as(keeper).locale("ar").send(address).body();
      assertThat(body.lines().count()).as(address).isGreaterThan(1);
    }
    assertThat((String) app.as(keeper).send(PharmacyAddresses.MOVES_EXPORT).body()).contains(",-3,");
  }
}
