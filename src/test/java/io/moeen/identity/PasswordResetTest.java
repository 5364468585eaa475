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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetTest {
  static RunningApp app;
  static AuthCalls calls;

  @BeforeAll
  static void start() {
    app = RunningApp.start("password-reset");
    calls = new AuthCalls(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<Buffer> ask(String identifier, String lang) {
    return calls.call(HttpMethod.POST, "/v1/auth/password-reset", lang, null, new JsonObject().put("identifier", identifier));
  }

  private static HttpResponse<Buffer> confirm(String token, String newPassword, String lang) {
    return calls.call(HttpMethod.POST, "/v1/auth/password-reset/confirm", lang, null,
        new JsonObject().put("token", token).put("newPassword", newPassword));
  }

  private static long outboxRows(String email) {
    return app.pool().preparedQuery("""
            SELECT count(*) FROM notifications n JOIN users u ON u.id = n.recipient_user_id
            WHERE u.email = $1 AND n.event_type = 'password_reset'""")
        .execute(Tuple.of(email)).await().iterator().next().getLong(0);
  }

  /** The raw token the notification carries (the database keeps only its hash). */
  private static String latestToken(String email) {
    return app.pool().preparedQuery("""
            SELECT n.payload ->> 'token' AS token FROM notifications n JOIN users u ON u.id = n.recipient_user_id
            WHERE u.email = $1 AND n.event_type = 'password_reset' ORDER BY n.created_at DESC LIMIT 1""")
        .execute(Tuple.of(email)).await().iterator().next().getString("token");
  }

  @Test
  void an_unknown_account_gets_the_same_202_and_no_outbox_row() {
    long before = app.pool().query("SELECT count(*) FROM notifications").execute().await().iterator().next().getLong(0);
    HttpResponse<Buffer> unknown = ask("nobody-here@example.com", "ar");
    HttpResponse<Buffer> known = ask(DemoAccounts.PATIENT_REEM, "ar");
    assertThat(unknown.statusCode()).isEqualTo(202);
    assertThat(known.statusCode()).isEqualTo(202);
    assertThat(unknown.bodyAsJsonObject()).isEqualTo(known.bodyAsJsonObject());
    assertThat(unknown.bodyAsJsonObject().getString("message")).contains("إن كان هناك حساب مطابق");
    long after = app.pool().query("SELECT count(*) FROM notifications").execute().await().iterator().next().getLong(0);
    assertThat(after).isEqualTo(before + 1);
    assertThat(ask("not an identifier at all", "en").statusCode()).isEqualTo(202);
  }

  @Test
  void a_known_account_gets_an_urgent_outbox_row_in_its_language_and_a_hashed_token() {
    ask("٠٥٥٠٠٠٠٠٠٩", "en"); // Mohammed, by phone in Arabic-Indic digits; his language is English
    Row row = app.pool().query("""
            SELECT n.channel, n.locale, n.priority, n.status, n.payload, n.idempotency_key, n.recipient_user_id
            FROM notifications n WHERE n.event_type = 'password_reset'
              AND n.recipient_user_id = '00000000-0000-4000-8000-000000000009'""")
        .execute().await().iterator().next();
    assertThat(row.getString("channel")).isEqualTo("email");
    assertThat(row.getString("locale")).isEqualTo("en");
    assertThat(row.getString("priority")).isEqualTo("urgent");
    assertThat(row.getString("status")).isEqualTo("pending");
    assertThat(row.getString("idempotency_key")).startsWith("password_reset:");
    JsonObject payload = row.getJsonObject("payload");
    Instant expires = Instant.parse(payload.getString("expiresAt"));
    assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));
    long hashed = app.pool().preparedQuery("SELECT count(*) FROM password_reset_tokens WHERE token_hash = $1")
        .execute(Tuple.of(RefreshTokens.hash(payload.getString("token")))).await().iterator().next().getLong(0);
    assertThat(hashed).isEqualTo(1);
  }

  @Test
  void the_token_sets_a_new_password_once_and_ends_every_session() {
    String email = DemoAccounts.PATIENT_FATIMAH;
    JsonObject session = calls.signIn(email, DemoAccounts.PASSWORD);
    ask(email, "en");
    String token = latestToken(email);

    HttpResponse<Buffer> weak = confirm(token, "password123", "en");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.bodyAsJsonObject().getString("field")).isEqualTo("newPassword");

    assertThat(confirm(token, "Fatimah's new garden 2026", "en").statusCode()).isEqualTo(204);
    assertThat(calls.login(email, DemoAccounts.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(calls.login(email, "Fatimah's new garden 2026").statusCode()).isEqualTo(200);
    HttpResponse<Buffer> refresh = calls.refresh(session.getString("refreshToken"));
    assertThat(refresh.statusCode()).isEqualTo(401);
    String reason = app.pool().preparedQuery("SELECT revoke_reason FROM refresh_tokens WHERE token_hash = $1")
        .execute(Tuple.of(RefreshTokens.hash(session.getString("refreshToken")))).await().iterator().next().getString(0);
    assertThat(reason).isEqualTo("password_changed");
    Boolean changed = app.pool().query(
            "SELECT password_changed_at > now() - interval '1 minute' FROM users WHERE email = 'fatimah@patients.example'")
        .execute().await().iterator().next().getBoolean(0);
    assertThat(changed).isTrue();

    HttpResponse<Buffer> reused = confirm(token, "yet another fine password", "ar");
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(reused.bodyAsJsonObject().getString("code")).isEqualTo("reset_token_invalid");
    assertThat(reused.bodyAsJsonObject().getString("title")).isEqualTo("رابط إعادة التعيين غير صالح");
    assertThat(reused.bodyAsJsonObject().getString("detail")).contains("طلب رابط جديد");
  }

  @Test
  void an_expired_or_unknown_token_is_400_and_changes_nothing() {
    String email = DemoAccounts.PATIENT_AHMED;
    ask(email, "en");
    String token = latestToken(email);
    app.pool().preparedQuery("UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1")
        .execute(Tuple.of(RefreshTokens.hash(token))).await();
    HttpResponse<Buffer> expired = confirm(token, "a long and fresh password", "en");
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.bodyAsJsonObject().getString("code")).isEqualTo("reset_token_invalid");
    assertThat(expired.bodyAsJsonObject().getString("detail")).contains("request a new link");
    assertThat(confirm("made-up-token", "a long and fresh password", "en").bodyAsJsonObject().getString("code"))
        .isEqualTo("reset_token_invalid");
    assertThat(calls.login(email, DemoAccounts.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void more_than_three_requests_in_15_minutes_are_still_202_but_send_nothing() {
    String email = DemoAccounts.MARKETER;
    for (int i = 0; i < 5; i++) {
      assertThat(ask(email, "en").statusCode()).isEqualTo(202);
    }
    assertThat(outboxRows(email)).isEqualTo(PasswordReset.REQUESTS_PER_WINDOW);
  }
}
