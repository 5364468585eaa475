package io.moeen.scheduling.appointments;

import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.moeen.scheduling.appointments.AppointmentFixtures.FAISAL;
import static io.moeen.scheduling.appointments.AppointmentFixtures.GENERAL_CONSULTATION;
import static io.moeen.scheduling.appointments.AppointmentFixtures.KHALID;
import static io.moeen.scheduling.appointments.AppointmentFixtures.MAHA;
import static io.moeen.scheduling.appointments.AppointmentFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Appointment rooms (changeset 063) against the real PostgreSQL: the exclusion constraint itself, ten concurrent
 * assignments of one room, the rules a room must meet (another branch's, an inactive one, a hospital ward), the
 * doctor's default room at booking, a move keeping or clearing the room, check-in into a room, and the agenda
 * filtered by room with the room's names.
 */
class AppointmentRoomsTest {
  static final String ROOM_A = "00000000-0000-4063-8000-0000000000a1";
  static final String ROOM_B = "00000000-0000-4063-8000-0000000000a2";
  static final String ROOM_OFF = "00000000-0000-4063-8000-0000000000a3";
  static final String ROOM_JEDDAH = "00000000-0000-4063-8000-0000000000a4";
  static final String WARD = "00000000-4063-4063-8000-0000000000a5";
  static RunningApp app;
  static AppointmentFixtures fixtures;
  static String reception;
  static String admin;
  static String ahmed;

  @BeforeAll
  static void start() {
    app = RunningApp.start("appointment-rooms");
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
    // the demo appointments (some with rooms) could meet a test's time
    app.asOwner("UPDATE appointments SET status = 'cancelled' WHERE status NOT IN ('cancelled', 'completed', 'no_show')");
    app.asOwner("""
        INSERT INTO rooms (id, location_id, name_ar, name_en, is_active) VALUES
          ('%s', '%s', 'غرفة أ', 'Room A', true), ('%s', '%s', 'غرفة ب', 'Room B', true),
          ('%s', '%s', 'غرفة مغلقة', 'Closed room', false), ('%s', '%s', 'غرفة جدة', 'Jeddah room', true),
          ('%s', '%s', 'جناح', 'Ward', true);
        INSERT INTO hospital_rooms (room_id, ward_id, room_type_id, code)
        SELECT '%s', w.id, t.id, 'T-063' FROM hospital_wards w, room_types t LIMIT 1;
        """.formatted(ROOM_A, SchedulingDemo.RIYADH_OLAYA, ROOM_B, SchedulingDemo.RIYADH_OLAYA, ROOM_OFF,
        SchedulingDemo.RIYADH_OLAYA, ROOM_JEDDAH, SchedulingDemo.JEDDAH_RAWDAH, WARD, SchedulingDemo.RIYADH_OLAYA, WARD));
    fixtures = new AppointmentFixtures(app);
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    admin = app.loginAs(DemoAccounts.ADMIN);
    ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Instant at(int weeks, String time) {
    return SchedulingDemo.riyadh(SchedulingDemo.sunday(weeks), time);
  }

  static HttpResponse<Buffer> put(String path, String lang, String token, JsonObject body) {
    return fixtures.put(path, lang, token, body);
  }

  static JsonObject room(String id) {
    return new JsonObject().put("roomId", id);
  }

  void ownerUpdate(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(),
        app.database().password())) {
      c.createStatement().executeUpdate(sql);
    }
  }

  String insertSql(UUID patient, UUID doctor, Instant start, int minutes, String status, String room) {
    return "INSERT INTO appointments (patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from, "
        + "blocked_until, status, source, room_id) VALUES ('" + patient + "', '" + doctor + "', '" + GENERAL_CONSULTATION
        + "', '" + SchedulingDemo.RIYADH_OLAYA + "', '" + start + "', '" + start.plusSeconds(60L * minutes) + "', '" + start
        + "', '" + start.plusSeconds(60L * minutes) + "', '" + status + "', 'reception', '" + room + "')";
  }

  @Test
  void the_database_refuses_two_appointments_holding_one_room_at_overlapping_times() throws SQLException {
    Instant ten = at(5, "10:00");
    ownerUpdate(insertSql(DemoAccounts.AHMED_PATIENT_ID, KHALID, ten, 30, "confirmed", ROOM_B));
    // another doctor and another patient: only the room's constraint can refuse this one
    assertThatThrownBy(() -> ownerUpdate(insertSql(DemoAccounts.FATIMAH_PATIENT_ID, MAHA, ten.plusSeconds(600), 30,
        "pending", ROOM_B))).hasMessageContaining("appointments_room_free");
    // back to back is fine (half-open ranges), and so are appointments that hold no room any more
    ownerUpdate(insertSql(DemoAccounts.FATIMAH_PATIENT_ID, MAHA, ten.plusSeconds(1800), 30, "pending", ROOM_B));
    ownerUpdate(insertSql(DemoAccounts.REEM_PATIENT_ID, FAISAL, ten, 30, "cancelled", ROOM_B));
    ownerUpdate(insertSql(DemoAccounts.MOHAMMED_PATIENT_ID, FAISAL, ten.minusSeconds(1800), 45, "completed", ROOM_B));
    // and a room must be at the appointment's location, whatever the application says
    assertThatThrownBy(() -> ownerUpdate(insertSql(DemoAccounts.REEM_PATIENT_ID, FAISAL, ten.plusSeconds(7200), 30,
        "pending", ROOM_JEDDAH))).hasMessageContaining("appointments_room_at_location");
  }

  @Test
  void ten_concurrent_assignments_of_one_room_at_one_time_leave_exactly_one_appointment_in_it() {
    // ten doctors and ten patients, so nothing but the room stops the other nine
    app.asOwner("""
        INSERT INTO users (id, email, password_hash, first_name_en)
        SELECT ('00000000-0000-4063-8100-' || lpad(g::text, 12, '0'))::uuid, 'room-racer-' || g || '@moeen-clinic.example',
               'not-a-hash', 'Racer ' || g FROM generate_series(1, 10) g;
        INSERT INTO doctors (id, user_id, specialty_ar, specialty_en)
        SELECT ('00000000-0000-4063-8200-' || lpad(g::text, 12, '0'))::uuid,
               ('00000000-0000-4063-8100-' || lpad(g::text, 12, '0'))::uuid, 'عام', 'General' FROM generate_series(1, 10) g;
        INSERT INTO patients (id, first_name_en) SELECT ('00000000-0000-4063-8300-' || lpad(g::text, 12, '0'))::uuid,
               'Room racer ' || g FROM generate_series(1, 10) g;
        """);
    Instant noon = at(6, "12:00");
    List<UUID> ids = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ids.add(fixtures.insert(UUID.fromString(String.format("00000000-0000-4063-8300-%012d", i)),
          UUID.fromString(String.format("00000000-0000-4063-8200-%012d", i)), GENERAL_CONSULTATION, noon, "confirmed"));
    }
    List<Future<HttpResponse<Buffer>>> calls = ids.stream().map(id -> app.client()
        .request(HttpMethod.PUT, path(id, "room")).putHeader("Authorization", "Bearer " + reception)
        .putHeader("Accept-Language", "en").putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(room(ROOM_A).encode()))).toList();
    Future.join(calls).await();
    List<HttpResponse<Buffer>> answers = calls.stream().map(Future::result).toList();
    assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
    answers.stream().filter(r -> r.statusCode() != 200).forEach(r -> {
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(409);
      JsonObject problem = r.bodyAsJsonObject();
      assertThat(problem.getString("code")).isEqualTo("room_taken");
      // the other appointment's time, in the clinic's zone; never another patient's name
      assertThat(problem.getString("detail")).contains("Room A").contains("12:00").contains("12:30")
          .doesNotContain("Room racer");
      assertThat(problem.getJsonObject("conflict").getString("startsAt")).isEqualTo(
          noon.atZone(SchedulingDemo.RIYADH).toOffsetDateTime().toString().replace("+03:00", ":00+03:00"));
    });
    assertThat(fixtures.rows("SELECT count(*) AS n FROM appointments WHERE room_id = '" + ROOM_A + "' AND starts_at = '"
        + noon + "'").get(0).get("n")).isEqualTo(1L);
  }

  @Test
  void a_room_of_another_branch_an_inactive_one_a_hospital_ward_and_an_unknown_one_are_refused_and_change_nothing() {
    UUID id = fixtures.insert(DemoAccounts.REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, at(7, "09:00"), "confirmed");
    refused(put(path(id, "room"), "ar", reception, room(ROOM_JEDDAH)), 422, "room_other_location", "غرفة جدة");
    refused(put(path(id, "room"), "en", reception, room(ROOM_OFF)), 422, "room_inactive", "Closed room");
    refused(put(path(id, "room"), "en", reception, room(WARD)), 422, "room_not_consulting", "Ward");
    refused(put(path(id, "room"), "en", reception, room(UUID.randomUUID().toString())), 422, "room_unknown", "");
    assertThat(fixtures.appointment(id).get("version")).isEqualTo(1);
    // the patient may not choose a room; a cancelled appointment holds none
    assertThat(put(path(id, "room"), "en", ahmed, room(ROOM_A)).statusCode()).isIn(403, 404);
    UUID cancelled = fixtures.insert(DemoAccounts.REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, at(7, "10:00"), "cancelled");
    refused(put(path(cancelled, "room"), "en", reception, room(ROOM_A)), 409, "room_not_changeable", "");
    // reception's room list has the clinic's rooms only when it asks for them
    JsonObject rooms = fixtures.get("/v1/locations/" + SchedulingDemo.RIYADH_OLAYA + "/rooms?kind=consulting", "en", reception)
        .bodyAsJsonObject();
    assertThat(rooms.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains(ROOM_A, ROOM_B, ROOM_OFF).doesNotContain(WARD, "00000000-0000-4021-8000-000000000301");
  }

  @Test
  void the_doctors_default_room_is_given_to_a_booking_without_one_when_free_and_none_otherwise() throws SQLException {
    HttpResponse<Buffer> set = put("/v1/doctors/" + MAHA + "/default-rooms/" + SchedulingDemo.RIYADH_OLAYA, "ar", admin,
        room(ROOM_A));
    assertThat(set.statusCode()).as(set.bodyAsString()).isEqualTo(200);
    assertThat(set.bodyAsJsonObject().getJsonObject("room").getString("nameEn")).isEqualTo("Room A");
    refused(put("/v1/doctors/" + MAHA + "/default-rooms/" + SchedulingDemo.RIYADH_OLAYA, "en", admin, room(ROOM_JEDDAH)),
        422, "room_other_location", "");
    assertThat(put("/v1/doctors/" + MAHA + "/default-rooms/" + SchedulingDemo.RIYADH_OLAYA, "en", reception,
        room(ROOM_A)).statusCode()).isEqualTo(403);
    Instant nine = at(1, "09:00");
    Instant ten = at(1, "10:00");
    // Room A is taken at ten by Dr. Khalid's patient
    ownerUpdate(insertSql(DemoAccounts.AHMED_PATIENT_ID, KHALID, ten, 30, "confirmed", ROOM_A));
    JsonObject free = book(reception, DemoAccounts.FATIMAH_PATIENT_ID, nine, null);
    assertThat(free.getJsonObject("room").getString("id")).isEqualTo(ROOM_A);
    assertThat(free.getJsonObject("room").getString("nameAr")).isEqualTo("غرفة أ");
    // a room someone holds then is refused at booking with their time
    HttpResponse<Buffer> taken = fixtures.post("/v1/appointments", "en", reception,
        bookingBody(DemoAccounts.AISHA_PATIENT_ID, ten).put("roomId", ROOM_A));
    refused(taken, 409, "room_taken", "10:00");
    JsonObject busy = book(reception, DemoAccounts.REEM_PATIENT_ID, ten, null);
    assertThat(busy.getValue("room")).isNull();
    // staff may name another room at booking; a patient may not name one
    JsonObject named = book(reception, DemoAccounts.MOHAMMED_PATIENT_ID, at(1, "11:00"), ROOM_B);
    assertThat(named.getJsonObject("room").getString("name")).isEqualTo("Room B");
    HttpResponse<Buffer> patient = fixtures.post("/v1/appointments", "en", ahmed, bookingBody(DemoAccounts.AHMED_PATIENT_ID,
        at(1, "12:00")).put("roomId", ROOM_B));
    assertThat(patient.statusCode()).as(patient.bodyAsString()).isEqualTo(403);
    assertThat(patient.bodyAsJsonObject().getString("code")).isEqualTo("room_staff_only");
  }

  @Test
  void a_move_keeps_the_room_when_it_is_free_at_the_new_time_and_clears_it_otherwise() throws SQLException {
    Instant start = at(2, "09:00");
    UUID id = fixtures.insert(DemoAccounts.FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, start, "confirmed");
    assertThat(put(path(id, "room"), "en", reception, room(ROOM_B)).statusCode()).isEqualTo(200);
    JsonObject kept = fixtures.post(path(id, "reschedule"), "en", reception,
        new JsonObject().put("startsAt", at(2, "09:30").toString())).bodyAsJsonObject();
    assertThat(kept.getJsonObject("room").getString("id")).isEqualTo(ROOM_B);
    ownerUpdate(insertSql(DemoAccounts.REEM_PATIENT_ID, MAHA, at(2, "11:00"), 30, "pending", ROOM_B));
    HttpResponse<Buffer> moved = fixtures.post(path(id, "reschedule"), "en", reception,
        new JsonObject().put("startsAt", at(2, "11:00").toString()));
    assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
    assertThat(moved.bodyAsJsonObject().getValue("room")).isNull();
    assertThat(fixtures.rows("SELECT room_id FROM appointments WHERE id = '" + id + "'").get(0).get("room_id")).isNull();
  }

  @Test
  void check_in_into_a_room_and_the_agenda_by_room() {
    UUID id = fixtures.insert(DemoAccounts.MOHAMMED_PATIENT_ID, FAISAL, GENERAL_CONSULTATION,
        AppointmentFixtures.startedToday(), "confirmed");
    HttpResponse<Buffer> checkedIn = fixtures.post(path(id, "check-in"), "ar", reception, room(ROOM_B));
    assertThat(checkedIn.statusCode()).as(checkedIn.bodyAsString()).isEqualTo(200);
    assertThat(checkedIn.bodyAsJsonObject().getString("status")).isEqualTo("checked_in");
    assertThat(checkedIn.bodyAsJsonObject().getJsonObject("room"))
        .isEqualTo(new JsonObject().put("id", ROOM_B).put("name", "غرفة ب").put("nameAr", "غرفة ب").put("nameEn", "Room B"));
    JsonObject page = fixtures.get("/v1/appointments?roomId=" + ROOM_B + "&limit=100", "en", reception).bodyAsJsonObject();
    assertThat(page.getJsonArray("items")).isNotEmpty();
    assertThat(page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getJsonObject("room").getString("id")))
        .containsOnly(ROOM_B);
    assertThat(page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id"))).contains(id.toString());
    // clearing the room
    JsonObject cleared = put(path(id, "room"), "en", reception, new JsonObject().putNull("roomId")).bodyAsJsonObject();
    assertThat(cleared.getValue("room")).isNull();
  }

  @Test
  void two_doctors_sharing_a_default_room_booked_at_once_both_get_their_visit_and_one_the_room() {
    for (UUID doctor : List.of(KHALID, MAHA)) {
      assertThat(put("/v1/doctors/" + doctor + "/default-rooms/" + SchedulingDemo.RIYADH_OLAYA, "en", admin, room(ROOM_B))
          .statusCode()).isEqualTo(200);
    }
    Instant start = at(2, "12:00");
    JsonObject khalids = bookingBody(DemoAccounts.AISHA_PATIENT_ID, start).put("doctorId", KHALID.toString())
        .put("serviceId", GENERAL_CONSULTATION.toString());
    JsonObject mahas = bookingBody(DemoAccounts.MOHAMMED_PATIENT_ID, start);
    List<Future<HttpResponse<Buffer>>> calls = List.of(khalids, mahas).stream().map(body -> app.client()
        .request(HttpMethod.POST, "/v1/appointments").putHeader("Authorization", "Bearer " + reception)
        .putHeader("Accept-Language", "en").putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body.encode()))).toList();
    Future.join(calls).await();
    // a taken default room is no reason to refuse a booking: the one that lost it is booked without a room
    List<JsonObject> booked = calls.stream().map(call -> {
      assertThat(call.result().statusCode()).as(call.result().bodyAsString()).isEqualTo(201);
      return call.result().bodyAsJsonObject();
    }).toList();
    assertThat(booked).filteredOn(b -> b.getValue("room") != null).hasSize(1);
    assertThat(booked).filteredOn(b -> b.getValue("room") == null).hasSize(1);
    put("/v1/doctors/" + KHALID + "/default-rooms/" + SchedulingDemo.RIYADH_OLAYA, "en", admin, new JsonObject().putNull("roomId"));
  }

  JsonObject book(String token, UUID patient, Instant start, String roomId) {
    JsonObject body = bookingBody(patient, start);
    if (roomId != null) {
      body.put("roomId", roomId);
    }
    HttpResponse<Buffer> response = fixtures.post("/v1/appointments", "en", token, body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  static JsonObject bookingBody(UUID patient, Instant start) {
    return new JsonObject().put("patientId", patient.toString()).put("doctorId", MAHA.toString())
        .put("serviceId", SchedulingDemo.CHILD_CHECKUP.toString()).put("locationId", SchedulingDemo.RIYADH_OLAYA.toString())
        .put("startsAt", start.toString());
  }

  static void refused(HttpResponse<Buffer> response, int status, String code, String detailContains) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getString("detail")).contains(detailContains).doesNotContain("{");
  }
}
