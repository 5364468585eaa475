package io.moeen.hospital;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.moeen.hospital.HospitalApi.ADMISSION_AISHA;
import static io.moeen.hospital.HospitalApi.BED_ICU_A;
import static io.moeen.hospital.HospitalApi.BED_ICU_B;
import static io.moeen.hospital.HospitalApi.BED_P201_A;
import static io.moeen.hospital.HospitalApi.BED_W101_A;
import static io.moeen.hospital.HospitalApi.BED_W101_B;
import static io.moeen.hospital.HospitalApi.BED_W101_C;
import static io.moeen.hospital.HospitalApi.BED_W101_D;
import static io.moeen.hospital.HospitalApi.TASK_P201;
import static org.assertj.core.api.Assertions.assertThat;

/** The admission rules through the API: refusals name the record in the way and write nothing; who sees what. */
class AdmissionRulesTest {
  private static RunningApp app;
  private static HospitalApi api;
  private static String desk;
  private static String nurse;
  private static String housekeeper;

  @BeforeAll
  static void start() {
    app = RunningApp.start("hospital_rules");
    api = new HospitalApi(app);
    desk = app.loginAs(DemoAccounts.ADMISSIONS);
    nurse = app.loginAs(DemoAccounts.NURSE);
    housekeeper = app.loginAs(DemoAccounts.HOUSEKEEPING);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static long admissions() {
    return api.query("SELECT count(*) AS n FROM admissions").get(0).getLong("n")
        + api.query("SELECT count(*) AS n FROM bed_assignments").get(0).getLong("n");
  }

  private static JsonObject refused(int status, String code, String method, String path, Object body, String lang) {
    long before = admissions();
    var answer = api.call(method, path, desk, body, lang);
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(status);
    JsonObject problem = answer.bodyAsJsonObject();
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(admissions()).as("nothing written").isEqualTo(before);
    return problem;
  }

  @Nested
  class BadInput {
    @Test
    void an_occupied_bed_is_refused_naming_the_admission_in_it() {
      String patient = api.patients("Occupied", 1).get(0);
      JsonObject problem = refused(409, "bed_occupied", "POST", "/v1/hospital/admissions",
          HospitalApi.admission(patient, BED_W101_A), "en");
      assertThat(problem.getString("detail")).contains("W-101/A").contains(ADMISSION_AISHA);
    }

    @Test
    void a_dirty_bed_is_refused_in_arabic_naming_its_cleaning_task() {
      String patient = api.patients("Dirty", 1).get(0);
      JsonObject problem = refused(409, "bed_being_cleaned", "POST", "/v1/hospital/admissions",
          HospitalApi.admission(patient, BED_P201_A), "ar");
      assertThat(problem.getString("title")).isEqualTo("السرير قيد التنظيف");
      assertThat(problem.getString("detail")).contains("P-201/A").contains(TASK_P201);
    }

    @Test
    void a_bed_out_of_service_and_a_patient_already_in_bed_are_refused() {
      String patient = api.patients("Broken", 1).get(0);
      refused(409, "bed_out_of_service", "POST", "/v1/hospital/admissions", HospitalApi.admission(patient, BED_W101_D), "en");
      JsonObject twice = refused(409, "patient_already_placed", "POST", "/v1/hospital/admissions",
          HospitalApi.admission(DemoAccounts.AISHA_PATIENT_ID.toString(), BED_ICU_A), "en");
      assertThat(twice.getString("detail")).contains(ADMISSION_AISHA).contains("W-101/A");
    }

    @Test
    void a_discharge_before_the_admission_is_refused_naming_when_the_stay_began() {
      JsonObject problem = refused(400, "discharge_before_admission", "POST",
          "/v1/hospital/admissions/" + ADMISSION_AISHA + "/discharge",
          new JsonObject().put("dischargedAt", "2020-01-01T10:00:00+03:00"), "en");
      assertThat(problem.getString("field")).isEqualTo("dischargedAt");
      assertThat(problem.getString("detail")).contains(ADMISSION_AISHA);
      assertThat(api.bedState(BED_W101_A)).isEqualTo("occupied");
    }

    @Test
    void times_in_the_future_or_out_of_order_are_refused() {
      String patient = api.patients("Future", 1).get(0);
      refused(400, "time_in_future", "POST", "/v1/hospital/admissions",
          HospitalApi.admission(patient, BED_ICU_A).put("admittedAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()), "en");
      OffsetDateTime planned = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2);
      refused(400, "times_out_of_order", "POST", "/v1/hospital/admissions", HospitalApi.admission(patient, BED_ICU_A)
          .put("plannedAdmissionAt", planned.toString()).put("expectedDischargeAt", planned.minusHours(1).toString()), "en");
      refused(400, "validation_failed", "POST", "/v1/hospital/admissions", HospitalApi.admission(patient, BED_ICU_A)
          .put("reason", ""), "en");
      refused(409, "admission_wrong_status", "POST", "/v1/hospital/admissions/" + ADMISSION_AISHA + "/cancel",
          new JsonObject(), "en");
    }
  }

  @Test
  @DisplayName("a reservation blocks its bed like a stay; admitting the planned patient turns it into the stay")
  void a_reservation_blocks_the_bed_until_cancelled_or_used() {
    var people = api.patients("Planned", 2);
    OffsetDateTime planned = OffsetDateTime.now(ZoneOffset.UTC).plusHours(3);
    var reserved = api.call("POST", "/v1/hospital/admissions", desk, HospitalApi.admission(people.get(0), BED_W101_C)
        .put("plannedAdmissionAt", planned.toString()).put("expectedDischargeAt", planned.plusDays(2).toString()));
    assertThat(reserved.statusCode()).as(reserved.bodyAsString()).isEqualTo(201);
    JsonObject admission = reserved.bodyAsJsonObject();
    assertThat(admission.getString("status")).isEqualTo("planned");
    assertThat(admission.getJsonObject("bed").getString("assignment")).isEqualTo("reservation");
    assertThat(api.bedState(BED_W101_C)).isEqualTo("available");

    // a walk-in now would stay on into the reserved time: refused, naming the reservation
    JsonObject problem = refused(409, "bed_reserved", "POST", "/v1/hospital/admissions",
        HospitalApi.admission(people.get(1), BED_W101_C), "en");
    assertThat(problem.getString("detail")).contains(admission.getString("id")).contains("W-101/C");

    var arrived = api.call("POST", "/v1/hospital/admissions/" + admission.getString("id") + "/admit", nurse, new JsonObject());
    assertThat(arrived.statusCode()).as(arrived.bodyAsString()).isEqualTo(200);
    assertThat(arrived.bodyAsJsonObject().getString("status")).isEqualTo("admitted");
    assertThat(arrived.bodyAsJsonObject().getJsonObject("bed").getString("assignment")).isEqualTo("stay");
    assertThat(api.bedState(BED_W101_C)).isEqualTo("occupied");
  }

  @Test
  @DisplayName("a discharge order keeps the bed; the discharge frees it to housekeeping, who make it available again")
  void the_bed_is_freed_only_at_the_actual_discharge() {
    String patient = api.patients("Leaving", 1).get(0);
    var admitted = api.call("POST", "/v1/hospital/admissions", desk, HospitalApi.admission(patient, BED_ICU_B)
        .put("admittedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString()));
    assertThat(admitted.statusCode()).as(admitted.bodyAsString()).isEqualTo(201);
    String id = admitted.bodyAsJsonObject().getString("id");
    String expected = OffsetDateTime.now(ZoneOffset.UTC).plusHours(4).toString();

    var ordered = api.call("POST", "/v1/hospital/admissions/" + id + "/discharge-order", nurse,
        new JsonObject().put("expectedDischargeAt", expected));
    assertThat(ordered.statusCode()).as(ordered.bodyAsString()).isEqualTo(200);
    assertThat(api.bedState(BED_ICU_B)).isEqualTo("occupied");
    JsonObject bed = boardBed(nurse, BED_ICU_B);
    assertThat(bed.getJsonObject("occupant").getBoolean("dischargeOrdered")).isTrue();
    assertThat(bed.getJsonObject("occupant").getString("expectedDischargeAt")).endsWith("+03:00");

    var discharged = api.call("POST", "/v1/hospital/admissions/" + id + "/discharge", desk, new JsonObject());
    assertThat(discharged.statusCode()).as(discharged.bodyAsString()).isEqualTo(200);
    assertThat(discharged.bodyAsJsonObject().getString("status")).isEqualTo("discharged");
    assertThat(api.bedState(BED_ICU_B)).isEqualTo("cleaning");
    JsonObject dirty = boardBed(housekeeper, BED_ICU_B);
    String task = dirty.getJsonObject("cleaning").getString("taskId");

    var done = api.call("POST", "/v1/hospital/cleaning-tasks/" + task + "/complete", housekeeper, new JsonObject());
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
    assertThat(done.bodyAsJsonObject().getString("completedBy")).isEqualTo("00000000-0000-4000-8000-000000000032");
    assertThat(api.bedState(BED_ICU_B)).isEqualTo("available");
    assertThat(api.call("POST", "/v1/hospital/cleaning-tasks/" + task + "/complete", housekeeper, new JsonObject())
        .bodyAsJsonObject().getString("code")).isEqualTo("cleaning_task_closed");

    var los = api.call("GET", "/v1/hospital/reports/length-of-stay", desk, null).bodyAsJsonObject();
    assertThat(los.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("wardCode").equals("icu")).findFirst().orElseThrow().getDouble("averageDays")).isBetween(1.9, 2.1);
  }

  @Test
  @DisplayName("housekeeping sees beds and tasks but never a patient or an admission; patients see nothing of this")
  void housekeeping_never_sees_patients_and_patients_see_nothing() {
    JsonObject hk = boardBed(housekeeper, BED_W101_A);
    assertThat(hk.getString("state")).isEqualTo("occupied");
    assertThat(hk.containsKey("occupant")).isFalse();
    String hkBoard = api.call("GET", "/v1/hospital/board", housekeeper, null).bodyAsString();
    assertThat(hkBoard).doesNotContain("Aisha").doesNotContain("عائشة").doesNotContain("sugar").doesNotContain("السكر");
    String hkCsv = api.call("GET", "/v1/hospital/board.csv", housekeeper, null).bodyAsString();
    assertThat(hkCsv).startsWith("\uFEFFward,").doesNotContain("Aisha").doesNotContain("MRN-");
    assertThat(api.call("GET", "/v1/hospital/admissions", housekeeper, null).statusCode()).isEqualTo(403);
    assertThat(api.call("GET", "/v1/hospital/cleaning-tasks", housekeeper, null).statusCode()).isEqualTo(200);

    JsonObject seen = boardBed(desk, BED_W101_A);
    assertThat(seen.getJsonObject("occupant").getString("nameEn")).isEqualTo("Aisha Al-Omari");
    assertThat(api.call("GET", "/v1/hospital/board.csv", desk, null).bodyAsString()).contains("Aisha Al-Omari");

    String patient = app.loginAs(DemoAccounts.PATIENT_AHMED);
    for (String path : new String[] {"/v1/hospital/board", "/v1/hospital/admissions", "/v1/hospital/cleaning-tasks",
        "/v1/hospital/ambulance-runs", "/v1/hospital/admissions/" + ADMISSION_AISHA}) {
      assertThat(api.call("GET", path, patient, null).statusCode()).as(path).isEqualTo(403);
    }
    String dispatcher = app.loginAs(DemoAccounts.DISPATCHER);
    assertThat(api.call("GET", "/v1/hospital/ambulance-runs", dispatcher, null).statusCode()).isEqualTo(200);
    assertThat(api.call("GET", "/v1/hospital/board", dispatcher, null).statusCode()).isEqualTo(403);
  }

  @Test
  void a_private_room_takes_one_bed_and_a_busy_bed_cannot_go_out_of_service() {
    var second = api.call("POST", "/v1/hospital/rooms/" + HospitalApi.ROOM_P201 + "/beds", nurse, new JsonObject().put("code", "B"));
    assertThat(second.bodyAsJsonObject().getString("code")).isEqualTo("room_full");
    var busy = api.call("PUT", "/v1/hospital/beds/" + BED_W101_A + "/service", nurse, new JsonObject().put("inService", false));
    assertThat(busy.statusCode()).isEqualTo(409);
    assertThat(busy.bodyAsJsonObject().getString("detail")).contains("W-101/A").contains("occupied");
    var off = api.call("PUT", "/v1/hospital/beds/" + BED_W101_B + "/service", nurse,
        new JsonObject().put("inService", false).put("reason", "broken rail"));
    assertThat(off.statusCode()).as(off.bodyAsString()).isEqualTo(200);
    assertThat(off.bodyAsJsonObject().getString("state")).isEqualTo("out_of_service");
    assertThat(api.call("PUT", "/v1/hospital/beds/" + BED_W101_B + "/service", nurse, new JsonObject().put("inService", true))
        .bodyAsJsonObject().getString("state")).isEqualTo("available");
  }

  @Test
  void the_occupancy_report_counts_each_ward_and_day_in_the_clinics_zone() {
    var report = api.call("GET", "/v1/hospital/reports/occupancy", desk, null).bodyAsJsonObject();
    assertThat(report.getString("timeZone")).isEqualTo("Asia/Riyadh");
    JsonArray items = report.getJsonArray("items");
    assertThat(items).hasSize(7 * 3);
    JsonObject general = items.stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("wardCode").equals("general_ward") && i.getString("day").equals(report.getString("to")))
        .findFirst().orElseThrow();
    assertThat(general.getLong("beds")).as("W-101/D is out of service all day").isEqualTo(3);
    assertThat(general.getDouble("occupancyPercent")).isGreaterThan(0);
    String csv = api.call("GET", "/v1/hospital/reports/occupancy.csv", desk, null, "ar").bodyAsString();
    assertThat(csv).startsWith("\uFEFFday,ward_code,ward_name,beds").contains("الجناح العام");
  }

  private static JsonObject boardBed(String token, String bed) {
    var board = api.call("GET", "/v1/hospital/board", token, null);
    assertThat(board.statusCode()).as(board.bodyAsString()).isEqualTo(200);
    return board.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(item -> item.getString("bedId").equals(bed)).findFirst().orElseThrow();
  }
}
