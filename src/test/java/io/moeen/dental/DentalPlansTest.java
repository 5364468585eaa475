package io.moeen.dental;

import io.moeen.common.i18n.SupportedLocale;
import io.moeen.dental.chart.ChartPictures;
import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Treatment plans on the demo clinic: steps validated as the chart is, booking the steps through scheduling when
 * some collide with taken slots, completing steps into one invoice line each (also under concurrent completes),
 * the status rules, who may read and write, the demo plan, and the chart picture's Hijri date.
 */
class DentalPlansTest {
  static final String AHMED = DemoAccounts.AHMED_PATIENT_ID.toString();
  static final String HUDA = DemoAccounts.DENTIST_DOCTOR_ID.toString();
  static final String FILLING = "00000000-0000-4022-8000-000000000021";
  static final String SCALING = "00000000-0000-4022-8000-000000000022";
  static final String OLAYA = SchedulingDemo.RIYADH_OLAYA.toString();
  static final String DEMO_PLAN = "00000000-0000-4022-8000-000000000501";
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

  static RunningApp app;
  static String dentist;

  @BeforeAll
  static void start() {
    app = RunningApp.start("dental-plans");
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
    dentist = app.loginAs(DemoAccounts.DENTIST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String token, JsonObject body) {
    return ApiCalls.call(app, method, path, "en", token, body == null ? null : body.encode());
  }

  static String one(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), app.database().password());
         ResultSet rows = c.createStatement().executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject step(String service, Instant at, int tooth, String surface) {
    JsonObject step = new JsonObject().put("serviceId", service).put("doctorId", HUDA);
    if (at != null) {
      step.put("scheduledAt", OffsetDateTime.ofInstant(at, RIYADH).toString());
    }
    if (tooth > 0) {
      step.put("teeth", new JsonArray().add(new JsonObject().put("tooth", tooth).put("surfaces", new JsonArray().add(surface))));
    }
    return step;
  }

  static JsonObject plan(String title, JsonObject... steps) {
    return new JsonObject().put("title", title).put("locationId", OLAYA).put("steps", new JsonArray(List.of((Object[]) steps)));
  }

