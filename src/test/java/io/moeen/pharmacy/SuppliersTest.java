package io.moeen.pharmacy;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
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

/** Suppliers as records: kept by the store keeper, named by items and receipts, retired rather than deleted. */
class SuppliersTest {
  static FeatureHarness app;
  static JsonObject keeper;

  @BeforeAll
  static void start() {
    app = harness("pharmacy-suppliers");
    keeper = app.principalOf(DemoAccounts.STORE_KEEPER);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonObject create(String nameEn, String vat) {
    JsonObject body = new JsonObject().put("nameAr", "مورد " + nameEn).put("nameEn", nameEn).put("contactName", "Sami")
        .put("phone", "+966112223344");
    if (vat != null) {
      body.put("vatNumber", vat);
    }
    return body;
  }

  @Test
  @DisplayName("the catalogue's suppliers became records, with their Arabic names, found in either language")
  void demo_suppliers_are_records() {
    JsonObject paracetamol = app.as(keeper).locale("ar").param("id", PARACETAMOL.toString())
        .sendForObject(PharmacyAddresses.ITEMS_GET);
    assertThat(paracetamol.getString("supplier")).isEqualTo("النهدي الطبية");
    JsonArray found = app.as(keeper).param("q", "النهدى").sendForObject(PharmacyAddresses.SUPPLIERS_LIST).getJsonArray("items");
    assertThat(found.getJsonObject(0).getString("id")).isEqualTo(paracetamol.getString("supplierId"));
    assertThat(found.getJsonObject(0).getString("vatNumber")).isEqualTo("300000000100003");
    assertThat(one(app, "SELECT count(*) FROM inventory_moves WHERE kind = 'receive' AND supplier IS NOT NULL AND supplier_id IS NULL"))
        .isZero();
  }

  @Test
  @DisplayName("bad input: a VAT number not in the Saudi format (400), the same English name twice (409); pharmacists may not")
  void bad_input() {
    Problem vat = app.as(keeper).body(create("Bad VAT Co", "123456789012345")).refusal(PharmacyAddresses.SUPPLIERS_CREATE);
    assertThat(vat.code()).isEqualTo("invalid_vat_number");
    assertThat(vat.field()).isEqualTo("vatNumber");
    app.as(keeper).body(create("Twice Trading", null)).send(PharmacyAddresses.SUPPLIERS_CREATE);
    Problem twice = app.as(keeper).body(create("twice trading", null)).refusal(PharmacyAddresses.SUPPLIERS_CREATE);
    assertThat(twice.code()).isEqualTo("supplier_exists");
    assertThat(twice.kind()).isEqualTo(ProblemKind.CONFLICT);
    assertThat(app.as(app.principalOf(DemoAccounts.PHARMACIST)).body(create("Pharma Own", null))
        .refusal(PharmacyAddresses.SUPPLIERS_CREATE).kind()).isEqualTo(ProblemKind.FORBIDDEN);
    assertThat(app.as(keeper).param("id", UUID.randomUUID().toString()).body(new JsonObject().put("contactName", "x"))
        .refusal(PharmacyAddresses.SUPPLIERS_UPDATE).code()).isEqualTo("supplier_not_found");
  }

  @Test
  @DisplayName("items and receipts name a supplier; a receipt takes the item's by default; a retired one takes no receipt")
  void items_and_receipts_name_suppliers() {
    JsonObject supplier = app.as(keeper).body(create("Riyadh Medical Trading", "310122393500003"))
        .sendForObject(PharmacyAddresses.SUPPLIERS_CREATE);
    String supplierId = supplier.getString("id");
    UUID item = newItem(app, "SUP-1", true);
    JsonObject changed = app.as(keeper).locale("en").param("id", item.toString())
        .body(new JsonObject().put("supplierId", supplierId).put("salePrice", 2.5)).sendForObject(PharmacyAddresses.ITEMS_UPDATE);
    assertThat(changed.getString("supplier")).isEqualTo("Riyadh Medical Trading");
    assertThat(changed.getDouble("salePrice")).isEqualTo(2.5);
    assertThat(app.as(keeper).param("id", item.toString()).body(new JsonObject().put("supplierId", UUID.randomUUID().toString()))
        .refusal(PharmacyAddresses.ITEMS_UPDATE).code()).isEqualTo("unknown_supplier");
    assertThat(app.as(keeper).param("id", item.toString()).body(new JsonObject().put("salePrice", 1.005))
        .refusal(PharmacyAddresses.ITEMS_UPDATE).code()).isEqualTo("invalid_price");

    receive(app, PHARMACY, item, "S1", today().plusYears(1), 10, 1);
    assertThat(one(app, "SELECT count(*) FROM inventory_moves WHERE item_id = '" + item + "' AND supplier_id = '" + supplierId + "'"))
        .isEqualByComparingTo("1");
    JsonArray moves = app.as(keeper).locale("en").param("itemId", item.toString()).sendForObject(PharmacyAddresses.MOVES_LIST)
        .getJsonArray("items");
    assertThat(moves.getJsonObject(0).getString("supplier")).isEqualTo("Riyadh Medical Trading");

    app.as(keeper).param("id", supplierId).body(new JsonObject().put("active", false)).send(PharmacyAddresses.SUPPLIERS_UPDATE);
    var before = one(app, "SELECT count(*) FROM inventory_moves");
    JsonObject receipt = new JsonObject().put("storeId", PHARMACY.toString()).put("itemId", item.toString())
        .put("lotNumber", "S2").put("expiryDate", today().plusYears(1).toString()).put("quantity", 5).put("unitCost", 1)
        .put("purchaseReference", "PO-S2").put("supplierId", supplierId);
    Problem retired = app.as(keeper).body(receipt).refusal(PharmacyAddresses.STOCK_RECEIVE);
    assertThat(retired.code()).isEqualTo("supplier_inactive");
    assertThat(one(app, "SELECT count(*) FROM inventory_moves")).isEqualByComparingTo(before);
    assertThat(app.as(keeper).sendForObject(PharmacyAddresses.SUPPLIERS_LIST).getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("id"))).doesNotContain(supplierId);
    assertThat(app.as(keeper).param("includeInactive", "true").sendForObject(PharmacyAddresses.SUPPLIERS_LIST).getJsonArray("items")
        .stream().map(o -> ((JsonObject) o).getString("id"))).contains(supplierId);
  }
}
