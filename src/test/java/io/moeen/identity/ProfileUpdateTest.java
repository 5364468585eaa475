package io.moeen.identity;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileUpdateTest {
  static RunningApp app;
  static AuthCalls calls;

  @BeforeAll
  static void start() {
    app = RunningApp.start("profile-update");
    calls = new AuthCalls(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void a_person_changes_names_and_language_and_sees_the_result() {
    String access = calls.signIn(DemoAccounts.PATIENT_AHMED, DemoAccounts.PASSWORD).getString("accessToken");
    HttpResponse<Buffer> response = calls.call(HttpMethod.PATCH, "/v1/me", "en", access, new JsonObject()
        .put("firstNameEn", "Ahmad").put("languagePreference", "en"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject me = response.bodyAsJsonObject();
    assertThat(me.getString("firstNameEn")).isEqualTo("Ahmad");
    assertThat(me.getString("firstNameAr")).isEqualTo("أحمد");
    assertThat(me.getString("languagePreference")).isEqualTo("en");
    // notification choices live at /v1/me/notification-preferences now, not in the account
    assertThat(me.containsKey("notificationPreferences")).isFalse();
  }

  @Test
  void a_profile_read_once_still_shows_changes_made_elsewhere_and_the_latest_sign_in() throws Exception {
    String access = calls.signIn(DemoAccounts.PATIENT_FATIMAH, DemoAccounts.PASSWORD).getString("accessToken");
    JsonObject first = app.get("/v1/me", "en", access).bodyAsJsonObject();
    assertThat(first.getString("languagePreference")).isEqualTo("ar");
    // the language written by another feature (notification preferences) shows on the next read
    assertThat(calls.call(HttpMethod.PUT, "/v1/me/notification-preferences", "en", access,
        new JsonObject().put("language", "en")).statusCode()).isEqualTo(200);
    assertThat(app.get("/v1/me", "en", access).bodyAsJsonObject().getString("languagePreference")).isEqualTo("en");
    // a later sign-in moves lastLogin for every session of the account, the cached one included
    Thread.sleep(20);
    calls.signIn(DemoAccounts.PATIENT_FATIMAH, DemoAccounts.PASSWORD);
    String later = app.get("/v1/me", "en", access).bodyAsJsonObject().getString("lastLogin");
    assertThat(java.time.Instant.parse(later)).isAfter(java.time.Instant.parse(first.getString("lastLogin")));
  }

  @Test
  void clearing_both_first_names_is_400_and_changes_nothing() {
    String access = calls.signIn(DemoAccounts.PATIENT_REEM, DemoAccounts.PASSWORD).getString("accessToken");
    HttpResponse<Buffer> response = calls.call(HttpMethod.PATCH, "/v1/me", "ar", access, new JsonObject()
        .putNull("firstNameAr").putNull("firstNameEn").put("languagePreference", "en"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("name_required");
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("الاسم مطلوب");
    JsonObject me = app.get("/v1/me", "en", access).bodyAsJsonObject();
    assertThat(me.getString("firstNameAr")).isEqualTo("ريم");
    assertThat(me.getString("languagePreference")).isEqualTo("ar");
  }

  @Test
  void an_unknown_field_or_language_is_refused_by_the_contract() {
    String access = calls.signIn(DemoAccounts.PATIENT_REEM, DemoAccounts.PASSWORD).getString("accessToken");
    assertThat(calls.call(HttpMethod.PATCH, "/v1/me", "en", access, new JsonObject().put("email", "x@example.com"))
        .statusCode()).isEqualTo(400);
    assertThat(calls.call(HttpMethod.PATCH, "/v1/me", "en", access, new JsonObject().put("languagePreference", "fr"))
        .statusCode()).isEqualTo(400);
    assertThat(calls.call(HttpMethod.PATCH, "/v1/me", "en", access, new JsonObject()
        .put("notificationPreferences", new JsonObject())).statusCode()).isEqualTo(400);
  }

  @Test
  void changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    JsonObject otherDevice = calls.signIn(DemoAccounts.PATIENT_MOHAMMED, DemoAccounts.PASSWORD);
    String access = calls.signIn(DemoAccounts.PATIENT_MOHAMMED, DemoAccounts.PASSWORD).getString("accessToken");

    HttpResponse<Buffer> wrong = calls.call(HttpMethod.PUT, "/v1/me/password", "ar", access, new JsonObject()
        .put("currentPassword", "not-it").put("newPassword", "a brand new passphrase"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("current_password_incorrect");
    assertThat(wrong.bodyAsJsonObject().getString("title")).isEqualTo("كلمة المرور الحالية غير صحيحة");

    HttpResponse<Buffer> weak = calls.call(HttpMethod.PUT, "/v1/me/password", "en", access, new JsonObject()
        .put("currentPassword", DemoAccounts.PASSWORD).put("newPassword", DemoAccounts.PATIENT_MOHAMMED));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.bodyAsJsonObject().getString("code")).isEqualTo("weak_password");
    assertThat(weak.bodyAsJsonObject().getString("field")).isEqualTo("newPassword");

    HttpResponse<Buffer> changed = calls.call(HttpMethod.PUT, "/v1/me/password", "en", access, new JsonObject()
        .put("currentPassword", DemoAccounts.PASSWORD).put("newPassword", "a brand new passphrase"));
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(app.get("/v1/me", "en", access).statusCode())
        .as("an access token from before the change opens nothing, though it has not expired").isEqualTo(401);
    assertThat(app.get("/v1/me", "en", otherDevice.getString("accessToken")).statusCode()).isEqualTo(401);
    assertThat(app.get("/v1/me", "en", changed.bodyAsJsonObject().getString("accessToken")).statusCode()).isEqualTo(200);
    assertThat(calls.refresh(changed.bodyAsJsonObject().getString("refreshToken")).statusCode()).isEqualTo(200);
    assertThat(calls.refresh(otherDevice.getString("refreshToken")).statusCode()).isEqualTo(401);
    assertThat(calls.login(DemoAccounts.PATIENT_MOHAMMED, DemoAccounts.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(calls.login(DemoAccounts.PATIENT_MOHAMMED, "a brand new passphrase").statusCode()).isEqualTo(200);
  }
}
