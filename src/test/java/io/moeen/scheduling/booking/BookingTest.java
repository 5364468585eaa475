package io.moeen.scheduling.booking;

import static io.moeen.scheduling.SchedulingDemo.DENTAL_CLEANING;
import static io.moeen.scheduling.SchedulingDemo.FOLLOW_UP;
import static io.moeen.scheduling.SchedulingDemo.GENERAL_CONSULTATION;
import static io.moeen.scheduling.SchedulingDemo.KHALID;
import static io.moeen.scheduling.SchedulingDemo.MAHA;
import static io.moeen.scheduling.SchedulingDemo.PLAIN_CALENDAR;
import static io.moeen.scheduling.SchedulingDemo.RIYADH_OLAYA;
import static io.moeen.scheduling.SchedulingDemo.riyadh;
import static io.moeen.scheduling.SchedulingDemo.sunday;
import static io.moeen.scheduling.booking.BookingApi.body;
import static io.moeen.scheduling.booking.BookingApi.created;
import static io.moeen.scheduling.booking.BookingApi.refused;
import static io.moeen.testing.DemoAccounts.AHMED_PATIENT_ID;
import static io.moeen.testing.DemoAccounts.AHMED_USER_ID;
import static io.moeen.testing.DemoAccounts.FATIMAH_PATIENT_ID;
import static io.moeen.testing.DemoAccounts.MOHAMMED_PATIENT_ID;
import static io.moeen.testing.DemoAccounts.REEM_PATIENT_ID;
import static io.moeen.testing.DemoAccounts.YOUSEF_USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/appointments: who may book, what is written, and what is refused (with nothing written). */
class BookingTest {
  private static RunningApp app;
  private static BookingApi api;
  private static String reception;
  private static String ahmed;

