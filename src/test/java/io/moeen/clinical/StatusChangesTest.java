package io.moeen.clinical;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the visit: prescriptions completed, stopped or entered in error; diagnoses resolved or entered in error;
 * observations entered in error. The moves the rules allow and those they refuse (in the handler and in the
 * database), who may, the audit row of each change, and that a stopped prescription is not dispensed.
 */
class StatusChangesTest {
  static final UUID METFORMIN = UUID.fromString("00000000-0000-4020-8000-000000000107");
  static final UUID PHARMACY = UUID.fromString("00000000-0000-4020-8000-000000000001");
  /** Ahmed's hypertension (I10, onset 2019-03-01), from Dr. Khalid's visit. */
  static final String AHMED_HYPERTENSION = "00000000-0000-4018-8000-000000000201";

  static RunningApp app;
  static ClinicalFixtures fx;
  static String khalid;
  static String maha;

  @BeforeAll
  static void start() {
    app = RunningApp.start("clinical-status-changes");
    fx = new ClinicalFixtures(app);
    khalid = app.loginAs(DemoAccounts.DOCTOR);
    maha = app.loginAs(DemoAccounts.DOCTOR_PEDIATRICS);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  HttpResponse<Buffer> change(String lang, String token, String path, JsonObject body) {
    return fx.call("POST", path, lang, token, body);
  }

  String prescribe(UUID patient, String drug) {
    UUID visit = fx.openWalkIn(khalid, patient);
    var rx = fx.post("/v1/encounters/" + visit + "/prescriptions", khalid, new JsonObject()
        .put("drug", new JsonObject().put("text", drug)).put("dose", "500 mg").put("route", "oral")
        .put("frequency", "twice daily").put("quantity", 60).put("refills", 1));
    assertThat(rx.statusCode()).as(rx.bodyAsString()).isEqualTo(201);
    return rx.bodyAsJsonObject().getString("id");
  }

  HttpResponse<Buffer> dispense(String pharmacist, String prescription) {
    return app.client().post("/v1/pharmacy/dispenses").putHeader("Authorization", "Bearer " + pharmacist)
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()).putHeader("Accept-Language", "en")
        .sendJsonObject(new JsonObject().put("storeId", PHARMACY.toString())
            .put("patientId", DemoAccounts.MOHAMMED_PATIENT_ID.toString())
            .put("lines", new JsonArray().add(new JsonObject().put("itemId", METFORMIN.toString()).put("quantity", 1)
                .put("prescriptionId", prescription)))).await();
  }

  int audits(String table, String id) {
    return fx.count("SELECT 1 FROM audit_logs WHERE entity_type = '" + table + "' AND entity_id = '" + id
        + "' AND action = 'update' AND user_id = '00000000-0000-4000-8000-000000000004'");
  }

  @Test
  @DisplayName("a prescription is stopped, then only entered in error; a stopped one is not made active again nor dispensed")
  void prescription_lifecycle_and_dispensing() {
    String rx = prescribe(DemoAccounts.MOHAMMED_PATIENT_ID, "Metformin 500 mg tablet");
    String path = "/v1/prescriptions/" + rx + "/status";
    String pharmacist = app.loginAs(DemoAccounts.PHARMACIST);
    // active: the pharmacy dispenses it (so the refusal below is about the status, not the test's setup)
    var first = dispense(pharmacist, rx);
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);

