package io.moeen.scheduling.appointments;

import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.moeen.scheduling.appointments.AppointmentFixtures.GENERAL_CONSULTATION;
import static io.moeen.scheduling.appointments.AppointmentFixtures.KHALID;
import static io.moeen.scheduling.appointments.AppointmentFixtures.RIYADH;
import static io.moeen.scheduling.appointments.AppointmentFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

/** Moving an appointment directly: who may, how close to the start, which times, and what it writes and tells. */
class AppointmentRescheduleTest {
  static RunningApp app;
  static AppointmentFixtures fixtures;
  static String reception;
  static String ahmed;
  final List<MessageConsumer<?>> consumers = new ArrayList<>();

  @BeforeAll
  static void start() {
    app = RunningApp.start("appointment-reschedule");
    // new times are checked against the hours: keep the demo holidays and Ramadan out of the way
    app.asOwner("DELETE FROM clinic_holidays; DELETE FROM ramadan_hours");
    // the demo appointments sit around "next week" and could meet a test's near-term time
    app.asOwner("UPDATE appointments SET status = 'cancelled' WHERE status NOT IN ('cancelled', 'completed', 'no_show')");
    fixtures = new AppointmentFixtures(app);
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @AfterEach
  void unsubscribe() {
    consumers.forEach(c -> c.unregister().await());
    consumers.clear();
  }

  BlockingQueue<JsonObject> listen(String address) {
    BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    MessageConsumer<JsonObject> consumer = app.application().vertx().eventBus()
        .consumer(address, message -> received.add(message.body()));
    consumer.completion().await();
    consumers.add(consumer);
    return received;
  }

  /** A working time for Dr. Khalid {@code weeks} Sundays ahead (plus {@code days}), within the horizon. */
  static Instant at(int weeks, int days, String time) {
    return SchedulingDemo.riyadh(SchedulingDemo.sunday(weeks).plusDays(days), time);
  }

  static Instant instant(Object timestamp) {
    return timestamp instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
  }

  static JsonObject body(Instant startsAt) {
    return new JsonObject().put("startsAt", startsAt.atZone(RIYADH).toOffsetDateTime().toString());
  }

  UUID ahmeds(Instant start, String status) {
    return fixtures.insert(DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, start, status);
  }

  /** A refused move changed nothing: same start, same version. */
  void unchanged(UUID id, Instant start) {
    Map<String, Object> row = fixtures.appointment(id);
    assertThat(instant(row.get("starts_at"))).isEqualTo(start);
    assertThat(row.get("version")).isEqualTo(1);
    assertThat(fixtures.rows("SELECT 1 FROM notifications WHERE event_type = 'appointment_rescheduled' "
        + "AND payload ->> 'appointmentId' = '" + id + "'")).isEmpty();
  }

  @Test
  void staff_move_a_confirmed_appointment_keeping_its_status_and_retiming_reminders() throws Exception {
    Instant start = at(2, 0, "10:00");
    UUID id = ahmeds(start, "confirmed");
    fixtures.reminder(id, start.minus(Duration.ofHours(24)), "24h");
    fixtures.reminder(id, start.minus(Duration.ofHours(2)), "2h");
    var rescheduled = listen(SchedulingAddresses.APPOINTMENTS_RESCHEDULED);
    Instant wanted = at(2, 1, "16:30");

    var response = fixtures.post(path(id, "reschedule"), "en", reception, body(wanted).put("notes", "الطبيب في مؤتمر"));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("confirmed");
    assertThat(response.getHeader("ETag")).isEqualTo("\"2\"");
    Map<String, Object> row = fixtures.appointment(id);
    assertThat(row).containsEntry("status", "confirmed").containsEntry("version", 2);
    assertThat(instant(row.get("starts_at"))).isEqualTo(wanted);
    assertThat(instant(row.get("ends_at"))).isEqualTo(wanted.plus(Duration.ofMinutes(30)));
    assertThat(instant(row.get("blocked_until"))).isEqualTo(wanted.plus(Duration.ofMinutes(35)));
    assertThat(fixtures.rows("SELECT not_before FROM notifications WHERE event_type = 'appointment_reminder' "
        + "AND payload ->> 'appointmentId' = '" + id + "' ORDER BY not_before"))
        .extracting(r -> instant(r.get("not_before")))
        .containsExactly(wanted.minus(Duration.ofHours(24)), wanted.minus(Duration.ofHours(2)));
    assertThat(fixtures.rows("SELECT recipient_user_id, payload ->> 'notes' AS notes, payload ->> 'previousStartsAt' AS previous "
        + "FROM notifications WHERE idempotency_key = 'appointment:" + id + ":appointment_rescheduled:2'"))
        .singleElement().satisfies(notice -> {
          assertThat(notice.get("recipient_user_id")).isEqualTo(DemoAccounts.AHMED_USER_ID);
          assertThat(notice.get("notes")).isEqualTo("الطبيب في مؤتمر");
          assertThat(notice.get("previous")).isEqualTo(start.toString());
        });
    JsonObject event = rescheduled.poll(5, TimeUnit.SECONDS);
    assertThat(event).as("event received").isNotNull();
    assertThat(event.getString("startsAt")).isEqualTo(wanted.toString());
    assertThat(event.getString("from")).isEqualTo("confirmed");
    assertThat(event.getString("to")).isEqualTo("confirmed");
    assertThat(event.getInteger("version")).isEqualTo(2);
  }

  @Test
  void the_appointments_own_doctor_may_move_it() {
    Instant start = at(2, 2, "09:00");
    UUID id = ahmeds(start, "pending");

    var response = fixtures.post(path(id, "reschedule"), "en", app.loginAs(DemoAccounts.DOCTOR), body(at(2, 2, "11:00")));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(fixtures.appointment(id)).containsEntry("status", "pending").containsEntry("version", 2);
  }

  @Test
  void a_patient_moves_their_own_appointment_when_it_is_far_enough_ahead() {
    Instant start = at(3, 0, "09:00");
    UUID id = ahmeds(start, "pending");
    Instant wanted = at(3, 1, "12:00");

    var response = fixtures.post(path(id, "reschedule"), "ar", ahmed, body(wanted));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("pending");
    assertThat(instant(fixtures.appointment(id).get("starts_at"))).isEqualTo(wanted);
  }

  @Test
  void a_patient_closer_than_the_notice_is_told_to_send_a_request_instead() {
    Instant start = Instant.now().plus(Duration.ofHours(10)).truncatedTo(ChronoUnit.MINUTES);
    UUID id = ahmeds(start, "confirmed");

    var response = fixtures.post(path(id, "reschedule"), "ar", ahmed, body(at(3, 2, "10:00")));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("reschedule_too_late");
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("فات وقت تغيير الموعد بنفسك");
    unchanged(id, start);
    fixtures.delete(id);
  }

  @Test
  void a_time_outside_the_doctors_hours_is_refused() {
    Instant start = at(4, 0, "10:00");
    UUID id = ahmeds(start, "confirmed");

    var response = fixtures.post(path(id, "reschedule"), "en", reception, body(at(4, 0, "14:30")));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("slot_outside_availability");
    unchanged(id, start);
  }

  @Test
  void a_time_the_doctor_is_already_booked_is_taken() {
    Instant start = at(4, 1, "10:00");
    UUID id = ahmeds(start, "confirmed");
    Instant taken = at(4, 1, "11:00");
    fixtures.insert(DemoAccounts.FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, taken, "confirmed");

    var response = fixtures.post(path(id, "reschedule"), "en", reception, body(taken));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("slot_taken");
    unchanged(id, start);
  }

  @Test
  void completed_and_cancelled_appointments_do_not_move() {
    for (String status : List.of("completed", "cancelled")) {
      Instant start = at(5, status.equals("completed") ? 0 : 1, "10:00");
      UUID id = ahmeds(start, status);

      var response = fixtures.post(path(id, "reschedule"), "en", reception, body(at(5, 2, "10:00")));

      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("invalid_transition");
      assertThat(response.bodyAsJsonObject().getString("detail")).contains("“rescheduled”");
      assertThat(fixtures.status(id)).isEqualTo(status);
      unchanged(id, start);
    }
  }

  @Test
  void another_patient_does_not_find_it_and_a_marketer_may_not_move_appointments() {
    Instant start = at(6, 0, "10:00");
    UUID id = ahmeds(start, "confirmed");

    var stranger = fixtures.post(path(id, "reschedule"), "en", app.loginAs(DemoAccounts.PATIENT_FATIMAH),
        body(at(6, 1, "10:00")));
    var marketer = fixtures.post(path(id, "reschedule"), "en", app.loginAs(DemoAccounts.MARKETER),
        body(at(6, 1, "10:00")));

    assertThat(stranger.statusCode()).as(stranger.bodyAsString()).isEqualTo(404);
    assertThat(stranger.bodyAsJsonObject().getString("code")).isEqualTo("appointment_not_found");
    assertThat(marketer.statusCode()).as(marketer.bodyAsString()).isEqualTo(403);
    assertThat(marketer.bodyAsJsonObject().getString("code")).isEqualTo("forbidden");
    unchanged(id, start);
  }

  @Test
  void an_outdated_if_match_is_refused() {
    Instant start = at(6, 2, "10:00");
    UUID id = ahmeds(start, "confirmed");

    var response = app.send(app.client().post(path(id, "reschedule")).putHeader("Authorization", "Bearer " + reception)
        .putHeader("If-Match", "\"7\""), "en", "application/json", body(at(6, 2, "11:00")).encode());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(412);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("version_mismatch");
    unchanged(id, start);
  }
}
