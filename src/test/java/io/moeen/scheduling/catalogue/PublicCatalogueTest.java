package io.moeen.scheduling.catalogue;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicCatalogueTest {
  static final String RIYADH = "00000000-0000-4000-c100-000000000001";
  static final String KHALID = "00000000-0000-4000-c200-000000000004";
  static final String MAHA = "00000000-0000-4000-c200-000000000005";
  static final String FAISAL = "00000000-0000-4000-c200-000000000006";
  static final String GENERAL = "00000000-0000-4000-c300-000000000001";
  static final String FOLLOW_UP = "00000000-0000-4000-c300-000000000002";
  static final String PEDIATRICS = "00000000-0000-4000-c000-000000000002";
  static final String HIDDEN_SERVICE = "00000000-0000-4000-c300-0000000000f1";

  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("public-catalogue");
    // inactive records the public must never see
    app.asOwner("""
        INSERT INTO departments (code, name_ar, name_en, is_active) VALUES ('closed_wing', 'جناح مغلق', 'Closed wing', false);
        INSERT INTO clinic_locations (code, name_ar, name_en, is_active) VALUES ('old_branch', 'فرع قديم', 'Old branch', false);
        INSERT INTO services (id, code, name_ar, name_en, duration_minutes, price, is_active)
          VALUES ('%s', 'retired_service', 'خدمة متوقفة', 'Retired service', 30, 10, false);
        INSERT INTO doctor_services (doctor_id, service_id) VALUES ('%s', '%s');
        UPDATE doctors SET is_active = false WHERE id = '%s';
        """.formatted(HIDDEN_SERVICE, KHALID, HIDDEN_SERVICE, MAHA));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> get(String path, String lang) {
    return ApiCalls.call(app, "GET", path, lang, null, null);
  }

  static List<JsonObject> items(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  static JsonObject byId(List<JsonObject> items, String id) {
    return items.stream().filter(i -> i.getString("id").equals(id)).findFirst().orElse(null);
  }

  @Test
  void locations_come_in_arabic_with_zone_weekend_address_and_coordinates() {
    List<JsonObject> locations = items(get("/v1/locations", "ar"));
    assertThat(locations).extracting(l -> l.getString("code")).containsExactly("jeddah_rawdah", "riyadh_olaya");
    JsonObject riyadh = byId(locations, RIYADH);
    assertThat(riyadh.getString("name")).isEqualTo("فرع العليا - الرياض");
    assertThat(riyadh.getString("nameEn")).isEqualTo("Olaya branch, Riyadh");
    assertThat(riyadh.getString("address")).isEqualTo("طريق الملك فهد، العليا، الرياض ١٢٢١٤");
    assertThat(riyadh.getString("timeZone")).isEqualTo("Asia/Riyadh");
    assertThat(riyadh.getJsonArray("weekendDays").getList()).containsExactly(5, 6);
    assertThat(riyadh.getString("phone")).isEqualTo("+966112345678");
    assertThat(riyadh.getDouble("latitude")).isEqualTo(24.69);
  }

  @Test
  void one_location_in_english_and_an_inactive_or_unknown_one_is_not_found() {
    var response = get("/v1/locations/" + RIYADH, "en");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("name")).isEqualTo("Olaya branch, Riyadh");
    var missing = get("/v1/locations/00000000-0000-4000-c100-0000000000ff", "ar");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getString("code")).isEqualTo("location_not_found");
    assertThat(missing.bodyAsJsonObject().getString("title")).isEqualTo("الفرع غير موجود");
  }

  @Test
  void departments_are_in_display_order_without_inactive_ones() {
    List<JsonObject> departments = items(get("/v1/departments", "ar"));
    assertThat(departments).extracting(d -> d.getString("name"))
        .containsExactly("الباطنية", "طب الأطفال", "أمراض القلب", "طب الأسنان");
    assertThat(items(get("/v1/departments", "en"))).extracting(d -> d.getString("name"))
        .containsExactly("Internal Medicine", "Pediatrics", "Cardiology", "Dentistry");
  }

  @Test
  void services_carry_duration_price_buffers_and_active_doctors_only() {
    List<JsonObject> services = items(get("/v1/services", "ar"));
    assertThat(byId(services, HIDDEN_SERVICE)).isNull();
    JsonObject general = byId(services, GENERAL);
    assertThat(general.getString("name")).isEqualTo("كشف عام");
    assertThat(general.getString("nameEn")).isEqualTo("General consultation");
    assertThat(general.getInteger("durationMinutes")).isEqualTo(30);
    assertThat(general.getInteger("price")).isEqualTo(150);
    assertThat(general.getString("currency")).isEqualTo("SAR");
    assertThat(general.getInteger("bufferAfterMinutes")).isEqualTo(5);
    assertThat(general.getJsonArray("doctorIds").getList()).containsExactly(KHALID);
    // Maha is inactive: follow-up lists only Khalid and Faisal
    assertThat(byId(services, FOLLOW_UP).getJsonArray("doctorIds").getList()).containsExactlyInAnyOrder(KHALID, FAISAL);
  }

  @Test
  void services_filter_by_department_category_and_doctor() {
    assertThat(items(get("/v1/services?category=cardiology", "en"))).extracting(s -> s.getString("code"))
        .containsExactlyInAnyOrder("cardiology_consultation", "ecg");
    assertThat(items(get("/v1/services?doctorId=" + KHALID, "en"))).extracting(s -> s.getString("code"))
        .containsExactlyInAnyOrder("general_consultation", "follow_up");
    assertThat(items(get("/v1/services?departmentId=" + PEDIATRICS, "en"))).extracting(s -> s.getString("code"))
        .containsExactly("child_checkup");
    var one = get("/v1/services/" + GENERAL, "en");
    assertThat(one.bodyAsJsonObject().getString("name")).isEqualTo("General consultation");
    assertThat(get("/v1/services/" + HIDDEN_SERVICE, "en").statusCode()).isEqualTo(404);
  }

  @Test
  void doctors_show_names_from_their_accounts_specialty_fee_services_and_locations() {
    List<JsonObject> doctors = items(get("/v1/doctors", "ar"));
    assertThat(byId(doctors, MAHA)).as("inactive doctor").isNull();
    JsonObject khalid = byId(doctors, KHALID);
    assertThat(khalid.getString("nameEn")).contains("Khalid");
    assertThat(khalid.getString("name")).isEqualTo(khalid.getString("nameAr"));
    assertThat(khalid.getString("specialty")).isEqualTo("استشاري الباطنية");
    assertThat(khalid.getString("department")).isEqualTo("الباطنية");
    assertThat(khalid.getInteger("consultationFee")).isEqualTo(250);
    assertThat(khalid.getJsonArray("serviceIds").getList()).containsExactlyInAnyOrder(GENERAL, FOLLOW_UP);
    assertThat(khalid.getJsonArray("locationIds").getList()).containsExactly(RIYADH);
    assertThat(items(get("/v1/doctors?serviceId=" + FOLLOW_UP, "en"))).extracting(d -> d.getString("id"))
        .containsExactlyInAnyOrder(KHALID, FAISAL);
    assertThat(items(get("/v1/doctors?locationId=00000000-0000-4000-c100-000000000002", "en"))).isEmpty();
    var one = get("/v1/doctors/" + FAISAL, "en");
    assertThat(one.bodyAsJsonObject().getString("specialty")).isEqualTo("Consultant Cardiologist");
    var hidden = get("/v1/doctors/" + MAHA, "en");
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.bodyAsJsonObject().getString("code")).isEqualTo("doctor_not_found");
  }

  @Test
  void hours_holidays_and_ramadan_are_public() {
    var week = get("/v1/doctors/" + KHALID + "/availability", "en").bodyAsJsonObject();
    assertThat(week.getJsonArray("blocks")).hasSize(10);
    assertThat(week.getJsonArray("blocks").getJsonObject(0).getString("startsAt")).isEqualTo("09:00");
    List<JsonObject> holidays = items(get("/v1/holidays?from=2026-09-01&to=2026-09-30", "ar"));
    assertThat(holidays).extracting(h -> h.getString("name")).containsExactly("اليوم الوطني");
    var ramadan = get("/v1/locations/" + RIYADH + "/ramadan-hours", "en").bodyAsJsonObject().getJsonArray("blocks");
    assertThat(ramadan).hasSize(2);
    assertThat(ramadan.getJsonObject(1).getString("endsAt")).isEqualTo("02:00");
    assertThat(ramadan.getJsonObject(1).getBoolean("crossesMidnight")).isTrue();
  }

  @Test
  void answers_can_be_cached_and_revalidated() {
    var first = get("/v1/departments", "en");
    String etag = first.getHeader("ETag");
    assertThat(etag).isNotBlank();
    assertThat(first.getHeader("Cache-Control")).isEqualTo("public, max-age=60");
    var again = app.send(app.client().get("/v1/departments").putHeader("If-None-Match", etag), "en", null, null);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(get("/v1/departments", "ar").getHeader("ETag")).isNotEqualTo(etag);
  }
}
