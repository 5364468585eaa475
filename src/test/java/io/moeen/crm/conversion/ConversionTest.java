package io.moeen.crm.conversion;

import io.moeen.crm.CrmFixtures;
import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Lead → patient, then booked and converted through the real booking and lifecycle API. */
class ConversionTest {
  static RunningApp app;
  static CrmFixtures crm;
  static String marketer;
  static String reception;
  static String supervisor;

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-conversion");
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
    crm = new CrmFixtures(app);
    marketer = app.loginAs(DemoAccounts.MARKETER);
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String token, JsonObject body) {
    return ApiCalls.call(app, method, path, "en", token, body == null ? null : body.encode());
  }

  static String status(String lead) {
    return crm.one("SELECT status FROM crm_leads WHERE id = '" + lead + "'");
  }

  /** The lead moves on an event published after the booking's commit: wait for it, with a deadline. */
  static void eventually(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
      app.application().vertx().timer(50).await();
    }
  }

  static JsonObject book(String patientId, Instant at) {
    HttpResponse<Buffer> r = call("POST", "/v1/appointments", reception, new JsonObject().put("patientId", patientId)
        .put("doctorId", SchedulingDemo.KHALID.toString()).put("serviceId", SchedulingDemo.GENERAL_CONSULTATION.toString())
        .put("locationId", SchedulingDemo.RIYADH_OLAYA.toString()).put("startsAt", at.toString()));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  @Test
  void a_new_patient_is_made_from_the_lead_then_booking_and_the_first_visit_move_it_to_booked_and_converted() {
    String lead = crm.capture(new JsonObject().put("fullName", "ريم الحربي").put("phone", "0551239911")
        .put("email", "reem.harbi@example.com").put("source", "campaign")).getString("leadId");

    HttpResponse<Buffer> converted = call("POST", "/v1/crm/leads/" + lead + "/conversion", marketer, null);
    assertThat(converted.statusCode()).as(converted.bodyAsString()).isEqualTo(200);
    JsonObject answer = converted.bodyAsJsonObject();
    assertThat(answer.getBoolean("patientCreated")).isTrue();
    assertThat(answer.getString("status")).isEqualTo("new");
    String patient = answer.getString("patientId");
    assertThat(crm.one("SELECT first_name_ar || '|' || last_name_ar || '|' || phone || '|' || email FROM patients WHERE id = '"
        + patient + "'")).isEqualTo("ريم|الحربي|+966551239911|reem.harbi@example.com");
    assertThat(status(lead)).isEqualTo("new");

    HttpResponse<Buffer> again = call("POST", "/v1/crm/leads/" + lead + "/conversion", marketer, null);
    assertThat(again.bodyAsJsonObject().getString("patientId")).isEqualTo(patient);
    assertThat(again.bodyAsJsonObject().getBoolean("patientCreated")).isFalse();
    assertThat(crm.count("SELECT count(*) FROM patients WHERE phone = '+966551239911'")).isEqualTo(1);

    JsonObject appointment = book(patient, SchedulingDemo.riyadh(SchedulingDemo.sunday(0), "12:00"));
    eventually(() -> "booked".equals(status(lead)));
    assertThat(crm.one("SELECT from_status || '>' || to_status FROM crm_activities WHERE lead_id = '" + lead
        + "' AND type = 'status_change'")).isEqualTo("new>booked");

    // the visit happened: an hour ago, checked in; the real completion step follows
    Instant started = Instant.now().minusSeconds(3600);
    app.asOwner("UPDATE appointments SET starts_at = '%s', ends_at = '%s', blocked_from = '%s', blocked_until = '%s', status = 'checked_in' WHERE id = '%s'"
        .formatted(started, started.plusSeconds(1800), started, started.plusSeconds(1800), appointment.getString("id")));
    // the check-in opened the visit's encounter; the doctor finishes it before the appointment can be completed
    app.asOwner("UPDATE encounters SET status = 'finished', ended_at = greatest(started_at, now()) WHERE appointment_id = '"
        + appointment.getString("id") + "'");
    HttpResponse<Buffer> completed = call("POST", "/v1/appointments/" + appointment.getString("id") + "/complete", reception, null);
    assertThat(completed.statusCode()).as(completed.bodyAsString()).isEqualTo(200);
    eventually(() -> "converted".equals(status(lead)));
    assertThat(crm.one("SELECT converted_at IS NOT NULL AND converted_patient_id = '" + patient + "' FROM crm_leads WHERE id = '"
        + lead + "'")).isEqualTo("t");

    HttpResponse<Buffer> closed = call("POST", "/v1/crm/leads/" + lead + "/conversion", marketer, null);
    assertThat(closed.statusCode()).isEqualTo(409);
    assertThat(closed.bodyAsJsonObject().getString("code")).isEqualTo("lead_closed");
  }

  @Test
  void a_lead_with_a_patients_phone_links_to_that_patient_and_follows_its_bookings_unconverted() {
    String phone = crm.one("SELECT phone FROM patients WHERE id = '" + DemoAccounts.MOHAMMED_PATIENT_ID + "'");
    assertThat(phone).isNotNull();
    String lead = crm.capture(new JsonObject().put("fullName", "Mohammed").put("phone", phone).put("source", "referral"))
        .getString("leadId");
    book(DemoAccounts.MOHAMMED_PATIENT_ID.toString(), SchedulingDemo.riyadh(SchedulingDemo.sunday(1), "10:00"));
    eventually(() -> "booked".equals(status(lead)));
    assertThat(crm.one("SELECT converted_patient_id FROM crm_leads WHERE id = '" + lead + "'"))
        .isEqualTo(DemoAccounts.MOHAMMED_PATIENT_ID.toString());

    HttpResponse<Buffer> linked = call("POST", "/v1/crm/leads/" + lead + "/conversion", marketer, null);
    assertThat(linked.bodyAsJsonObject().getString("patientId")).isEqualTo(DemoAccounts.MOHAMMED_PATIENT_ID.toString());
    assertThat(linked.bodyAsJsonObject().getBoolean("patientCreated")).isFalse();
  }

  @Test
  void only_staff_who_see_patients_may_name_one_and_unknown_leads_are_404() {
    String lead = crm.capture(new JsonObject().put("fullName", "Sami").put("phone", "0551239922").put("source", "social"))
        .getString("leadId");
    JsonObject named = new JsonObject().put("patientId", DemoAccounts.AISHA_PATIENT_ID.toString());
    HttpResponse<Buffer> hidden = call("POST", "/v1/crm/leads/" + lead + "/conversion", marketer, named);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.bodyAsJsonObject().getString("code")).isEqualTo("patient_not_found");
    assertThat(crm.one("SELECT converted_patient_id FROM crm_leads WHERE id = '" + lead + "'")).isNull();

    HttpResponse<Buffer> bySupervisor = call("POST", "/v1/crm/leads/" + lead + "/conversion", supervisor, named);
    assertThat(bySupervisor.statusCode()).as(bySupervisor.bodyAsString()).isEqualTo(200);
    assertThat(bySupervisor.bodyAsJsonObject().getString("patientId")).isEqualTo(DemoAccounts.AISHA_PATIENT_ID.toString());

    assertThat(call("POST", "/v1/crm/leads/" + UUID.randomUUID() + "/conversion", marketer, null).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/v1/crm/leads/" + lead + "/conversion", reception, null).statusCode()).isEqualTo(403);
  }
}