    // a doctor outside the care: 403 not_in_care; an id that is no prescription: 404; the patient: 403 (no permission)
    var outside = change("en", maha, path, new JsonObject().put("status", "stopped"));
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(outside.bodyAsJsonObject().getString("code")).isEqualTo("not_in_care");
    var unknown = change("en", khalid, "/v1/prescriptions/" + UUID.randomUUID() + "/status", new JsonObject().put("status", "stopped"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("prescription_not_found");
    assertThat(change("en", app.loginAs(DemoAccounts.PATIENT_AHMED), path, new JsonObject().put("status", "stopped")).statusCode())
        .isEqualTo(403);
    assertThat(fx.one("SELECT status FROM prescriptions WHERE id = '" + rx + "'")).isEqualTo("active");
    assertThat(audits("prescriptions", rx)).isZero();

    var stopped = change("en", khalid, path, new JsonObject().put("status", "stopped").put("reason", "Stomach upset, switched"));
    assertThat(stopped.statusCode()).as(stopped.bodyAsString()).isEqualTo(200);
    assertThat(stopped.bodyAsJsonObject().getString("status")).isEqualTo("stopped");
    assertThat(stopped.bodyAsJsonObject().getString("statusReason")).isEqualTo("Stomach upset, switched");
    assertThat(audits("prescriptions", rx)).isEqualTo(1);

    // stopped → active, stopped → stopped, stopped → completed: 409, localized, nothing changes
    for (String to : List.of("active", "stopped", "completed")) {
      var again = change("ar", khalid, path, new JsonObject().put("status", to));
      assertThat(again.statusCode()).as(to).isEqualTo(409);
      JsonObject problem = again.bodyAsJsonObject();
      assertThat(problem.getString("code")).isEqualTo("illegal_status_transition");
      assertThat(problem.getString("detail")).contains("«موقوف»");
    }
    assertThat(change("en", khalid, path, new JsonObject().put("status", "active")).bodyAsJsonObject().getString("detail"))
        .contains("“stopped”");
    // entered in error needs a reason
    var noReason = change("en", khalid, path, new JsonObject().put("status", "entered_in_error"));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.bodyAsJsonObject().getString("code")).isEqualTo("status_reason_required");
    assertThat(fx.one("SELECT status FROM prescriptions WHERE id = '" + rx + "'")).isEqualTo("stopped");
    assertThat(audits("prescriptions", rx)).isEqualTo(1);

    // the pharmacy refuses it now, and its queue no longer lists it
    var refused = dispense(pharmacist, rx);
    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("prescription_not_active");
    var queue = fx.get("/v1/pharmacy/prescriptions?patientId=" + DemoAccounts.MOHAMMED_PATIENT_ID, pharmacist);
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.bodyAsJsonObject().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id"))).doesNotContain(rx);

    var error = change("en", khalid, path, new JsonObject().put("status", "entered_in_error").put("reason", "Wrong patient"));
    assertThat(error.statusCode()).as(error.bodyAsString()).isEqualTo(200);
    assertThat(error.bodyAsJsonObject().getString("status")).isEqualTo("entered_in_error");
    assertThat(change("en", khalid, path, new JsonObject().put("status", "stopped")).statusCode()).isEqualTo(409);
    assertThat(audits("prescriptions", rx)).isEqualTo(2);
    assertThat(fx.one("SELECT status_changed_by FROM prescriptions WHERE id = '" + rx + "'"))
        .isEqualTo("00000000-0000-4000-8000-000000000004");
  }

