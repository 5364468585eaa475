package io.moeen.notifications.channels.whatsapp;

import io.moeen.notifications.NotificationsAddresses;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.moeen.notifications.channels.whatsapp.WhatsAppChannelTest.digits;
import static io.moeen.notifications.channels.whatsapp.WhatsAppChannelTest.phone;
import static org.assertj.core.api.Assertions.assertThat;

/** The Cloud API webhook over real HTTP: signed payloads in Meta's format, the real database and bus. */
class WhatsAppWebhookTest {
  private static final String SECRET = "test-app-secret";
  private static final String NUMBER_ID = "106540352242922";
  private static RunningApp app;
  private static final BlockingQueue<JsonObject> toChatbot = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() {
    app = RunningApp.start("whatsapp_webhook", Map.of(
        "MOEEN_WHATSAPP_APP_SECRET", SECRET,
        "MOEEN_WHATSAPP_VERIFY_TOKEN", "verify-me-please",
        "MOEEN_MAX_BODY_BYTES", "8192"));
    // the real chatbot consumes these messages too: watch every send on the address instead of
    // competing with it as a second consumer (point-to-point sends go to one consumer only)
    app.application().vertx().eventBus().addOutboundInterceptor(delivery -> {
      if (NotificationsAddresses.INBOUND_RECEIVED.equals(delivery.message().address())
          && delivery.message().body() instanceof JsonObject body) {
        toChatbot.add(body.copy());
      }
      delivery.next();
    });
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Nested
  class Verification {
    @Test
    void the_right_verify_token_gets_the_challenge_back_as_text() {
      var response = app.get("/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me-please"
          + "&hub.challenge=1158201444", "en");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
      assertThat(response.bodyAsString()).isEqualTo("1158201444");
    }

    @Test
    void a_wrong_token_or_mode_is_403_in_the_callers_language() {
      var wrongToken = app.get("/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", "ar");
      assertThat(wrongToken.statusCode()).isEqualTo(403);
      assertThat(wrongToken.bodyAsJsonObject().getString("code")).isEqualTo("webhook_verification_failed");
      assertThat(wrongToken.bodyAsJsonObject().getString("title")).isEqualTo("تعذّر التحقق من اشتراك واتساب");
      assertThat(wrongToken.bodyAsString()).doesNotContain("\"1\"");
      var wrongMode = app.get("/v1/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=verify-me-please"
          + "&hub.challenge=1", "en");
      assertThat(wrongMode.statusCode()).isEqualTo(403);
      assertThat(app.get("/v1/webhooks/whatsapp", "en").statusCode()).isEqualTo(403);
    }
  }

  @Nested
  class Messages {
    @Test
    void a_text_message_opens_the_window_and_goes_to_the_chatbot_once_however_often_delivered() throws Exception {
      String phone = phone();
      String id = messageId();
      long sentAt = Instant.now().minusSeconds(5).getEpochSecond();
      String payload = delivery(value(phone, "Sara Al-Qahtani",
          message(phone, id, sentAt, "text").put("text", new JsonObject().put("body", "أبغى موعد بكرة"))));

      HttpResponse<Buffer> first = post(payload, sign(payload));
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.bodyAsJsonObject()).isEqualTo(new JsonObject());
      assertThat(toChatbot.poll(5, TimeUnit.SECONDS)).isEqualTo(new JsonObject()
          .put("channel", "whatsapp").put("messageId", id).put("phone", phone).put("profileName", "Sara Al-Qahtani").put("type", "text")
          .put("text", "أبغى موعد بكرة").putNull("replyId").putNull("replyTitle")
          .put("receivedAt", Instant.ofEpochSecond(sentAt).toString()));
      Row contact = one("SELECT * FROM whatsapp_contacts WHERE phone = $1", phone);
      assertThat(contact.getString("profile_name")).isEqualTo("Sara Al-Qahtani");
      assertThat(contact.getOffsetDateTime("last_inbound_at").toInstant()).isEqualTo(Instant.ofEpochSecond(sentAt));

      // Meta delivers the same message again: acknowledged, not handed on twice
      assertThat(post(payload, sign(payload)).statusCode()).isEqualTo(200);
      String next = messageId();
      String later = delivery(value(phone, "Sara Al-Qahtani",
          message(phone, next, sentAt + 1, "text").put("text", new JsonObject().put("body", "شكرا"))));
      assertThat(post(later, sign(later)).statusCode()).isEqualTo(200);
      // the bus keeps a sender's order: the next message the chatbot sees is the new one, not the repeat
      assertThat(toChatbot.poll(5, TimeUnit.SECONDS).getString("messageId")).isEqualTo(next);
      assertThat(count("SELECT count(*) FROM whatsapp_inbound_messages WHERE phone = $1", phone)).isEqualTo(2);
    }

    @Test
    void button_and_list_replies_carry_their_ids_and_media_is_other() throws Exception {
      String phone = phone();
      long now = Instant.now().getEpochSecond();
      String payload = delivery(value(phone, "Omar",
          message(phone, messageId(), now, "interactive").put("interactive", new JsonObject().put("type", "button_reply")
              .put("button_reply", new JsonObject().put("id", "book").put("title", "Book"))),
          message(phone, messageId(), now, "interactive").put("interactive", new JsonObject().put("type", "list_reply")
              .put("list_reply", new JsonObject().put("id", "svc-2").put("title", "General check-up")
                  .put("description", "30 min"))),
          message(phone, messageId(), now, "button").put("button", new JsonObject().put("payload", "CONFIRM")
              .put("text", "Confirm")),
          message(phone, messageId(), now, "image").put("image", new JsonObject().put("id", "img-1")
              .put("mime_type", "image/jpeg"))));
      assertThat(post(payload, sign(payload)).statusCode()).isEqualTo(200);
      JsonObject button = toChatbot.poll(5, TimeUnit.SECONDS);
      JsonObject list = toChatbot.poll(5, TimeUnit.SECONDS);
      JsonObject template = toChatbot.poll(5, TimeUnit.SECONDS);
      JsonObject image = toChatbot.poll(5, TimeUnit.SECONDS);
      assertThat(fields(button, "type", "replyId", "replyTitle")).containsExactly("button", "book", "Book");
      assertThat(fields(list, "type", "replyId", "replyTitle")).containsExactly("list", "svc-2", "General check-up");
      assertThat(fields(template, "type", "replyId", "text")).containsExactly("button", "CONFIRM", "Confirm");
      assertThat(fields(image, "type", "text")).containsExactly("other", null);
    }

    private java.util.List<String> fields(JsonObject json, String... names) {
      java.util.List<String> values = new java.util.ArrayList<>();
      for (String name : names) {
        values.add(json.getString(name));
      }
      return values;
    }
  }

