package io.moeen.scheduling.catalogue;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClinicHoursTest {
  static final String RIYADH = PublicCatalogueTest.RIYADH;
  static final String JEDDAH = "00000000-0000-4000-c100-000000000002";
  static final String MAHA = PublicCatalogueTest.MAHA;
  static final String FAISAL = PublicCatalogueTest.FAISAL;
  static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";

  static RunningApp app;
  static CatalogueApi admin;

  @BeforeAll
  static void start() {
    app = RunningApp.start("clinic-hours");
    admin = new CatalogueApi(app, app.loginAs(DemoAccounts.ADMIN));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonObject block(String location, int day, String starts, String ends) {
    return new JsonObject().put("locationId", location).put("dayOfWeek", day).put("startsAt", starts).put("endsAt", ends);
  }

  static long blocksOf(String doctor) {
    return admin.count("SELECT count(*) FROM availability_blocks WHERE doctor_id = $1::uuid", doctor);
  }

  @Nested
  class WeeklyAvailability {
    @Test
    void a_doctors_week_is_replaced_at_once() {
      JsonObject week = admin.ok(200, admin.call("PUT", "/v1/doctors/" + MAHA + "/availability", "en", new JsonObject()
          .put("blocks", new JsonArray().add(block(RIYADH, 7, "09:00", "12:00")).add(block(RIYADH, 7, "12:00", "14:00"))
              .add(block(JEDDAH, 4, "10:00", "16:00")))));
      assertThat(week.getJsonArray("blocks")).hasSize(3);
      assertThat(week.getJsonArray("blocks").getJsonObject(2).getString("endsAt")).isEqualTo("14:00");
      assertThat(blocksOf(MAHA)).isEqualTo(3);
    }

    @Test
    void overlapping_blocks_of_one_day_are_400_naming_the_block_and_nothing_changes() {
      long before = blocksOf(FAISAL);
      JsonObject problem = admin.problem(admin.call("PUT", "/v1/doctors/" + FAISAL + "/availability", "ar", new JsonObject()
          .put("blocks", new JsonArray().add(block(RIYADH, 1, "09:00", "13:00")).add(block(JEDDAH, 1, "12:30", "15:00")))),
          400, "overlapping_hours", "blocks.1");
      assertThat(problem.getString("title")).isEqualTo("تداخل في المواعيد");
      assertThat(blocksOf(FAISAL)).isEqualTo(before);
    }

    @Test
    void an_end_at_or_before_the_start_is_400() {
      JsonObject problem = admin.problem(admin.call("PUT", "/v1/doctors/" + FAISAL + "/availability", "ar", new JsonObject()
          .put("blocks", new JsonArray().add(block(RIYADH, 2, "13:00", "13:00")))), 400, "hours_end_before_start", "blocks.0.endsAt");
      assertThat(problem.getString("title")).isEqualTo("النهاية قبل البداية");
      admin.problem(admin.call("PUT", "/v1/doctors/" + FAISAL + "/availability", "en", new JsonObject()
          .put("blocks", new JsonArray().add(block(RIYADH, 8, "09:00", "10:00")))), 400, "validation_failed", "blocks.0.dayOfWeek");
      admin.problem(admin.call("PUT", "/v1/doctors/" + FAISAL + "/availability", "en", new JsonObject()
          .put("blocks", new JsonArray().add(block(RIYADH, 1, "9am", "10:00")))), 400, "validation_failed", "blocks.0.startsAt");
    }

    @Test
    void an_unknown_location_is_400_and_an_unknown_doctor_404() {
      long before = blocksOf(FAISAL);
      JsonObject problem = admin.problem(admin.call("PUT", "/v1/doctors/" + FAISAL + "/availability", "ar", new JsonObject()
          .put("blocks", new JsonArray().add(block(RIYADH, 1, "09:00", "10:00")).add(block(UNKNOWN, 2, "09:00", "10:00")))),
          400, "unknown_location", "blocks.1.locationId");
      assertThat(problem.getString("title")).isEqualTo("فرع غير معروف");
      assertThat(blocksOf(FAISAL)).isEqualTo(before);
      admin.problem(admin.call("PUT", "/v1/doctors/" + UNKNOWN + "/availability", "en", new JsonObject()
          .put("blocks", new JsonArray())), 404, "doctor_not_found", null);
    }
  }

  @Nested
  class Overrides {
    @Test
    void a_closed_day_and_other_hours_are_added_listed_and_removed() {
      JsonObject closed = admin.ok(201, admin.call("POST", "/v1/doctors/" + FAISAL + "/overrides", "ar", new JsonObject()
          .put("locationId", RIYADH).put("date", "2026-04-13").put("closed", true).put("reasonAr", "مؤتمر")));
      assertThat(closed.getBoolean("closed")).isTrue();
      assertThat(closed.getString("reason")).isEqualTo("مؤتمر");
      JsonObject other = admin.ok(201, admin.call("POST", "/v1/doctors/" + FAISAL + "/overrides", "en", new JsonObject()
          .put("locationId", RIYADH).put("date", "2026-04-15").put("startsAt", "17:00").put("endsAt", "20:00")));
      assertThat(other.getString("startsAt")).isEqualTo("17:00");
      JsonObject list = admin.ok(200, admin.call("GET", "/v1/doctors/" + FAISAL + "/overrides?from=2026-04-01&to=2026-04-30", "en", null));
      assertThat(list.getJsonArray("items")).hasSize(2);
      admin.ok(204, admin.call("DELETE", "/v1/doctors/" + FAISAL + "/overrides/" + closed.getString("id"), "en", null));
      JsonObject gone = admin.problem(admin.call("DELETE", "/v1/doctors/" + FAISAL + "/overrides/" + closed.getString("id"), "ar", null),
          404, "override_not_found", null);
      assertThat(gone.getString("title")).isEqualTo("تعديل الجدول غير موجود");
    }

    @Test
    void a_closed_day_with_hours_or_an_open_one_without_is_400_and_a_repeat_409() {
      long before = admin.count("SELECT count(*) FROM availability_overrides");
      JsonObject shape = admin.problem(admin.call("POST", "/v1/doctors/" + FAISAL + "/overrides", "ar", new JsonObject()
          .put("locationId", RIYADH).put("date", "2026-05-04").put("closed", true).put("startsAt", "09:00")),
          400, "override_shape", "startsAt");
      assertThat(shape.getString("title")).isEqualTo("مغلق أو بمواعيد أخرى");
      admin.problem(admin.call("POST", "/v1/doctors/" + FAISAL + "/overrides", "en", new JsonObject()
          .put("locationId", RIYADH).put("date", "2026-05-04").put("startsAt", "09:00")), 400, "override_shape", "endsAt");
      admin.problem(admin.call("POST", "/v1/doctors/" + FAISAL + "/overrides", "en", new JsonObject()
          .put("locationId", RIYADH).put("date", "2026-05-04").put("startsAt", "10:00").put("endsAt", "09:00")),
          400, "hours_end_before_start", "endsAt");
      assertThat(admin.count("SELECT count(*) FROM availability_overrides")).isEqualTo(before);
      JsonObject body = new JsonObject().put("locationId", RIYADH).put("date", "2026-05-05").put("closed", true);
      admin.ok(201, admin.call("POST", "/v1/doctors/" + FAISAL + "/overrides", "en", body));
      JsonObject repeat = admin.problem(admin.call("POST", "/v1/doctors/" + FAISAL + "/overrides", "ar", body), 409, "override_exists", null);
      assertThat(repeat.getString("title")).isEqualTo("تعديل الجدول موجود");
    }
  }

  @Nested
  class Holidays {
    @Test
    void a_branch_holiday_is_added_shown_with_its_location_and_removed() {
      JsonObject holiday = admin.ok(201, admin.call("POST", "/v1/holidays", "ar", new JsonObject().put("locationId", JEDDAH)
          .put("startsOn", "2026-07-01").put("endsOn", "2026-07-02").put("nameAr", "صيانة الفرع").put("nameEn", "Branch maintenance")));
      assertThat(holiday.getString("name")).isEqualTo("صيانة الفرع");
      JsonObject jeddah = admin.ok(200, admin.call("GET", "/v1/holidays?locationId=" + JEDDAH + "&from=2026-07-01&to=2026-07-31", "en", null));
      assertThat(jeddah.getJsonArray("items")).hasSize(1);
      JsonObject riyadh = admin.ok(200, admin.call("GET", "/v1/holidays?locationId=" + RIYADH + "&from=2026-07-01&to=2026-07-31", "en", null));
      assertThat(riyadh.getJsonArray("items")).isEmpty();
      admin.ok(204, admin.call("DELETE", "/v1/holidays/" + holiday.getString("id"), "en", null));
      JsonObject gone = admin.problem(admin.call("DELETE", "/v1/holidays/" + holiday.getString("id"), "ar", null), 404, "holiday_not_found", null);
      assertThat(gone.getString("title")).isEqualTo("الإجازة غير موجودة");
    }

    @Test
    void a_holiday_ending_before_it_starts_or_at_an_unknown_branch_is_400_and_adds_nothing() {
      long before = admin.count("SELECT count(*) FROM clinic_holidays");
      JsonObject problem = admin.problem(admin.call("POST", "/v1/holidays", "ar", new JsonObject()
          .put("startsOn", "2026-07-05").put("endsOn", "2026-07-04").put("nameAr", "خطأ").put("nameEn", "Wrong")),
          400, "holiday_end_before_start", "endsOn");
      assertThat(problem.getString("title")).isEqualTo("الإجازة تنتهي قبل أن تبدأ");
      admin.problem(admin.call("POST", "/v1/holidays", "en", new JsonObject().put("locationId", UNKNOWN)
          .put("startsOn", "2026-07-05").put("endsOn", "2026-07-05").put("nameAr", "خطأ").put("nameEn", "Wrong")),
          400, "unknown_location", "locationId");
      assertThat(admin.count("SELECT count(*) FROM clinic_holidays")).isEqualTo(before);
    }
  }

  @Nested
  class RamadanHours {
    @Test
    void ramadan_hours_are_replaced_and_may_cross_midnight() {
      JsonObject hours = admin.ok(200, admin.call("PUT", "/v1/locations/" + JEDDAH + "/ramadan-hours", "en", new JsonObject()
          .put("blocks", new JsonArray()
              .add(new JsonObject().put("startsAt", "11:00").put("endsAt", "15:00"))
              .add(new JsonObject().put("doctorId", MAHA).put("dayOfWeek", 4).put("startsAt", "22:00").put("endsAt", "01:30")))));
      assertThat(hours.getJsonArray("blocks")).hasSize(2);
      JsonObject late = hours.getJsonArray("blocks").getJsonObject(1);
      assertThat(late.getBoolean("crossesMidnight")).isTrue();
      assertThat(late.getString("doctorId")).isEqualTo(MAHA);
      assertThat(admin.count("SELECT count(*) FROM ramadan_hours WHERE location_id = $1::uuid", JEDDAH)).isEqualTo(2);
    }

    @Test
    void empty_blocks_and_unknown_doctors_are_400_and_nothing_changes() {
      long before = admin.count("SELECT count(*) FROM ramadan_hours WHERE location_id = $1::uuid", RIYADH);
      JsonObject empty = admin.problem(admin.call("PUT", "/v1/locations/" + RIYADH + "/ramadan-hours", "ar", new JsonObject()
          .put("blocks", new JsonArray().add(new JsonObject().put("startsAt", "10:00").put("endsAt", "10:00")))),
          400, "empty_hours", "blocks.0.endsAt");
      assertThat(empty.getString("title")).isEqualTo("فترة فارغة");
      admin.problem(admin.call("PUT", "/v1/locations/" + RIYADH + "/ramadan-hours", "en", new JsonObject()
          .put("blocks", new JsonArray().add(new JsonObject().put("doctorId", UNKNOWN).put("startsAt", "10:00").put("endsAt", "12:00")))),
          400, "unknown_doctor", "blocks.0.doctorId");
      assertThat(admin.count("SELECT count(*) FROM ramadan_hours WHERE location_id = $1::uuid", RIYADH)).isEqualTo(before);
      admin.problem(admin.call("PUT", "/v1/locations/" + UNKNOWN + "/ramadan-hours", "en", new JsonObject()
          .put("blocks", new JsonArray())), 404, "location_not_found", null);
    }
  }
}
