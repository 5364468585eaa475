package io.moeen.patients;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PatientRegistrationTest {
  static RunningApp app;
  static PatientApi api;

  @BeforeAll
  static void start() {
    app = RunningApp.start("patient-registration");
    api = new PatientApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void reception_registers_a_walk_in_and_gets_a_medical_record_number() {
    var response = api.post(DemoAccounts.RECEPTIONIST, "/v1/patients", "en", PatientApi.walkIn("١٠٩٨٧٦٥٤٣٢"));
    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject patient = response.bodyAsJsonObject();
    assertThat(patient.getString("medicalRecordNumber")).matches("MRN-\\d{7}");
    assertThat(patient.getString("nationalId")).isEqualTo("1098765432");
    assertThat(patient.getString("phone")).isEqualTo("+966551112233");
    assertThat(patient.getString("email")).isEqualTo("salman@example.com");
    assertThat(patient.getJsonObject("emergencyContact").getString("phone")).isEqualTo("+966551112244");
    assertThat(patient.getJsonObject("name").getString("ar")).isEqualTo("سلمان القرشي");
    // reception registers, but may not read medical records: they are not echoed back
    assertThat(patient.containsKey("knownAllergies")).isFalse();
    assertThat(patient.containsKey("medicalHistory")).isFalse();

    // a doctor sees them only for a patient in their care: a new walk-in has no visit with anyone yet
    var asDoctor = api.get(DemoAccounts.DOCTOR, "/v1/patients/" + patient.getString("id"), "en").bodyAsJsonObject();
    assertThat(asDoctor.containsKey("knownAllergies")).isFalse();
    assertThat(asDoctor.containsKey("medicalHistory")).isFalse();
    assertThat(api.count("patients WHERE id = '" + patient.getString("id")
        + "' AND known_allergies = ARRAY['aspirin'] AND medical_history = 'لا يوجد'")).isEqualTo(1);
  }

  @Test
  void an_english_name_alone_and_an_iqama_number_are_enough() {
    var response = api.post(DemoAccounts.SUPERVISOR, "/v1/patients", "en",
        new JsonObject().put("firstNameEn", "John").put("nationalId", "2123456789"));
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.bodyAsJsonObject().getString("preferredLanguage")).isEqualTo("ar");
  }

  @Test
  void a_national_id_already_registered_is_409_in_both_languages_and_adds_nothing() {
    long before = api.count("patients");
    var en = api.post(DemoAccounts.RECEPTIONIST, "/v1/patients", "en", PatientApi.walkIn("1012345678"));
    var ar = api.post(DemoAccounts.RECEPTIONIST, "/v1/patients", "ar", PatientApi.walkIn("1012345678"));
    assertThat(en.statusCode()).isEqualTo(409);
    assertThat(en.bodyAsJsonObject().getString("code")).isEqualTo("national_id_taken");
    assertThat(en.bodyAsJsonObject().getString("field")).isEqualTo("nationalId");
    assertThat(ar.bodyAsJsonObject().getString("title")).isEqualTo("رقم الهوية مسجَّل مسبقًا");
    assertThat(api.count("patients")).isEqualTo(before);
  }

  @Nested
  class BadInputChangesNothing {
    private void assertRefused(JsonObject body, int status, String code, String field) {
      long patients = api.count("patients");
      long audit = api.count("audit_logs");
      var response = api.post(DemoAccounts.RECEPTIONIST, "/v1/patients", "ar", body);
      assertThat(response.statusCode()).isEqualTo(status);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo(code);
      assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo(field);
      assertThat(api.count("patients")).isEqualTo(patients);
      assertThat(api.count("audit_logs")).isEqualTo(audit);
    }

    @Test
    void a_birth_date_in_the_future_is_400() {
      String tomorrow = LocalDate.now(ZoneId.of("Asia/Riyadh")).plusDays(1).toString();
      assertRefused(PatientApi.walkIn("1000000001").put("dateOfBirth", tomorrow), 400, "invalid_birth_date", "dateOfBirth");
      var response = api.post(DemoAccounts.RECEPTIONIST, "/v1/patients", "ar",
          PatientApi.walkIn("1000000001").put("dateOfBirth", tomorrow));
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("تاريخ الميلاد غير صالح");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1879-12-31", "1880-01-01", "1990-02-30", "not-a-date"})
    void a_birth_date_before_1880_or_that_does_not_exist_is_400(String date) {
      assertRefused(PatientApi.walkIn("1000000002").put("dateOfBirth", date), 400, "invalid_birth_date", "dateOfBirth");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3012345678", "101234567", "10123456789", "abcdefghij"})
    void a_national_id_that_is_neither_saudi_nor_iqama_is_400(String id) {
      assertRefused(PatientApi.walkIn(id), 400, "invalid_national_id", "nationalId");
    }

    @Test
    void an_invalid_phone_is_400_naming_the_field() {
      assertRefused(PatientApi.walkIn("1000000003").put("phone", "12345"), 400, "invalid_phone", "phone");
      var en = api.post(DemoAccounts.RECEPTIONIST, "/v1/patients", "en", PatientApi.walkIn("1000000003").put("phone", "12345"));
      assertThat(en.bodyAsJsonObject().getString("title")).isEqualTo("Invalid phone number");
    }

    @Test
    void an_invalid_emergency_contact_phone_names_the_nested_field() {
      assertRefused(PatientApi.walkIn("1000000004").put("emergencyContact", new JsonObject().put("name", "x").put("phone", "00")),
          400, "invalid_phone", "emergencyContact.phone");
    }

    @Test
    void no_first_name_in_either_language_is_400() {
      assertRefused(new JsonObject().put("lastNameAr", "القرشي").put("firstNameEn", "  "), 400, "patient_name_required", "firstNameAr");
    }

    @Test
    void an_unknown_field_is_refused_by_the_contract() {
      assertRefused(PatientApi.walkIn("1000000005").put("bloodType", "O+"), 400, "validation_failed", "bloodType");
    }
  }

  @Test
  void a_doctor_may_not_register_patients_and_a_marketer_neither() {
    for (String account : new String[] {DemoAccounts.DOCTOR, DemoAccounts.MARKETER, DemoAccounts.PATIENT_AHMED}) {
      var response = api.post(account, "/v1/patients", "ar", PatientApi.walkIn("1000000006"));
      assertThat(response.statusCode()).as(account).isEqualTo(403);
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("غير مسموح");
    }
  }
}