  @Nested
  class Refusals {
    @Test
    void a_bad_or_missing_signature_is_401_and_nothing_is_stored() {
      String phone = phone();
      String payload = delivery(value(phone, "Mallory",
          message(phone, messageId(), Instant.now().getEpochSecond(), "text").put("text", new JsonObject().put("body", "hi"))));
      HttpResponse<Buffer> forged = post(payload, "sha256=" + "0".repeat(64));
      assertThat(forged.statusCode()).isEqualTo(401);
      assertThat(forged.bodyAsJsonObject().getString("code")).isEqualTo("invalid_signature");
      // signed with the right secret, then changed by one byte
      assertThat(post(payload.replace("hi", "ho"), sign(payload)).statusCode()).isEqualTo(401);
      assertThat(post(payload, null).statusCode()).isEqualTo(401);
      assertThat(post(payload, "sha256=not-hex").statusCode()).isEqualTo(401);
      assertThat(count("SELECT count(*) FROM whatsapp_inbound_messages WHERE phone = $1", phone)).isZero();
      assertThat(count("SELECT count(*) FROM whatsapp_contacts WHERE phone = $1", phone)).isZero();
    }

    @Test
    void malformed_json_with_a_valid_signature_is_400_and_nothing_is_stored() {
      String phone = phone();
      String payload = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":"
          + "[{\"from\":\"" + digits(phone) + "\",\"id\":\"" + messageId() + "\",\"type\":\"text\"";
      HttpResponse<Buffer> response = post(payload, sign(payload));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("malformed_json");
      assertThat(count("SELECT count(*) FROM whatsapp_inbound_messages WHERE phone = $1", phone)).isZero();
    }

    @Test
    void a_body_over_the_limit_is_413() {
      String payload = delivery(value(phone(), "x".repeat(9000)));
      assertThat(post(payload, sign(payload)).statusCode()).isEqualTo(413);
    }
  }

