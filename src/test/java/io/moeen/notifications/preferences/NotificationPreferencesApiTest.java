package io.moeen.notifications.preferences;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET/PUT /v1/me/notification-preferences and GET/POST /v1/me/consents, over HTTP on a real database. */
class NotificationPreferencesApiTest {
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("notification-preferences", Map.of("MOEEN_DISPATCH_INTERVAL_MS", "0"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void a_person_reads_the_clinic_defaults_then_saves_and_reads_back_their_own_choices() {
    String token = app.loginAs(DemoAccounts.PATIENT_FATIMAH);
    JsonObject before = call("GET", "/v1/me/notification-preferences", "en", token, null).bodyAsJsonObject();
    assertThat(before.getJsonObject("channels")).isEmpty();
    assertThat(before.getValue("quietHours")).isNull();
    assertThat(before.getJsonObject("effective").getString("timeZone")).isEqualTo("Asia/Riyadh");
    assertThat(before.getJsonObject("effective").getJsonObject("quietHours").getString("start")).isEqualTo("22:00");
    assertThat(before.getJsonArray("eventTypes")).contains("appointment_reminder").doesNotContain("password_reset");

    JsonObject choices = new JsonObject()
        .put("channels", new JsonObject().put("*", new JsonObject().put("sms", false))
            .put("appointment_reminder", new JsonObject().put("sms", true).put("email", false)))
        .put("quietHours", new JsonObject().put("start", "21:30").put("end", "07:00"))
        .put("timeZone", "Europe/London")
        .put("language", "en");
    HttpResponse<Buffer> saved = call("PUT", "/v1/me/notification-preferences", "en", token, choices);
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
    JsonObject after = call("GET", "/v1/me/notification-preferences", "en", token, null).bodyAsJsonObject();
    assertThat(after.getJsonObject("channels")).isEqualTo(choices.getJsonObject("channels"));
    assertThat(after.getJsonObject("quietHours")).isEqualTo(choices.getJsonObject("quietHours"));
    assertThat(after.getString("timeZone")).isEqualTo("Europe/London");
    assertThat(after.getJsonObject("effective").getString("timeZone")).isEqualTo("Europe/London");
    assertThat(after.getString("language")).isEqualTo("en");
    assertThat(call("GET", "/v1/me", "en", token, null).bodyAsJsonObject().getString("languagePreference"))
        .isEqualTo("en");

    // a whole replacement: what is left out goes back to the clinic's default
    call("PUT", "/v1/me/notification-preferences", "en", token, new JsonObject());
    JsonObject reset = call("GET", "/v1/me/notification-preferences", "en", token, null).bodyAsJsonObject();
    assertThat(reset.getJsonObject("channels")).isEmpty();
    assertThat(reset.getValue("timeZone")).isNull();
    assertThat(reset.getString("language")).isEqualTo("en");
  }

  @Test
  void bad_preferences_are_400_naming_the_field_and_change_nothing() {
    String token = app.loginAs(DemoAccounts.PATIENT_MOHAMMED);
    call("PUT", "/v1/me/notification-preferences", "en", token, new JsonObject().put("timeZone", "Asia/Dubai"));
    String before = stored(DemoAccounts.PATIENT_MOHAMMED);

    assertProblem(put(token, new JsonObject().put("channels", new JsonObject()
        .put("appointment_teleported", new JsonObject().put("sms", false)))), "ar",
        "unknown_event_type", "channels.appointment_teleported");
    assertProblem(put(token, new JsonObject().put("channels", new JsonObject()
        .put("password_reset", new JsonObject().put("in_app", false)))), "ar",
        "preference_not_allowed", "channels.password_reset");
    assertProblem(put(token, new JsonObject().put("timeZone", "Mars/Olympus")), "ar", "unknown_time_zone", "timeZone");
    assertProblem(put(token, new JsonObject().put("timeZone", "GMT+3")), "ar", "unknown_time_zone", "timeZone");
    HttpResponse<Buffer> pigeon = put(token, new JsonObject().put("channels", new JsonObject()
        .put("appointment_reminder", new JsonObject().put("pigeon", false))));
    assertThat(pigeon.statusCode()).isEqualTo(400);
    assertProblem(pigeon, "ar", "unknown_channel", "channels.appointment_reminder.pigeon");
    HttpResponse<Buffer> startOnly = put(token, new JsonObject().put("quietHours", new JsonObject().put("start", "22:00")));
    assertThat(startOnly.statusCode()).isEqualTo(400);
    assertProblem(startOnly, "ar", "quiet_hours_incomplete", "quietHours.end");
    assertThat(put(token, new JsonObject().put("quietHours", new JsonObject().put("start", "25:00").put("end", "07:00")))
        .statusCode()).isEqualTo(400);
    assertThat(put(token, new JsonObject().put("language", "fr")).statusCode()).isEqualTo(400);

    assertThat(stored(DemoAccounts.PATIENT_MOHAMMED)).isEqualTo(before).contains("Asia/Dubai");
  }

  @Test
  void consent_serves_the_wording_records_it_exactly_and_an_opt_out_stops_pending_marketing() {
    String token = app.loginAs(DemoAccounts.PATIENT_REEM);
    UUID reem = userId(DemoAccounts.PATIENT_REEM);
    JsonArray items = call("GET", "/v1/me/consents", "ar", token, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(items).hasSize(3);
    JsonObject email = items.stream().map(JsonObject.class::cast)
        .filter(i -> "email".equals(i.getString("channel"))).findFirst().orElseThrow();
    assertThat(email.getBoolean("optedIn")).isFalse();
    assertThat(email.getValue("since")).isNull();
    assertThat(email.getString("wording")).contains("البريد الإلكتروني");
    assertThat(email.getString("locale")).isEqualTo("ar");

    // the wording of the other language is not what was shown in this one
    String english = call("GET", "/v1/me/consents", "en", token, null).bodyAsJsonObject().getJsonArray("items")
        .stream().map(JsonObject.class::cast).filter(i -> "email".equals(i.getString("channel"))).findFirst()
        .orElseThrow().getString("wording");
    assertProblem(consent(token, "ar", new JsonObject().put("channel", "email").put("optIn", true).put("wording", english)),
        "ar", "consent_wording_mismatch", "wording");
    assertThat(consent(token, "ar", new JsonObject().put("channel", "email").put("optIn", true)
        .put("wording", "x".repeat(2001))).statusCode()).isEqualTo(400);
    assertThat(consent(token, "ar", new JsonObject().put("channel", "pigeon").put("optIn", true)).statusCode())
        .isEqualTo(400);
    assertThat(count("SELECT count(*) FROM consent_events WHERE user_id = $1", reem)).isZero();

    HttpResponse<Buffer> in = consent(token, "ar", new JsonObject().put("channel", "email").put("optIn", true)
        .put("wording", email.getString("wording")));
    assertThat(in.statusCode()).as(in.bodyAsString()).isEqualTo(200);
    assertThat(in.bodyAsJsonObject().getBoolean("optedIn")).isTrue();
    assertThat(in.bodyAsJsonObject().getString("since")).isNotNull();
    Row recorded = app.pool().preparedQuery("SELECT * FROM consent_events WHERE user_id = $1").execute(Tuple.of(reem))
        .await().iterator().next();
    assertThat(recorded.getString("wording")).isEqualTo(email.getString("wording"));
    assertThat(recorded.getString("locale")).isEqualTo("ar");
    assertThat(recorded.getString("source")).isEqualTo("self");
    assertThat(recorded.getString("email")).isEqualTo(DemoAccounts.PATIENT_REEM);

    String key = "offer-" + UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (recipient_user_id, channel, event_type, locale, priority, idempotency_key)
        VALUES ($1, 'email', 'appointment_booked', 'ar', 'marketing', $2)""").execute(Tuple.of(reem, key)).await();
    HttpResponse<Buffer> out = consent(token, "en", new JsonObject().put("channel", "email").put("optIn", false));
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.bodyAsJsonObject().getBoolean("optedIn")).isFalse();
    assertThat(out.bodyAsJsonObject().getInteger("stoppedMessages")).isEqualTo(1);
    Row stopped = app.pool().preparedQuery("SELECT status, last_error FROM notifications WHERE idempotency_key = $1")
        .execute(Tuple.of(key)).await().iterator().next();
    assertThat(stopped.getString("status")).isEqualTo("failed");
    assertThat(stopped.getString("last_error")).isEqualTo("opted_out");
  }

  @Test
  void someone_elses_preferences_cannot_be_reached_the_body_names_no_user() {
    String ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
    HttpResponse<Buffer> sneaky = put(ahmed, new JsonObject().put("userId", userId(DemoAccounts.PATIENT_REEM).toString()));
    assertThat(sneaky.statusCode()).isEqualTo(400);
    assertThat(call("GET", "/v1/me/notification-preferences", "en", null, null).statusCode()).isEqualTo(401);
  }

  private static void assertProblem(HttpResponse<Buffer> response, String language, String code, String field) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isBetween(400, 422);
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.encode()).contains(field);
    assertThat(problem.getString("title")).isNotBlank();
    if ("ar".equals(language)) {
      assertThat(problem.getString("title")).containsPattern("\\p{InArabic}");
    }
  }

  private static HttpResponse<Buffer> put(String token, JsonObject body) {
    return call("PUT", "/v1/me/notification-preferences", "ar", token, body);
  }

  private static HttpResponse<Buffer> consent(String token, String language, JsonObject body) {
    return call("POST", "/v1/me/consents", language, token, body);
  }

  private static HttpResponse<Buffer> call(String method, String path, String language, String token, JsonObject body) {
    HttpRequest<Buffer> request = app.client().request(io.vertx.core.http.HttpMethod.valueOf(method), path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return app.send(request, language, body == null ? null : "application/json", body == null ? null : body.encode());
  }

  private static String stored(String email) {
    return app.pool().preparedQuery("""
        SELECT coalesce(row_to_json(p)::text, '') || u.language_preference AS state
        FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id WHERE u.email = $1""")
        .execute(Tuple.of(email)).await().iterator().next().getString("state");
  }

  private static UUID userId(String email) {
    return app.pool().preparedQuery("SELECT id FROM users WHERE email = $1").execute(Tuple.of(email)).await()
        .iterator().next().getUUID("id");
  }

  private static long count(String sql, UUID user) {
    return app.pool().preparedQuery(sql).execute(Tuple.of(user)).await().iterator().next().getLong(0);
  }
}
