package io.moeen.clinical;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Check-in opens the visit's encounter; completing the appointment waits for it; only its doctor closes it. */
class EncounterLifecycleTest {
  static final UUID MAHA = UUID.fromString("00000000-0000-4000-c200-000000000005");
  static RunningApp app;
  static ClinicalFixtures fx;
  static String reception;
  static String khalid;
  static String faisal;
  static String maha;

  @BeforeAll
  static void start() {
    app = RunningApp.start("clinical-encounters");
    fx = new ClinicalFixtures(app);
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    khalid = app.loginAs(DemoAccounts.DOCTOR);
    faisal = app.loginAs(DemoAccounts.DOCTOR_CARDIOLOGY);
    maha = app.loginAs(DemoAccounts.DOCTOR_PEDIATRICS);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void check_in_opens_the_encounter_and_the_appointment_completes_only_once_it_is_finished() {
    UUID appointment = fx.appointmentStartedToday(DemoAccounts.FATIMAH_PATIENT_ID, ClinicalFixtures.KHALID);

    assertThat(fx.post("/v1/appointments/" + appointment + "/check-in", reception, null).statusCode()).isEqualTo(200);
    String encounter = fx.one("SELECT id FROM encounters WHERE appointment_id = '" + appointment + "'");
    assertThat(encounter).isNotNull();
    assertThat(fx.one("SELECT status || '/' || kind || '/' || doctor_id FROM encounters WHERE id = '" + encounter + "'"))
        .isEqualTo("in_progress/appointment/" + ClinicalFixtures.KHALID);

    var refused = fx.call("POST", "/v1/appointments/" + appointment + "/complete", "ar", reception, null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("encounter_not_finished");
    assertThat(refused.bodyAsJsonObject().getString("title")).isEqualTo("الزيارة ما زالت مفتوحة");
    assertThat(fx.one("SELECT status || version FROM appointments WHERE id = '" + appointment + "'")).isEqualTo("checked_in2");

    // the doctor writes the visit, then finishes it
    assertThat(fx.post("/v1/encounters/" + encounter + "/notes", khalid,
        new JsonObject().put("text", "Wheeze improved.").put("sign", true)).statusCode()).isEqualTo(201);
    var finished = fx.post("/v1/encounters/" + encounter + "/finish", khalid, null);
    assertThat(finished.statusCode()).as(finished.bodyAsString()).isEqualTo(200);
    assertThat(finished.bodyAsJsonObject().getString("status")).isEqualTo("finished");
    assertThat(finished.bodyAsJsonObject().getString("endedAt")).isNotNull();

    assertThat(fx.post("/v1/appointments/" + appointment + "/complete", reception, null).statusCode()).isEqualTo(200);
    assertThat(fx.one("SELECT status FROM appointments WHERE id = '" + appointment + "'")).isEqualTo("completed");
    // a finished encounter takes no new entries and is not finished twice
    var again = fx.post("/v1/encounters/" + encounter + "/finish", khalid, null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("code")).isEqualTo("encounter_closed");
  }

  @Test
  void another_doctor_cannot_touch_the_encounter() {
    UUID encounter = fx.openWalkIn(khalid, DemoAccounts.AHMED_PATIENT_ID);
    // Faisal has Ahmed in his care (the ECG) and sees the encounter, but it is not his to write in
    var faisals = fx.post("/v1/encounters/" + encounter + "/notes", faisal, new JsonObject().put("text", "mine?"));
    assertThat(faisals.statusCode()).isEqualTo(403);
    assertThat(faisals.bodyAsJsonObject().getString("code")).isEqualTo("encounter_of_another_doctor");
    assertThat(fx.post("/v1/encounters/" + encounter + "/finish", faisal, null).statusCode()).isEqualTo(403);
    // Maha has no appointment or encounter with Ahmed: the encounter does not exist for her
    var mahas = fx.post("/v1/encounters/" + encounter + "/finish", maha, null);
    assertThat(mahas.statusCode()).isEqualTo(404);
    assertThat(mahas.bodyAsJsonObject().getString("code")).isEqualTo("encounter_not_found");
    assertThat(fx.one("SELECT status FROM encounters WHERE id = '" + encounter + "'")).isEqualTo("in_progress");
    assertThat(fx.count("SELECT 1 FROM clinical_notes WHERE encounter_id = '" + encounter + "'")).isZero();
  }

  @Test
  void an_encounter_is_marked_entered_in_error_never_deleted() {
    UUID encounter = fx.openWalkIn(khalid, DemoAccounts.AISHA_PATIENT_ID);
    var marked = fx.post("/v1/encounters/" + encounter + "/entered-in-error", khalid,
        new JsonObject().put("reason", "Opened for the wrong patient"));
    assertThat(marked.statusCode()).as(marked.bodyAsString()).isEqualTo(200);
    assertThat(marked.bodyAsJsonObject().getString("status")).isEqualTo("entered_in_error");
    assertThat(marked.bodyAsJsonObject().getString("errorReason")).isEqualTo("Opened for the wrong patient");
    var notes = fx.call("POST", "/v1/encounters/" + encounter + "/notes", "ar", khalid, new JsonObject().put("text", "late"));
    assertThat(notes.statusCode()).isEqualTo(409);
    assertThat(notes.bodyAsJsonObject().getString("detail")).contains("مُدخل خطأً");
  }

  @Test
  void a_walk_in_puts_the_patient_in_the_doctors_care() {
    assertThat(fx.get("/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/chart", maha).statusCode()).isEqualTo(403);
    UUID encounter = fx.openWalkIn(maha, DemoAccounts.REEM_PATIENT_ID);
    var chart = fx.get("/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/chart", maha);
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.bodyAsJsonObject().getString("access")).isEqualTo("clinician");
    assertThat(chart.bodyAsJsonObject().getJsonArray("encounters").getJsonObject(0).getString("id"))
        .isEqualTo(encounter.toString());
    // nurses and patients open no encounters
    String nurse = app.loginAs(DemoAccounts.NURSE);
    assertThat(fx.post("/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/encounters", nurse, new JsonObject())
        .statusCode()).isEqualTo(403);
  }

  @Test
  void a_no_show_never_opens_an_encounter_and_a_visit_entered_in_error_lets_the_appointment_complete() {
    // Dr. Faisal's: the other tests' appointments are Dr. Khalid's at the same minutes
    UUID missed = fx.appointmentStartedToday(DemoAccounts.MOHAMMED_PATIENT_ID, ClinicalFixtures.FAISAL);
    var noShow = fx.post("/v1/appointments/" + missed + "/no-show", reception, null);
    assertThat(noShow.statusCode()).as(noShow.bodyAsString()).isEqualTo(200);
    assertThat(fx.count("SELECT 1 FROM encounters WHERE appointment_id = '" + missed + "'")).isZero();
    // a no-show is final: it cannot be checked in afterwards to open one
    assertThat(fx.post("/v1/appointments/" + missed + "/check-in", reception, null).statusCode()).isEqualTo(409);
    assertThat(fx.count("SELECT 1 FROM encounters WHERE appointment_id = '" + missed + "'")).isZero();

    UUID visit = fx.appointmentStartedToday(DemoAccounts.MOHAMMED_PATIENT_ID, ClinicalFixtures.FAISAL);
    assertThat(fx.post("/v1/appointments/" + visit + "/check-in", reception, null).statusCode()).isEqualTo(200);
    String encounter = fx.one("SELECT id FROM encounters WHERE appointment_id = '" + visit + "'");
    assertThat(fx.post("/v1/appointments/" + visit + "/complete", reception, null).statusCode()).isEqualTo(409);
    var marked = fx.post("/v1/encounters/" + encounter + "/entered-in-error", faisal,
        new JsonObject().put("reason", "Checked in under the wrong doctor"));
    assertThat(marked.statusCode()).as(marked.bodyAsString()).isEqualTo(200);
    assertThat(fx.post("/v1/appointments/" + visit + "/complete", reception, null).statusCode()).isEqualTo(200);
    assertThat(fx.one("SELECT a.status || '/' || e.status FROM appointments a JOIN encounters e ON e.appointment_id = a.id "
        + "WHERE a.id = '" + visit + "'")).isEqualTo("completed/entered_in_error");
  }

  @Test
  void an_appointment_written_already_checked_in_opens_its_encounter_too() {
    UUID id = UUID.randomUUID();
    app.asOwner("""
        INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from,
                                  blocked_until, status, source)
        VALUES ('%s', '%s', '%s', '%s', '%s', now() - interval '5 minutes', now() + interval '25 minutes',
                now() - interval '5 minutes', now() + interval '30 minutes', 'checked_in', 'reception')
        """.formatted(id, DemoAccounts.AISHA_PATIENT_ID, MAHA, ClinicalFixtures.GENERAL_CONSULTATION, ClinicalFixtures.OLAYA));
    assertThat(fx.one("SELECT status || '/' || kind || '/' || doctor_id FROM encounters WHERE appointment_id = '" + id + "'"))
        .isEqualTo("in_progress/appointment/" + MAHA);
    assertThat(fx.post("/v1/appointments/" + id + "/complete", reception, null).statusCode()).isEqualTo(409);
  }
}