  @Nested
  class OptOut {
    @Test
    void stop_records_the_opt_out_stops_waiting_marketing_and_confirms_in_english() throws Exception {
      String phone = phone();
      String marketing = outbox(phone, "marketing", "pending");
      String reminder = outbox(phone, "normal", "pending");
      String id = messageId();
      String payload = delivery(value(phone, "Lina",
          message(phone, id, Instant.now().getEpochSecond(), "text").put("text", new JsonObject().put("body", " Stop! "))));
      assertThat(post(payload, sign(payload)).statusCode()).isEqualTo(200);

      Row consent = one("SELECT * FROM consent_events WHERE phone = $1", phone);
      assertThat(consent.getString("action")).isEqualTo("opt_out");
      assertThat(consent.getString("channel")).isEqualTo("whatsapp");
      assertThat(consent.getString("source")).isEqualTo("whatsapp");
      Row stopped = one("SELECT * FROM notifications WHERE idempotency_key = $1", marketing);
      assertThat(stopped.getString("status")).isEqualTo("failed");
      assertThat(stopped.getString("last_error")).isEqualTo("opted_out");
      assertThat(one("SELECT status FROM notifications WHERE idempotency_key = $1", reminder).getString("status"))
          .isEqualTo("pending");
      Row confirmation = one("SELECT * FROM notifications WHERE idempotency_key = $1", "whatsapp:opt_out:" + id);
      assertThat(confirmation.getString("recipient_phone")).isEqualTo(phone);
      assertThat(confirmation.getString("channel")).isEqualTo("whatsapp");
      assertThat(confirmation.getString("priority")).isEqualTo("urgent");
      assertThat(confirmation.getString("locale")).isEqualTo("en");
      assertThat(confirmation.getString("rendered_body")).startsWith("You will no longer receive offers");
      assertThat(count("SELECT count(*) FROM whatsapp_contacts WHERE phone = $1", phone)).isEqualTo(1);
      assertChatbotGotNothingFor(phone);
    }

    @Test
    void arabic_stop_with_hamza_and_diacritics_opts_out_and_confirms_in_arabic() throws Exception {
      for (String word : new String[] {"إيقاف", "إِيقَاف", "إلغاء الاشتراك"}) {
        String phone = phone();
        String marketing = outbox(phone, "marketing", "pending");
        String id = messageId();
        String payload = delivery(value(phone, "نورة",
            message(phone, id, Instant.now().getEpochSecond(), "text").put("text", new JsonObject().put("body", word))));
        assertThat(post(payload, sign(payload)).statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM consent_events WHERE phone = $1 AND action = 'opt_out'", phone))
            .as(word).isEqualTo(1);
        assertThat(one("SELECT status FROM notifications WHERE idempotency_key = $1", marketing).getString("status"))
            .as(word).isEqualTo("failed");
        Row confirmation = one("SELECT * FROM notifications WHERE idempotency_key = $1", "whatsapp:opt_out:" + id);
        assertThat(confirmation.getString("locale")).isEqualTo("ar");
        assertThat(confirmation.getString("rendered_body")).startsWith("لن تصلك منا");
        assertChatbotGotNothingFor(phone);
      }
    }

    /** A plain message after the opt-out is the next thing the chatbot sees (the bus keeps order). */
    private void assertChatbotGotNothingFor(String phone) throws InterruptedException {
      String marker = messageId();
      String payload = delivery(value(phone, null,
          message(phone, marker, Instant.now().getEpochSecond(), "text").put("text", new JsonObject().put("body", "hello"))));
      assertThat(post(payload, sign(payload)).statusCode()).isEqualTo(200);
      assertThat(toChatbot.poll(5, TimeUnit.SECONDS).getString("messageId")).isEqualTo(marker);
    }
  }

  @Nested
  class Statuses {
    @Test
    void statuses_move_the_row_forward_only() {
      String key = outbox(phone(), "normal", "sent");
      String wamid = "wamid.STATUS" + UUID.randomUUID();
      app.pool().preparedQuery("UPDATE notifications SET provider_message_id = $2 WHERE idempotency_key = $1")
          .execute(Tuple.of(key, wamid)).await();
      assertThat(statusAfter(key, wamid, "delivered")).isEqualTo("delivered");
      assertThat(statusAfter(key, wamid, "sent")).isEqualTo("delivered");
      assertThat(statusAfter(key, wamid, "read")).isEqualTo("read");
      assertThat(statusAfter(key, wamid, "delivered")).isEqualTo("read");
      assertThat(statusAfter(key, wamid, "failed")).isEqualTo("read");
    }

