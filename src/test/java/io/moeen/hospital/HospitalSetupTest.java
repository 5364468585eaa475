package io.moeen.hospital;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21's last gaps: occupancy by day counts the beds of that day, room types and wards are changed, retired
 * and (unused) deleted, cleaning reads as a calendar, and report dates are checked (a localized 400).
 */
class HospitalSetupTest {
  private static final String OLAYA = "00000000-0000-4000-c100-000000000001";
  private static final String JEDDAH = "00000000-0000-4000-c100-000000000002";
  private static final String GENERAL_TYPE = "00000000-0000-4021-8000-000000000201";
  private static final String ROUND_ICU = "00000000-0000-4021-8000-000000000902";
  private static final String DEEP_CLEAN_P202 = "00000000-0000-4021-8000-000000000903";
  private static final String ROOM_P202 = "00000000-0000-4021-8000-000000000303";
  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  private static RunningApp app;
  private static HospitalApi api;
  private static String supervisor;

  @BeforeAll
  static void start() {
    app = RunningApp.start("hospital_setup");
    api = new HospitalApi(app);
    supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject ok(int status, String method, String path, String token, Object body) {
    var answer = api.call(method, path, token, body);
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.bodyAsString()).isEqualTo(status);
    return answer.body() == null || answer.body().length() == 0 ? null : answer.bodyAsJsonObject();
  }

  private static JsonObject refused(int status, String code, String method, String path, Object body, String lang) {
    var answer = api.call(method, path, supervisor, body, lang);
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(status);
    assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo(code);
    return answer.bodyAsJsonObject();
  }

  /** A scheduling room at a location (straight in the database), equipped in a ward with a type. */
  private static String room(String location, String ward, String type, String code) {
    String id = UUID.randomUUID().toString();
    app.asOwner("INSERT INTO rooms (id, location_id, name_ar, name_en) VALUES ('" + id + "', '" + location
        + "', 'غرفة " + code + "', 'Room " + code + "')");
    if (ward != null) {
      ok(200, "PUT", "/v1/hospital/rooms/" + id, supervisor,
          new JsonObject().put("wardId", ward).put("roomTypeId", type).put("code", code).put("floor", 1));
    }
    return id;
  }

  private static String ward(String code, String location) {
    return ok(201, "POST", "/v1/hospital/wards", supervisor, new JsonObject().put("code", code).put("locationId", location)
        .put("nameAr", "جناح " + code).put("nameEn", "Ward " + code)).getString("id");
  }

  private static String bed(String room, String code) {
    return ok(201, "POST", "/v1/hospital/rooms/" + room + "/beds", supervisor, new JsonObject().put("code", code))
        .getString("id");
  }

  private static final java.time.format.DateTimeFormatter INSTANT =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private static String midnight(LocalDate day) {
    return INSTANT.format(day.atStartOfDay(RIYADH));
  }

  private static String noon(LocalDate day) {
    return INSTANT.format(day.atTime(12, 0).atZone(RIYADH));
  }

