package io.moeen.patients;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may read and edit which patient: every demo role against Ahmed's and Fatimah's records. */
class PatientAccessTest {
  static RunningApp app;
  static PatientApi api;
  static final String AHMED = "/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID;
  static final String FATIMAH = "/v1/patients/" + DemoAccounts.FATIMAH_PATIENT_ID;

  @BeforeAll
  static void start() {
    app = RunningApp.start("patient-access");
    api = new PatientApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** account, path, expected status, medical fields shown. */
  static Stream<Arguments> reads() {
    return Stream.of(
        // medical fields to staff only for a patient in their care (clinical's rule, changeset 056)
        Arguments.of(DemoAccounts.ADMIN, AHMED, 200, false),
        Arguments.of(DemoAccounts.NURSE, AHMED, 200, false),
        Arguments.of(DemoAccounts.DOCTOR_PEDIATRICS, AHMED, 200, false),
        Arguments.of(DemoAccounts.SUPERVISOR, AHMED, 200, false),
        Arguments.of(DemoAccounts.RECEPTIONIST, AHMED, 200, false),
        Arguments.of(DemoAccounts.DOCTOR, AHMED, 200, true),
        Arguments.of(DemoAccounts.PATIENT_AHMED, AHMED, 200, true),
        Arguments.of(DemoAccounts.PATIENT_AHMED, FATIMAH, 404, false),
        Arguments.of(DemoAccounts.PATIENT_FATIMAH, FATIMAH, 200, true),
        Arguments.of(DemoAccounts.PATIENT_FATIMAH, AHMED, 404, false),
        Arguments.of(DemoAccounts.FAMILY_YOUSEF, AHMED, 200, false),
        Arguments.of(DemoAccounts.FAMILY_YOUSEF, FATIMAH, 404, false),
        Arguments.of(DemoAccounts.MARKETER, AHMED, 403, false),
        Arguments.of(DemoAccounts.MARKETER, FATIMAH, 403, false));
  }

  @ParameterizedTest(name = "{0} reads {1}: {2}, medical fields {3}")
  @MethodSource("reads")
  void who_may_read_which_patient(String account, String path, int status, boolean medical) {
    var response = api.get(account, path, "en");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    JsonObject body = response.bodyAsJsonObject();
    if (status == 200) {
      assertThat(body.containsKey("knownAllergies")).isEqualTo(medical);
      assertThat(body.containsKey("medicalHistory")).isEqualTo(medical);
    } else {
      assertThat(body.getString("code")).isEqualTo(status == 404 ? "patient_not_found" : "forbidden");
    }
  }

  @Test
  void someone_elses_record_looks_exactly_like_one_that_does_not_exist() {
    String nobody = "/v1/patients/" + UUID.randomUUID();
    var other = api.get(DemoAccounts.PATIENT_AHMED, FATIMAH, "ar").bodyAsJsonObject();
    var missing = api.get(DemoAccounts.PATIENT_AHMED, nobody, "ar").bodyAsJsonObject();
    assertThat(other.getString("title")).isEqualTo("المريض غير موجود").isEqualTo(missing.getString("title"));
    assertThat(api.get(DemoAccounts.RECEPTIONIST, nobody, "en").statusCode()).isEqualTo(404);
  }

  @Test
  void a_malformed_id_is_400_before_anything_is_looked_up() {
    var response = api.get(DemoAccounts.RECEPTIONIST, "/v1/patients/not-a-uuid", "ar");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo("id");
  }

  /** account, path, expected status. */
  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of(DemoAccounts.ADMIN, AHMED, 200),
        Arguments.of(DemoAccounts.SUPERVISOR, AHMED, 200),
        Arguments.of(DemoAccounts.RECEPTIONIST, AHMED, 200),
        Arguments.of(DemoAccounts.DOCTOR, AHMED, 403),
        Arguments.of(DemoAccounts.PATIENT_AHMED, AHMED, 200),
        Arguments.of(DemoAccounts.PATIENT_AHMED, FATIMAH, 404),
        Arguments.of(DemoAccounts.PATIENT_FATIMAH, AHMED, 404),
        Arguments.of(DemoAccounts.FAMILY_YOUSEF, AHMED, 403),
        Arguments.of(DemoAccounts.MARKETER, AHMED, 403));
  }

  @ParameterizedTest(name = "{0} edits the address of {1}: {2}")
  @MethodSource("edits")
  void who_may_edit_which_patient(String account, String path, int status) {
    String address = "عنوان " + UUID.randomUUID();
    var response = api.patch(account, path, "en", new JsonObject().put("address", address));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    long stored = api.count("patients WHERE address = '" + address + "'");
    assertThat(stored).isEqualTo(status == 200 ? 1 : 0);
  }

  @Test
  void a_patient_changes_their_own_contact_details() {
    var response = api.patch(DemoAccounts.PATIENT_FATIMAH, FATIMAH, "en", new JsonObject()
        .put("phone", "٠٥٥٩٩٩٨٨٧٧").put("email", "Fatimah.New@Example.com").put("preferredLanguage", "en")
        .put("emergencyContact", new JsonObject().put("name", "Ali").put("phone", "0559998800")));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject fatimah = response.bodyAsJsonObject();
    assertThat(fatimah.getString("phone")).isEqualTo("+966559998877");
    assertThat(fatimah.getString("email")).isEqualTo("fatimah.new@example.com");
    assertThat(fatimah.getString("preferredLanguage")).isEqualTo("en");
    assertThat(fatimah.getJsonObject("emergencyContact").getString("phone")).isEqualTo("+966559998800");
  }

  @Test
  void a_patient_may_not_change_anything_but_contact_details_and_is_told_which_field() {
    for (JsonObject change : List.of(
        new JsonObject().put("medicalHistory", "nothing"),
        new JsonObject().put("phone", "0551234567").put("dateOfBirth", "1990-01-01"),
        new JsonObject().put("knownAllergies", new io.vertx.core.json.JsonArray()),
        new JsonObject().put("firstNameAr", "أحمد"))) {
      String field = change.fieldNames().stream().filter(f -> !f.equals("phone")).findFirst().orElseThrow();
      var en = api.patch(DemoAccounts.PATIENT_AHMED, AHMED, "en", change);
      assertThat(en.statusCode()).isEqualTo(403);
      assertThat(en.bodyAsJsonObject().getString("code")).isEqualTo("forbidden_field");
      assertThat(en.bodyAsJsonObject().getString("field")).isEqualTo(field);
      assertThat(en.bodyAsJsonObject().getString("detail")).contains(field);
    }
    var ar = api.patch(DemoAccounts.PATIENT_AHMED, AHMED, "ar", new JsonObject().put("gender", "female"));
    assertThat(ar.bodyAsJsonObject().getString("title")).isEqualTo("لا يمكنك تعديل هذا الحقل");
    assertThat(api.count("patients WHERE id = '" + DemoAccounts.AHMED_PATIENT_ID
        + "' AND gender = 'male' AND phone = '+966550000007' AND medical_history IS NOT NULL")).isEqualTo(1);
  }

  @Test
  void staff_edit_any_field_and_bad_values_change_nothing() {
    long before = api.count("audit_logs");
    for (JsonObject bad : List.of(new JsonObject().put("nationalId", "5555555555"),
        new JsonObject().put("phone", "999"), new JsonObject().put("dateOfBirth", "2999-01-01"),
        new JsonObject().put("firstNameAr", null).put("firstNameEn", null),
        new JsonObject().put("nationalId", "1023456789"))) {
      var response = api.patch(DemoAccounts.RECEPTIONIST, AHMED, "ar", bad);
      assertThat(response.statusCode()).as(bad.encode()).isIn(400, 409);
    }
    assertThat(api.count("audit_logs")).isEqualTo(before);
    assertThat(api.count("patients WHERE id = '" + DemoAccounts.AHMED_PATIENT_ID + "' AND national_id = '1012345678'"))
        .isEqualTo(1);

    var good = api.patch(DemoAccounts.RECEPTIONIST, AHMED, "en", new JsonObject()
        .put("knownAllergies", new io.vertx.core.json.JsonArray().add("penicillin").add("latex")).put("gender", "male"));
    assertThat(good.statusCode()).isEqualTo(200);
    var asDoctor = api.get(DemoAccounts.DOCTOR, AHMED, "en").bodyAsJsonObject();
    assertThat(asDoctor.getJsonArray("knownAllergies").getList()).containsExactly("penicillin", "latex");
  }
}