    @Test
    void a_failed_status_fails_the_row_with_the_providers_reason() {
      String key = outbox(phone(), "normal", "sent");
      String wamid = "wamid.FAILED" + UUID.randomUUID();
      app.pool().preparedQuery("UPDATE notifications SET provider_message_id = $2 WHERE idempotency_key = $1")
          .execute(Tuple.of(key, wamid)).await();
      String payload = statusDelivery(wamid, "failed").encode();
      assertThat(post(payload, sign(payload)).statusCode()).isEqualTo(200);
      Row row = one("SELECT * FROM notifications WHERE idempotency_key = $1", key);
      assertThat(row.getString("status")).isEqualTo("failed");
      assertThat(row.getString("last_error")).contains("131047", "Re-engagement message");
    }

    private String statusAfter(String key, String wamid, String status) {
      String payload = statusDelivery(wamid, status).encode();
      assertThat(post(payload, sign(payload)).statusCode()).isEqualTo(200);
      return one("SELECT status FROM notifications WHERE idempotency_key = $1", key).getString("status");
    }

    private JsonObject statusDelivery(String wamid, String status) {
      JsonObject change = new JsonObject().put("id", wamid).put("status", status)
          .put("timestamp", String.valueOf(Instant.now().getEpochSecond())).put("recipient_id", "966500000001");
      if ("failed".equals(status)) {
        change.put("errors", new JsonArray().add(new JsonObject().put("code", 131047).put("title", "Re-engagement message")
            .put("message", "Re-engagement message")
            .put("error_data", new JsonObject().put("details", "Message failed to send because more than 24 hours have passed"))));
      }
      return new JsonObject(delivery(new JsonObject().put("messaging_product", "whatsapp")
          .put("metadata", new JsonObject().put("display_phone_number", "15550000000").put("phone_number_id", NUMBER_ID))
          .put("statuses", new JsonArray().add(change))));
    }
  }

  // ── Meta's webhook format ──

  static String delivery(JsonObject value) {
    return new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray().add(new JsonObject()
        .put("id", "102290129340398")
        .put("changes", new JsonArray().add(new JsonObject().put("value", value).put("field", "messages"))))).encode();
  }

  static JsonObject value(String phone, String profileName, JsonObject... messages) {
    JsonObject value = new JsonObject().put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("display_phone_number", "15550000000").put("phone_number_id", NUMBER_ID));
    JsonObject contact = new JsonObject().put("wa_id", digits(phone));
    if (profileName != null) {
      contact.put("profile", new JsonObject().put("name", profileName));
    }
    return value.put("contacts", new JsonArray().add(contact)).put("messages", new JsonArray(java.util.List.of((Object[]) messages)));
  }

  static JsonObject message(String phone, String id, long epochSeconds, String type) {
    return new JsonObject().put("from", digits(phone)).put("id", id).put("timestamp", String.valueOf(epochSeconds))
        .put("type", type);
  }

  static String messageId() {
    return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
  }

  static String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<Buffer> post(String body, String signature) {
    var request = app.client().post("/v1/webhooks/whatsapp");
    if (signature != null) {
      request.putHeader("X-Hub-Signature-256", signature);
    }
    return app.send(request, "en", "application/json", body);
  }

  private static String outbox(String phone, String priority, String status) {
    String key = "wa-hook-" + UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (recipient_phone, channel, event_type, locale, payload, priority, status, idempotency_key)
        VALUES ($1, 'whatsapp', 'appointment_booked', 'ar', '{}'::jsonb, $2, $3, $4)""")
        .execute(Tuple.of(phone, priority, status, key)).await();
    return key;
  }

  private static Row one(String sql, Object arg) {
    RowSet<Row> rows = app.pool().preparedQuery(sql).execute(Tuple.of(arg)).await();
    assertThat(rows.size()).as(sql).isEqualTo(1);
    return rows.iterator().next();
  }

  private static long count(String sql, Object arg) {
    return one(sql, arg).getLong(0);
  }
}
