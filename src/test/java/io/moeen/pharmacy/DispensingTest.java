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

/** Dispensing: first expiring first out, never an expired batch, one transaction, the walk-in rules, the search. */
class DispensingTest {
  static FeatureHarness app;
  static JsonObject pharmacist;
  static JsonObject doctor;

  @BeforeAll
  static void start() {
    app = harness("pharmacy-dispensing");
    pharmacist = app.principalOf(DemoAccounts.PHARMACIST);
    doctor = app.principalOf(DemoAccounts.DOCTOR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("batches are picked first-expiring-first-out, across batches, and an expired one (or one expiring today) never")
  void fefo_skips_expired_batches() {
    UUID item = newItem(app, "FEFO-1", true);
    UUID expired = expiredBatch(app, PHARMACY, item, "OLD", today().minusDays(1), 50);
    UUID today = expiredBatch(app, PHARMACY, item, "TODAY", today(), 50);
    UUID later = receive(app, PHARMACY, item, "LATER", today().plusDays(400), 10, 1);
    UUID soon = receive(app, PHARMACY, item, "SOON", today().plusDays(100), 10, 1);
    JsonObject dispensed = app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "Walk-in", item, 15))
        .sendForObject(PharmacyAddresses.DISPENSES_CREATE);
    JsonArray batches = dispensed.getJsonArray("lines").getJsonObject(0).getJsonArray("batches");
    assertThat(batches).hasSize(2);
    assertThat(batches.getJsonObject(0).getString("batchId")).isEqualTo(soon.toString());
    assertThat(batches.getJsonObject(0).getValue("quantity").toString()).isEqualTo("10");
    assertThat(batches.getJsonObject(1).getString("batchId")).isEqualTo(later.toString());
    assertThat(batches.getJsonObject(1).getValue("quantity").toString()).isEqualTo("5");
    assertThat(one(app, "SELECT quantity FROM inventory_batches WHERE id = '" + expired + "'")).isEqualByComparingTo("50");
    assertThat(one(app, "SELECT quantity FROM inventory_batches WHERE id = '" + today + "'")).isEqualByComparingTo("50");
    Problem more = app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "Walk-in", item, 6)).refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(more.code()).isEqualTo("insufficient_stock");
    assertThat(more.args().getString("available")).isEqualTo("5");
  }

  @Test
  @DisplayName("a dispense, its lines and its moves are written together, with the pharmacist and the patient")
  void a_dispense_is_recorded_with_its_moves() {
    JsonObject body = dispense(PHARMACY, null, PARACETAMOL, 20).put("patientId", DemoAccounts.AHMED_PATIENT_ID.toString());
    body.remove("customerName");
    body.getJsonArray("lines").add(new JsonObject().put("itemId", CETIRIZINE.toString()).put("quantity", 10));
    JsonObject dispensed = app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(body).sendForObject(PharmacyAddresses.DISPENSES_CREATE);
    String id = dispensed.getString("id");
    assertThat(dispensed.getJsonArray("lines")).hasSize(2);
    assertThat(dispensed.getString("dispensedBy")).isEqualTo(DemoAccounts.PHARMACIST_ID.toString());
    assertThat(dispensed.getJsonArray("lines").getJsonObject(0).getValue("prescriptionId")).isNull();
    assertThat(one(app, "SELECT -sum(quantity) FROM inventory_moves WHERE dispense_id = '" + id + "'")).isEqualByComparingTo("30");
    assertThat(one(app, "SELECT count(*) FROM inventory_dispense_lines WHERE dispense_id = '" + id + "'")).isEqualByComparingTo("2");
  }

  @Test
  @DisplayName("walk-in: a controlled substance is refused, a prescription-only medicine needs the paper prescription's reference")
  void walk_in_rules() {
    Problem controlled = app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "W", TRAMADOL, 1)).refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(controlled.code()).isEqualTo("controlled_needs_prescription");
    assertThat(controlled.kind()).isEqualTo(ProblemKind.UNPROCESSABLE);
    assertThat(app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "W", AMOXICILLIN, 20)).refusal(PharmacyAddresses.DISPENSES_CREATE).code())
        .isEqualTo("prescription_required");
    app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "W", AMOXICILLIN, 20).put("externalPrescription", "KFSH-2026-118"))
        .send(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, null, PARACETAMOL, 1)).refusal(PharmacyAddresses.DISPENSES_CREATE).code())
        .isEqualTo("dispense_recipient_required");
  }

  @Test
  @DisplayName("only pharmacists dispense: a doctor may search the catalogue but not dispense")
  void doctors_read_availability_only() {
    assertThat(app.as(doctor).body(dispense(PHARMACY, "W", PARACETAMOL, 1)).refusal(PharmacyAddresses.DISPENSES_CREATE).kind())
        .isEqualTo(ProblemKind.FORBIDDEN);
    JsonObject found = app.as(doctor).param("q", "باراسيتامول").sendForObject(PharmacyAddresses.ITEMS_LIST);
    assertThat(found.getJsonArray("items")).isNotEmpty();
    assertThat(app.as(doctor).sendForObject(PharmacyAddresses.ITEMS_LIST).getJsonArray("items").getJsonObject(0).getValue("available"))
        .isNotNull();
  }

  @Test
  @DisplayName("the catalogue is found in Arabic whatever the hamza or alef form, and in English whatever the case")
  void search_folds_spelling_variants() {
    JsonObject byBareAlef = app.as(pharmacist).param("q", "اموكسيسيلين").sendForObject(PharmacyAddresses.ITEMS_LIST);
    assertThat(byBareAlef.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("code")))
        .contains("AMOX-500", "AMCL-625", "AMOX-SUSP");
    JsonObject byHamza = app.as(pharmacist).param("q", "إيبوبروفين").sendForObject(PharmacyAddresses.ITEMS_LIST);
    assertThat(byHamza.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("code"))).contains("IBU-400");
    JsonObject byBrand = app.as(pharmacist).locale("ar").param("q", "PANADOL").sendForObject(PharmacyAddresses.ITEMS_LIST);
    assertThat(byBrand.getJsonArray("items").getJsonObject(0).getString("name")).isEqualTo("باراسيتامول 500 mg");
    JsonObject supplies = app.as(pharmacist).param("kind", "supply").sendForObject(PharmacyAddresses.ITEMS_LIST);
    assertThat(supplies.getJsonArray("items")).hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(o -> assertThat(((JsonObject) o).getString("kind")).isEqualTo("supply"));
  }

  @Test
  @DisplayName("a changed item reads back changed; an item taken out of use is not found, received or dispensed")
  void updating_and_retiring_an_item() {
    JsonObject keeper = app.principalOf(DemoAccounts.STORE_KEEPER);
    UUID item = newItem(app, "UPD-1", true);
    receive(app, PHARMACY, item, "U1", today().plusYears(1), 10, 1);
    JsonObject changed = app.as(keeper).param("id", item.toString())
        .body(new JsonObject().put("brandNameEn", "Updol").put("controlled", true)).sendForObject(PharmacyAddresses.ITEMS_UPDATE);
    assertThat(changed.getString("brandNameEn")).isEqualTo("Updol");
    assertThat(changed.getBoolean("prescriptionOnly")).isTrue();
    app.as(keeper).param("id", item.toString()).body(new JsonObject().put("active", false)).send(PharmacyAddresses.ITEMS_UPDATE);
    assertThat(app.as(pharmacist).param("q", "UPD-1").sendForObject(PharmacyAddresses.ITEMS_LIST).getJsonArray("items")).isEmpty();
    assertThat(app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(dispense(PHARMACY, "W", item, 1)).refusal(PharmacyAddresses.DISPENSES_CREATE).code())
        .isEqualTo("unknown_item");
    assertThat(app.as(keeper).param("id", GLOVES.toString()).body(new JsonObject().put("controlled", true))
        .refusal(PharmacyAddresses.ITEMS_UPDATE).code()).isEqualTo("supply_not_a_medicine");
    assertThat(app.as(keeper).param("id", UUID.randomUUID().toString()).body(new JsonObject().put("supplierId", UUID.randomUUID().toString()))
        .refusal(PharmacyAddresses.ITEMS_UPDATE).code()).isEqualTo("item_not_found");
  }

  @Test
  @DisplayName("a dispense for a patient who does not exist is refused and moves nothing")
  void unknown_patient() {
    JsonObject body = dispense(PHARMACY, "W", PARACETAMOL, 1).put("patientId", UUID.randomUUID().toString());
    var before = one(app, "SELECT count(*) FROM inventory_moves");
    Problem problem = app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString()).body(body).refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(problem.code()).isEqualTo("unknown_patient");
    assertThat(problem.field()).isEqualTo("patientId");
    assertThat(one(app, "SELECT count(*) FROM inventory_moves")).isEqualByComparingTo(before);
  }
}
