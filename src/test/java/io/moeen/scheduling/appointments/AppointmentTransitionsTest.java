package io.moeen.scheduling.appointments;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.moeen.scheduling.appointments.AppointmentFixtures.GENERAL_CONSULTATION;
import static io.moeen.scheduling.appointments.AppointmentFixtures.KHALID;
import static io.moeen.scheduling.appointments.AppointmentFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

/** Every step tried from every status: what the status table allows happens, the rest is 409 and changes nothing. */
class AppointmentTransitionsTest {
  /** A step, the statuses it may start from, and where it ends (from a request: back to 'confirmed'). */
  enum Step {
    CONFIRM("confirm", false, "confirmed", "pending"),
    CHECK_IN("check-in", true, "checked_in", "confirmed"),
    COMPLETE("complete", true, "completed", "checked_in"),
    NO_SHOW("no-show", true, "no_show", "confirmed"),
    CANCEL("cancel", false, "cancelled", "pending", "confirmed"),
    REQUEST_RESCHEDULE("reschedule-request", false, "reschedule_requested", "pending", "confirmed"),
    REQUEST_CANCEL("cancel-request", false, "cancel_requested", "pending", "confirmed"),
    APPROVE("requests/approve", false, null, "reschedule_requested", "cancel_requested"),
    REJECT("requests/reject", false, "confirmed", "reschedule_requested", "cancel_requested");

    final String path;
    final boolean afterStart;
    final String ends;
    final Set<String> from;

    Step(String path, boolean afterStart, String ends, String... from) {
      this.path = path;
      this.afterStart = afterStart;
      this.ends = ends;
      this.from = Set.of(from);
    }
  }

  static final List<String> STATUSES = List.of("pending", "confirmed", "checked_in", "completed", "cancelled",
      "no_show", "reschedule_requested", "cancel_requested");
  static final UUID SUBJECT = UUID.fromString("00000000-0000-4000-c400-0000000000f1");

  static RunningApp app;
  static AppointmentFixtures fixtures;
  static String reception;

