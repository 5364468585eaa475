package io.moeen.notifications;

import io.moeen.common.i18n.CalendarSystem;
import io.moeen.common.i18n.DateTimeText;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.FormatLength;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-app inbox over HTTP: what the lifecycle writes shows up rendered, counted and marked read. */
class InboxTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final String KHALID = "00000000-0000-4000-c200-000000000004";
  static final String OLAYA = "00000000-0000-4000-c100-000000000001";
  static final String GENERAL_CONSULTATION = "00000000-0000-4000-c300-000000000001";

  static RunningApp app;
  static String reception;
  static String doctor;
  static String supervisor;
  static String ahmed;
  static String marketer;

  @BeforeAll
  static void start() {
    app = RunningApp.start("inbox");
    reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    doctor = app.loginAs(DemoAccounts.DOCTOR);
    supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
    ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
    marketer = app.loginAs(DemoAccounts.MARKETER);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> call(String method, String path, String lang, String token) {
    return ApiCalls.call(app, method, path, lang, token, null);
  }

  static long unread(String token) {
    HttpResponse<Buffer> r = call("GET", "/v1/me/notifications/unread-count", "en", token);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getLong("unread");
  }

  static JsonArray items(String query, String lang, String token) {
    HttpResponse<Buffer> r = call("GET", "/v1/me/notifications" + query, lang, token);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("items");
  }

  /** An in-app row for a demo account, as the lifecycle writes one. */
  static UUID notice(String email, String event, JsonObject payload, String createdAt) {
    UUID id = UUID.randomUUID();
    app.asOwner("""
        INSERT INTO notifications (id, recipient_user_id, channel, event_type, locale, payload, idempotency_key, created_at)
        SELECT '%s', id, 'in_app', '%s', 'ar', '%s'::jsonb, 'test:%s', '%s' FROM users WHERE email = '%s'
        """.formatted(id, event, payload.encode(), id, createdAt, email));
    return id;
  }

  static boolean isRead(UUID id) {
    return app.pool().preparedQuery("SELECT is_read FROM notifications WHERE id = $1").execute(Tuple.of(id)).await()
        .iterator().next().getBoolean("is_read");
  }

  static String when(Instant at, SupportedLocale locale, DigitStyle digits) {
    return DateTimeText.format(at, RIYADH, locale, CalendarSystem.GREGORIAN, digits, FormatLength.DATE_TIME);
  }

  @Test
  void a_reschedule_request_reaches_reception_rendered_in_english_and_arabic() {
    Instant start = SchedulingDemo.riyadh(SchedulingDemo.sunday(6), "10:00");
    Instant wanted = SchedulingDemo.riyadh(SchedulingDemo.sunday(6).plusDays(1), "11:00");
    UUID appointment = UUID.randomUUID();
    app.asOwner("""
        INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from,
                                  blocked_until, status, source)
        VALUES ('%s', '%s', '%s', '%s', '%s', '%s', '%s'::timestamptz + interval '30 minutes', '%s',
                '%s'::timestamptz + interval '35 minutes', 'confirmed', 'reception')
        """.formatted(appointment, DemoAccounts.AHMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, OLAYA, start, start,
        start, start));
    long before = unread(reception);

    HttpResponse<Buffer> asked = ApiCalls.call(app, "POST", "/v1/appointments/" + appointment + "/reschedule-request",
        "ar", ahmed, new JsonObject().put("requestedStartsAt", wanted.atZone(RIYADH).toOffsetDateTime().toString())
            .encode());
    assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(200);

    assertThat(unread(reception)).isEqualTo(before + 1);
    JsonObject en = items("?unreadOnly=true&limit=1", "en", reception).getJsonObject(0);
    assertThat(en.getString("eventType")).isEqualTo("appointment_reschedule_requested");
    assertThat(en.getString("title")).isEqualTo("Reschedule request");
    assertThat(en.getString("body")).isEqualTo("A patient asks to move their appointment on "
        + when(start, SupportedLocale.EN, DigitStyle.LATIN) + " to " + when(wanted, SupportedLocale.EN, DigitStyle.LATIN)
        + ". Please approve or reject the request.");
    assertThat(en.getBoolean("isRead")).isFalse();
    assertThat(en.getJsonObject("payload").getString("appointmentId")).isEqualTo(appointment.toString());
    assertThat(en.getJsonObject("payload").containsKey("startsAt")).isFalse();

    JsonObject ar = items("?unreadOnly=true&limit=1", "ar", reception).getJsonObject(0);
    assertThat(ar.getString("id")).isEqualTo(en.getString("id"));
    assertThat(ar.getString("title")).isEqualTo("طلب تغيير موعد");
    assertThat(ar.getString("body"))
        .startsWith("طلب مريض نقل موعده المحدد يوم " + when(start, SupportedLocale.AR, DigitStyle.LATIN) + " (")
        .contains(" إلى " + when(wanted, SupportedLocale.AR, DigitStyle.LATIN) + " (")
        .endsWith(" هـ). يُرجى الموافقة على الطلب أو رفضه.");
  }

  @Test
  void a_reminder_waits_for_its_time_and_a_dropped_one_never_shows() {
    long before = unread(ahmed);
    UUID tomorrow = UUID.randomUUID();
    UUID dropped = UUID.randomUUID();
    UUID due = UUID.randomUUID();
    app.asOwner("""
        INSERT INTO notifications (id, recipient_user_id, channel, event_type, locale, payload, idempotency_key,
                                   not_before, next_attempt_at, status)
        SELECT v.id::uuid, u.id, 'in_app', 'appointment_reminder', 'ar', '{}'::jsonb, 'test:' || v.id,
               v.not_before::timestamptz, now(), v.status
        FROM users u, (VALUES ('%s', now() + interval '1 day', 'pending'),
                              ('%s', now() - interval '1 hour', 'dead'),
                              ('%s', now() - interval '1 minute', 'pending')) AS v(id, not_before, status)
        WHERE u.email = '%s'
        """.formatted(tomorrow, dropped, due, DemoAccounts.PATIENT_AHMED));

    assertThat(unread(ahmed)).isEqualTo(before + 1);
    JsonArray shown = items("?limit=100", "en", ahmed);
    assertThat(shown.stream().map(o -> ((JsonObject) o).getString("id")))
        .contains(due.toString()).doesNotContain(tomorrow.toString(), dropped.toString());
    assertThat(call("POST", "/v1/me/notifications/" + tomorrow + "/read", "en", ahmed).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/v1/me/notifications/read-all", "en", ahmed).statusCode()).isIn(200, 204);
    assertThat(isRead(tomorrow)).isFalse();
    assertThat(isRead(dropped)).isFalse();
    assertThat(isRead(due)).isTrue();
  }

  @Test
  void pages_run_newest_first_and_the_cursor_continues_where_the_last_page_ended() {
    UUID oldest = notice(DemoAccounts.MARKETER, "appointment_cancelled", new JsonObject(), "2026-01-01T08:00:00Z");
    UUID middle = notice(DemoAccounts.MARKETER, "appointment_booked", new JsonObject(), "2026-01-02T08:00:00Z");
    UUID newest = notice(DemoAccounts.MARKETER, "password_reset", new JsonObject(), "2026-01-03T08:00:00Z");

    HttpResponse<Buffer> first = call("GET", "/v1/me/notifications?limit=2", "en", marketer);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.bodyAsJsonObject().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")))
        .containsExactly(newest.toString(), middle.toString());
    String cursor = first.bodyAsJsonObject().getString("nextCursor");
    HttpResponse<Buffer> second = call("GET", "/v1/me/notifications?limit=2&cursor=" + cursor, "en", marketer);
    assertThat(second.bodyAsJsonObject().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")))
        .containsExactly(oldest.toString());
    assertThat(second.bodyAsJsonObject().getString("nextCursor")).isNull();
  }

  @Test
  void marking_one_read_lowers_the_count_and_is_idempotent() {
    UUID id = notice(DemoAccounts.SUPERVISOR, "appointment_booked",
        new JsonObject().put("appointmentId", UUID.randomUUID().toString()), "2026-02-01T08:00:00Z");
    long before = unread(supervisor);

    assertThat(call("POST", "/v1/me/notifications/" + id + "/read", "en", supervisor).statusCode()).isEqualTo(204);
    assertThat(call("POST", "/v1/me/notifications/" + id + "/read", "en", supervisor).statusCode()).isEqualTo(204);

    assertThat(isRead(id)).isTrue();
    assertThat(unread(supervisor)).isEqualTo(before - 1);
    assertThat(items("?unreadOnly=true&limit=100", "en", supervisor).stream()
        .map(i -> ((JsonObject) i).getString("id"))).doesNotContain(id.toString());
  }

  @Test
  void read_all_marks_every_unread_notification_of_the_caller_only() {
    notice(DemoAccounts.PATIENT_AHMED, "appointment_booked", new JsonObject(), "2026-02-02T08:00:00Z");
    notice(DemoAccounts.PATIENT_AHMED, "appointment_cancelled", new JsonObject(), "2026-02-03T08:00:00Z");
    UUID receptions = notice(DemoAccounts.RECEPTIONIST, "appointment_cancel_requested", new JsonObject(),
        "2026-02-03T08:00:00Z");
    long unreadBefore = unread(ahmed);

    HttpResponse<Buffer> r = call("POST", "/v1/me/notifications/read-all", "en", ahmed);

    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getLong("markedRead")).isEqualTo(unreadBefore);
    assertThat(unread(ahmed)).isZero();
    assertThat(isRead(receptions)).isFalse();
  }

  @Test
  void someone_elses_notification_is_not_found_and_stays_unread() {
    UUID receptions = notice(DemoAccounts.RECEPTIONIST, "appointment_cancel_requested", new JsonObject(),
        "2026-02-04T08:00:00Z");

    HttpResponse<Buffer> r = call("POST", "/v1/me/notifications/" + receptions + "/read", "ar", ahmed);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("notification_not_found");
    assertThat(r.bodyAsJsonObject().getString("title")).isEqualTo("الإشعار غير موجود");
    assertThat(isRead(receptions)).isFalse();
  }

  @Test
  void a_bad_cursor_or_id_is_refused_and_changes_nothing() {
    UUID mine = notice(DemoAccounts.DOCTOR, "appointment_booked", new JsonObject(), "2026-02-05T08:00:00Z");
    long before = unread(doctor);

    HttpResponse<Buffer> cursor = call("GET", "/v1/me/notifications?cursor=not-a-cursor", "ar", doctor);
    HttpResponse<Buffer> id = call("POST", "/v1/me/notifications/not-a-uuid/read", "en", doctor);
    HttpResponse<Buffer> limit = call("GET", "/v1/me/notifications?limit=0", "en", doctor);

    assertThat(cursor.statusCode()).isEqualTo(400);
    assertThat(cursor.bodyAsJsonObject().getString("code")).isEqualTo("invalid_cursor");
    assertThat(cursor.bodyAsJsonObject().getString("title")).isEqualTo("مؤشر الصفحة غير صالح");
    assertThat(id.statusCode()).isEqualTo(400);
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(unread(doctor)).isEqualTo(before);
    assertThat(isRead(mine)).isFalse();
  }

  @Test
  void signing_in_is_required() {
    HttpResponse<Buffer> r = call("GET", "/v1/me/notifications/unread-count", "en", null);
    assertThat(r.statusCode()).isEqualTo(401);
  }
}
