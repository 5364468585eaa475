package io.moeen.clinical;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The intake form: versions that never change, who fills and who reads it, the doctor's review, and a race. */
class IntakeFormTest {
  static final String AHMED = "/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID;
  static RunningApp app;
  static ClinicalFixtures fx;

  @BeforeAll
  static void start() {
    app = RunningApp.start("clinical-intake");
    fx = new ClinicalFixtures(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String token(String who) {
    return app.loginAs(who);
  }

  @Test
  void ahmeds_demo_form_is_read_by_staff_and_by_him_and_the_reads_are_audited() {
    for (String who : List.of(DemoAccounts.RECEPTIONIST, DemoAccounts.NURSE, DemoAccounts.DOCTOR, DemoAccounts.PATIENT_AHMED)) {
      var form = fx.get(AHMED + "/intake-form", token(who));
      assertThat(form.statusCode()).as(who).isEqualTo(200);
      assertThat(form.bodyAsJsonObject().getJsonObject("insurance").getString("policyNumber")).isEqualTo("BUPA-7781234");
    }
    assertThat(fx.get(AHMED + "/intake-form", token(DemoAccounts.MARKETER)).statusCode()).isEqualTo(403);
    assertThat(fx.get(AHMED + "/intake-form", token(DemoAccounts.PATIENT_FATIMAH)).statusCode()).isEqualTo(404);
    assertThat(fx.get(AHMED + "/intake-form", token(DemoAccounts.FAMILY_YOUSEF)).statusCode()).isEqualTo(403);
    assertThat(fx.count("SELECT 1 FROM audit_logs WHERE entity_type = 'intake_forms' AND action = 'read'")).isEqualTo(4);
  }

  @Test
  void the_patient_fills_versions_that_never_change_and_the_doctor_reviews_one() {
    String fatimah = token(DemoAccounts.PATIENT_FATIMAH);
    String path = "/v1/patients/" + DemoAccounts.FATIMAH_PATIENT_ID;
    JsonObject first = new JsonObject().put("allergies", new JsonArray().add("أسبرين")).put("concerns", "ضيق تنفس ليلي")
        .put("emergencyContact", new JsonObject().put("name", "علي الزهراني").put("phone", "٠٥٥٠٠٠٠١٠٨"));
    var v1 = fx.post(path + "/intake-forms", fatimah, first);
    assertThat(v1.statusCode()).as(v1.bodyAsString()).isEqualTo(201);
    assertThat(v1.bodyAsJsonObject().getInteger("version")).isEqualTo(1);
    assertThat(v1.bodyAsJsonObject().getString("submittedVia")).isEqualTo("patient");
    assertThat(v1.bodyAsJsonObject().getJsonObject("emergencyContact").getString("phone")).isEqualTo("+966550000108");
    var v2 = fx.post(path + "/intake-forms", fatimah, first.copy().put("concerns", "ضيق تنفس مع الغبار"));
    assertThat(v2.bodyAsJsonObject().getInteger("version")).isEqualTo(2);
    assertThat(fx.get(path + "/intake-form", fatimah).bodyAsJsonObject().getInteger("version")).isEqualTo(2);
    assertThat(fx.get(path + "/intake-form?version=1", fatimah).bodyAsJsonObject().getString("concerns")).isEqualTo("ضيق تنفس ليلي");

    String v2id = v2.bodyAsJsonObject().getString("id");
    assertThatThrownBy(() -> app.asOwner("UPDATE intake_forms SET concerns = 'x' WHERE id = '" + v2id + "'"))
        .hasMessageContaining("is final");
    var maha = fx.post("/v1/intake-forms/" + v2id + "/review", token(DemoAccounts.DOCTOR_PEDIATRICS), null);
    assertThat(maha.statusCode()).isEqualTo(403);
    var reviewed = fx.post("/v1/intake-forms/" + v2id + "/review", token(DemoAccounts.DOCTOR), null);
    assertThat(reviewed.statusCode()).as(reviewed.bodyAsString()).isEqualTo(200);
    assertThat(reviewed.bodyAsJsonObject().getString("reviewedBy")).isEqualTo("00000000-0000-4000-8000-000000000004");
    var twice = fx.call("POST", "/v1/intake-forms/" + v2id + "/review", "ar", token(DemoAccounts.DOCTOR), null);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.bodyAsJsonObject().getString("title")).isEqualTo("تمت مراجعته");
  }

  @Test
  void reception_fills_it_for_a_walk_in_others_may_not_and_bad_input_writes_nothing() {
    String aisha = "/v1/patients/" + DemoAccounts.AISHA_PATIENT_ID;
    var byReception = fx.post(aisha + "/intake-forms", token(DemoAccounts.RECEPTIONIST),
        new JsonObject().put("conditions", new JsonArray().add("سكري")).put("insurance", new JsonObject().put("provider", "التعاونية")));
    assertThat(byReception.statusCode()).isEqualTo(201);
    assertThat(byReception.bodyAsJsonObject().getString("submittedVia")).isEqualTo("reception");

    int rows = fx.count("SELECT 1 FROM intake_forms");
    assertThat(fx.post(AHMED + "/intake-forms", token(DemoAccounts.PATIENT_FATIMAH), new JsonObject()).statusCode()).isEqualTo(404);
    assertThat(fx.post(AHMED + "/intake-forms", token(DemoAccounts.MARKETER), new JsonObject()).statusCode()).isEqualTo(403);
    var phone = fx.post(aisha + "/intake-forms", token(DemoAccounts.RECEPTIONIST),
        new JsonObject().put("emergencyContact", new JsonObject().put("phone", "12")));
    assertThat(phone.statusCode()).isEqualTo(400);
    assertThat(phone.bodyAsJsonObject().getString("field")).isEqualTo("emergencyContact.phone");
    var doctor = fx.post(aisha + "/intake-forms", token(DemoAccounts.RECEPTIONIST),
        new JsonObject().put("preferredDoctorId", "00000000-0000-4000-8000-0000000000ff"));
    assertThat(doctor.statusCode()).isEqualTo(400);
    assertThat(doctor.bodyAsJsonObject().getString("code")).isEqualTo("unknown_doctor");
    assertThat(fx.count("SELECT 1 FROM intake_forms")).isEqualTo(rows);
  }

  @Test
  void simultaneous_submissions_get_distinct_versions_or_a_409() {
    String reem = "/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/intake-forms";
    String reception = token(DemoAccounts.RECEPTIONIST);
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(app.client().request(HttpMethod.POST, reem).putHeader("Authorization", "Bearer " + reception)
          .putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer(new JsonObject().put("concerns", "race " + i).encode())));
    }
    Future.join(calls).await();
    int created = 0;
    for (var call : calls) {
      int status = call.result().statusCode();
      assertThat(status).as(call.result().bodyAsString()).isIn(201, 409);
      if (status == 409) {
        assertThat(call.result().bodyAsJsonObject().getString("code")).isEqualTo("intake_form_changed");
      } else {
        created++;
      }
    }
    String patient = DemoAccounts.REEM_PATIENT_ID.toString();
    assertThat(created).isPositive();
    assertThat(fx.count("SELECT 1 FROM intake_forms WHERE patient_id = '" + patient + "'")).isEqualTo(created);
    assertThat(fx.one("SELECT max(version) FROM intake_forms WHERE patient_id = '" + patient + "'"))
        .isEqualTo(String.valueOf(created));
  }
}