  @Test
  @DisplayName("the database refuses an illegal move, any other change and a delete, whoever asks")
  void the_database_enforces_the_transitions() {
    String rx = prescribe(DemoAccounts.FATIMAH_PATIENT_ID, "Montelukast 10 mg tablet");
    assertThat(change("en", khalid, "/v1/prescriptions/" + rx + "/status", new JsonObject().put("status", "completed")).statusCode())
        .isEqualTo(200);
    assertThat(refusedBy("UPDATE prescriptions SET status = 'active' WHERE id = '" + rx + "'"))
        .isEqualTo("prescriptions_status_transition");
    assertThat(refusedBy("UPDATE prescriptions SET dose = '1 g' WHERE id = '" + rx + "'"))
        .isEqualTo("prescriptions_status_transition");
    assertThat(refusedBy("UPDATE prescriptions SET status = 'entered_in_error' WHERE id = '" + rx + "'"))
        .isEqualTo("prescriptions_error_has_reason");
    assertThat(refusedBy("DELETE FROM prescriptions WHERE id = '" + rx + "'")).isEqualTo("prescriptions_never_deleted");
    assertThat(refusedBy("UPDATE observations SET value = value + 1 WHERE patient_id = '" + DemoAccounts.AHMED_PATIENT_ID + "'"))
        .isEqualTo("observations_status_transition");
    assertThat(refusedBy("UPDATE diagnoses SET clinical_status = 'active' WHERE clinical_status = 'resolved'"))
        .isEqualTo("diagnoses_status_transition");
    assertThat(refusedBy("DELETE FROM observations WHERE patient_id = '" + DemoAccounts.AHMED_PATIENT_ID + "'"))
        .isEqualTo("observations_never_deleted");
    assertThat(fx.one("SELECT status FROM prescriptions WHERE id = '" + rx + "'")).isEqualTo("completed");
  }

