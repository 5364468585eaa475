package io.moeen.notifications.admin;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxAdminTest {
  private static RunningApp app;
  private static String admin;
  private static String supervisor;
  private static UUID dead;
  private static UUID sent;
  private static UUID reset;

  @BeforeAll
  static void start() {
    app = RunningApp.start("outbox_admin");
    admin = app.loginAs(DemoAccounts.ADMIN);
    supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
    dead = insert("sms", "appointment_booked", "dead", "+966511111111", "2030-01-02T10:00:00Z", "provider said 503");
    sent = insert("sms", "appointment_reminder", "sent", "+966511111111", "2030-01-03T10:00:00Z", null);
    reset = insert("sms", "password_reset", "failed", "+966522222222", "2030-01-04T10:00:00Z", "invalid number");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void the_outbox_lists_newest_first_filtered_by_recipient_phone_with_cursor_pages() {
    JsonObject first = get("/v1/admin/notifications?recipientPhone=%2B966511111111&limit=1", admin).bodyAsJsonObject();
    assertThat(ids(first)).containsExactly(sent.toString());
    JsonObject second = get("/v1/admin/notifications?recipientPhone=%2B966511111111&limit=1&cursor="
        + first.getString("nextCursor"), admin).bodyAsJsonObject();
    assertThat(ids(second)).containsExactly(dead.toString());
    assertThat(second.getString("nextCursor")).isNull();
  }

  @Test
  void filters_combine_status_channel_event_type_and_created_range() {
    assertThat(ids(get("/v1/admin/notifications?status=dead&channel=sms&eventType=appointment_booked", admin)
        .bodyAsJsonObject())).containsExactly(dead.toString());
    assertThat(ids(get("/v1/admin/notifications?createdFrom=2030-01-03T00:00:00Z&createdTo=2030-01-04T00:00:00Z",
        admin).bodyAsJsonObject())).containsExactly(sent.toString());
    var backwards = get("/v1/admin/notifications?createdFrom=2030-01-04T00:00:00Z&createdTo=2030-01-03T00:00:00Z", "ar", admin);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.bodyAsJsonObject().getString("code")).isEqualTo("invalid_range");
    assertThat(get("/v1/admin/notifications?status=lost", admin).statusCode()).isEqualTo(400);
    assertThat(get("/v1/admin/notifications?cursor=garbage", admin).bodyAsJsonObject().getString("code"))
        .isEqualTo("invalid_cursor");
  }

  @Test
  void only_the_content_permission_shows_bodies_and_a_reset_code_is_never_shown() {
    JsonObject byAdmin = get("/v1/admin/notifications/" + dead, admin).bodyAsJsonObject();
    assertThat(byAdmin.getString("body")).isEqualTo("rendered text of " + dead);
    assertThat(byAdmin.getValue("contentHidden")).isNull();
    JsonObject bySupervisor = get("/v1/admin/notifications/" + dead, supervisor).bodyAsJsonObject();
    assertThat(bySupervisor.getString("contentHidden")).isEqualTo("permission");
    assertThat(bySupervisor.getValue("body")).isNull();
    assertThat(bySupervisor.getValue("payload")).isNull();
    assertThat(bySupervisor.getString("lastError")).isEqualTo("provider said 503");
    JsonObject secret = get("/v1/admin/notifications/" + reset, admin).bodyAsJsonObject();
    assertThat(secret.getString("contentHidden")).isEqualTo("secret");
    assertThat(secret.encode()).doesNotContain("483920");
  }

  @Nested
  class Retry {
    @Test
    void a_dead_notification_goes_back_to_pending_with_attempts_reset_and_its_history_kept() {
      UUID dead = insert("sms", "appointment_cancelled", "dead", "+966533333333", "2030-01-05T10:00:00Z",
          "provider said 503");
      HttpResponse<Buffer> answer = post("/v1/admin/notifications/" + dead + "/retry", "en", admin,
          new JsonObject().put("reason", "provider is back"));
      assertThat(answer.statusCode()).isEqualTo(200);
      JsonObject row = answer.bodyAsJsonObject();
      assertThat(row.getString("status")).isEqualTo("pending");
      assertThat(row.getInteger("attempts")).isZero();
      assertThat(row.getValue("lastError")).isNull();
      assertThat(row.getInteger("retries")).isEqualTo(1);
      JsonObject history = row.getJsonArray("retryHistory").getJsonObject(0);
      assertThat(history.getString("previousStatus")).isEqualTo("dead");
      assertThat(history.getInteger("previousAttempts")).isEqualTo(8);
      assertThat(history.getString("previousError")).isEqualTo("provider said 503");
      assertThat(history.getString("reason")).isEqualTo("provider is back");
      assertThat(history.getString("retriedBy")).isEqualTo(DemoAccounts.ADMIN_ID.toString());
      assertThat(app.pool().preparedQuery("SELECT next_attempt_at <= now() AS due FROM notifications WHERE id = $1")
          .execute(Tuple.of(dead)).await().iterator().next().getBoolean("due")).isTrue();
    }

    @Test
    void anything_not_failed_or_dead_is_409_in_the_callers_language_and_unchanged() {
      HttpResponse<Buffer> ar = post("/v1/admin/notifications/" + sent + "/retry", "ar", admin, null);
      assertThat(ar.statusCode()).isEqualTo(409);
      assertThat(ar.bodyAsJsonObject().getString("code")).isEqualTo("notification_not_retryable");
      assertThat(ar.bodyAsJsonObject().getString("detail")).contains("أُرسل من قبل");
      HttpResponse<Buffer> en = post("/v1/admin/notifications/" + sent + "/retry", "en", supervisor, null);
      assertThat(en.bodyAsJsonObject().getString("detail")).contains("already sent");
      assertThat(get("/v1/admin/notifications/" + sent, admin).bodyAsJsonObject().getString("status")).isEqualTo("sent");
    }

    @Test
    void an_unknown_id_is_404_and_a_bad_body_400() {
      HttpResponse<Buffer> missing = post("/v1/admin/notifications/" + UUID.randomUUID() + "/retry", "en", admin, null);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.bodyAsJsonObject().getString("code")).isEqualTo("outbox_notification_not_found");
      assertThat(post("/v1/admin/notifications/" + reset + "/retry", "en", admin, new JsonObject().put("reason", 5))
          .statusCode()).isEqualTo(400);
      assertThat(get("/v1/admin/notifications/" + reset, admin).bodyAsJsonObject().getString("status")).isEqualTo("failed");
    }
  }

  @Nested
  class Templates {
    @Test
    void the_list_holds_every_seeded_channel_and_language_of_an_event() {
      JsonArray items = get("/v1/admin/notification-templates?eventType=appointment_booked", admin).bodyAsJsonObject()
          .getJsonArray("items");
      // four channels × two languages in force (version 3 since changeset 040, after 028's intake-link version),
      // the earlier wordings kept inactive
      assertThat(items.stream().map(JsonObject.class::cast).filter(t -> t.getBoolean("isActive")))
          .hasSize(8).allSatisfy(t -> assertThat(t.getInteger("version")).isEqualTo(3));
      assertThat(items).hasSize(24);
      assertThat(get("/v1/admin/notification-templates?channel=whatsapp&locale=ar", admin).bodyAsJsonObject()
          .getJsonArray("items")).isNotEmpty()
          .allSatisfy(t -> assertThat(((JsonObject) t).getString("whatsappTemplateName")).startsWith("moeen_"));
    }

    @Test
    void a_preview_renders_a_built_in_sample_in_arabic_with_the_hijri_date() {
      JsonObject preview = post("/v1/admin/notification-templates/preview", "en", supervisor, new JsonObject()
          .put("eventType", "appointment_reminder").put("channel", "in_app").put("locale", "ar")).bodyAsJsonObject();
      assertThat(preview.getString("locale")).isEqualTo("ar");
      assertThat(preview.getString("title")).isEqualTo("تذكير بموعدك");
      assertThat(preview.getString("body")).startsWith("تذكير: موعدك غدًا").contains("هـ");
      assertThat(preview.getBoolean("sample")).isTrue();
    }

    @Test
    void a_preview_writes_the_digits_the_clinic_chose_latin_by_default_arabic_indic_when_set() {
      JsonObject request = new JsonObject().put("eventType", "appointment_reminder").put("channel", "in_app")
          .put("locale", "ar");
      assertThat(post("/v1/admin/notification-templates/preview", "en", supervisor, request).bodyAsJsonObject()
          .getString("body")).containsPattern("[0-9]").doesNotContainPattern("[\u0660-\u0669]");
      app.asOwner("UPDATE system_settings SET value = '\"arabic\"' WHERE key = 'clinic.digits'");
      try {
        assertThat(post("/v1/admin/notification-templates/preview", "en", supervisor, request).bodyAsJsonObject()
            .getString("body")).containsPattern("[\u0660-\u0669]").doesNotContainPattern("[0-9]");
      } finally {
        app.asOwner("UPDATE system_settings SET value = '\"latin\"' WHERE key = 'clinic.digits'");
      }
    }

    @Test
    void a_preview_uses_the_given_payload_in_english() {
      JsonObject preview = post("/v1/admin/notification-templates/preview", "en", admin, new JsonObject()
          .put("eventType", "lead_assigned").put("channel", "sms").put("locale", "en")
          .put("payload", new JsonObject().put("leadName", "Huda").put("leadPhone", "+966500000009"))).bodyAsJsonObject();
      assertThat(preview.getString("body")).isEqualTo("A new lead was assigned to you: Huda, phone +966500000009.");
      assertThat(preview.getValue("title")).isNull();
      assertThat(preview.getBoolean("sample")).isFalse();
    }

    @Test
    void an_event_without_templates_is_404_localized() {
      HttpResponse<Buffer> answer = post("/v1/admin/notification-templates/preview", "ar", admin, new JsonObject()
          .put("eventType", "no_such_event").put("channel", "sms").put("locale", "en"));
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo("notification_template_not_found");
      assertThat(answer.bodyAsJsonObject().getString("detail")).contains("no_such_event").contains("قالب");
      assertThat(post("/v1/admin/notification-templates/preview", "en", admin, new JsonObject()
          .put("eventType", "appointment_booked").put("channel", "fax").put("locale", "en")).statusCode()).isEqualTo(400);
    }
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")).toList();
  }

  private static HttpResponse<Buffer> get(String path, String token) {
    return get(path, "en", token);
  }

  private static HttpResponse<Buffer> get(String path, String lang, String token) {
    return app.get(path, lang, token);
  }

  private static HttpResponse<Buffer> post(String path, String lang, String token, JsonObject body) {
    return app.send(app.client().post(path).putHeader("Authorization", "Bearer " + token), lang,
        body == null ? null : "application/json", body == null ? null : body.encode());
  }

  private static UUID insert(String channel, String eventType, String status, String phone, String createdAt,
                             String error) {
    UUID id = UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (id, recipient_phone, channel, event_type, locale, payload, status, attempts,
                                   last_error, rendered_body, created_at, idempotency_key)
        VALUES ($1, $2, $3, $4, 'ar', '{"token": "483920"}', $5, 8, $6, $7, $8::text::timestamptz, $9)""")
        .execute(Tuple.of(id, phone, channel, eventType, status, error,
            "password_reset".equals(eventType) ? "code 483920" : "rendered text of " + id, createdAt, "admin-" + id))
        .await();
    return id;
  }
}
