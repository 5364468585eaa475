package io.moeen.scheduling.appointments;

import io.moeen.scheduling.SchedulingAddresses;
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
import static io.moeen.scheduling.appointments.AppointmentFixtures.riyadh;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests and decisions, with what they write to the outbox, do to reminders and tell the event bus. */
class AppointmentRequestsTest {
  static RunningApp app;
  static AppointmentFixtures fixtures;
  static String reception;
  static String ahmed;
  final List<MessageConsumer<?>> consumers = new ArrayList<>();

  @BeforeAll
  static void start() {
    app = RunningApp.start("appointment-requests");
    // approved reschedules are checked against the hours: keep the demo holidays and Ramadan out of the way
    app.asOwner("DELETE FROM clinic_holidays; DELETE FROM ramadan_hours");
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

  static JsonObject next(BlockingQueue<JsonObject> queue) throws InterruptedException {
    JsonObject event = queue.poll(5, TimeUnit.SECONDS);
    assertThat(event).as("event received").isNotNull();
    return event;
  }

  static Instant instant(Object timestamp) {
    return timestamp instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
  }

  @Test
  void an_approved_reschedule_moves_the_time_buffers_and_reminders_and_tells_everyone() throws Exception {
    // a Sunday five weeks ahead and the Monday after: both working days for Dr. Khalid
    Instant start = io.moeen.scheduling.SchedulingDemo.riyadh(io.moeen.scheduling.SchedulingDemo.sunday(5), "10:00");
    UUID id = fixtures.insert(DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, start, "confirmed");
    fixtures.reminder(id, start.minus(Duration.ofHours(24)), "24h");
    fixtures.reminder(id, start.minus(Duration.ofHours(2)), "2h");
    var requested = listen(SchedulingAddresses.APPOINTMENTS_RESCHEDULE_REQUESTED);
    var rescheduled = listen(SchedulingAddresses.APPOINTMENTS_RESCHEDULED);
    Instant wanted = io.moeen.scheduling.SchedulingDemo.riyadh(io.moeen.scheduling.SchedulingDemo.sunday(5).plusDays(1), "11:00");

    var asked = fixtures.post(path(id, "reschedule-request"), "ar", ahmed, new JsonObject()
        .put("requestedStartsAt", wanted.atZone(RIYADH).toOffsetDateTime().toString()).put("notes", "أفضّل الصباح"));

    assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(200);
    JsonObject request = asked.bodyAsJsonObject().getJsonObject("request");
    assertThat(request.getString("kind")).isEqualTo("reschedule");
    assertThat(request.getString("previousStatus")).isEqualTo("confirmed");
    assertThat(next(requested).getString("to")).isEqualTo("reschedule_requested");
    // one in-app notice for each account that acts on every appointment (admin, supervisor, reception)
    var staffNotices = fixtures.rows("SELECT recipient_user_id, idempotency_key FROM notifications "
        + "WHERE event_type = 'appointment_reschedule_requested' AND payload ->> 'appointmentId' = '" + id + "'");
    assertThat(staffNotices).hasSize(3);
    assertThat(staffNotices).allSatisfy(row -> assertThat((String) row.get("idempotency_key"))
        .startsWith("appointment:" + id + ":appointment_reschedule_requested:2:"));

    var approved = fixtures.post(path(id, "requests/approve"), "en", reception, null);

    assertThat(approved.statusCode()).as(approved.bodyAsString()).isEqualTo(200);
    assertThat(approved.bodyAsJsonObject().getString("status")).isEqualTo("confirmed");
    assertThat(approved.bodyAsJsonObject().getString("startsAt")).isEqualTo(wanted.atZone(RIYADH).toOffsetDateTime()
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    assertThat(approved.getHeader("ETag")).isEqualTo("\"3\"");
    Map<String, Object> row = fixtures.appointment(id);
    assertThat(instant(row.get("starts_at"))).isEqualTo(wanted);
    assertThat(instant(row.get("ends_at"))).isEqualTo(wanted.plus(Duration.ofMinutes(30)));
    assertThat(instant(row.get("blocked_from"))).isEqualTo(wanted);
    assertThat(instant(row.get("blocked_until"))).isEqualTo(wanted.plus(Duration.ofMinutes(35)));
    assertThat(row.get("request_previous_status")).isNull();
    var reminders = fixtures.rows("SELECT not_before, status FROM notifications WHERE event_type = 'appointment_reminder' "
        + "AND payload ->> 'appointmentId' = '" + id + "' ORDER BY not_before");
    assertThat(reminders).extracting(r -> instant(r.get("not_before")))
        .containsExactly(wanted.minus(Duration.ofHours(24)), wanted.minus(Duration.ofHours(2)));
    assertThat(fixtures.rows("SELECT recipient_user_id, channel FROM notifications WHERE idempotency_key = "
        + "'appointment:" + id + ":appointment_rescheduled:3'"))
        .singleElement().satisfies(notice -> assertThat(notice.get("recipient_user_id")).isEqualTo(DemoAccounts.AHMED_USER_ID));
    JsonObject event = next(rescheduled);
    assertThat(event.getString("startsAt")).isEqualTo(wanted.toString());
    assertThat(event.getInteger("version")).isEqualTo(3);
  }

  @Test
  void an_approved_cancel_request_from_a_family_member_cancels_and_stops_the_reminders() throws Exception {
    Instant start = riyadh(42, 16, 0);
    UUID id = fixtures.insert(DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, start, "pending");
    fixtures.reminder(id, start.minus(Duration.ofHours(24)), "24h");
    var cancelled = listen(SchedulingAddresses.APPOINTMENTS_CANCELLED);
    String yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);

    var asked = fixtures.post(path(id, "cancel-request"), "ar", yousef, new JsonObject().put("reason", "والدي مسافر"));
    assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(200);
    var approved = fixtures.post(path(id, "requests/approve"), "en", app.loginAs(DemoAccounts.SUPERVISOR), null);

    assertThat(approved.statusCode()).as(approved.bodyAsString()).isEqualTo(200);
    assertThat(fixtures.appointment(id)).containsEntry("status", "cancelled")
        .containsEntry("cancellation_reason", "والدي مسافر");
    assertThat(fixtures.rows("SELECT status, last_error FROM notifications WHERE event_type = 'appointment_reminder' "
        + "AND payload ->> 'appointmentId' = '" + id + "'"))
        .singleElement().satisfies(r -> assertThat(r).containsEntry("status", "dead")
            .containsEntry("last_error", "appointment cancelled"));
    assertThat(fixtures.rows("SELECT 1 FROM notifications WHERE idempotency_key = 'appointment:" + id
        + ":appointment_cancelled:3'")).hasSize(1);
    assertThat(next(cancelled).getString("from")).isEqualTo("cancel_requested");
  }

  @Test
  void a_rejected_request_returns_to_the_status_before_it() {
    UUID id = fixtures.insert(DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(43, 9, 0), "pending");
    fixtures.post(path(id, "reschedule-request"), "en", ahmed,
        new JsonObject().put("requestedStartsAt", riyadh(44, 9, 0).toString()));

    var rejected = fixtures.post(path(id, "requests/reject"), "en", reception, new JsonObject().put("notes", "Full"));

    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(rejected.bodyAsJsonObject().getValue("request")).isNull();
    assertThat(fixtures.appointment(id)).containsEntry("status", "pending").containsEntry("requested_starts_at", null)
        .containsEntry("request_previous_status", null);
  }

  @Test
  void approving_a_move_into_a_taken_time_is_slot_taken_and_changes_nothing() {
    // sunday(6) is 45-51 days ahead: the other tests of this class keep to 36-44 days, or Dr. Khalid's 10:00
    // would be taken twice on the days that Sunday falls on (it failed on a Monday in Riyadh)
    Instant wanted = io.moeen.scheduling.SchedulingDemo.riyadh(io.moeen.scheduling.SchedulingDemo.sunday(6), "10:00");
    UUID id = fixtures.insert(UUID.randomUUID(), DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION,
        io.moeen.scheduling.SchedulingDemo.riyadh(io.moeen.scheduling.SchedulingDemo.sunday(6), "16:00"), "reschedule_requested", "confirmed", wanted);
    fixtures.insert(DemoAccounts.FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, wanted.plusSeconds(20 * 60), "pending");
    fixtures.reminder(id, io.moeen.scheduling.SchedulingDemo.riyadh(io.moeen.scheduling.SchedulingDemo.sunday(6), "14:00"), "2h");

    var approved = fixtures.post(path(id, "requests/approve"), "ar", reception, null);

    assertThat(approved.statusCode()).isEqualTo(409);
    assertThat(approved.bodyAsJsonObject().getString("code")).isEqualTo("slot_taken");
    assertThat(approved.bodyAsJsonObject().getString("title")).isEqualTo("الموعد محجوز");
    assertThat(fixtures.appointment(id)).containsEntry("status", "reschedule_requested").containsEntry("version", 1);
    assertThat(fixtures.rows("SELECT not_before FROM notifications WHERE idempotency_key = 'test:" + id + ":2h'"))
        .singleElement().satisfies(r -> assertThat(instant(r.get("not_before"))).isEqualTo(io.moeen.scheduling.SchedulingDemo.riyadh(io.moeen.scheduling.SchedulingDemo.sunday(6), "14:00")));
    assertThat(fixtures.rows("SELECT 1 FROM notifications WHERE event_type = 'appointment_rescheduled' "
        + "AND payload ->> 'appointmentId' = '" + id + "'")).isEmpty();
  }

  @Test
  void approving_a_move_outside_the_doctors_hours_is_refused_and_changes_nothing() {
    java.time.LocalDate sunday = io.moeen.scheduling.SchedulingDemo.sunday(4);
    Instant friday = io.moeen.scheduling.SchedulingDemo.riyadh(sunday.plusDays(5), "10:00");
    UUID id = fixtures.insert(UUID.randomUUID(), DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION,
        io.moeen.scheduling.SchedulingDemo.riyadh(sunday, "10:00"), "reschedule_requested", "confirmed", friday);

    var approved = fixtures.post(path(id, "requests/approve"), "en", reception, null);

    assertThat(approved.statusCode()).isEqualTo(409);
    assertThat(approved.bodyAsJsonObject().getString("code")).isEqualTo("slot_outside_availability");
    assertThat(fixtures.appointment(id)).containsEntry("status", "reschedule_requested").containsEntry("version", 1);
  }

  @Test
  void only_staff_decide_requests() {
    UUID id = fixtures.insert(UUID.randomUUID(), DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION,
        riyadh(36, 10, 0), "cancel_requested", "confirmed", null);

    var byDoctor = fixtures.post(path(id, "requests/approve"), "en", app.loginAs(DemoAccounts.DOCTOR), null);
    var byPatient = fixtures.post(path(id, "requests/approve"), "en", ahmed, null);

    assertThat(byDoctor.statusCode()).isEqualTo(403);
    assertThat(byPatient.statusCode()).isEqualTo(403);
    assertThat(fixtures.status(id)).isEqualTo("cancel_requested");
  }

  @Test
  void if_match_with_an_old_version_is_412_and_changes_nothing() throws Exception {
    UUID id = fixtures.insert(DemoAccounts.FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(37, 10, 0), "pending");
    var confirmed = listen(SchedulingAddresses.APPOINTMENTS_CONFIRMED);
    String etag = fixtures.get(path(id, null), "en", reception).getHeader("ETag");
    assertThat(etag).isEqualTo("\"1\"");

    var stale = fixtures.postIfMatch(path(id, "confirm"), reception, "\"0\"");

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.bodyAsJsonObject().getString("code")).isEqualTo("version_mismatch");
    assertThat(fixtures.appointment(id)).containsEntry("status", "pending").containsEntry("version", 1);
    assertThat(confirmed.poll(300, TimeUnit.MILLISECONDS)).as("no event for a refused change").isNull();

    var fresh = fixtures.postIfMatch(path(id, "confirm"), reception, etag);

    assertThat(fresh.statusCode()).as(fresh.bodyAsString()).isEqualTo(200);
    assertThat(fresh.getHeader("ETag")).isEqualTo("\"2\"");
    JsonObject event = next(confirmed);
    assertThat(event.getString("from")).isEqualTo("pending");
    assertThat(event.getString("to")).isEqualTo("confirmed");
    assertThat(event.getString("appointmentId")).isEqualTo(id.toString());
  }

  @Test
  void version_mismatch_has_an_arabic_title() {
    UUID id = fixtures.insert(DemoAccounts.FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(38, 10, 0), "pending");
    var request = app.client().post(path(id, "confirm")).putHeader("Authorization", "Bearer " + reception)
        .putHeader("If-Match", "\"7\"");

    var stale = app.send(request, "ar", null, null);

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.bodyAsJsonObject().getString("title")).isEqualTo("عدّله شخص آخر");
  }
}
