package io.moeen.identity;

import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up codes against the real service and database: sent through the outbox, hashed, limited, spent once. */
class SignupVerificationTest {
  static RunningApp app;
  static AuthCalls calls;

  @BeforeAll
  static void start() {
    app = RunningApp.start("signup-codes");
    calls = new AuthCalls(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> ask(JsonObject body, String lang) {
    return calls.call(HttpMethod.POST, "/v1/auth/register/codes", lang, null, body);
  }

  static HttpResponse<Buffer> check(String id, String code) {
    return calls.call(HttpMethod.POST, "/v1/auth/register/codes/" + id + "/verification", "ar", null,
        new JsonObject().put("code", code));
  }

  /** The code, as the person would read it: from the outbox row queued for them. */
  static Row outbox(String id) {
    return app.pool().preparedQuery("SELECT channel, locale, recipient_phone, recipient_email, payload, priority "
            + "FROM notifications WHERE idempotency_key = $1").execute(Tuple.of("signup_code:" + id)).await()
        .iterator().next();
  }

  static JsonObject person(String phone, String email) {
    JsonObject body = new JsonObject().put("password", "qamar fi as-sama 2026").put("firstNameAr", "سلمى")
        .put("dateOfBirth", "1996-03-02").put("gender", "female");
    if (phone != null) {
      body.put("phone", phone);
    }
    if (email != null) {
      body.put("email", email);
    }
    return body;
  }

  @Test
  void a_phone_is_proved_with_the_code_from_the_sms_then_the_sign_up_spends_it() {
    HttpResponse<Buffer> sent = ask(new JsonObject().put("phone", "٠٥٥٠٥٥٠٠٠١"), "ar");
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
    String id = sent.bodyAsJsonObject().getString("verificationId");
    assertThat(sent.bodyAsJsonObject().getString("destination")).isEqualTo("+966550550001");
    assertThat(sent.bodyAsJsonObject().getString("channel")).isEqualTo("sms");
    Row sms = outbox(id);
    assertThat(sms.getString("channel")).isEqualTo("sms");
    assertThat(sms.getString("recipient_phone")).isEqualTo("+966550550001");
    assertThat(sms.getString("locale")).isEqualTo("ar");
    String code = ((JsonObject) sms.getValue("payload")).getString("code");
    assertThat(code).matches("\\d{6}");
    // only a hash is kept
    Row kept = app.pool().preparedQuery("SELECT code_hash FROM signup_verifications WHERE id = $1::uuid")
        .execute(Tuple.of(id)).await().iterator().next();
    assertThat(kept.getString("code_hash")).doesNotContain(code).hasSize(64);

    String wrong = code.equals("000000") ? "111111" : "000000";
    HttpResponse<Buffer> refused = check(id, wrong);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("signup_code_invalid");
    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("4");

    // Arabic-Indic digits, as a phone keyboard may type them
    String arabic = code.chars().mapToObj(c -> String.valueOf((char) ('٠' + (c - '0')))).reduce("", String::concat);
    HttpResponse<Buffer> verified = check(id, arabic);
    assertThat(verified.statusCode()).as(verified.bodyAsString()).isEqualTo(200);
    assertThat(verified.bodyAsJsonObject().getBoolean("verified")).isTrue();

    HttpResponse<Buffer> registered = calls.call(HttpMethod.POST, "/v1/auth/register", "ar", null,
        person("0550550001", null).put("verificationIds", new JsonArray().add(id)));
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    Row user = app.pool().preparedQuery("SELECT phone_verified_at, email_verified_at FROM users WHERE phone = '+966550550001'")
        .execute().await().iterator().next();
    assertThat(user.getValue("phone_verified_at")).isNotNull();
    assertThat(user.getValue("email_verified_at")).isNull();

    // spent: a second sign-up cannot use it
    HttpResponse<Buffer> again = calls.call(HttpMethod.POST, "/v1/auth/register", "en", null,
        person("0550550009", null).put("verificationIds", new JsonArray().add(id)));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.bodyAsJsonObject().getString("code")).isEqualTo("signup_verification_invalid");
    // and the account's phone now answers 409 to a new code
    assertThat(ask(new JsonObject().put("phone", "0550550001"), "en").statusCode()).isEqualTo(409);
  }

  @Test
  void a_code_for_one_email_does_not_verify_another_and_five_wrong_tries_spend_it() {
    HttpResponse<Buffer> sent = ask(new JsonObject().put("email", "Salma@Example.com"), "en");
    assertThat(sent.statusCode()).isEqualTo(202);
    String id = sent.bodyAsJsonObject().getString("verificationId");
    Row mail = outbox(id);
    assertThat(mail.getString("channel")).isEqualTo("email");
    assertThat(mail.getString("recipient_email")).isEqualTo("salma@example.com");
    String code = ((JsonObject) mail.getValue("payload")).getString("code");
    assertThat(check(id, code).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> other = calls.call(HttpMethod.POST, "/v1/auth/register", "en", null,
        person(null, "someone.else@example.com").put("verificationIds", new JsonArray().add(id)));
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.bodyAsJsonObject().getString("code")).isEqualTo("signup_verification_invalid");
    assertThat(app.pool().query("SELECT count(*) FROM users WHERE email = 'someone.else@example.com'").execute().await()
        .iterator().next().getLong(0)).isZero();

    String id2 = ask(new JsonObject().put("email", "guess@example.com"), "en").bodyAsJsonObject().getString("verificationId");
    String right = ((JsonObject) outbox(id2).getValue("payload")).getString("code");
    String wrong = right.equals("999999") ? "888888" : "999999";
    // five wrong tries at once: each is counted, none slips through
    List<CompletableFuture<HttpResponse<Buffer>>> tries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tries.add(CompletableFuture.supplyAsync(() -> check(id2, wrong)));
    }
    tries.forEach(t -> assertThat(t.join().statusCode()).isEqualTo(400));
    HttpResponse<Buffer> spent = check(id2, right);
    assertThat(spent.statusCode()).isEqualTo(400);
    assertThat(spent.bodyAsJsonObject().getString("code")).isEqualTo("signup_code_expired");
  }