  @BeforeAll
  static void start() {
    app = RunningApp.start("appointment-transitions");
    fixtures = new AppointmentFixtures(app);
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Stream<Arguments> everyStepFromEveryStatus() {
    return Arrays.stream(Step.values()).flatMap(step -> STATUSES.stream().map(status -> Arguments.of(step, status)));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("everyStepFromEveryStatus")
  void a_step_happens_only_from_the_statuses_the_table_allows(Step step, String from) {
    Instant start = step.afterStart ? AppointmentFixtures.startedToday() : AppointmentFixtures.riyadh(30, 10, 0);
    boolean request = from.endsWith("_requested");
    fixtures.delete(SUBJECT);
    fixtures.insert(SUBJECT, DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, start, from,
        request ? "confirmed" : null, request && from.startsWith("reschedule") ? start.plus(1, ChronoUnit.DAYS) : null);
    JsonObject body = step == Step.REQUEST_RESCHEDULE
        ? new JsonObject().put("requestedStartsAt", AppointmentFixtures.riyadh(31, 11, 0).toString()) : null;

    var response = fixtures.post(path(SUBJECT, step.path), "en", reception, body);

    if (step.from.contains(from)) {
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
      String expected = step.ends != null ? step.ends : from.equals("cancel_requested") ? "cancelled" : "confirmed";
      assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo(expected);
      assertThat(fixtures.status(SUBJECT)).isEqualTo(expected);
      assertThat(fixtures.appointment(SUBJECT).get("version")).isEqualTo(2);
    } else {
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
      String code = response.bodyAsJsonObject().getString("code");
      assertThat(code).isEqualTo(step == Step.APPROVE || step == Step.REJECT ? "no_open_request" : "invalid_transition");
      assertThat(fixtures.status(SUBJECT)).isEqualTo(from);
      assertThat(fixtures.appointment(SUBJECT).get("version")).isEqualTo(1);
    }
  }

  @Test
  void the_status_table_in_code_is_the_one_this_test_states() {
    for (AppointmentStatus from : AppointmentStatus.values()) {
      for (Step step : Step.values()) {
        assertThat(from.allows(AppointmentStatus.Step.valueOf(step.name()))).as(step + " from " + from)
            .isEqualTo(step.from.contains(from.code()));
      }
    }
    assertThat(Arrays.stream(AppointmentStatus.values()).filter(AppointmentStatus::isFinal).map(AppointmentStatus::code))
        .containsExactlyInAnyOrder("completed", "cancelled", "no_show");
  }

  @Test
  void a_refused_transition_names_both_statuses_in_english_and_arabic() {
    UUID id = fixtures.insert(DemoAccounts.FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION,
        AppointmentFixtures.riyadh(32, 10, 0), "completed");

    var en = fixtures.post(path(id, "confirm"), "en", reception, null).bodyAsJsonObject();
    var ar = fixtures.post(path(id, "confirm"), "ar", reception, null).bodyAsJsonObject();

    assertThat(en.getString("detail")).contains("“completed”", "“confirmed”");
    assertThat(ar.getString("title")).isEqualTo("غير ممكن في حالة الموعد الحالية");
    assertThat(ar.getString("detail")).contains("«مكتمل»", "«مؤكَّد»");
    assertThat(fixtures.appointment(id)).containsEntry("status", "completed").containsEntry("version", 1);
  }

  @Test
  void check_in_is_refused_on_another_day_than_the_appointment() {
    UUID id = fixtures.insert(DemoAccounts.FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION,
        AppointmentFixtures.riyadh(33, 10, 0), "confirmed");

    var response = fixtures.post(path(id, "check-in"), "ar", reception, null);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("not_appointment_day");
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("ليس يوم الموعد");
    assertThat(fixtures.status(id)).isEqualTo("confirmed");
  }

  @Test
  void completion_and_no_show_are_refused_before_the_start() {
    UUID id = fixtures.insert(DemoAccounts.FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION,
        AppointmentFixtures.riyadh(34, 10, 0), "confirmed");

    var noShow = fixtures.post(path(id, "no-show"), "ar", reception, null);

    assertThat(noShow.statusCode()).isEqualTo(409);
    assertThat(noShow.bodyAsJsonObject().getString("code")).isEqualTo("appointment_not_started");
    assertThat(noShow.bodyAsJsonObject().getString("title")).isEqualTo("لم يبدأ الموعد بعد");
    assertThat(fixtures.appointment(id)).containsEntry("status", "confirmed").containsEntry("version", 1);
  }

  @Test
  void a_patient_cannot_cancel_after_the_start_but_reception_can() {
    Instant started = AppointmentFixtures.startedToday();
    UUID id = fixtures.insert(DemoAccounts.AHMED_PATIENT_ID, AppointmentFixtures.FAISAL, AppointmentFixtures.ECG,
        started, "confirmed");
    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);

    var byPatient = fixtures.post(path(id, "cancel"), "ar", ahmed, new JsonObject().put("reason", "تأخرت"));

    assertThat(byPatient.statusCode()).isEqualTo(409);
    assertThat(byPatient.bodyAsJsonObject().getString("code")).isEqualTo("appointment_already_started");
    assertThat(byPatient.bodyAsJsonObject().getString("title")).isEqualTo("بدأ الموعد بالفعل");
    assertThat(fixtures.status(id)).isEqualTo("confirmed");

    var byReception = fixtures.post(path(id, "cancel"), "en", reception, new JsonObject().put("reason", "Doctor ill"));

    assertThat(byReception.statusCode()).isEqualTo(200);
    Map<String, Object> row = fixtures.appointment(id);
    assertThat(row).containsEntry("status", "cancelled").containsEntry("cancellation_reason", "Doctor ill")
        .containsEntry("cancelled_by", UUID.fromString("00000000-0000-4000-8000-000000000003"));
    assertThat(row.get("cancelled_at")).isNotNull();
  }

  @Test
  void a_patient_may_cancel_but_not_confirm_or_check_in() {
    UUID id = fixtures.insert(DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION,
        AppointmentFixtures.riyadh(35, 10, 0), "pending");
    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);

    var confirm = fixtures.post(path(id, "confirm"), "en", ahmed, null);

    assertThat(confirm.statusCode()).isEqualTo(403);
    assertThat(confirm.bodyAsJsonObject().getString("code")).isEqualTo("forbidden");
    assertThat(fixtures.status(id)).isEqualTo("pending");
    assertThat(fixtures.post(path(id, "cancel"), "en", ahmed, new JsonObject().put("reason", "سافرت")).statusCode())
        .isEqualTo(200);
    assertThat(fixtures.status(id)).isEqualTo("cancelled");
  }

  @Test
  void bad_input_changes_nothing() {
    UUID id = fixtures.insert(DemoAccounts.FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION,
        AppointmentFixtures.riyadh(36, 10, 0), "confirmed");

    var unknownField = fixtures.post(path(id, "cancel"), "en", reception, new JsonObject().put("why", "x"));
    var past = fixtures.post(path(id, "reschedule-request"), "ar", reception,
        new JsonObject().put("requestedStartsAt", "2020-01-01T10:00:00+03:00"));
    var garbage = fixtures.post(path(id, "reschedule-request"), "en", reception,
        new JsonObject().put("requestedStartsAt", "tomorrow"));

    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.bodyAsJsonObject().getString("code")).isEqualTo("requested_time_in_past");
    assertThat(past.bodyAsJsonObject().getString("title")).isEqualTo("الوقت المطلوب قد مضى");
    assertThat(garbage.bodyAsJsonObject().getString("code")).isEqualTo("invalid_instant");
    assertThat(garbage.bodyAsJsonObject().getString("field")).isEqualTo("requestedStartsAt");
    assertThat(fixtures.appointment(id)).containsEntry("status", "confirmed").containsEntry("version", 1)
        .containsEntry("requested_starts_at", null);
    assertThat(fixtures.rows("SELECT 1 FROM notifications WHERE payload ->> 'appointmentId' = '" + id + "'")).isEmpty();
  }
}
