package io.moeen.clinical;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake form from the booking confirmation to the doctor's review: a patient without a form is sent
 * the portal link, fills it in, and the next confirmation has none; a family member fills it only with the
 * scope the patient gave; reception fills it at the desk; every version is kept and reviewed.
 */
class IntakeLinkTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final String FATIMAH = DemoAccounts.FATIMAH_PATIENT_ID.toString();
  static final String AHMED = DemoAccounts.AHMED_PATIENT_ID.toString();
  static RunningApp app;
  static ClinicalFixtures fx;

  @BeforeAll
  static void start() {
    app = RunningApp.start("clinical-intake-link");
    app.asOwner("DELETE FROM clinic_holidays; DELETE FROM ramadan_hours");
    app.asOwner("UPDATE system_settings SET value = '100' WHERE key = 'booking.max_active_per_patient'");
    app.asOwner("UPDATE system_settings SET value = '\"https://clinic.example/app/portal/\"' WHERE key = 'clinic.portal_url'");
    fx = new ClinicalFixtures(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String book(String token, String patient, int weeks, String time) {
    LocalDate sunday = LocalDate.now(RIYADH).with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).plusWeeks(weeks);
    JsonObject body = new JsonObject().put("patientId", patient).put("doctorId", ClinicalFixtures.KHALID.toString())
        .put("serviceId", ClinicalFixtures.GENERAL_CONSULTATION.toString()).put("locationId", ClinicalFixtures.OLAYA.toString())
        .put("startsAt", sunday.atTime(LocalTime.parse(time)).atZone(RIYADH).toInstant().toString());
    var booked = fx.post("/v1/appointments", token, body);
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    return booked.bodyAsJsonObject().getString("id");
  }

  static JsonObject confirmation(String appointment) {
    return new JsonObject(fx.one("SELECT payload::text FROM notifications WHERE event_type = 'appointment_booked' "
        + "AND payload ->> 'appointmentId' = '" + appointment + "'"));
  }

  @Test
  void the_confirmation_links_a_patient_without_a_form_to_it_and_the_next_one_does_not() {
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    String fatimah = app.loginAs(DemoAccounts.PATIENT_FATIMAH);
    String link = "https://clinic.example/app/portal/#/intake/" + FATIMAH;

    String first = book(reception, FATIMAH, 1, "09:00");
    JsonObject payload = confirmation(first);
    assertThat(payload.getInteger("intakeFormNeeded")).isEqualTo(1);
    assertThat(payload.getString("intakeFormUrl")).isEqualTo(link);
    // the message Fatimah reads in the app, in Arabic and in English, carries the link
    for (String lang : new String[] {"ar", "en"}) {
      var inbox = ApiCalls.call(app, "GET", "/v1/me/notifications", lang, fatimah, null);
      assertThat(inbox.statusCode()).as(inbox.bodyAsString()).isEqualTo(200);
      JsonObject item = booked(inbox.bodyAsJsonObject().getJsonArray("items"), first);
      assertThat(item.getString("body")).contains(link)
          .contains(lang.equals("ar") ? "نموذج المعلومات الصحية" : "please fill in your intake form");
    }

    // she follows it (signed in) and fills the form in
    var filled = fx.post("/v1/patients/" + FATIMAH + "/intake-forms", fatimah,
        new JsonObject().put("allergies", new JsonArray().add("أسبرين")).put("concerns", "ضيق تنفس"));
    assertThat(filled.statusCode()).as(filled.bodyAsString()).isEqualTo(201);
    assertThat(filled.bodyAsJsonObject().getString("submittedVia")).isEqualTo("patient");

    String second = book(reception, FATIMAH, 1, "11:00");
    assertThat(confirmation(second).getInteger("intakeFormNeeded")).isZero();
    assertThat(confirmation(second).containsKey("intakeFormUrl")).isFalse();
    var inbox = ApiCalls.call(app, "GET", "/v1/me/notifications", "en", fatimah, null);
    assertThat(booked(inbox.bodyAsJsonObject().getJsonArray("items"), second).getString("body"))
        .doesNotContain("intake").doesNotContain("{").contains("Your appointment is booked");
  }

  private static JsonObject booked(JsonArray items, String appointment) {
    for (Object item : items) {
      JsonObject one = (JsonObject) item;
      if ("appointment_booked".equals(one.getString("eventType"))
          && appointment.equals(one.getJsonObject("payload").getString("appointmentId"))) {
        return one;
      }
    }
    throw new AssertionError("no confirmation of " + appointment + " in " + items.encodePrettily());
  }

  @Test
  void a_family_member_fills_the_form_only_with_the_scope_and_reception_at_the_desk() {
    String before = fx.one("SELECT count(*) FROM intake_forms WHERE patient_id = '" + AHMED + "'");
    String yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    var refused = fx.call("POST", "/v1/patients/" + AHMED + "/intake-forms", "ar", yousef, new JsonObject().put("concerns", "x"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("scope_not_granted");
    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("تعبئة نموذج معلوماته الصحية");
    assertThat(fx.one("SELECT count(*) FROM intake_forms WHERE patient_id = '" + AHMED + "'")).isEqualTo(before);

    // Ahmed lets his son fill it in
    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
    String member = fx.one("SELECT id FROM family_members WHERE user_id = '" + DemoAccounts.YOUSEF_USER_ID + "' AND revoked_at IS NULL");
    var granted = fx.call("PATCH", "/v1/patients/" + AHMED + "/family-members/" + member, "en", ahmed, new JsonObject()
        .put("scopes", new JsonArray().add("patients.read").add("appointments.read").add("appointments.write").add("intake_forms.write")));
    assertThat(granted.statusCode()).as(granted.bodyAsString()).isEqualTo(200);
    yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    var byFamily = fx.post("/v1/patients/" + AHMED + "/intake-forms", yousef,
        new JsonObject().put("currentMedications", new JsonArray().add("أملوديبين 5 ملغ")).put("concerns", "دوخة عند الوقوف"));
    assertThat(byFamily.statusCode()).as(byFamily.bodyAsString()).isEqualTo(201);
    JsonObject familyVersion = byFamily.bodyAsJsonObject();
    assertThat(familyVersion.getString("submittedVia")).isEqualTo("family");
    assertThat(familyVersion.getString("submittedBy")).isEqualTo(DemoAccounts.YOUSEF_USER_ID.toString());
    // the scope writes; it does not read the record back (that is medical_records.read)
    assertThat(fx.get("/v1/patients/" + AHMED + "/intake-form", yousef).statusCode()).isEqualTo(403);

    // reception fills the next version at the desk
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    var atDesk = fx.post("/v1/patients/" + AHMED + "/intake-forms", reception,
        new JsonObject().put("insurance", new JsonObject().put("provider", "بوبا العربية").put("policyNumber", "BUPA-7781234")));
    assertThat(atDesk.statusCode()).as(atDesk.bodyAsString()).isEqualTo(201);
    assertThat(atDesk.bodyAsJsonObject().getString("submittedVia")).isEqualTo("reception");
    assertThat(atDesk.bodyAsJsonObject().getInteger("version")).isEqualTo(familyVersion.getInteger("version") + 1);

    // Dr. Khalid reviews the family's version; the versions stay as written
    String khalid = app.loginAs(DemoAccounts.DOCTOR);
    var reviewed = fx.post("/v1/intake-forms/" + familyVersion.getString("id") + "/review", khalid, null);
    assertThat(reviewed.statusCode()).as(reviewed.bodyAsString()).isEqualTo(200);
    assertThat(reviewed.bodyAsJsonObject().getString("reviewedBy")).isNotNull();
    var old = fx.get("/v1/patients/" + AHMED + "/intake-form?version=" + familyVersion.getInteger("version"), khalid);
    assertThat(old.bodyAsJsonObject().getJsonArray("currentMedications").getString(0)).isEqualTo("أملوديبين 5 ملغ");
    assertThat(fx.one("SELECT string_agg(submitted_via, ',' ORDER BY version) FROM intake_forms WHERE patient_id = '" + AHMED + "'"))
        .isEqualTo("patient,family,reception");
  }
}

