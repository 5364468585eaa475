package io.moeen.pharmacy;

import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.FeatureHarness;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.moeen.pharmacy.PharmacyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Dispensing against clinical prescriptions: the queue, partial fills, the refusals, allergies, controlled substances, races. */
class PrescriptionDispensingTest {
  static final UUID MOHAMMED_ENCOUNTER = UUID.fromString("00000000-0000-4018-8000-000000000004");
  static final UUID AHMED_ENCOUNTER = UUID.fromString("00000000-0000-4018-8000-000000000001");
  static final UUID DEMO_PRESCRIPTION = UUID.fromString("00000000-0000-4020-8000-000000000501");
  static final UUID DR_KHALID = UUID.fromString("00000000-0000-4000-8000-000000000004");
  static final UUID ATORVASTATIN = item(9);
  static final UUID METFORMIN = item(7);

  static FeatureHarness app;
  static JsonObject pharmacist;
  static final List<JsonObject> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    app = harness("pharmacy-prescriptions");
    pharmacist = app.principalOf(DemoAccounts.PHARMACIST);
    app.vertx().eventBus().<JsonObject>consumer(PharmacyAddresses.DISPENSATIONS_COMPLETED, m -> events.add(m.body()));
    for (UUID item : List.of(ATORVASTATIN, METFORMIN, AMOXICILLIN, TRAMADOL)) {
      receive(app, PHARMACY, item, "RX-" + item.toString().substring(33), today().plusYears(2), 2000, 1);
    }
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** A prescription written straight into clinical's table (as the doctor would through clinical's API). */
  static UUID prescription(UUID patient, UUID encounter, String drug, Integer quantity, int refills, String status) {
    UUID id = UUID.randomUUID();
    app.asOwner("""
        INSERT INTO prescriptions (id, patient_id, encounter_id, prescriber_id, drug_name, dose, route, frequency, quantity,
                                   refills, status, allergy_override_reason)
        VALUES ('%s', '%s', '%s', '%s', '%s', '1', 'oral', 'daily', %s, %d, '%s', 'Benefit outweighs the risk here')
        """.formatted(id, patient, encounter, DR_KHALID, drug, quantity == null ? "NULL" : quantity.toString(), refills, status));
    return id;
  }

  static JsonObject against(UUID patient, UUID item, Number quantity, UUID prescription) {
    return new JsonObject().put("storeId", PHARMACY.toString()).put("patientId", patient.toString())
        .put("lines", new JsonArray().add(new JsonObject().put("itemId", item.toString()).put("quantity", quantity)
            .put("prescriptionId", prescription.toString())));
  }

  static FeatureHarness.Caller pharmacist() {
    return app.as(pharmacist).param("Idempotency-Key", UUID.randomUUID().toString());
  }

  static java.math.BigDecimal moves() {
    return one(app, "SELECT count(*) FROM inventory_moves");
  }

  @Test
  @DisplayName("the queue lists active prescriptions with what is left, the patient's allergies and the items that fill each")
  void the_queue() {
    JsonArray queue = app.as(pharmacist).locale("en").sendForObject(PharmacyAddresses.PRESCRIPTIONS_LIST).getJsonArray("items");
    JsonObject demo = find(queue, DEMO_PRESCRIPTION);
    assertThat(demo.getString("drug")).isEqualTo("Atorvastatin 20 mg tablet");
    assertThat(demo.getString("patientId")).isEqualTo(DemoAccounts.MOHAMMED_PATIENT_ID.toString());
    assertThat(demo.getValue("remaining").toString()).isEqualTo("90");
    assertThat(demo.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("code"))).containsExactly("ATOR-20");
    assertThat(demo.getJsonArray("allergies").stream().map(o -> ((JsonObject) o).getString("substance")))
        .contains("Peanuts", "Latex");
    JsonObject salbutamol = find(queue, UUID.fromString("00000000-0000-4018-8000-000000000402"));
    assertThat(salbutamol.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("code"))).containsExactly("SALB-100");
    // metformin 1000 mg: the catalogue holds only 500 mg, so no item fills it
    JsonObject metformin1000 = find(queue, UUID.fromString("00000000-0000-4018-8000-000000000405"));
    assertThat(metformin1000.getJsonArray("items")).isEmpty();
    JsonArray mine = app.as(pharmacist).param("patientId", DemoAccounts.REEM_PATIENT_ID.toString())
        .sendForObject(PharmacyAddresses.PRESCRIPTIONS_LIST).getJsonArray("items");
    assertThat(mine).allSatisfy(o -> assertThat(((JsonObject) o).getString("patientId"))
        .isEqualTo(DemoAccounts.REEM_PATIENT_ID.toString()));
    assertThat(app.as(app.principalOf(DemoAccounts.STORE_KEEPER)).refusal(PharmacyAddresses.PRESCRIPTIONS_LIST).kind())
        .isEqualTo(ProblemKind.FORBIDDEN);
  }

  @Test
  @DisplayName("partial fills: one fill (its quantity) at a time, refills counted, then dispensed in full; refusals move nothing")
  void partial_fills_until_full() {
    UUID rx = prescription(DemoAccounts.MOHAMMED_PATIENT_ID, MOHAMMED_ENCOUNTER, "Metformin 500 mg tablet", 60, 1, "active");
    JsonObject first = pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 40, rx))
        .sendForObject(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(first.getJsonArray("lines").getJsonObject(0).getString("prescriptionId")).isEqualTo(rx.toString());
    var before = moves();
    Problem tooMuch = pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 61, rx))
        .refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(tooMuch.code()).isEqualTo("exceeds_prescription");
    assertThat(tooMuch.args().getString("remaining")).isEqualTo("60");
    pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 60, rx)).send(PharmacyAddresses.DISPENSES_CREATE);
    Problem last = pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 21, rx))
        .refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(last.code()).isEqualTo("exceeds_prescription");
    assertThat(last.args().getString("remaining")).isEqualTo("20");
    pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 20, rx)).send(PharmacyAddresses.DISPENSES_CREATE);
    Problem full = pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 1, rx))
        .refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(full.code()).isEqualTo("prescription_dispensed_in_full");
    assertThat(full.kind()).isEqualTo(ProblemKind.CONFLICT);
    assertThat(one(app, "SELECT sum(quantity) FROM inventory_dispense_lines WHERE prescription_id = '" + rx + "'"))
        .isEqualByComparingTo("120");
    assertThat(one(app, "SELECT dispensed FROM inventory_prescription_fills WHERE prescription_id = '" + rx + "'"))
        .isEqualByComparingTo("120");
    // the three refused requests wrote nothing; the two dispensed wrote one move each
    assertThat(moves()).isEqualByComparingTo(before.add(java.math.BigDecimal.valueOf(2)));
    JsonArray queue = app.as(pharmacist).param("patientId", DemoAccounts.MOHAMMED_PATIENT_ID.toString())
        .sendForObject(PharmacyAddresses.PRESCRIPTIONS_LIST).getJsonArray("items");
    assertThat(queue.stream().map(o -> ((JsonObject) o).getString("id"))).doesNotContain(rx.toString());
  }

  @Test
  @DisplayName("a prescription without a quantity is filled once per allowed fill")
  void without_quantity_counts_fills() {
    UUID rx = prescription(DemoAccounts.MOHAMMED_PATIENT_ID, MOHAMMED_ENCOUNTER, "Metformin 500 mg tablet", null, 0, "active");
    pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 28, rx)).send(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 1, rx))
        .refusal(PharmacyAddresses.DISPENSES_CREATE).code()).isEqualTo("prescription_dispensed_in_full");
  }

  @Test
  @DisplayName("refused: a stopped prescription (409), another patient's, another drug, an unknown one (422); nothing moves")
  void refusals() {
    var before = moves();
    UUID stopped = prescription(DemoAccounts.MOHAMMED_PATIENT_ID, MOHAMMED_ENCOUNTER, "Metformin 500 mg tablet", 30, 0, "stopped");
    Problem notActive = pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 1, stopped))
        .refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(notActive.code()).isEqualTo("prescription_not_active");
    assertThat(notActive.kind()).isEqualTo(ProblemKind.CONFLICT);
    UUID rx = prescription(DemoAccounts.MOHAMMED_PATIENT_ID, MOHAMMED_ENCOUNTER, "Metformin 500 mg tablet", 30, 0, "active");
    Problem other = pharmacist().body(against(DemoAccounts.REEM_PATIENT_ID, METFORMIN, 1, rx))
        .refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(other.code()).isEqualTo("prescription_of_another_patient");
    assertThat(other.kind()).isEqualTo(ProblemKind.UNPROCESSABLE);
    Problem drug = pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, ATORVASTATIN, 1, rx))
        .refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(drug.code()).isEqualTo("item_not_prescribed");
    assertThat(drug.args().getString("drug")).isEqualTo("Metformin 500 mg tablet");
    assertThat(pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 1, UUID.randomUUID()))
        .refusal(PharmacyAddresses.DISPENSES_CREATE).code()).isEqualTo("unknown_prescription");
    JsonObject walkIn = against(DemoAccounts.MOHAMMED_PATIENT_ID, METFORMIN, 1, rx);
    walkIn.remove("patientId");
    walkIn.put("customerName", "Someone");
    assertThat(pharmacist().body(walkIn).refusal(PharmacyAddresses.DISPENSES_CREATE).code()).isEqualTo("prescription_needs_patient");
    assertThat(moves()).isEqualByComparingTo(before);
    assertThat(one(app, "SELECT coalesce(sum(dispensed), 0) FROM inventory_prescription_fills WHERE prescription_id IN ('"
        + stopped + "', '" + rx + "')")).isZero();
  }

  @Test
  @DisplayName("a drug the patient is allergic to is refused, with or without a prescription, unless the pharmacist gives a reason (kept, audited)")
  void allergies() {
    UUID rx = prescription(DemoAccounts.AHMED_PATIENT_ID, AHMED_ENCOUNTER, "Amoxicillin 500 mg capsule", 21, 0, "active");
    var before = moves();
    Problem allergic = pharmacist().body(against(DemoAccounts.AHMED_PATIENT_ID, AMOXICILLIN, 21, rx))
        .refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(allergic.code()).isEqualTo("dispense_allergy_conflict");
    assertThat(allergic.kind()).isEqualTo(ProblemKind.UNPROCESSABLE);
    assertThat(allergic.args().getString("substances")).isEqualTo("Penicillin");
    assertThat(allergic.extensions().getJsonArray("allergies")).hasSize(1);
    JsonObject walkIn = dispense(PHARMACY, null, AMOXICILLIN, 21).put("patientId", DemoAccounts.AHMED_PATIENT_ID.toString())
        .put("externalPrescription", "KFMC-1");
    walkIn.remove("customerName");
    assertThat(pharmacist().body(walkIn).refusal(PharmacyAddresses.DISPENSES_CREATE).code()).isEqualTo("dispense_allergy_conflict");
    JsonObject shortReason = against(DemoAccounts.AHMED_PATIENT_ID, AMOXICILLIN, 21, rx);
    shortReason.getJsonArray("lines").getJsonObject(0).put("allergyOverrideReason", "ok");
    assertThat(pharmacist().body(shortReason).refusal(PharmacyAddresses.DISPENSES_CREATE).code()).isEqualTo("override_reason_too_short");
    assertThat(moves()).isEqualByComparingTo(before);

    JsonObject overridden = against(DemoAccounts.AHMED_PATIENT_ID, AMOXICILLIN, 21, rx);
    overridden.getJsonArray("lines").getJsonObject(0)
        .put("allergyOverrideReason", "Rash only in childhood; tolerated amoxicillin in 2024, doctor confirmed by phone");
    JsonObject dispensed = pharmacist().body(overridden).sendForObject(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(dispensed.getJsonArray("lines").getJsonObject(0).getBoolean("allergyOverridden")).isTrue();
    String id = dispensed.getString("id");
    assertThat(one(app, "SELECT count(*) FROM inventory_allergy_overrides WHERE dispense_id = '" + id + "' AND actor_id = '"
        + DemoAccounts.PHARMACIST_ID + "' AND substances = 'Penicillin'")).isEqualByComparingTo("1");
    long audited = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.audit_access', 'any', true)").execute()
            .compose(x -> conn.query("SELECT count(*) FROM audit_logs WHERE entity_type = 'inventory_allergy_overrides'"
                + " AND patient_id = '" + DemoAccounts.AHMED_PATIENT_ID + "' AND user_id = '" + DemoAccounts.PHARMACIST_ID + "'")
                .execute()))
        .await().iterator().next().getLong(0);
    assertThat(audited).isEqualTo(1);
  }

  @Test
  @DisplayName("a controlled substance: never without a clinic prescription, and only with the collector's identity")
  void controlled_substances() {
    UUID rx = prescription(DemoAccounts.MOHAMMED_PATIENT_ID, MOHAMMED_ENCOUNTER, "Tramadol 50 mg capsule", 10, 0, "active");
    var before = moves();
    Problem noCheck = pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, TRAMADOL, 10, rx))
        .refusal(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(noCheck.code()).isEqualTo("controlled_check_required");
    assertThat(noCheck.kind()).isEqualTo(ProblemKind.UNPROCESSABLE);
    assertThat(pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, TRAMADOL, 10, rx).put("collectorName", "Mohammed")
        .put("collectorIdNumber", "12")).refusal(PharmacyAddresses.DISPENSES_CREATE).code()).isEqualTo("controlled_check_required");
    assertThat(pharmacist().body(dispense(PHARMACY, "W", TRAMADOL, 1).put("externalPrescription", "PAPER-1")
        .put("collectorName", "W").put("collectorIdNumber", "1012345678")).refusal(PharmacyAddresses.DISPENSES_CREATE).code())
        .isEqualTo("controlled_needs_prescription");
    assertThat(moves()).isEqualByComparingTo(before);
    JsonObject dispensed = pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, TRAMADOL, 10, rx)
        .put("collectorName", "Mohammed Al-Otaibi").put("collectorIdNumber", "1012345678"))
        .sendForObject(PharmacyAddresses.DISPENSES_CREATE);
    assertThat(dispensed.getString("collectorIdNumber")).isEqualTo("1012345678");
  }

  @Test
  @DisplayName("40 concurrent dispenses against one prescription of 12: exactly 12 units go out, never more")
  void raced_dispenses_never_over_dispense() {
    UUID rx = prescription(DemoAccounts.MOHAMMED_PATIENT_ID, MOHAMMED_ENCOUNTER, "Atorvastatin 20 mg tablet", 12, 0, "active");
    List<Future<Integer>> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int quantity = i % 4 == 0 ? 2 : 1;
      RequestEnvelope envelope = new RequestEnvelope("dispenseMedicines",
          new JsonObject().put("Idempotency-Key", UUID.randomUUID().toString()),
          against(DemoAccounts.MOHAMMED_PATIENT_ID, ATORVASTATIN, quantity, rx), pharmacist, "en", "rx-race-" + i);
      attempts.add(app.vertx().eventBus().<JsonObject>request(PharmacyAddresses.DISPENSES_CREATE, envelope.toJson())
          .recover(BusFailures::recover)
          .map(ok -> quantity)
          .recover(e -> e instanceof Problem p && (p.code().equals("exceeds_prescription")
              || p.code().equals("prescription_dispensed_in_full")) ? Future.succeededFuture(0) : Future.failedFuture(e)));
    }
    int dispensed = Future.all(attempts).await().<Integer>list().stream().mapToInt(Integer::intValue).sum();
    // a 2-unit request may be refused while one unit is left, so the total may end one short
    assertThat(dispensed).isBetween(11, 12);
    assertThat(one(app, "SELECT sum(quantity) FROM inventory_dispense_lines WHERE prescription_id = '" + rx + "'"))
        .isEqualByComparingTo(String.valueOf(dispensed));
    assertThat(one(app, "SELECT -sum(m.quantity) FROM inventory_moves m JOIN inventory_dispense_lines l "
        + "ON l.dispense_id = m.dispense_id AND l.item_id = m.item_id WHERE l.prescription_id = '" + rx + "'"))
        .isEqualByComparingTo(String.valueOf(dispensed));
    assertThat(one(app, "SELECT dispensed FROM inventory_prescription_fills WHERE prescription_id = '" + rx + "'"))
        .isEqualByComparingTo(String.valueOf(dispensed));
  }

  @Test
  @DisplayName("the database refuses a fill beyond what the prescription authorises, whatever path writes it")
  void the_database_has_the_last_word() {
    UUID rx = prescription(DemoAccounts.MOHAMMED_PATIENT_ID, MOHAMMED_ENCOUNTER, "Atorvastatin 20 mg tablet", 5, 0, "active");
    pharmacist().body(against(DemoAccounts.MOHAMMED_PATIENT_ID, ATORVASTATIN, 5, rx)).send(PharmacyAddresses.DISPENSES_CREATE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.asOwner(
            "UPDATE inventory_prescription_fills SET dispensed = dispensed + 1 WHERE prescription_id = '" + rx + "'"))
        .hasMessageContaining("inventory_prescription_fills_within");
  }

  @Test
  @DisplayName("a new dispense is published for billing after commit, with prices and the prescription; a replay is not")
  void dispense_event_for_billing() {
    UUID rx = prescription(DemoAccounts.MOHAMMED_PATIENT_ID, MOHAMMED_ENCOUNTER, "Atorvastatin 20 mg tablet", 30, 0, "active");
    app.asOwner("UPDATE inventory_items SET sale_price = 1.25 WHERE id = '" + ATORVASTATIN + "'");
    String key = UUID.randomUUID().toString();
    JsonObject body = against(DemoAccounts.MOHAMMED_PATIENT_ID, ATORVASTATIN, 30, rx);
    JsonObject dispensed = app.as(pharmacist).param("Idempotency-Key", key).body(body).sendForObject(PharmacyAddresses.DISPENSES_CREATE);
    app.as(pharmacist).param("Idempotency-Key", key).body(body).sendForObject(PharmacyAddresses.DISPENSES_CREATE);
    List<JsonObject> mine = List.of();
    for (int i = 0; i < 50 && mine.isEmpty(); i++) {
      sleep();
      mine = events.stream().filter(e -> e.getString("dispenseId").equals(dispensed.getString("id"))).toList();
    }
    sleep();
    mine = events.stream().filter(e -> e.getString("dispenseId").equals(dispensed.getString("id"))).toList();
    assertThat(mine).hasSize(1);
    JsonObject event = mine.get(0);
    assertThat(event.getString("patientId")).isEqualTo(DemoAccounts.MOHAMMED_PATIENT_ID.toString());
    assertThat(event.getString("locationId")).isEqualTo("00000000-0000-4000-c100-000000000001");
    JsonObject line = event.getJsonArray("lines").getJsonObject(0);
    assertThat(line.getString("sourceRef")).isEqualTo(dispensed.getString("id") + ":" + ATORVASTATIN);
    assertThat(line.getString("descriptionAr")).isEqualTo("أتورفاستاتين 20 mg");
    assertThat(line.getString("descriptionEn")).isEqualTo("Atorvastatin 20 mg");
    assertThat(line.getValue("quantity").toString()).isEqualTo("30");
    assertThat(line.getDouble("unitPrice")).isEqualTo(1.25);
    assertThat(line.getString("prescriptionId")).isEqualTo(rx.toString());
    assertThat(line.getString("encounterId")).isEqualTo(MOHAMMED_ENCOUNTER.toString());
  }

  static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static JsonObject find(JsonArray items, UUID id) {
    return items.stream().map(o -> (JsonObject) o).filter(o -> o.getString("id").equals(id.toString())).findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + items.encodePrettily()));
  }
}