  @Test
  void occupancy_by_day_counts_the_beds_that_existed_and_were_in_service_that_day() {
    String ward = ward("history_ward", OLAYA);
    String room = room(OLAYA, ward, GENERAL_TYPE, "H-1");
    String kept = bed(room, "A");
    String broken = bed(room, "B");
    String added = bed(room, "C"); // added today: counts from today on only
    LocalDate today = LocalDate.now(RIYADH);
    app.asOwner("UPDATE beds SET created_at = '" + midnight(today.minusDays(10)) + "' WHERE id IN ('" + kept + "', '"
        + broken + "')");
    ok(200, "PUT", "/v1/hospital/beds/" + broken + "/service", supervisor,
        new JsonObject().put("inService", false).put("reason", "rail"));
    // out of service since three days ago at midnight (the spell the API just opened, moved back)
    app.asOwner("UPDATE bed_service_breaks SET during = tstzrange('" + midnight(today.minusDays(3)) + "', NULL) WHERE bed_id = '"
        + broken + "'");
    String patient = api.patients("History", 1).get(0);
    String admission = ok(201, "POST", "/v1/hospital/admissions", supervisor, HospitalApi.admission(patient, kept)
        .put("admittedAt", noon(today.minusDays(2)))).getString("id");
    ok(200, "POST", "/v1/hospital/admissions/" + admission + "/discharge", supervisor, new JsonObject()
        .put("dischargedAt", noon(today.minusDays(1))));

    JsonObject report = ok(200, "GET", "/v1/hospital/reports/occupancy?from=" + today.minusDays(3) + "&to=" + today,
        supervisor, null);
    List<JsonObject> days = report.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("wardCode").equals("history_ward")).toList();
    assertThat(days).extracting(d -> d.getString("day"))
        .containsExactly(today.minusDays(3).toString(), today.minusDays(2).toString(), today.minusDays(1).toString(), today.toString());
    // three days ago: only A (B out of service all day, C not there yet)
    assertThat(days.get(0).getLong("beds")).isEqualTo(1);
    assertThat(days.get(0).getDouble("bedHours")).isEqualTo(24.0);
    assertThat(days.get(0).getDouble("occupancyPercent")).isEqualTo(0.0);
    // the stay from noon two days ago to noon yesterday: half of A's hours each day, one patient
    assertThat(days.get(1).getLong("beds")).isEqualTo(1);
    assertThat(days.get(1).getDouble("occupiedHours")).isEqualTo(12.0);
    assertThat(days.get(1).getDouble("occupancyPercent")).isEqualTo(50.0);
    assertThat(days.get(1).getLong("patients")).isEqualTo(1);
    assertThat(days.get(2).getDouble("occupancyPercent")).isEqualTo(50.0);
    // today: A and the new C
    assertThat(days.get(3).getLong("beds")).isEqualTo(2);
    assertThat(added).isNotNull();

