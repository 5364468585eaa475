package io.moeen.scheduling.booking;

import static io.moeen.scheduling.SchedulingDemo.GENERAL_CONSULTATION;
import static io.moeen.scheduling.SchedulingDemo.KHALID;
import static io.moeen.scheduling.SchedulingDemo.PLAIN_CALENDAR;
import static io.moeen.scheduling.SchedulingDemo.riyadh;
import static io.moeen.scheduling.SchedulingDemo.sunday;
import static io.moeen.scheduling.booking.BookingApi.body;
import static io.moeen.scheduling.booking.BookingApi.created;
import static io.moeen.scheduling.booking.BookingApi.refused;
import static io.moeen.testing.DemoAccounts.REEM_PATIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Races for one slot and repeated requests: the database and the idempotency record decide. */
class BookingRaceTest {
  private static RunningApp app;
  private static BookingApi api;
  private static String reception;

  @BeforeAll
  static void start() {
    app = RunningApp.start("booking_race");
    app.asOwner(PLAIN_CALENDAR);
    app.asOwner("UPDATE system_settings SET value = '100' WHERE key = 'booking.max_active_per_patient'");
    api = new BookingApi(app);
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void twenty_different_patients_racing_for_one_doctors_slot_get_exactly_one_appointment() {
    // different patients, so only the doctor's exclusion constraint can stop the other nineteen
    app.asOwner("INSERT INTO patients (id, first_name_en, phone) SELECT ('00000000-0000-4000-9900-' "
        + "|| lpad(g::text, 12, '0'))::uuid, 'Racer ' || g, '+9665000000' || lpad(g::text, 2, '0') "
        + "FROM generate_series(1, 20) g");
    Instant nine = riyadh(sunday(2), "09:00");
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      UUID patient = UUID.fromString(String.format("00000000-0000-4000-9900-%012d", i));
      calls.add(api.bookAsync(reception, "en", body(patient, KHALID, GENERAL_CONSULTATION, nine), null));
    }
    Future.join(calls).await();
    List<HttpResponse<Buffer>> answers = calls.stream().map(Future::result).toList();
    assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
    answers.stream().filter(r -> r.statusCode() != 201).forEach(r -> {
      JsonObject problem = refused(r, 409, "slot_taken");
      assertThat(problem.getJsonArray("alternatives")).hasSize(3);
    });
    assertThat(api.count("SELECT count(*) FROM appointments WHERE doctor_id = '" + KHALID + "' AND starts_at = '"
        + nine + "'")).isEqualTo(1);
    // a patient without an account is told on WhatsApp
    assertThat(api.text("SELECT DISTINCT channel || '|' || recipient_phone FROM notifications n "
        + "JOIN appointments a ON a.id::text = n.payload ->> 'appointmentId' WHERE a.starts_at = '" + nine + "'"))
        .startsWith("whatsapp|+9665000000");
  }

  @Test
  void the_same_key_and_body_replays_the_first_answer_and_another_body_is_refused() {
    JsonObject request = body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(2), "11:00"));
    JsonObject first = created(api.book(reception, "en", request, "reem-11"));
    String rows = api.rows();
    // the same fields in another order are the same body
    JsonObject reordered = new JsonObject();
    List.of("startsAt", "locationId", "serviceId", "doctorId", "patientId").forEach(k -> reordered.put(k, request.getValue(k)));
    assertThat(created(api.book(reception, "en", reordered, "reem-11"))).isEqualTo(first);
    assertThat(api.rows()).isEqualTo(rows);
    JsonObject reused = refused(api.book(reception, "ar", request.copy().put("startsAt",
        riyadh(sunday(2), "11:30").toString()), "reem-11"), 422, "idempotency_key_reused");
    assertThat(reused.getString("title")).isEqualTo("مفتاح التكرار مستخدم من قبل");
    assertThat(api.rows()).isEqualTo(rows);
    // the key belongs to its user: another caller's same key is a new request
    String supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
    created(api.book(supervisor, "en", request.copy().put("startsAt", riyadh(sunday(2), "12:00").toString()), "reem-11"));
  }

  @Test
  void concurrent_duplicates_with_one_key_create_one_appointment_and_all_get_it() {
    JsonObject request = body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday(2), "16:00"));
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(api.bookAsync(reception, "en", request, "reem-16"));
    }
    Future.join(calls).await();
    List<JsonObject> answers = calls.stream().map(call -> created(call.result())).toList();
    assertThat(answers).allMatch(answer -> answer.equals(answers.get(0)));
    assertThat(api.count("SELECT count(*) FROM appointments WHERE idempotency_key = 'reem-16'")).isEqualTo(1);
  }
}
