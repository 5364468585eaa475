package io.moeen.identity;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TwoFactorTest {
  static RunningApp app;
  static AuthCalls calls;

  @BeforeAll
  static void start() {
    app = RunningApp.start("two-factor");
    calls = new AuthCalls(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Each test takes codes for now and the steps beside it: it runs inside one step. */
  @BeforeEach
  void roomInTheStep() {
    io.moeen.testing.Totp.awaitStepWithRoom(10);
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
    return calls.call(method, path, "en", token, body);
  }

  /** Sets up and confirms two-factor sign-in for the account; its secret. */
  private static String enable(String email) {
    String access = calls.signIn(email, DemoAccounts.PASSWORD).getString("accessToken");
    JsonObject setup = call(HttpMethod.POST, "/v1/me/two-factor", access, null).bodyAsJsonObject();
    String secret = setup.getString("secret");
    assertThat(call(HttpMethod.POST, "/v1/me/two-factor/confirm", access,
        new JsonObject().put("code", AuthCalls.totp(secret, 0))).statusCode()).isEqualTo(204);
    return secret;
  }

  @Test
  void setting_up_gives_a_base32_secret_and_an_otpauth_uri_and_is_off_until_confirmed() {
    String access = calls.signIn(DemoAccounts.PATIENT_AHMED, DemoAccounts.PASSWORD).getString("accessToken");
    HttpResponse<Buffer> response = call(HttpMethod.POST, "/v1/me/two-factor", access, null);
    assertThat(response.statusCode()).isEqualTo(200);
    String secret = response.bodyAsJsonObject().getString("secret");
    assertThat(secret).matches("[A-Z2-7]{32}");
    String uri = URLDecoder.decode(response.bodyAsJsonObject().getString("otpauthUri"), StandardCharsets.UTF_8);
    assertThat(uri).startsWith("otpauth://totp/Moeen:ahmed@patients.example?secret=" + secret).contains("issuer=Moeen");
    // not confirmed: signing in still needs only the password
    assertThat(calls.signIn(DemoAccounts.PATIENT_AHMED, DemoAccounts.PASSWORD).containsKey("accessToken")).isTrue();

    HttpResponse<Buffer> wrong = calls.call(HttpMethod.POST, "/v1/me/two-factor/confirm", "ar", access,
        new JsonObject().put("code", "000000".equals(AuthCalls.totp(secret, 0)) ? "111111" : "000000"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("invalid_two_factor_code");
    assertThat(wrong.bodyAsJsonObject().getString("title")).isEqualTo("رمز التحقق غير صحيح");
    assertThat(app.get("/v1/me", "en", access).bodyAsJsonObject().getBoolean("twoFactorEnabled")).isFalse();
  }

  @Test
  void with_two_factor_on_the_password_gives_an_mfa_token_and_the_code_completes_the_sign_in() {
    String secret = enable(DemoAccounts.PATIENT_FATIMAH);
    HttpResponse<Buffer> first = calls.login(DemoAccounts.PATIENT_FATIMAH, DemoAccounts.PASSWORD);
    assertThat(first.statusCode()).isEqualTo(200);
    JsonObject challenge = first.bodyAsJsonObject();
    assertThat(challenge.getBoolean("mfaRequired")).isTrue();
    assertThat(challenge.containsKey("accessToken")).isFalse();
    assertThat(challenge.containsKey("refreshToken")).isFalse();
    // the mfa token opens nothing by itself
    assertThat(app.get("/v1/me", "en", challenge.getString("mfaToken")).statusCode()).isEqualTo(401);

    // Arabic-Indic digits of the next step's code (inside the ±1 step window, not yet used)
    String code = AuthCalls.totp(secret, 1).chars().mapToObj(c -> String.valueOf((char) ('٠' + (c - '0'))))
        .reduce("", String::concat);
    HttpResponse<Buffer> second = calls.post("/v1/auth/login/two-factor",
        new JsonObject().put("mfaToken", challenge.getString("mfaToken")).put("code", code));
    assertThat(second.statusCode()).isEqualTo(200);
    JsonObject me = app.get("/v1/me", "en", second.bodyAsJsonObject().getString("accessToken")).bodyAsJsonObject();
    assertThat(me.getBoolean("twoFactorEnabled")).isTrue();

    // the same code cannot be used twice
    String mfa = calls.login(DemoAccounts.PATIENT_FATIMAH, DemoAccounts.PASSWORD).bodyAsJsonObject().getString("mfaToken");
    HttpResponse<Buffer> replay = calls.post("/v1/auth/login/two-factor", new JsonObject().put("mfaToken", mfa).put("code", code));
    assertThat(replay.statusCode()).isEqualTo(401);
  }

  @Test
  void a_wrong_code_is_401_is_recorded_and_counts_toward_the_throttle() {
    String secret = enable(DemoAccounts.PATIENT_MOHAMMED);
    String right = AuthCalls.totp(secret, 1);
    String wrongCode = right.equals("123456") ? "654321" : "123456";
    for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
      String mfa = calls.login(DemoAccounts.PATIENT_MOHAMMED, DemoAccounts.PASSWORD).bodyAsJsonObject().getString("mfaToken");
      HttpResponse<Buffer> wrong = calls.call(HttpMethod.POST, "/v1/auth/login/two-factor", i == 0 ? "ar" : "en", null,
          new JsonObject().put("mfaToken", mfa).put("code", wrongCode));
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("invalid_two_factor_code");
    }
    long recorded = app.pool().query("""
            SELECT count(*) FROM login_activity WHERE user_id = '00000000-0000-4000-8000-000000000009'
            AND failure_reason = 'invalid_two_factor_code'""").execute().await().iterator().next().getLong(0);
    assertThat(recorded).isEqualTo(LoginThrottle.ACCOUNT_LIMIT);
    HttpResponse<Buffer> locked = calls.login(DemoAccounts.PATIENT_MOHAMMED, DemoAccounts.PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.getHeader("Retry-After")).isNotBlank();
  }

  @Test
  void an_invalid_mfa_token_is_401_two_factor_session_expired() {
    HttpResponse<Buffer> response = calls.post("/v1/auth/login/two-factor",
        new JsonObject().put("mfaToken", "not-a-token").put("code", "123456"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("two_factor_session_expired");
  }

  @Test
  void two_factor_is_turned_off_only_with_a_right_code() {
    String secret = enable(DemoAccounts.PATIENT_REEM);
    String mfa = calls.login(DemoAccounts.PATIENT_REEM, DemoAccounts.PASSWORD).bodyAsJsonObject().getString("mfaToken");
    String access = calls.post("/v1/auth/login/two-factor", new JsonObject().put("mfaToken", mfa)
        .put("code", AuthCalls.totp(secret, 1))).bodyAsJsonObject().getString("accessToken");

    assertThat(call(HttpMethod.POST, "/v1/me/two-factor", access, null).statusCode()).isEqualTo(409);
    String right = AuthCalls.totp(secret, -1);
    HttpResponse<Buffer> wrong = call(HttpMethod.DELETE, "/v1/me/two-factor", access,
        new JsonObject().put("code", right.equals("999999") ? "888888" : "999999"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(app.get("/v1/me", "en", access).bodyAsJsonObject().getBoolean("twoFactorEnabled")).isTrue();

    assertThat(call(HttpMethod.DELETE, "/v1/me/two-factor", access, new JsonObject().put("code", right)).statusCode())
        .isEqualTo(204);
    assertThat(calls.signIn(DemoAccounts.PATIENT_REEM, DemoAccounts.PASSWORD).containsKey("accessToken")).isTrue();
    assertThat(call(HttpMethod.DELETE, "/v1/me/two-factor", access, new JsonObject().put("code", right))
        .bodyAsJsonObject().getString("code")).isEqualTo("two_factor_not_enabled");
  }
}
