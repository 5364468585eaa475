package io.moeen.identity;

import io.moeen.testing.Scratch;
import io.moeen.common.auth.AccessTokens;
import io.moeen.common.auth.SigningKeys;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {
  static RunningApp app;
  static Vertx vertx;
  static SigningKeys keys;

  @BeforeAll
  static void start() {
    app = RunningApp.start("authentication");
    vertx = Vertx.vertx();
    keys = SigningKeys.loadOrCreate(app.application().config().signingKeysDir());
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    app.close();
  }

  private static JsonObject login(String identifier, String password) {
    var response = app.post("/v1/auth/login", "en", "application/json",
        new JsonObject().put("identifier", identifier).put("password", password).encode());
    return new JsonObject().put("status", response.statusCode()).put("body", response.bodyAsJsonObject());
  }

  @Nested
  class SigningIn {
    @Test
    void a_demo_admin_signs_in_by_email_and_sees_its_roles_and_permissions() {
      JsonObject answer = login("Admin@Moeen-Clinic.example", DemoAccounts.PASSWORD);
      assertThat(answer.getInteger("status")).isEqualTo(200);
      JsonObject tokens = answer.getJsonObject("body");
      assertThat(tokens.getString("tokenType")).isEqualTo("Bearer");
      assertThat(tokens.getInteger("expiresIn")).isEqualTo(900);
      assertThat(tokens.getString("refreshToken")).hasSizeGreaterThan(40);

      var me = app.get("/v1/me", "ar", tokens.getString("accessToken"));
      assertThat(me.statusCode()).isEqualTo(200);
      JsonObject body = me.bodyAsJsonObject();
      assertThat(body.getString("id")).isEqualTo(DemoAccounts.ADMIN_ID.toString());
      assertThat(body.getJsonArray("roles").getList()).containsExactly("admin");
      assertThat(body.getJsonArray("permissions").getList()).contains("roles.manage", "audit_logs.read");
      assertThat(body.getJsonObject("name").getString("ar")).isEqualTo("عبدالله الإداري");
    }

    @Test
    void a_patient_signs_in_with_a_local_phone_number_in_arabic_indic_digits() {
      JsonObject answer = login("٠٥٥٠٠٠٠٠٠٧", DemoAccounts.PASSWORD);
      assertThat(answer.getInteger("status")).isEqualTo(200);
      var me = app.get("/v1/me", "en", answer.getJsonObject("body").getString("accessToken")).bodyAsJsonObject();
      assertThat(me.getString("patientId")).isEqualTo(DemoAccounts.AHMED_PATIENT_ID.toString());
      assertThat(me.getJsonArray("roles").getList()).containsExactly("patient");
    }

    @Test
    void a_wrong_password_and_an_unknown_account_get_the_same_answer_and_are_both_recorded() {
      JsonObject wrongPassword = login(DemoAccounts.RECEPTIONIST, "not-the-password");
      JsonObject unknown = login("nobody@moeen-clinic.example", "not-the-password");
      assertThat(wrongPassword.getInteger("status")).isEqualTo(401);
      assertThat(unknown.getInteger("status")).isEqualTo(401);
      for (String field : List.of("code", "title", "detail", "type")) {
        assertThat(wrongPassword.getJsonObject("body").getString(field))
            .isEqualTo(unknown.getJsonObject("body").getString(field));
      }
      assertThat(wrongPassword.getJsonObject("body").getString("code")).isEqualTo("invalid_credentials");
      var rows = app.pool().query("""
          SELECT identifier, success, failure_reason, user_id IS NOT NULL AS known FROM login_activity
          WHERE identifier IN ('reception@moeen-clinic.example', 'nobody@moeen-clinic.example') ORDER BY identifier""")
          .execute().await();
      assertThat(rows.size()).isEqualTo(2);
      var it = rows.iterator();
      var nobody = it.next();
      assertThat(nobody.getBoolean("success")).isFalse();
      assertThat(nobody.getString("failure_reason")).isEqualTo("unknown_account");
      var reception = it.next();
      assertThat(reception.getString("failure_reason")).isEqualTo("wrong_password");
      assertThat(reception.getBoolean("known")).isTrue();
    }

    @Test
    void a_failed_sign_in_is_explained_in_arabic() {
      var response = app.post("/v1/auth/login", "ar", "application/json",
          new JsonObject().put("identifier", "nobody@example.com").put("password", "x").encode());
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("تعذّر تسجيل الدخول");
    }
  }

  @Nested
  class TokensThatOpenNothing {
    @Test
    void no_token_on_a_secured_operation_is_401_with_a_bearer_challenge() {
      var response = app.get("/v1/me", "en", null);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"moeen\"");
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("unauthenticated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.x"})
    void a_malformed_token_is_401_invalid_token(String token) {
      assertInvalid(app.get("/v1/me", "en", token));
    }

    @Test
    void an_unsigned_alg_none_token_is_refused() {
      String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
      long now = System.currentTimeMillis() / 1000;
      String payload = b64(new JsonObject().put("sub", DemoAccounts.ADMIN_ID.toString()).put("typ", "access")
          .put("iss", AccessTokens.ISSUER).put("aud", AccessTokens.AUDIENCE).put("exp", now + 600).encode());
      assertInvalid(app.get("/v1/me", "en", header + "." + payload + "."));
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
      SigningKeys other = SigningKeys.loadOrCreate(Scratch.dir("other-keys"));
      String forged = new AccessTokens(vertx, other).issue(DemoAccounts.ADMIN_ID, "access", Duration.ofMinutes(5));
      assertInvalid(app.get("/v1/me", "en", forged));
    }

    @Test
    void an_expired_token_is_refused() {
      String expired = new AccessTokens(vertx, keys).issue(DemoAccounts.ADMIN_ID, "access", Duration.ofMinutes(-2));
      assertInvalid(app.get("/v1/me", "en", expired));
    }

    @Test
    void a_token_for_another_audience_or_issuer_is_refused() {
      assertInvalid(app.get("/v1/me", "en", mint(new JWTOptions().setIssuer(AccessTokens.ISSUER)
          .setAudience(List.of("someone-else")), "access")));
      assertInvalid(app.get("/v1/me", "en", mint(new JWTOptions().setIssuer("evil")
          .setAudience(List.of(AccessTokens.AUDIENCE)), "access")));
    }

    @Test
    void a_token_of_another_type_is_not_an_access_token() {
      String mfa = new AccessTokens(vertx, keys).issue(DemoAccounts.ADMIN_ID, "mfa", Duration.ofMinutes(5));
      assertInvalid(app.get("/v1/me", "en", mfa));
    }

    @Test
    void a_valid_token_signed_by_us_works_which_shows_the_refusals_above_are_about_the_token() {
      String good = mint(new JWTOptions().setIssuer(AccessTokens.ISSUER).setAudience(List.of(AccessTokens.AUDIENCE)), "access");
      assertThat(app.get("/v1/me", "en", good).statusCode()).isEqualTo(200);
    }

    @Test
    void a_deactivated_account_s_token_stops_working_at_once() {
      String token = app.loginAs(DemoAccounts.PATIENT_REEM);
      String id = app.get("/v1/me", "en", token).bodyAsJsonObject().getString("id");
      String admin = app.loginAs(DemoAccounts.ADMIN);
      // through the administration API, which tells the API's principal cache (a bare UPDATE would
      // only take effect once the cached principal expires)
      assertThat(active(admin, id, false)).isEqualTo(200);
      try {
        assertInvalid(app.get("/v1/me", "en", token));
      } finally {
        assertThat(active(admin, id, true)).isEqualTo(200);
      }
    }

    private int active(String admin, String userId, boolean active) {
      return app.send(app.client().patch("/v1/admin/users/" + userId).putHeader("Authorization", "Bearer " + admin), "en",
          "application/json", new JsonObject().put("isActive", active).encode()).statusCode();
    }

    @Test
    void another_scheme_than_bearer_is_refused_in_arabic_too() {
      var response = app.send(app.client().get("/v1/me").putHeader("Authorization", "Basic YWRtaW46YWRtaW4="),
          "ar", null, null);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("رمز الدخول غير صالح");
    }

    @Test
    void an_invalid_token_on_a_public_operation_is_refused_rather_than_ignored() {
      assertInvalid(app.get("/v1/languages", "en", "garbage"));
      assertThat(app.get("/v1/languages", "en", null).statusCode()).isEqualTo(200);
    }

    private String mint(JWTOptions options, String type) {
      JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
          .addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(keys.privatePem())));
      return jwt.generateToken(new JsonObject().put("sub", DemoAccounts.ADMIN_ID.toString()).put("typ", type),
          options.setAlgorithm("ES256").setExpiresInSeconds(300));
    }

    private void assertInvalid(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> response) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"moeen\", error=\"invalid_token\"");
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("invalid_token");
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
