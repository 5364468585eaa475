package io.moeen.pharmacy;

import io.moeen.pharmacy.alerts.ExpirySweepVerticle;
import io.moeen.pharmacy.catalogue.CatalogueVerticle;
import io.moeen.pharmacy.counts.CountsVerticle;
import io.moeen.pharmacy.dispensing.DispensingVerticle;
import io.moeen.pharmacy.dispensing.ClinicalPrescriptionGate;
import io.moeen.pharmacy.reports.InventoryReportsVerticle;
import io.moeen.pharmacy.stock.StockVerticle;
import io.moeen.testing.FeatureHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The demo clinic's pharmacy (db/demo/030-pharmacy-demo.sql) and a harness running the whole feature. */
public final class PharmacyFixtures {
  public static final UUID PHARMACY = UUID.fromString("00000000-0000-4020-8000-000000000001");
  public static final UUID DENTAL_STORE = UUID.fromString("00000000-0000-4020-8000-000000000002");
  public static final UUID PARACETAMOL = item(1);
  public static final UUID IBUPROFEN = item(2);
  public static final UUID AMOXICILLIN = item(3);
  public static final UUID TRAMADOL = item(46);
  public static final UUID CETIRIZINE = item(12);
  public static final UUID GLOVES = item(61);

  private PharmacyFixtures() {
  }

  public static UUID item(int n) {
    return UUID.fromString(String.format("00000000-0000-4020-8000-000000000%03d", 100 + n));
  }

  public static FeatureHarness harness(String purpose) {
    Clock clock = Clock.systemUTC();
    return FeatureHarness.start(purpose, pool -> List.of(
        new CatalogueVerticle(pool, FeatureHarness.ZONE, clock),
        new StockVerticle(pool, FeatureHarness.ZONE, clock),
        new DispensingVerticle(pool, FeatureHarness.ZONE, clock, new ClinicalPrescriptionGate()),
        new CountsVerticle(pool),
        new InventoryReportsVerticle(pool, FeatureHarness.ZONE, clock),
        new ExpirySweepVerticle(pool, FeatureHarness.ZONE, clock)));
  }

  public static LocalDate today() {
    return LocalDate.now(Clock.system(FeatureHarness.ZONE));
  }

  /** A new item of its own, so a test's numbers are not the demo's. */
  public static UUID newItem(FeatureHarness app, String code, boolean whole) {
    JsonObject keeper = app.principalOf(io.moeen.testing.DemoAccounts.STORE_KEEPER);
    JsonObject item = app.as(keeper).body(new JsonObject().put("code", code).put("kind", "medicine")
            .put("genericNameAr", "دواء " + code).put("genericNameEn", "Drug " + code).put("unit", whole ? "tablet" : "ml")
            .put("wholeUnits", whole))
        .sendForObject(PharmacyAddresses.ITEMS_CREATE);
    return UUID.fromString(item.getString("id"));
  }

  /** Receives {@code quantity} of a lot into a store; the new batch's id. */
  public static UUID receive(FeatureHarness app, UUID store, UUID item, String lot, LocalDate expiry, Number quantity,
                             Number cost) {
    JsonObject keeper = app.principalOf(io.moeen.testing.DemoAccounts.STORE_KEEPER);
    JsonObject change = app.as(keeper).body(new JsonObject().put("storeId", store.toString()).put("itemId", item.toString())
            .put("lotNumber", lot).put("expiryDate", expiry.toString()).put("quantity", quantity).put("unitCost", cost)
            .put("purchaseReference", "PO-" + lot))
        .sendForObject(PharmacyAddresses.STOCK_RECEIVE);
    return UUID.fromString(change.getJsonArray("batches").getJsonObject(0).getString("id"));
  }

  /** A batch that has already expired, put straight into the database (receiving refuses it) with its move. */
  public static UUID expiredBatch(FeatureHarness app, UUID store, UUID item, String lot, LocalDate expiry, int quantity) {
    UUID id = UUID.randomUUID();
    app.asOwner("""
        INSERT INTO inventory_batches (id, store_id, item_id, lot_number, expiry_date, unit_cost)
        VALUES ('%s', '%s', '%s', '%s', '%s', 1);
        INSERT INTO inventory_moves (kind, store_id, item_id, batch_id, quantity, unit_cost, actor_id)
        VALUES ('receive', '%s', '%s', '%s', %d, 1, '00000000-0000-4000-8000-000000000021');
        """.formatted(id, store, item, lot, expiry, store, item, id, quantity));
    return id;
  }

  public static JsonObject dispense(UUID store, String customer, UUID item, Number quantity) {
    return new JsonObject().put("storeId", store.toString()).put("customerName", customer)
        .put("lines", new JsonArray().add(new JsonObject().put("itemId", item.toString()).put("quantity", quantity)));
  }

  public static BigDecimal one(FeatureHarness app, String sql) {
    Row row = app.pool().query(sql).execute().await().iterator().next();
    Object v = row.getValue(0);
    return v == null ? null : new BigDecimal(v.toString());
  }
}