    // the break closes when the bed comes back: the report counts it again from then on
    ok(200, "PUT", "/v1/hospital/beds/" + broken + "/service", supervisor, new JsonObject().put("inService", true));
    assertThat(api.query("SELECT count(*) AS n FROM bed_service_breaks WHERE bed_id = $1 AND upper_inf(during)",
        UUID.fromString(broken)).get(0).getLong("n")).isZero();
  }

  @Test
  void a_date_that_does_not_exist_is_a_localized_400_not_a_500() {
    // the contract's date format stops it first; ReportPeriod would refuse it the same way (invalid_report_date)
    JsonObject problem = refused(400, "validation_failed", "GET", "/v1/hospital/reports/occupancy?from=2026-02-30", null, "ar");
    assertThat(problem.getString("field")).isEqualTo("from");
    assertThat(problem.getString("title")).isNotBlank().isNotEqualTo("Invalid request");
    refused(400, "invalid_range", "GET", "/v1/hospital/reports/length-of-stay?from=2026-03-02&to=2026-03-01", null, "en");
    refused(400, "range_too_long", "GET", "/v1/hospital/reports/cleaning-turnaround?from=2024-01-01&to=2026-01-01", null, "en");
    refused(400, "validation_failed", "GET", "/v1/hospital/cleaning-tasks/calendar?to=2026-13-01", null, "en");
  }

  @Test
  void room_types_are_changed_retired_and_deleted_only_when_unused() {
    String nurse = app.loginAs(DemoAccounts.NURSE);
    assertThat(api.call("PATCH", "/v1/hospital/room-types/" + GENERAL_TYPE, nurse, new JsonObject().put("dailyRate", 1))
        .statusCode()).as("beds.manage is not the set-up").isEqualTo(403);

    String type = ok(201, "POST", "/v1/hospital/room-types", supervisor, new JsonObject().put("code", "test_bay")
        .put("category", "ward").put("nameAr", "جناح تجربة").put("nameEn", "Test bay").put("dailyRate", 300).put("maxBeds", 3))
        .getString("id");
    JsonObject changed = ok(200, "PATCH", "/v1/hospital/room-types/" + type, supervisor,
        new JsonObject().put("dailyRate", 500).put("nameEn", "Test bay (new)"));
    assertThat(changed.getString("dailyRate")).isEqualTo("500.00");
    assertThat(changed.getString("nameEn")).isEqualTo("Test bay (new)");
    assertThat(changed.getString("nameAr")).isEqualTo("جناح تجربة");

    String ward = ward("type_ward", OLAYA);
    String room = room(OLAYA, ward, type, "T-1");
    bed(room, "A");
    bed(room, "B");
    JsonObject tooSmall = refused(409, "room_type_too_small", "PATCH", "/v1/hospital/room-types/" + type,
        new JsonObject().put("maxBeds", 1), "en");
    assertThat(tooSmall.getString("detail")).contains("T-1");
    refused(400, "private_room_one_bed", "PATCH", "/v1/hospital/room-types/" + type,
        new JsonObject().put("category", "private"), "en");
    assertThat(api.query("SELECT max_beds, category FROM room_types WHERE id = $1", UUID.fromString(type)).get(0)
        .getInteger("max_beds")).as("nothing written").isEqualTo(3);
    assertThat(refused(409, "room_type_in_use", "DELETE", "/v1/hospital/room-types/" + type, null, "ar")
        .getString("detail")).contains("T-1");

    assertThat(ok(200, "PATCH", "/v1/hospital/room-types/" + type, supervisor, new JsonObject().put("active", false))
        .getBoolean("active")).isFalse();
    String other = room(OLAYA, null, null, "T-2");
    refused(409, "room_type_retired", "PUT", "/v1/hospital/rooms/" + other,
        new JsonObject().put("wardId", ward).put("roomTypeId", type).put("code", "T-2"), "en");
    // the room that has it keeps it, and may still be changed
    ok(200, "PUT", "/v1/hospital/rooms/" + room, supervisor,
        new JsonObject().put("wardId", ward).put("roomTypeId", type).put("code", "T-1b"));

    String unused = ok(201, "POST", "/v1/hospital/room-types", supervisor, new JsonObject().put("code", "unused_bay")
        .put("category", "icu").put("nameAr", "غير مستخدم").put("nameEn", "Unused").put("dailyRate", 1).put("maxBeds", 2))
        .getString("id");
    ok(204, "DELETE", "/v1/hospital/room-types/" + unused, supervisor, null);
    refused(404, "room_type_not_found", "DELETE", "/v1/hospital/room-types/" + unused, null, "en");
    JsonArray types = ok(200, "GET", "/v1/hospital/room-types", supervisor, null).getJsonArray("items");
    assertThat(types.stream().map(JsonObject.class::cast).map(t -> t.getString("code"))).contains("test_bay")
        .doesNotContain("unused_bay");
  }

  @Test
  void a_type_shrunk_while_beds_are_added_never_leaves_a_room_over_its_type() throws Exception {
    String type = ok(201, "POST", "/v1/hospital/room-types", supervisor, new JsonObject().put("code", "race_bay")
        .put("category", "ward").put("nameAr", "سباق").put("nameEn", "Race bay").put("dailyRate", 1).put("maxBeds", 8))
        .getString("id");
    String room = room(OLAYA, ward("race_ward", OLAYA), type, "R-1");
    bed(room, "A");
    bed(room, "B");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
      calls.add(pool.submit(() -> api.call("PATCH", "/v1/hospital/room-types/" + type, supervisor,
          new JsonObject().put("maxBeds", 2)).statusCode()));
      for (int i = 0; i < 6; i++) {
        String code = "X" + i;
        calls.add(pool.submit(() -> api.call("POST", "/v1/hospital/rooms/" + room + "/beds", supervisor,
            new JsonObject().put("code", code)).statusCode()));
      }
      for (var call : calls) {
        assertThat(call.get()).isIn(200, 201, 409);
      }
    } finally {
      pool.shutdown();
    }
    long beds = api.query("SELECT count(*) AS n FROM beds WHERE room_id = $1", UUID.fromString(room)).get(0).getLong("n");
    int max = api.query("SELECT max_beds FROM room_types WHERE id = $1", UUID.fromString(type)).get(0).getInteger("max_beds");
    assertThat(beds).as("beds in the room against its type's max_beds (%d)", max).isLessThanOrEqualTo(max);
  }

  @Test
  void wards_are_renamed_retired_kept_at_their_location_and_deleted_only_when_empty() {
    String ward = ward("setup_ward", OLAYA);
    JsonObject renamed = ok(200, "PATCH", "/v1/hospital/wards/" + ward, supervisor, new JsonObject().put("nameAr", "جناح الجراحة"));
    assertThat(renamed.getString("nameAr")).isEqualTo("جناح الجراحة");
    assertThat(renamed.getString("nameEn")).isEqualTo("Ward setup_ward");

    String jeddah = room(JEDDAH, null, null, "J-1");
    refused(409, "ward_elsewhere", "PUT", "/v1/hospital/rooms/" + jeddah,
        new JsonObject().put("wardId", ward).put("roomTypeId", GENERAL_TYPE).put("code", "J-1"), "en");
    room(OLAYA, ward, GENERAL_TYPE, "S-1");
    assertThat(refused(409, "ward_in_use", "DELETE", "/v1/hospital/wards/" + ward, null, "en").getString("detail"))
        .contains("S-1");
    ok(200, "PATCH", "/v1/hospital/wards/" + ward, supervisor, new JsonObject().put("active", false));
    String another = room(OLAYA, null, null, "S-2");
    refused(409, "ward_retired", "PUT", "/v1/hospital/rooms/" + another,
        new JsonObject().put("wardId", ward).put("roomTypeId", GENERAL_TYPE).put("code", "S-2"), "ar");

    String empty = ward("empty_ward", OLAYA);
    ok(204, "DELETE", "/v1/hospital/wards/" + empty, supervisor, null);
    refused(404, "ward_not_found", "PATCH", "/v1/hospital/wards/" + empty, new JsonObject().put("nameEn", "x"), "en");
  }

  @Test
  void cleaning_reads_as_a_calendar_with_the_days_daily_rounds_come_back() {
    String housekeeper = app.loginAs(DemoAccounts.HOUSEKEEPING);
    LocalDate today = LocalDate.now(RIYADH);
    JsonObject calendar = ok(200, "GET", "/v1/hospital/cleaning-tasks/calendar", housekeeper, null);
    assertThat(calendar.getString("from")).isEqualTo(today.toString());
    assertThat(calendar.getString("to")).isEqualTo(today.plusDays(6).toString());
    assertThat(calendar.getString("timeZone")).isEqualTo("Asia/Riyadh");
    JsonArray days = calendar.getJsonArray("days");
    assertThat(days).hasSize(7);
    // the ICU round is due tomorrow at 07:00 and comes back every day after it
    assertThat(round(days, 0)).isEmpty();
    assertThat(round(days, 1)).singleElement().satisfies(r -> {
      assertThat(r.getString("id")).isEqualTo(ROUND_ICU);
      assertThat(r.getBoolean("planned")).isFalse();
      assertThat(r.getString("dueAt")).isEqualTo(today.plusDays(1) + "T07:00:00+03:00");
    });
    for (int day = 2; day < 7; day++) {
      assertThat(round(days, day)).singleElement().satisfies(r -> {
        assertThat(r.getString("status")).isEqualTo("planned");
        assertThat(r.getString("id")).isEqualTo(ROUND_ICU);
      });
    }
    assertThat(items(days, 3).stream().map(i -> i.getString("id"))).contains(DEEP_CLEAN_P202);
    assertThat(days.toString()).doesNotContain("patient");

    // done early: the next round is a task of its own, and no day shows the round twice
    ok(200, "POST", "/v1/hospital/cleaning-tasks/" + ROUND_ICU + "/complete", housekeeper, new JsonObject());
    JsonArray after = ok(200, "GET", "/v1/hospital/cleaning-tasks/calendar", housekeeper, null).getJsonArray("days");
    assertThat(round(after, 1)).singleElement().satisfies(r -> assertThat(r.getString("status")).isEqualTo("done"));
    assertThat(round(after, 2)).singleElement().satisfies(r -> {
      assertThat(r.getString("status")).isEqualTo("open");
      assertThat(r.getString("id")).isNotEqualTo(ROUND_ICU);
    });
    for (int day = 3; day < 7; day++) {
      assertThat(round(after, day)).hasSize(1);
    }

    JsonArray oneRoom = ok(200, "GET", "/v1/hospital/cleaning-tasks/calendar?from=" + today + "&to=" + today.plusDays(13)
        + "&roomId=" + ROOM_P202, housekeeper, null).getJsonArray("days");
    assertThat(oneRoom).hasSize(14);
    assertThat(oneRoom.stream().map(JsonObject.class::cast).mapToInt(d -> d.getJsonArray("items").size()).sum()).isEqualTo(1);
    assertThat(api.call("GET", "/v1/hospital/cleaning-tasks/calendar", app.loginAs(DemoAccounts.PATIENT_AHMED), null)
        .statusCode()).isEqualTo(403);
  }

  private static List<JsonObject> items(JsonArray days, int day) {
    return days.getJsonObject(day).getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  private static List<JsonObject> round(JsonArray days, int day) {
    return items(days, day).stream().filter(i -> i.getString("kind").equals("daily_round")).toList();
  }
}