  static JsonObject created(JsonObject plan) {
    HttpResponse<Buffer> response = call("POST", "/v1/patients/" + AHMED + "/dental-plans", dentist, plan);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  static String stepId(JsonObject plan, int position) {
    return plan.getJsonArray("steps").getJsonObject(position - 1).getString("id");
  }

  @Test
  void booking_a_plan_books_the_free_steps_and_reports_each_colliding_one_with_its_reason() {
    LocalDate day = SchedulingDemo.sunday(3);
    // a patient holds at most three upcoming appointments (scheduling's rule, unchanged): Ahmed's demo ones go
    app.asOwner("UPDATE appointments SET status = 'cancelled' WHERE patient_id = '" + AHMED + "' AND starts_at > now()");
    // Fatimah already has Dr. Huda at 14:00 that day: the plan's second step collides with it
    app.asOwner(SchedulingDemo.appointment(DemoAccounts.FATIMAH_PATIENT_ID, DemoAccounts.DENTIST_DOCTOR_ID,
        UUID.fromString(FILLING), SchedulingDemo.riyadh(day, "14:00"), 45, 10));
    JsonObject plan = created(plan("Booking test",
        step(FILLING, SchedulingDemo.riyadh(day, "13:00"), 16, "occlusal"),
        step(FILLING, SchedulingDemo.riyadh(day, "14:00"), 26, "distal"),
        step(SCALING, SchedulingDemo.riyadh(day, "15:00"), 0, null),
        step(SCALING, null, 0, null)));
    String planId = plan.getString("id");
    assertThat(plan.getString("status")).isEqualTo("planned");
    assertThat(plan.getJsonObject("progress").getInteger("planned")).isEqualTo(4);
    assertThat(plan.getDouble("estimatedCost")).isEqualTo(350 + 350 + 250 + 250.0);

    HttpResponse<Buffer> response = call("POST", "/v1/dental-plans/" + planId + "/bookings", dentist, new JsonObject());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject answer = response.bodyAsJsonObject();
    JsonArray booked = answer.getJsonArray("booked");
    JsonArray refused = answer.getJsonArray("refused");
    assertThat(booked.stream().map(b -> ((JsonObject) b).getString("stepId"))).as(answer.encodePrettily()).containsExactly(stepId(plan, 1), stepId(plan, 3));
    assertThat(refused).hasSize(2);
    JsonObject collided = refused.getJsonObject(0);
    assertThat(collided.getString("stepId")).isEqualTo(stepId(plan, 2));
    assertThat(collided.getString("code")).isEqualTo("slot_taken");
    assertThat(collided.getString("title")).isEqualTo("Time already booked");
    assertThat(refused.getJsonObject(1).getString("stepId")).isEqualTo(stepId(plan, 4));
    assertThat(refused.getJsonObject(1).getString("code")).isEqualTo("dental_step_not_scheduled");
    JsonObject progress = answer.getJsonObject("plan").getJsonObject("progress");
    assertThat(progress.getInteger("booked")).isEqualTo(2);
    assertThat(progress.getInteger("planned")).isEqualTo(2);

    // real appointments, at the steps' times, and each step names its own
    String first = booked.getJsonObject(0).getString("appointmentId");
    assertThat(one("SELECT count(*) FROM appointments a JOIN dental_plan_steps s ON s.appointment_id = a.id WHERE s.plan_id = '"
        + planId + "' AND a.starts_at = s.scheduled_at AND a.doctor_id = '" + HUDA + "' AND a.patient_id = '" + AHMED + "'"))
        .isEqualTo("2");
    assertThat(one("SELECT status FROM dental_plan_steps WHERE id = '" + stepId(plan, 1) + "'")).isEqualTo("booked");
    assertThat(one("SELECT appointment_id FROM dental_plan_steps WHERE id = '" + stepId(plan, 1) + "'")).isEqualTo(first);

    // booking again books nothing twice: the booked steps are left alone, the refused ones are tried again
    JsonObject again = call("POST", "/v1/dental-plans/" + planId + "/bookings", dentist, null).bodyAsJsonObject();
    assertThat(again.getJsonArray("booked")).isEmpty();
    assertThat(again.getJsonArray("refused")).hasSize(2);
    assertThat(one("SELECT count(*) FROM appointments WHERE patient_id = '" + AHMED + "' AND doctor_id = '" + HUDA
        + "' AND starts_at::date BETWEEN '" + day.minusDays(1) + "' AND '" + day.plusDays(1) + "'")).isEqualTo("2");

    // once the slot is free again, naming the step books it
    app.asOwner("UPDATE appointments SET status = 'cancelled' WHERE patient_id = '" + DemoAccounts.FATIMAH_PATIENT_ID
        + "' AND doctor_id = '" + HUDA + "' AND starts_at = '" + SchedulingDemo.riyadh(day, "14:00") + "'");
    JsonObject named = call("POST", "/v1/dental-plans/" + planId + "/bookings", dentist,
        new JsonObject().put("stepIds", new JsonArray().add(stepId(plan, 2)))).bodyAsJsonObject();
    assertThat(named.getJsonArray("booked")).hasSize(1);
    assertThat(named.getJsonArray("refused")).isEmpty();
  }

  @Test
  void completing_a_step_drafts_one_invoice_line_once_however_often_it_is_sent() {
    JsonObject plan = created(plan("Billing test", step(FILLING, null, 14, "mesial"), step(SCALING, null, 0, null),
        step(FILLING, null, 24, "occlusal")));
    String planId = plan.getString("id");
    String stepOne = stepId(plan, 1);

    // not ongoing yet: nothing is completed, nothing drafted
    HttpResponse<Buffer> early = call("POST", "/v1/dental-plan-steps/" + stepOne + "/complete", dentist, null);
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.bodyAsJsonObject().getString("code")).isEqualTo("dental_plan_not_ongoing");
    assertThat(one("SELECT count(*) FROM invoice_lines WHERE source_ref = 'dental_step:" + stepOne + "'")).isEqualTo("0");

    assertThat(call("POST", "/v1/dental-plans/" + planId + "/status", dentist, new JsonObject().put("status", "ongoing"))
        .statusCode()).isEqualTo(200);

    // eight completes of the same step at once: all answer, one line
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    IntStream.range(0, 8).forEach(i -> sent.add(app.client().post("/v1/dental-plan-steps/" + stepOne + "/complete")
        .putHeader("Authorization", "Bearer " + dentist).putHeader("Accept-Language", "en").send()));
    List<String> invoices = new ArrayList<>();
    for (Future<HttpResponse<Buffer>> f : sent) {
      HttpResponse<Buffer> r = f.await();
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
      invoices.add(r.bodyAsJsonObject().getJsonObject("step").getString("invoiceId"));
    }
    assertThat(invoices).doesNotContainNull().containsOnly(invoices.get(0));
    String invoice = invoices.get(0);
    assertThat(one("SELECT count(*) FROM invoice_lines WHERE source_ref = 'dental_step:" + stepOne + "'")).isEqualTo("1");
    assertThat(one("SELECT i.status || ' ' || i.patient_id || ' ' || l.unit_price || ' ' || l.description_en FROM invoice_lines l "
        + "JOIN invoices i ON i.id = l.invoice_id WHERE l.source_ref = 'dental_step:" + stepOne + "'"))
        .isEqualTo("draft " + AHMED + " 350.00 Dental filling — teeth 14");
    // the line names its tooth for the insurer's oral claim (changeset 057)
    assertThat(one("SELECT array_to_string(teeth, ',') FROM invoice_lines WHERE source_ref = 'dental_step:" + stepOne + "'"))
        .isEqualTo("14");

    // a reception clerk removing the line does not make it come back on another complete
    app.asOwner("DELETE FROM invoice_lines WHERE source_ref = 'dental_step:" + stepOne + "'");
    assertThat(call("POST", "/v1/dental-plan-steps/" + stepOne + "/complete", dentist, null).statusCode()).isEqualTo(200);
    assertThat(one("SELECT count(*) FROM invoice_lines WHERE source_ref = 'dental_step:" + stepOne + "'")).isEqualTo("0");

    // the second step's line joins the same draft
    JsonObject second = call("POST", "/v1/dental-plan-steps/" + stepId(plan, 2) + "/complete", dentist, null).bodyAsJsonObject();
    assertThat(second.getJsonObject("step").getString("invoiceId")).isEqualTo(invoice);
    assertThat(second.getJsonObject("plan").getJsonObject("progress").getInteger("completed")).isEqualTo(2);
    assertThat(second.getJsonObject("plan").getJsonObject("progress").getInteger("percent")).isEqualTo(66);

    // the plan completes only once no step is open; then it stays completed
    HttpResponse<Buffer> open = call("POST", "/v1/dental-plans/" + planId + "/status", dentist, new JsonObject().put("status", "completed"));
    assertThat(open.statusCode()).isEqualTo(409);
    assertThat(open.bodyAsJsonObject().getString("code")).isEqualTo("dental_plan_open_steps");
    assertThat(call("POST", "/v1/dental-plan-steps/" + stepId(plan, 3) + "/cancel", dentist, null).statusCode()).isEqualTo(200);
    assertThat(one("SELECT count(*) FROM invoice_lines WHERE source_ref = 'dental_step:" + stepId(plan, 3) + "'")).isEqualTo("0");
    HttpResponse<Buffer> cancelledDone = call("POST", "/v1/dental-plan-steps/" + stepId(plan, 3) + "/complete", dentist, null);
    assertThat(cancelledDone.bodyAsJsonObject().getString("code")).isEqualTo("dental_step_closed");
    JsonObject done = call("POST", "/v1/dental-plans/" + planId + "/status", dentist, new JsonObject().put("status", "completed"))
        .bodyAsJsonObject();
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getJsonObject("progress").getInteger("percent")).isEqualTo(100);
    HttpResponse<Buffer> back = call("POST", "/v1/dental-plans/" + planId + "/status", dentist, new JsonObject().put("status", "ongoing"));
    assertThat(back.statusCode()).isEqualTo(409);
    assertThat(back.bodyAsJsonObject().getString("code")).isEqualTo("dental_plan_transition");
    HttpResponse<Buffer> more = call("POST", "/v1/dental-plans/" + planId + "/steps", dentist,
        new JsonObject().put("steps", new JsonArray().add(step(SCALING, null, 0, null))));
    assertThat(more.bodyAsJsonObject().getString("code")).isEqualTo("dental_plan_closed");