  @Test
  void asking_is_limited_per_destination_and_a_new_code_ends_the_old_one() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<Buffer> sent = ask(new JsonObject().put("phone", "0550550077"), "en");
      assertThat(sent.statusCode()).isEqualTo(202);
      ids.add(sent.bodyAsJsonObject().getString("verificationId"));
    }
    HttpResponse<Buffer> limited = ask(new JsonObject().put("phone", "+966550550077"), "ar");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.bodyAsJsonObject().getString("code")).isEqualTo("signup_code_limit");
    assertThat(limited.getHeader("Retry-After")).isNotBlank();
    // the first code was ended by the later ones
    String first = ((JsonObject) outbox(ids.get(0)).getValue("payload")).getString("code");
    assertThat(check(ids.get(0), first).bodyAsJsonObject().getString("code")).isEqualTo("signup_code_expired");
    String last = ((JsonObject) outbox(ids.get(2)).getValue("payload")).getString("code");
    assertThat(check(ids.get(2), last).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> both = ask(new JsonObject().put("phone", "0550550078").put("email", "a@example.com"), "en");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.bodyAsJsonObject().getString("code")).isEqualTo("signup_contact_one");
  }

  @Test
  void when_the_clinic_requires_it_a_sign_up_without_a_verified_phone_is_refused_and_nothing_is_made() {
    app.asOwner("UPDATE system_settings SET value = 'true' WHERE key = 'auth.signup_verification_required'");
    try {
      HttpResponse<Buffer> refused = calls.call(HttpMethod.POST, "/v1/auth/register", "ar", null, person("0550550055", null));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("signup_verification_required");
      assertThat(refused.bodyAsJsonObject().getString("field")).isEqualTo("phone");
      assertThat(app.pool().query("SELECT count(*) FROM users WHERE phone = '+966550550055'").execute().await()
          .iterator().next().getLong(0)).isZero();
    } finally {
      app.asOwner("UPDATE system_settings SET value = 'false' WHERE key = 'auth.signup_verification_required'");
    }
  }
}