  @BeforeAll
  static void start() {
    app = RunningApp.start("booking");
    app.asOwner(PLAIN_CALENDAR);
    app.asOwner("UPDATE system_settings SET value = '100' WHERE key = 'booking.max_active_per_patient'");
    api = new BookingApi(app);
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void a_receptionist_books_for_any_patient_a_pending_appointment_with_local_offsets() {
    Instant nine = riyadh(sunday(0), "09:00");
    JsonObject appointment = created(api.book(reception, body(FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, nine)));
    assertThat(appointment.getString("status")).isEqualTo("pending");
    assertThat(appointment.getJsonObject("patient").getString("id")).isEqualTo(FATIMAH_PATIENT_ID.toString());
    assertThat(appointment.getJsonObject("doctor").getString("id")).isEqualTo(KHALID.toString());
    assertThat(appointment.getString("timeZone")).isEqualTo("Asia/Riyadh");
    assertThat(appointment.getInteger("version")).isNotNull();
    assertThat(appointment.getString("startsAt")).isEqualTo(sunday(0) + "T09:00:00+03:00");
    assertThat(appointment.getString("endsAt")).isEqualTo(sunday(0) + "T09:30:00+03:00");
    assertThat(appointment.getString("type")).isEqualTo("consultation");
    assertThat(appointment.getString("source")).isEqualTo("reception");
    String id = appointment.getString("id");
    assertThat(api.text("SELECT blocked_until || '|' || created_by FROM appointments WHERE id = '" + id + "'"))
        .startsWith(api.text("SELECT ('" + nine.plus(Duration.ofMinutes(35)) + "'::timestamptz)::text"))
        .endsWith(api.text("SELECT id FROM users WHERE email = '" + DemoAccounts.RECEPTIONIST + "'"));
  }

  @Test
  void the_booking_answer_is_the_same_appointment_representation_as_get() {
    Instant nine = riyadh(sunday(2), "09:00");
    JsonObject booked = created(api.book(reception, body(MOHAMMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, nine)));
    var read = app.send(app.client().get("/v1/appointments/" + booked.getString("id"))
        .putHeader("Authorization", "Bearer " + reception), "en", null, null);
    assertThat(read.statusCode()).as(read.bodyAsString()).isEqualTo(200);
    assertThat(booked).isEqualTo(read.bodyAsJsonObject());
  }

  @Test
  void a_patient_books_for_themself_and_the_outbox_holds_the_confirmation_and_both_reminders() throws Exception {
    CompletableFuture<JsonObject> event = new CompletableFuture<>();
    var consumer = app.application().vertx().eventBus().<JsonObject>consumer(SchedulingAddresses.APPOINTMENTS_BOOKED,
        message -> event.complete(message.body()));
    consumer.completion().await();
    Instant ten = riyadh(sunday(0), "10:00");
    JsonObject appointment = created(api.book(ahmed, body(AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, ten)
        .put("type", "follow_up").put("notes", "Knee pain since last week")));
    String id = appointment.getString("id");
    assertThat(appointment.getString("source")).isEqualTo("web");
    assertThat(appointment.getString("type")).isEqualTo("follow_up");
    assertThat(api.text("SELECT event_type || '|' || channel || '|' || recipient_user_id || '|' || locale || '|' "
        + "|| coalesce(extract(epoch FROM not_before)::bigint::text, '-') FROM notifications "
        + "WHERE payload ->> 'appointmentId' = '" + id + "' ORDER BY not_before NULLS FIRST"))
        .isEqualTo(String.join(";",
            "appointment_booked|in_app|" + AHMED_USER_ID + "|ar|-",
            "appointment_reminder|in_app|" + AHMED_USER_ID + "|ar|" + ten.minus(Duration.ofHours(24)).getEpochSecond(),
            "appointment_reminder|in_app|" + AHMED_USER_ID + "|ar|" + ten.minus(Duration.ofHours(2)).getEpochSecond()));
    assertThat(api.count("SELECT count(*) FROM notifications WHERE idempotency_key IN ('appointment:" + id
        + ":reminder:24h', 'appointment:" + id + ":reminder:2h')")).isEqualTo(2);
    // the confirmation carries what the chat's confirmation shows: service, doctor, branch with address, price
    assertThat(api.text("SELECT concat_ws('|', payload ->> 'serviceAr', payload ->> 'serviceEn', payload ->> 'doctorAr', "
        + "payload ->> 'doctorEn', payload ->> 'branchAr', payload ->> 'branchEn', payload ->> 'price', "
        + "payload ->> 'currency') FROM notifications WHERE idempotency_key = 'appointment:" + id + ":booked'"))
        .isEqualTo("كشف عام|General consultation|خالد العتيبي|Khalid Al-Otaibi"
            + "|فرع العليا - الرياض — طريق الملك فهد، العليا، الرياض ١٢٢١٤"
            + "|Olaya branch, Riyadh — King Fahd Road, Al Olaya, Riyadh 12214|150.00|SAR");
    JsonObject published = event.get(5, TimeUnit.SECONDS);
    assertThat(published.getString("id")).isEqualTo(id);
    consumer.unregister().await();
  }

  @Test
  void a_family_member_with_the_write_grant_books_for_the_patient() {
    String yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    JsonObject appointment = created(api.book(yousef,
        body(AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(0), "11:00"))));
    assertThat(api.text("SELECT created_by FROM appointments WHERE id = '" + appointment.getString("id") + "'"))
        .isEqualTo(YOUSEF_USER_ID.toString());
  }

