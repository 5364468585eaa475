package io.moeen.scheduling.appointments;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.moeen.scheduling.appointments.AppointmentFixtures.FAISAL;
import static io.moeen.scheduling.appointments.AppointmentFixtures.FOLLOW_UP;
import static io.moeen.scheduling.appointments.AppointmentFixtures.GENERAL_CONSULTATION;
import static io.moeen.scheduling.appointments.AppointmentFixtures.KHALID;
import static io.moeen.scheduling.appointments.AppointmentFixtures.path;
import static io.moeen.scheduling.appointments.AppointmentFixtures.riyadh;
import static org.assertj.core.api.Assertions.assertThat;

/** Who sees and changes which appointment, and how lists filter and page. */
class AppointmentAccessTest {
  static final UUID AHMED_WITH_KHALID = UUID.fromString("00000000-0000-4000-c400-000000000001");
  static final UUID FATIMAH_WITH_KHALID = UUID.fromString("00000000-0000-4000-c400-000000000002");
  static final UUID MOHAMMED_WITH_FAISAL = UUID.fromString("00000000-0000-4000-c400-000000000003");

  static RunningApp app;
  static AppointmentFixtures fixtures;

  @BeforeAll
  static void start() {
    app = RunningApp.start("appointment-access");
    fixtures = new AppointmentFixtures(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void one_appointment_comes_with_names_in_the_request_language_and_times_at_the_location_offset() {
    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);

    JsonObject ar = fixtures.get(path(AHMED_WITH_KHALID, null), "ar", ahmed).bodyAsJsonObject();
    var en = fixtures.get(path(AHMED_WITH_KHALID, null) + "?timeZone=Europe/Berlin", "en", ahmed);

    assertThat(ar.getJsonObject("doctor").getString("name")).isEqualTo("خالد العتيبي");
    assertThat(ar.getJsonObject("service").getString("name")).isEqualTo("كشف عام");
    assertThat(ar.getJsonObject("location").getString("name")).isEqualTo("فرع العليا - الرياض");
    assertThat(ar.getJsonObject("patient").getString("name")).isEqualTo("أحمد الغامدي");
    assertThat(ar.getString("startsAt")).matches("\\d{4}-\\d\\d-\\d\\dT10:00:00\\+03:00");
    assertThat(ar.containsKey("inTimeZone")).isFalse();
    assertThat(en.statusCode()).isEqualTo(200);
    JsonObject body = en.bodyAsJsonObject();
    assertThat(body.getJsonObject("service").getString("name")).isEqualTo("General consultation");
    assertThat(body.getJsonObject("inTimeZone").getString("timeZone")).isEqualTo("Europe/Berlin");
    assertThat(body.getJsonObject("inTimeZone").getString("startsAt")).matches(".*T0[89]:00:00\\+0[12]:00");
  }

  @Test
  void an_unknown_time_zone_is_400() {
    var response = fixtures.get(path(AHMED_WITH_KHALID, null) + "?timeZone=Mars/Olympus", "ar",
        app.loginAs(DemoAccounts.RECEPTIONIST));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("invalid_time_zone");
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("منطقة زمنية غير معروفة");
  }

  @Test
  void another_patients_appointment_is_hidden_exactly_like_a_missing_one() {
    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);

    var other = fixtures.get(path(FATIMAH_WITH_KHALID, null), "ar", ahmed);
    var missing = fixtures.get(path(UUID.randomUUID(), null), "ar", ahmed);
    var cancel = fixtures.post(path(FATIMAH_WITH_KHALID, "cancel"), "en", ahmed, null);

    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.bodyAsJsonObject().getString("code")).isEqualTo("appointment_not_found");
    assertThat(other.bodyAsJsonObject().getString("title")).isEqualTo("الموعد غير موجود");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getString("code")).isEqualTo("appointment_not_found");
    assertThat(cancel.statusCode()).isEqualTo(404);
    assertThat(fixtures.status(FATIMAH_WITH_KHALID)).isEqualTo("pending");
  }

  @Test
  void a_family_member_with_the_scopes_sees_and_acts_on_the_patients_appointment() {
    String yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
    UUID id = fixtures.insert(DemoAccounts.AHMED_PATIENT_ID, KHALID, FOLLOW_UP, riyadh(50, 9, 0), "confirmed");

    assertThat(fixtures.get(path(AHMED_WITH_KHALID, null), "en", yousef).statusCode()).isEqualTo(200);
    assertThat(fixtures.get(path(FATIMAH_WITH_KHALID, null), "en", yousef).statusCode()).isEqualTo(404);
    assertThat(fixtures.post(path(id, "cancel-request"), "en", yousef, null).statusCode()).isEqualTo(200);
    assertThat(fixtures.status(id)).isEqualTo("cancel_requested");
  }

  @Test
  void a_family_member_who_may_only_read_cannot_change_it() {
    app.asOwner("UPDATE family_members SET scopes = '{patients.read,appointments.read}' WHERE user_id = '"
        + DemoAccounts.YOUSEF_USER_ID + "'");
    try {
      String yousef = app.loginAs(DemoAccounts.FAMILY_YOUSEF);
      UUID id = fixtures.insert(DemoAccounts.AHMED_PATIENT_ID, KHALID, FOLLOW_UP, riyadh(51, 9, 0), "confirmed");

      var cancel = fixtures.post(path(id, "cancel"), "en", yousef, null);

      assertThat(cancel.statusCode()).isEqualTo(403);
      assertThat(fixtures.status(id)).isEqualTo("confirmed");
    } finally {
      app.asOwner("UPDATE family_members SET scopes = '{patients.read,appointments.read,appointments.write}' "
          + "WHERE user_id = '" + DemoAccounts.YOUSEF_USER_ID + "'");
    }
  }

  @Test
  void a_doctor_acts_on_their_own_appointments_only() {
    String khalid = app.loginAs(DemoAccounts.DOCTOR);
    UUID own = fixtures.insert(DemoAccounts.REEM_PATIENT_ID, KHALID, FOLLOW_UP, riyadh(52, 9, 0), "pending");
    UUID others = fixtures.insert(DemoAccounts.REEM_PATIENT_ID, FAISAL, FOLLOW_UP, riyadh(52, 11, 0), "pending");

    assertThat(fixtures.post(path(own, "confirm"), "en", khalid, null).statusCode()).isEqualTo(200);
    var foreign = fixtures.post(path(others, "confirm"), "en", khalid, null);

    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(fixtures.status(others)).isEqualTo("pending");
    assertThat(fixtures.get(path(MOHAMMED_WITH_FAISAL, null), "en", khalid).statusCode()).isEqualTo(404);
  }

  @Test
  void a_marketer_may_not_read_appointments() {
    var response = fixtures.get("/v1/appointments", "ar", app.loginAs(DemoAccounts.MARKETER));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("forbidden");
  }

  @Test
  void lists_show_each_caller_their_own_share() {
    assertThat(ids("/v1/appointments?limit=100", DemoAccounts.PATIENT_AHMED))
        .allMatch(item -> item.getJsonObject("patient").getString("id").equals(DemoAccounts.AHMED_PATIENT_ID.toString()));
    assertThat(ids("/v1/appointments?limit=100", DemoAccounts.FAMILY_YOUSEF))
        .extracting(item -> item.getString("id")).contains(AHMED_WITH_KHALID.toString())
        .doesNotContain(FATIMAH_WITH_KHALID.toString());
    assertThat(ids("/v1/appointments?limit=100", DemoAccounts.DOCTOR_CARDIOLOGY))
        .allMatch(item -> item.getJsonObject("doctor").getString("id").equals(FAISAL.toString()));
    assertThat(ids("/v1/appointments?limit=100", DemoAccounts.RECEPTIONIST))
        .extracting(item -> item.getString("id")).contains(AHMED_WITH_KHALID.toString(), MOHAMMED_WITH_FAISAL.toString());
  }

  @Test
  void lists_filter_by_doctor_patient_status_and_time() {
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    UUID a = fixtures.insert(DemoAccounts.MOHAMMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(60, 9, 0), "confirmed");
    fixtures.insert(DemoAccounts.MOHAMMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(60, 11, 0), "pending");
    String day = "from=" + encode(riyadh(60, 0, 0)) + "&to=" + encode(riyadh(61, 0, 0));

    List<JsonObject> confirmed = ids("/v1/appointments?" + day + "&status=confirmed&doctorId=" + KHALID
        + "&patientId=" + DemoAccounts.MOHAMMED_PATIENT_ID, DemoAccounts.RECEPTIONIST);
    var reversed = fixtures.get("/v1/appointments?from=" + encode(riyadh(61, 0, 0)) + "&to=" + encode(riyadh(60, 0, 0)),
        "ar", reception);

    assertThat(confirmed).extracting(item -> item.getString("id")).containsExactly(a.toString());
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.bodyAsJsonObject().getString("code")).isEqualTo("invalid_range");
  }

  @Test
  void cursor_pages_cover_every_appointment_once_in_start_order() {
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    for (int i = 0; i < 5; i++) {
      fixtures.insert(DemoAccounts.REEM_PATIENT_ID, FAISAL, FOLLOW_UP, riyadh(70, 9 + i, 0), "pending");
    }
    String range = "from=" + encode(riyadh(70, 0, 0)) + "&to=" + encode(riyadh(71, 0, 0));
    List<String> starts = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = fixtures.get("/v1/appointments?" + range + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
          "en", reception).bodyAsJsonObject();
      page.getJsonArray("items").forEach(item -> starts.add(((JsonObject) item).getString("startsAt")));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(starts).hasSize(5).isSorted().doesNotHaveDuplicates();
    var bad = fixtures.get("/v1/appointments?cursor=not-a-cursor", "en", reception);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("code")).isEqualTo("invalid_cursor");
  }

  private List<JsonObject> ids(String path, String who) {
    var response = fixtures.get(path, "en", app.loginAs(who));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonArray items = response.bodyAsJsonObject().getJsonArray("items");
    List<JsonObject> list = new ArrayList<>();
    items.forEach(item -> list.add((JsonObject) item));
    assertThat(list).isNotEmpty();
    return list;
  }

  private static String encode(java.time.Instant instant) {
    return java.net.URLEncoder.encode(instant.atZone(AppointmentFixtures.RIYADH).toOffsetDateTime().toString(),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
