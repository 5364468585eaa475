package io.moeen.scheduling.catalogue;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueAdministrationTest {
  static final String RIYADH = PublicCatalogueTest.RIYADH;
  static final String KHALID = PublicCatalogueTest.KHALID;
  static final String GENERAL = PublicCatalogueTest.GENERAL;
  static final String DENTISTRY = "00000000-0000-4000-c000-000000000004";
  static final String NEW_DOCTOR_USER = "00000000-0000-4000-8000-0000000000d1";
  static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";

  static RunningApp app;
  static CatalogueApi admin;
  static CatalogueApi supervisor;

  @BeforeAll
  static void start() {
    app = RunningApp.start("catalogue-administration");
    admin = new CatalogueApi(app, app.loginAs(DemoAccounts.ADMIN));
    supervisor = new CatalogueApi(app, app.loginAs(DemoAccounts.SUPERVISOR));
    app.asOwner("""
        INSERT INTO users (id, email, password_hash, first_name_ar, last_name_ar, first_name_en, last_name_en)
        VALUES ('%s', 'dr.new@moeen-clinic.example', 'not-a-hash', 'سارة', 'العتيبي', 'Sarah', 'Alotaibi');
        """.formatted(NEW_DOCTOR_USER));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Nested
  class Departments {
    @Test
    void a_supervisor_creates_renames_deactivates_and_deletes_a_department() {
      JsonObject created = supervisor.ok(201, supervisor.call("POST", "/v1/departments", "ar", new JsonObject()
          .put("code", "dermatology").put("nameAr", "الجلدية").put("nameEn", "Dermatology").put("sortOrder", 9)));
      assertThat(created.getString("name")).isEqualTo("الجلدية");
      String id = created.getString("id");
      JsonObject renamed = supervisor.ok(200, supervisor.call("PATCH", "/v1/departments/" + id, "en",
          new JsonObject().put("nameEn", "Dermatology & skin care").put("isActive", false)));
      assertThat(renamed.getString("name")).isEqualTo("Dermatology & skin care");
      assertThat(renamed.getBoolean("isActive")).isFalse();
      assertThat(admin.call("GET", "/v1/departments", "en", null).bodyAsString()).doesNotContain(id);
      supervisor.ok(204, supervisor.call("DELETE", "/v1/departments/" + id, "en", null));
      assertThat(admin.count("SELECT count(*) FROM departments WHERE code = 'dermatology'")).isZero();
    }

    @Test
    void a_taken_code_is_409_and_adds_nothing() {
      long before = admin.count("SELECT count(*) FROM departments");
      JsonObject problem = admin.problem(admin.call("POST", "/v1/departments", "ar", new JsonObject()
          .put("code", "pediatrics").put("nameAr", "أطفال").put("nameEn", "Kids")), 409, "code_taken", "code");
      assertThat(problem.getString("title")).isEqualTo("الرمز مستخدم");
      assertThat(admin.count("SELECT count(*) FROM departments")).isEqualTo(before);
    }

    @Test
    void a_department_in_use_is_not_deleted_and_an_unknown_one_is_404() {
      JsonObject problem = admin.problem(admin.call("DELETE", "/v1/departments/00000000-0000-4000-c000-000000000001", "ar", null),
          409, "in_use", null);
      assertThat(problem.getString("title")).isEqualTo("السجل مستخدم");
      JsonObject missing = admin.problem(admin.call("PATCH", "/v1/departments/" + UNKNOWN, "ar",
          new JsonObject().put("nameEn", "x")), 404, "department_not_found", null);
      assertThat(missing.getString("title")).isEqualTo("القسم غير موجود");
    }
  }

  @Nested
  class Locations {
    @Test
    void an_admin_opens_a_branch_in_its_own_zone_and_weekend() {
      JsonObject created = admin.ok(201, admin.call("POST", "/v1/locations", "en", new JsonObject()
          .put("code", "dubai_marina").put("nameAr", "فرع المارينا - دبي").put("nameEn", "Marina branch, Dubai")
          .put("timeZone", "Asia/Dubai").put("weekendDays", new JsonArray().add(6).add(7)).put("phone", "+97143334444")
          .put("latitude", 25.08).put("longitude", 55.14)));
      assertThat(created.getString("timeZone")).isEqualTo("Asia/Dubai");
      assertThat(created.getJsonArray("weekendDays").getList()).containsExactly(6, 7);
      String id = created.getString("id");
      JsonObject changed = admin.ok(200, admin.call("PATCH", "/v1/locations/" + id, "ar",
          new JsonObject().put("addressAr", "دبي مارينا")));
      assertThat(changed.getString("address")).isEqualTo("دبي مارينا");
      assertThat(changed.getString("timeZone")).isEqualTo("Asia/Dubai");
      admin.ok(204, admin.call("DELETE", "/v1/locations/" + id, "en", null));
    }

    @Test
    void an_unknown_time_zone_is_400_naming_the_field_and_adds_nothing() {
      long before = admin.count("SELECT count(*) FROM clinic_locations");
      JsonObject problem = admin.problem(admin.call("POST", "/v1/locations", "ar", new JsonObject()
          .put("code", "mars_base").put("nameAr", "المريخ").put("nameEn", "Mars").put("timeZone", "Mars/Olympus")),
          400, "invalid_time_zone", "timeZone");
      assertThat(problem.getString("title")).isEqualTo("منطقة زمنية غير معروفة");
      assertThat(admin.count("SELECT count(*) FROM clinic_locations")).isEqualTo(before);
    }

    @Test
    void weekend_days_must_be_distinct_and_between_1_and_7() {
      JsonObject problem = admin.problem(admin.call("PATCH", "/v1/locations/" + RIYADH, "ar",
          new JsonObject().put("weekendDays", new JsonArray().add(5).add(5))), 400, "duplicate_weekend_day", "weekendDays.1");
      assertThat(problem.getString("title")).isEqualTo("يوم عطلة مكرر");
      admin.problem(admin.call("PATCH", "/v1/locations/" + RIYADH, "en",
          new JsonObject().put("weekendDays", new JsonArray().add(8))), 400, "validation_failed", "weekendDays.0");
      assertThat(admin.count("SELECT count(*) FROM clinic_locations WHERE weekend_days = '{5,6}'")).isEqualTo(2);
    }

    @Test
    void a_branch_with_rooms_and_hours_is_in_use_and_can_be_deactivated_instead() {
      long rooms = admin.count("SELECT count(*) FROM rooms WHERE location_id = $1::uuid", RIYADH);
      admin.problem(admin.call("DELETE", "/v1/locations/" + RIYADH, "en", null), 409, "in_use", null);
      assertThat(admin.count("SELECT count(*) FROM rooms WHERE location_id = $1::uuid", RIYADH)).isEqualTo(rooms);
      admin.problem(admin.call("DELETE", "/v1/locations/" + UNKNOWN, "en", null), 404, "location_not_found", null);
    }
  }

  @Nested
  class Rooms {
    @Test
    void rooms_are_added_listed_renamed_and_removed() {
      int before = admin.ok(200, admin.call("GET", "/v1/locations/" + RIYADH + "/rooms", "en", null))
          .getJsonArray("items").size();
      JsonObject room = admin.ok(201, admin.call("POST", "/v1/locations/" + RIYADH + "/rooms", "ar",
          new JsonObject().put("nameAr", "عيادة ٣").put("nameEn", "Clinic room 3")));
      assertThat(room.getString("name")).isEqualTo("عيادة ٣");
      JsonObject list = admin.ok(200, admin.call("GET", "/v1/locations/" + RIYADH + "/rooms", "en", null));
      assertThat(list.getJsonArray("items")).hasSize(before + 1);
      JsonObject off = admin.ok(200, admin.call("PATCH", "/v1/rooms/" + room.getString("id"), "en",
          new JsonObject().put("isActive", false)));
      assertThat(off.getBoolean("isActive")).isFalse();
      admin.ok(204, admin.call("DELETE", "/v1/rooms/" + room.getString("id"), "en", null));
      JsonObject gone = admin.problem(admin.call("DELETE", "/v1/rooms/" + room.getString("id"), "ar", null), 404, "room_not_found", null);
      assertThat(gone.getString("title")).isEqualTo("الغرفة غير موجودة");
    }

    @Test
    void a_room_at_an_unknown_location_is_404() {
      admin.problem(admin.call("POST", "/v1/locations/" + UNKNOWN + "/rooms", "en",
          new JsonObject().put("nameAr", "غرفة").put("nameEn", "Room")), 404, "location_not_found", null);
    }
  }

  @Nested
  class Services {
    @Test
    void a_service_is_created_with_the_doctors_who_offer_it_then_changed() {
      JsonObject created = admin.ok(201, admin.call("POST", "/v1/services", "ar", new JsonObject()
          .put("code", "blood_test").put("nameAr", "تحليل دم").put("nameEn", "Blood test").put("category", "lab")
          .put("durationMinutes", 15).put("price", 80.5).put("bufferAfterMinutes", 5)
          .put("doctorIds", new JsonArray().add(KHALID))));
      assertThat(created.getString("name")).isEqualTo("تحليل دم");
      assertThat(created.getDouble("price")).isEqualTo(80.5);
      assertThat(created.getJsonArray("doctorIds").getList()).containsExactly(KHALID);
      String id = created.getString("id");
      JsonObject changed = admin.ok(200, admin.call("PATCH", "/v1/services/" + id, "en", new JsonObject()
          .put("durationMinutes", 20).put("doctorIds", new JsonArray())));
      assertThat(changed.getInteger("durationMinutes")).isEqualTo(20);
      assertThat(changed.getJsonArray("doctorIds")).isEmpty();
      admin.ok(200, admin.call("PATCH", "/v1/services/" + id, "en", new JsonObject().put("isActive", false)));
      assertThat(admin.call("GET", "/v1/services/" + id, "en", null).statusCode()).isEqualTo(404);
      admin.ok(204, admin.call("DELETE", "/v1/services/" + id, "en", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"durationMinutes:4", "durationMinutes:481", "price:-1", "bufferBeforeMinutes:121", "category:magic"})
    void out_of_range_values_are_400_naming_the_field_and_add_nothing(String fieldAndValue) {
      String[] parts = fieldAndValue.split(":");
      JsonObject body = new JsonObject().put("code", "bad_service").put("nameAr", "خدمة").put("nameEn", "Service")
          .put("durationMinutes", 30).put("price", 10);
      body.put(parts[0], parts[0].equals("category") ? parts[1] : (Object) Integer.valueOf(parts[1]));
      admin.problem(admin.call("POST", "/v1/services", "en", body), 400, "validation_failed", parts[0]);
      assertThat(admin.count("SELECT count(*) FROM services WHERE code = 'bad_service'")).isZero();
    }

    @Test
    void an_unknown_doctor_or_department_is_400_and_nothing_changes() {
      JsonObject problem = admin.problem(admin.call("PATCH", "/v1/services/" + GENERAL, "ar", new JsonObject()
          .put("price", 999).put("doctorIds", new JsonArray().add(KHALID).add(UNKNOWN))), 400, "unknown_doctor", "doctorIds.1");
      assertThat(problem.getString("title")).isEqualTo("طبيب غير معروف");
      assertThat(admin.count("SELECT count(*) FROM services WHERE id = $1::uuid AND price = 150", GENERAL)).isEqualTo(1);
      JsonObject dept = admin.problem(admin.call("PATCH", "/v1/services/" + GENERAL, "ar", new JsonObject()
          .put("departmentId", UNKNOWN)), 400, "unknown_department", "departmentId");
      assertThat(dept.getString("title")).isEqualTo("قسم غير معروف");
    }

    @Test
    void a_booked_service_is_in_use_and_an_unknown_one_is_404() {
      admin.problem(admin.call("DELETE", "/v1/services/" + GENERAL, "en", null), 409, "in_use", null);
      JsonObject missing = admin.problem(admin.call("PATCH", "/v1/services/" + UNKNOWN, "ar",
          new JsonObject().put("price", 1)), 404, "service_not_found", null);
      assertThat(missing.getString("title")).isEqualTo("الخدمة غير موجودة");
    }
  }

  @Nested
  class Doctors {
    @Test
    void an_account_becomes_a_doctor_with_the_doctor_role_and_a_second_time_is_409() {
      JsonObject doctor = admin.ok(201, admin.call("POST", "/v1/doctors", "ar", new JsonObject()
          .put("userId", NEW_DOCTOR_USER).put("departmentId", DENTISTRY).put("specialtyAr", "طبيبة أسنان")
          .put("specialtyEn", "Dentist").put("licenseNumber", "SCFHS-20-000001").put("consultationFee", 180)
          .put("serviceIds", new JsonArray().add("00000000-0000-4000-c300-000000000006"))));
      assertThat(doctor.getString("name")).isEqualTo("سارة العتيبي");
      assertThat(doctor.getString("department")).isEqualTo("طب الأسنان");
      assertThat(doctor.getJsonArray("serviceIds").getList()).containsExactly("00000000-0000-4000-c300-000000000006");
      assertThat(admin.count("SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
          + "WHERE ur.user_id = $1::uuid AND r.code = 'doctor'", NEW_DOCTOR_USER)).isEqualTo(1);
      JsonObject again = admin.problem(admin.call("POST", "/v1/doctors", "ar", new JsonObject()
          .put("userId", NEW_DOCTOR_USER).put("specialtyAr", "أسنان").put("specialtyEn", "Dentist")), 409, "already_a_doctor", "userId");
      assertThat(again.getString("title")).isEqualTo("الحساب طبيب بالفعل");

      String id = doctor.getString("id");
      JsonObject changed = admin.ok(200, admin.call("PATCH", "/v1/doctors/" + id, "en",
          new JsonObject().put("bioEn", "Gentle cleanings.").put("isActive", false)));
      assertThat(changed.getString("bio")).isEqualTo("Gentle cleanings.");
      assertThat(admin.call("GET", "/v1/doctors/" + id, "en", null).statusCode()).isEqualTo(404);
      admin.ok(204, admin.call("DELETE", "/v1/doctors/" + id, "en", null));
      assertThat(admin.count("SELECT count(*) FROM doctors WHERE id = $1::uuid", id)).isZero();
    }

    @Test
    void a_taken_license_or_unknown_account_is_refused_and_grants_nothing() {
      JsonObject license = admin.problem(admin.call("POST", "/v1/doctors", "ar", new JsonObject()
          .put("userId", DemoAccounts.ADMIN_ID.toString()).put("specialtyAr", "عام").put("specialtyEn", "General")
          .put("licenseNumber", "SCFHS-10-123456")), 409, "license_taken", "licenseNumber");
      assertThat(license.getString("title")).isEqualTo("رقم الترخيص مستخدم");
      assertThat(admin.count("SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
          + "WHERE ur.user_id = $1::uuid AND r.code = 'doctor'", DemoAccounts.ADMIN_ID.toString())).isZero();
      JsonObject user = admin.problem(admin.call("POST", "/v1/doctors", "ar", new JsonObject()
          .put("userId", UNKNOWN).put("specialtyAr", "عام").put("specialtyEn", "General")), 400, "unknown_user", "userId");
      assertThat(user.getString("title")).isEqualTo("حساب غير معروف");
    }

    @Test
    void unknown_services_are_400_and_a_doctor_with_appointments_is_in_use() {
      JsonObject problem = admin.problem(admin.call("PATCH", "/v1/doctors/" + KHALID, "ar",
          new JsonObject().put("serviceIds", new JsonArray().add(UNKNOWN))), 400, "unknown_service", "serviceIds.0");
      assertThat(problem.getString("title")).isEqualTo("خدمة غير معروفة");
      assertThat(admin.count("SELECT count(*) FROM doctor_services WHERE doctor_id = $1::uuid", KHALID)).isEqualTo(2);
      admin.problem(admin.call("DELETE", "/v1/doctors/" + KHALID, "en", null), 409, "in_use", null);
      JsonObject missing = admin.problem(admin.call("DELETE", "/v1/doctors/" + UNKNOWN, "ar", null), 404, "doctor_not_found", null);
      assertThat(missing.getString("title")).isEqualTo("الطبيب غير موجود");
    }
  }

  @Nested
  class Permissions {
    @ParameterizedTest
    @ValueSource(strings = {DemoAccounts.RECEPTIONIST, DemoAccounts.DOCTOR, DemoAccounts.PATIENT_AHMED, DemoAccounts.MARKETER})
    void only_schedule_managers_may_write(String email) {
      String token = app.loginAs(email);
      var response = ApiCalls.call(app, "POST", "/v1/departments", "ar", token, new JsonObject()
          .put("code", "forbidden_one").put("nameAr", "ممنوع").put("nameEn", "Forbidden").encode());
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("forbidden");
      var patch = ApiCalls.call(app, "PATCH", "/v1/services/" + GENERAL, "en", token, new JsonObject().put("price", 1).encode());
      assertThat(patch.statusCode()).isEqualTo(403);
      assertThat(admin.count("SELECT count(*) FROM departments WHERE code = 'forbidden_one'")).isZero();
    }

    @Test
    void anonymous_callers_read_but_cannot_write() {
      assertThat(ApiCalls.call(app, "GET", "/v1/doctors", "en", null, null).statusCode()).isEqualTo(200);
      assertThat(ApiCalls.call(app, "DELETE", "/v1/rooms/" + UNKNOWN, "en", null, null).statusCode()).isEqualTo(401);
    }
  }
}