  /** The constraint PostgreSQL names when it refuses {@code sql}, run as the tables' owner; null when it passes. */
  static String refusedBy(String sql) {
    try {
      app.asOwner(sql);
      return null;
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof org.postgresql.util.PSQLException refusal && refusal.getServerErrorMessage() != null) {
        return refusal.getServerErrorMessage().getConstraint();
      }
      throw e;
    }
  }

  @Test
  @DisplayName("a diagnosis is resolved with its abatement date, then only entered in error; the FHIR export follows")
  void diagnosis_lifecycle() {
    String path = "/v1/diagnoses/" + AHMED_HYPERTENSION + "/status";
    assertThat(change("en", maha, path, new JsonObject().put("clinicalStatus", "resolved")).bodyAsJsonObject().getString("code"))
        .isEqualTo("not_in_care");
    assertThat(change("en", khalid, "/v1/diagnoses/" + UUID.randomUUID() + "/status", new JsonObject().put("clinicalStatus", "resolved"))
        .statusCode()).isEqualTo(404);
    LocalDate today = LocalDate.now(ClinicalFixtures.RIYADH);
    var future = change("en", khalid, path, new JsonObject().put("clinicalStatus", "resolved").put("resolvedDate", today.plusDays(2).toString()));
    assertThat(future.bodyAsJsonObject().getString("code")).isEqualTo("resolved_date_in_future");
    var beforeOnset = change("en", khalid, path, new JsonObject().put("clinicalStatus", "resolved").put("resolvedDate", "2018-01-01"));
    assertThat(beforeOnset.statusCode()).isEqualTo(400);
    assertThat(beforeOnset.bodyAsJsonObject().getString("code")).isEqualTo("resolved_before_onset");
    var errorWithDate = change("en", khalid, path, new JsonObject().put("clinicalStatus", "entered_in_error")
        .put("resolvedDate", "2020-01-01").put("reason", "typed twice"));
    assertThat(errorWithDate.bodyAsJsonObject().getString("code")).isEqualTo("resolved_date_needs_resolved");
    assertThat(fx.one("SELECT clinical_status FROM diagnoses WHERE id = '" + AHMED_HYPERTENSION + "'")).isEqualTo("active");

    var resolved = change("en", khalid, path, new JsonObject().put("clinicalStatus", "resolved"));
    assertThat(resolved.statusCode()).as(resolved.bodyAsString()).isEqualTo(200);
    assertThat(resolved.bodyAsJsonObject().getString("resolvedDate")).isEqualTo(today.toString());
    assertThat(change("en", khalid, path, new JsonObject().put("clinicalStatus", "active")).bodyAsJsonObject().getString("code"))
        .isEqualTo("illegal_status_transition");
    // the chart's problem list drops it; the FHIR export says resolved with the abatement date
    assertThat(fx.get("/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID + "/chart", khalid).bodyAsJsonObject().getJsonArray("problems")
        .stream().map(o -> ((JsonObject) o).getString("id"))).doesNotContain(AHMED_HYPERTENSION);
    String fhir = fx.get("/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID + "/fhir", khalid).bodyAsString();
    assertThat(fhir).contains("\"abatementDateTime\":\"" + today + "\"");

    var error = change("en", khalid, path, new JsonObject().put("clinicalStatus", "entered_in_error").put("reason", "Readings were white-coat"));
    assertThat(error.statusCode()).as(error.bodyAsString()).isEqualTo(200);
    assertThat(error.bodyAsJsonObject().getString("errorReason")).isEqualTo("Readings were white-coat");
    assertThat(audits("diagnoses", AHMED_HYPERTENSION)).isEqualTo(2);
    assertThat(fx.get("/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID + "/fhir", khalid).bodyAsString()).contains("entered-in-error");
  }

  @Test
  @DisplayName("an observation is marked entered in error once, with a reason; the chart skips it")
  void observation_in_error() {
    UUID visit = fx.openWalkIn(khalid, DemoAccounts.REEM_PATIENT_ID);
    var recorded = fx.post("/v1/encounters/" + visit + "/observations", khalid, new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("code", "heart_rate").put("value", 180))));
    assertThat(recorded.statusCode()).as(recorded.bodyAsString()).isEqualTo(201);
    String id = recorded.bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("id");
    String path = "/v1/observations/" + id + "/status";
    assertThat(chartPulse()).isEqualTo(id);

    assertThat(change("en", khalid, path, new JsonObject().put("status", "entered_in_error")).statusCode()).isEqualTo(400);
    var shortReason = change("en", khalid, path, new JsonObject().put("status", "entered_in_error").put("reason", "no"));
    assertThat(shortReason.bodyAsJsonObject().getString("code")).isEqualTo("status_reason_too_short");
    assertThat(change("en", maha, path, new JsonObject().put("status", "entered_in_error").put("reason", "not mine at all"))
        .bodyAsJsonObject().getString("code")).isEqualTo("not_in_care");
    var marked = change("en", khalid, path, new JsonObject().put("status", "entered_in_error").put("reason", "Typed 180 for 80"));
    assertThat(marked.statusCode()).as(marked.bodyAsString()).isEqualTo(200);
    assertThat(marked.bodyAsJsonObject().getString("status")).isEqualTo("entered_in_error");
    assertThat(marked.bodyAsJsonObject().getDouble("value")).isEqualTo(180.0);
    var again = change("en", khalid, path, new JsonObject().put("status", "final").put("reason", "it was right"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("detail")).contains("“entered in error”");
    assertThat(audits("observations", id)).isEqualTo(1);
    assertThat(chartPulse()).isNotEqualTo(id);
  }

  private String chartPulse() {
    JsonArray vitals = fx.get("/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/chart", khalid).bodyAsJsonObject().getJsonArray("vitals");
    return vitals.stream().map(JsonObject.class::cast).filter(v -> v.getString("code").equals("heart_rate"))
        .map(v -> v.getString("id")).findFirst().orElse(null);
  }

  @Test
  @DisplayName("twelve doctors' clicks at once on one prescription: exactly one change wins, the others are 409")
  void concurrent_changes_take_one() {
    String rx = prescribe(DemoAccounts.AISHA_PATIENT_ID, "Atorvastatin 20 mg tablet");
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String to = i % 2 == 0 ? "completed" : "stopped";
      calls.add(app.client().post("/v1/prescriptions/" + rx + "/status").putHeader("Authorization", "Bearer " + khalid)
          .sendJsonObject(new JsonObject().put("status", to)));
    }
    List<Integer> statuses = Future.join(calls).await().list().stream()
        .map(r -> ((HttpResponse<?>) r).statusCode()).toList();
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(11);
    assertThat(audits("prescriptions", rx)).isEqualTo(1);
  }
}