    // the database refuses a skipped transition too, whoever writes
    assertThatThrownBy(() -> app.asOwner("UPDATE dental_plans SET status = 'planned' WHERE id = '" + planId + "'"))
        .hasStackTraceContaining("cannot go from completed to planned");
    assertThat(one("SELECT status FROM dental_plans WHERE id = '" + planId + "'")).isEqualTo("completed");
  }

  @Test
  void bad_steps_are_refused_in_the_callers_language_and_nothing_is_written() {
    String before = one("SELECT count(*) FROM dental_plans");
    String stepsBefore = one("SELECT count(*) FROM dental_plan_steps");
    record Bad(JsonObject body, String code, String field) {
    }
    List<Bad> bad = List.of(
        new Bad(plan("x", step(FILLING, null, 19, "mesial")), "tooth_not_fdi", "steps[0].teeth[0].tooth"),
        new Bad(plan("x", step(FILLING, null, 0, null), step(FILLING, null, 11, "occlusal")), "surface_not_on_tooth", null),
        new Bad(plan("x", step(UUID.randomUUID().toString(), null, 0, null)), "service_not_found", "steps[0].serviceId"),
        new Bad(plan("x", step(FILLING, null, 0, null).put("doctorId", UUID.randomUUID().toString())), "doctor_not_found", null),
        new Bad(plan("x").put("locationId", UUID.randomUUID().toString()), "location_not_found", "locationId"),
        new Bad(plan("x").put("startsOn", "2026-05-02").put("endsOn", "2026-05-01"), "dental_plan_dates_reversed", "endsOn"),
        new Bad(plan("x", step(FILLING, null, 0, null).put("scheduledAt", "tomorrow")), "invalid_instant", null));
    for (Bad b : bad) {
      HttpResponse<Buffer> response = ApiCalls.call(app, "POST", "/v1/patients/" + AHMED + "/dental-plans", "ar", dentist, b.body().encode());
      assertThat(response.statusCode()).as(b.code() + " " + response.bodyAsString()).isEqualTo(400);
      JsonObject problem = response.bodyAsJsonObject();
      if (!"invalid_instant".equals(b.code()) || problem.getString("code").equals("invalid_instant")) {
        assertThat(problem.getString("code")).as(response.bodyAsString()).isIn(b.code(), "validation_failed");
      }
      assertThat(problem.getString("title")).matches(".*[\\u0600-\\u06FF].*");
    }
    assertThat(one("SELECT count(*) FROM dental_plans")).isEqualTo(before);
    assertThat(one("SELECT count(*) FROM dental_plan_steps")).isEqualTo(stepsBefore);
  }

  @Test
  void patients_read_their_own_plans_others_are_hidden_assistants_read_marketers_never() {
    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
    JsonObject demo = call("GET", "/v1/dental-plans/" + DEMO_PLAN, ahmed, null).bodyAsJsonObject();
    JsonObject progress = demo.getJsonObject("progress");
    assertThat(demo.getString("status")).isEqualTo("ongoing");
    assertThat(progress.getInteger("completed")).isEqualTo(2);
    assertThat(progress.getInteger("booked")).isEqualTo(1);
    assertThat(progress.getInteger("planned")).isEqualTo(1);
    assertThat(progress.getInteger("percent")).isEqualTo(50);
    assertThat(call("GET", "/v1/patients/" + AHMED + "/dental-plans", ahmed, null).bodyAsJsonObject().getJsonArray("items")
        .stream().map(p -> ((JsonObject) p).getString("id"))).contains(DEMO_PLAN);

    String fatimah = app.loginAs(DemoAccounts.PATIENT_FATIMAH);
    HttpResponse<Buffer> hidden = call("GET", "/v1/dental-plans/" + DEMO_PLAN, fatimah, null);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.bodyAsJsonObject().getString("code")).isEqualTo("dental_plan_not_found");
    assertThat(call("GET", "/v1/dental-plans/" + UUID.randomUUID(), dentist, null).statusCode()).isEqualTo(404);

    String assistant = app.loginAs(DemoAccounts.DENTAL_ASSISTANT);
    assertThat(call("GET", "/v1/dental-plans/" + DEMO_PLAN, assistant, null).statusCode()).isEqualTo(200);
    assertThat(call("POST", "/v1/patients/" + AHMED + "/dental-plans", assistant, plan("assistant")).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/v1/dental-plan-steps/00000000-0000-4022-8000-000000000514/complete", assistant, null).statusCode())
        .isEqualTo(403);

    String marketer = app.loginAs(DemoAccounts.MARKETER);
    assertThat(call("GET", "/v1/dental-plans/" + DEMO_PLAN, marketer, null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/v1/patients/" + AHMED + "/dental-plans", marketer, null).statusCode()).isEqualTo(403);
    assertThat(one("SELECT status FROM dental_plan_steps WHERE id = '00000000-0000-4022-8000-000000000514'")).isEqualTo("planned");
  }

  @Test
  void the_chart_picture_names_the_day_in_both_calendars() {
    String today = LocalDate.now(RIYADH).toString();
    String ar = call("GET", "/v1/patients/" + AHMED + "/dental-chart/svg?lang=ar", dentist, null).bodyAsString();
    String title = ar.substring(ar.indexOf("<title>") + 7, ar.indexOf("</title>"));
    assertThat(title).startsWith("مخطط الأسنان — " + today + " (").endsWith("هـ)");
    assertThat(title).isEqualTo("مخطط الأسنان — " + ChartPictures.dateText(LocalDate.now(RIYADH), SupportedLocale.AR));
    String en = call("GET", "/v1/patients/" + AHMED + "/dental-chart/svg?lang=en", dentist, null).bodyAsString();
    String enTitle = en.substring(en.indexOf("<title>") + 7, en.indexOf("</title>"));
    assertThat(enTitle).startsWith("Dental chart — " + today + " (").endsWith("AH)");
    assertThat(ChartPictures.dateText(LocalDate.of(2026, 3, 1), SupportedLocale.EN)).isEqualTo("2026-03-01 (Ramadan 12, 1447 AH)");
  }
}