  @Test
  void a_patient_booking_for_another_patient_is_told_the_patient_does_not_exist() {
    String before = api.rows();
    refused(api.book(ahmed, "ar", body(FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(3), "10:00")),
        null), 404, "patient_not_found");
    assertThat(api.rows()).isEqualTo(before);
  }

  @Test
  void a_marketer_may_not_book() {
    String marketer = app.loginAs(DemoAccounts.MARKETER);
    String before = api.rows();
    refused(api.book(marketer, body(FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(3), "10:00"))),
        403, "forbidden");
    assertThat(api.rows()).isEqualTo(before);
  }

  @Test
  void back_to_back_appointments_are_both_booked() {
    created(api.book(reception, body(MOHAMMED_PATIENT_ID, KHALID, FOLLOW_UP, riyadh(sunday(1), "09:00"))));
    created(api.book(reception, body(REEM_PATIENT_ID, KHALID, FOLLOW_UP, riyadh(sunday(1), "09:15"))));
  }

  @Test
  void a_taken_slot_is_refused_with_the_next_three_free_slots_and_a_busy_patient_too() {
    created(api.book(reception, body(MOHAMMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(1), "10:00"))));
    String before = api.rows();
    JsonObject taken = refused(api.book(reception, "ar",
        body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(1), "10:00")), null), 409, "slot_taken");
    assertThat(taken.getString("title")).isEqualTo("الموعد محجوز");
    assertThat(taken.getJsonArray("alternatives")).hasSize(3);
    assertThat(taken.getJsonArray("alternatives").getJsonObject(0).getString("startsAt"))
        .isEqualTo(sunday(1) + "T10:45:00+03:00");
    JsonObject busy = refused(api.book(reception, "ar",
        body(MOHAMMED_PATIENT_ID, MAHA, FOLLOW_UP, riyadh(sunday(1), "10:00")), null), 409, "patient_busy");
    assertThat(busy.getString("title")).isEqualTo("لدى المريض موعد آخر في هذا الوقت");
    assertThat(api.rows()).isEqualTo(before);
  }

  @Test
  void unknown_records_and_a_service_the_doctor_does_not_offer_are_refused() {
    Instant at = riyadh(sunday(3), "10:00");
    UUID nobody = UUID.randomUUID();
    String before = api.rows();
    JsonObject patient = refused(api.book(reception, "ar", body(nobody, KHALID, GENERAL_CONSULTATION, at), null),
        404, "patient_not_found");
    assertThat(patient.getString("title")).isEqualTo("المريض غير موجود");
    refused(api.book(reception, body(REEM_PATIENT_ID, KHALID, nobody, at)), 404, "service_not_found");
    refused(api.book(reception, body(REEM_PATIENT_ID, nobody, GENERAL_CONSULTATION, at)), 404, "doctor_not_found");
    refused(api.book(reception, body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, nobody, at)), 404,
        "location_not_found");
    refused(api.book(reception, body(REEM_PATIENT_ID, KHALID, DENTAL_CLEANING, at)), 400,
        "doctor_does_not_offer_service");
    refused(api.book(reception, body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, at).put("startsAt", "tomorrow")),
        400, "invalid_instant");
    assertThat(api.rows()).isEqualTo(before);
  }

  @Test
  void times_the_schedule_does_not_offer_are_refused_each_with_its_reason() {
    String before = api.rows();
    Instant soon = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
    JsonObject past = refused(api.book(reception, "ar",
        body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(0).minusWeeks(2), "09:00")), null),
        400, "slot_in_past");
    assertThat(past.getString("title")).isEqualTo("الموعد قد مضى");
    refused(api.book(reception, body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, soon)), 400,
        "booking_notice_too_short");
    refused(api.book(reception, body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(9), "09:00"))), 400,
        "booking_beyond_horizon");
    refused(api.book(reception, body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(3), "09:07"))), 400,
        "slot_not_on_grid");
    JsonObject outside = refused(api.book(reception, "ar",
        body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(3), "14:00")), null), 400,
        "slot_outside_availability");
    assertThat(outside.getString("title")).isEqualTo("الطبيب غير متاح في هذا الوقت");
    assertThat(api.rows()).isEqualTo(before);
  }

  @Test
  void a_patient_at_the_limit_of_upcoming_appointments_is_refused() {
    created(api.book(reception, body(FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(4), "09:00"))));
    long active = api.count("SELECT count(*) FROM appointments WHERE patient_id = '" + FATIMAH_PATIENT_ID
        + "' AND starts_at > now() AND status NOT IN ('cancelled', 'no_show', 'completed')");
    app.asOwner("UPDATE system_settings SET value = '" + active + "' WHERE key = 'booking.max_active_per_patient'");
    try {
      String before = api.rows();
      JsonObject problem = refused(api.book(reception, "ar",
          body(FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(4), "10:00")), null), 422,
          "too_many_active_appointments");
      assertThat(problem.getString("title")).isEqualTo("عدد المواعيد القادمة كبير");
      assertThat(api.rows()).isEqualTo(before);
    } finally {
      app.asOwner("UPDATE system_settings SET value = '100' WHERE key = 'booking.max_active_per_patient'");
    }
  }
}
