package io.moeen.identity;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTest {
  static RunningApp app;
  static AuthCalls calls;

  @BeforeAll
  static void start() {
    app = RunningApp.start("registration");
    calls = new AuthCalls(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject layla() {
    return new JsonObject()
        .put("email", "Layla@Example.com")
        .put("phone", "٠٥٥١٢٣٤٥٦٧")
        .put("password", "qamar fi as-sama 2026")
        .put("firstNameAr", "ليلى").put("lastNameAr", "القحطاني")
        .put("firstNameEn", "Layla").put("lastNameEn", "Al-Qahtani")
        .put("dateOfBirth", "1995-05-20").put("gender", "female").put("languagePreference", "ar");
  }

  private static HttpResponse<Buffer> register(JsonObject body, String lang) {
    return calls.call(HttpMethod.POST, "/v1/auth/register", lang, null, body);
  }

  private static long count(String sql) {
    return app.pool().query(sql).execute().await().iterator().next().getLong(0);
  }

  @Test
  void a_person_signs_up_and_becomes_a_patient_with_a_linked_record_and_a_session() {
    HttpResponse<Buffer> response = register(layla(), "en");
    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("accessToken")).isNotBlank();
    assertThat(body.getString("refreshToken")).isNotBlank();
    assertThat(body.getString("medicalRecordNumber")).startsWith("MRN-");

    JsonObject me = app.get("/v1/me", "en", body.getString("accessToken")).bodyAsJsonObject();
    assertThat(me.getString("email")).isEqualTo("layla@example.com");
    assertThat(me.getString("phone")).isEqualTo("+966551234567");
    assertThat(me.getJsonArray("roles").getList()).containsExactly("patient");
    assertThat(me.getString("patientId")).isEqualTo(body.getString("patientId"));

    // patients sit behind row-level security: read them as staff who may see any patient
    Row patient = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true)")
            .execute().compose(x -> conn.query("""
                SELECT p.user_id, p.created_by, p.date_of_birth::text AS dob, p.gender, p.phone, p.first_name_ar
                FROM patients p JOIN users u ON u.id = p.user_id WHERE u.email = 'layla@example.com'""").execute()))
        .await().iterator().next();
    assertThat(patient.getUUID("created_by")).isEqualTo(patient.getUUID("user_id"));
    assertThat(patient.getString("dob")).isEqualTo("1995-05-20");
    assertThat(patient.getString("phone")).isEqualTo("+966551234567");
    // the audit trigger saw the new patient as the one who acted
    Row audit = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.audit_access', 'any', true)").execute()
            .compose(x -> conn.preparedQuery("SELECT user_id::text AS user_id, role, action FROM audit_logs"
                + " WHERE entity_type = 'patients' AND entity_id = $1").execute(Tuple.of(body.getString("patientId")))))
        .await().iterator().next();
    assertThat(audit.getString("user_id")).isEqualTo(body.getString("userId"));
    assertThat(audit.getString("role")).isEqualTo("patient");
    assertThat(audit.getString("action")).isEqualTo("insert");
  }

  @Test
  void an_email_or_phone_already_in_use_is_409_and_nothing_is_written() {
    long users = count("SELECT count(*) FROM users");
    long tokens = count("SELECT count(*) FROM refresh_tokens");
    HttpResponse<Buffer> byEmail = register(layla().put("email", "AHMED@patients.example").put("phone", "0559998887"), "ar");
    assertThat(byEmail.statusCode()).isEqualTo(409);
    assertThat(byEmail.bodyAsJsonObject().getString("code")).isEqualTo("account_exists");
    assertThat(byEmail.bodyAsJsonObject().getString("title")).isEqualTo("الحساب موجود مسبقًا");
    HttpResponse<Buffer> byPhone = register(layla().put("email", "someone.new@example.com").put("phone", "0550000007"), "en");
    assertThat(byPhone.statusCode()).isEqualTo(409);
    assertThat(count("SELECT count(*) FROM users")).isEqualTo(users);
    assertThat(count("SELECT count(*) FROM refresh_tokens")).isEqualTo(tokens);
    assertThat(count("SELECT count(*) FROM users WHERE email = 'someone.new@example.com'")).isZero();
  }

  @Test
  void a_phone_only_sign_up_in_english_works() {
    JsonObject body = new JsonObject().put("phone", "+966 55 765 4321").put("password", "a quiet morning in Abha")
        .put("firstNameEn", "Omar").put("dateOfBirth", "2000-01-01").put("gender", "male").put("languagePreference", "en");
    HttpResponse<Buffer> response = register(body, "en");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(calls.login("0557654321", "a quiet morning in Abha").statusCode()).isEqualTo(200);
  }

  @Nested
  class WeakPasswords {
    @ParameterizedTest
    @CsvSource({
        "short1!,          too_short,          at least 10 characters",
        "1234567890,       too_common,         too common",
        "Password123,      too_common,         too common",
        "nobody@example.com, same_as_identifier, email address or phone number",
        "0559876543,       same_as_identifier, email address or phone number"})
    void a_weak_password_is_400_weak_password_naming_the_field_and_the_reason(String password, String reason, String says) {
      long users = count("SELECT count(*) FROM users");
      JsonObject body = layla().put("email", "nobody@example.com").put("phone", "0559876543").put("password", password);
      HttpResponse<Buffer> response = register(body, "en");
      assertThat(response.statusCode()).isEqualTo(400);
      JsonObject problem = response.bodyAsJsonObject();
      assertThat(problem.getString("code")).isEqualTo("weak_password");
      assertThat(problem.getString("field")).isEqualTo("password");
      assertThat(problem.getString("detail")).contains(says);
      assertThat(count("SELECT count(*) FROM users")).isEqualTo(users);
      assertThat(PasswordPolicy.load().reason(password, "nobody@example.com", "+966559876543")).contains(reason);
    }

    @Test
    void the_reason_is_explained_in_arabic() {
      HttpResponse<Buffer> response = register(layla().put("email", "x1@example.com").put("phone", "0551110000")
          .put("password", "qwertyuiop"), "ar");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("كلمة المرور ضعيفة");
      assertThat(response.bodyAsJsonObject().getString("detail")).contains("شائعة جدًا");
    }
  }

  @Nested
  class IncompleteForms {
    @Test
    void neither_email_nor_phone_is_400_contact_required() {
      JsonObject body = layla();
      body.remove("email");
      body.remove("phone");
      assertProblem(register(body, "en"), "contact_required", "email");
    }

    @Test
    void a_phone_that_is_not_a_number_is_400_invalid_phone() {
      assertProblem(register(layla().put("email", "x2@example.com").put("phone", "12345"), "en"), "invalid_phone", "phone");
    }

    @Test
    void no_first_name_in_either_language_is_400_name_required() {
      JsonObject body = layla().put("email", "x3@example.com").put("phone", "0551110003");
      body.remove("firstNameAr");
      body.remove("firstNameEn");
      assertProblem(register(body, "en"), "name_required", "firstNameAr");
    }

    @Test
    void a_birth_date_in_the_future_is_400() {
      assertProblem(register(layla().put("email", "x4@example.com").put("phone", "0551110004")
          .put("dateOfBirth", "2999-01-01"), "en"), "invalid_date_of_birth", "dateOfBirth");
    }

    private void assertProblem(HttpResponse<Buffer> response, String code, String field) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo(code);
      assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo(field);
    }
  }

  @Test
  void demo_accounts_still_sign_in() {
    assertThat(calls.login(DemoAccounts.ADMIN, DemoAccounts.PASSWORD).statusCode()).isEqualTo(200);
  }
}
