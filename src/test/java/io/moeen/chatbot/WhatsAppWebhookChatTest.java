package io.moeen.chatbot;

import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way in: Meta's signed webhook deliveries in the Cloud API format reach the chatbot, a
 * known number books an appointment, a repeated delivery is answered once, a forged one not at all.
 */
class WhatsAppWebhookChatTest {
  private static final String SECRET = "chat-webhook-secret";
  private static final String AISHA_PHONE = WhatsAppChatTest.AISHA_PHONE;
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("chat_webhook", Map.of("MOEEN_WHATSAPP_APP_SECRET", SECRET));
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void signed_deliveries_book_an_appointment_and_a_repeat_is_answered_once() throws InterruptedException {
    LocalDate day = SchedulingDemo.sunday(1);
    String greeting = messageId();
    String body = delivery(greeting, new JsonObject().put("type", "text").put("text", new JsonObject().put("body", "السلام عليكم")));
    assertThat(post(body, sign(body)).statusCode()).isEqualTo(200);
    List<Row> replies = replies(greeting, 2);
    assertThat(replies).hasSize(2);
    assertThat(replies.get(0).getString("channel")).isEqualTo("whatsapp");
    // Meta delivers the same message again: acknowledged, not answered twice
    assertThat(post(body, sign(body)).statusCode()).isEqualTo(200);
    Thread.sleep(500);
    assertThat(replies(greeting, 2)).hasSize(2);

    // a forged delivery: 401, and the bot never hears of it
    String forged = messageId();
    String forgedBody = delivery(forged, new JsonObject().put("type", "text").put("text", new JsonObject().put("body", "مواعيدي")));
    assertThat(post(forgedBody, sign(forgedBody + " ")).statusCode()).isEqualTo(401);
    Thread.sleep(500);
    assertThat(replies(forged, 0)).isEmpty();

    say(button("ar", "عربي"));
    say(list("book", "حجز موعد"));
    say(text("كشف عام"));
    say(text(day.toString()));
    assertThat(said(say(list("slot1", "09:00")))).contains("أأكد لك الموعد");
    assertThat(said(say(button("yes", "إيه، أكّد")))).contains("تم حجز موعدك");

    Row appointment = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery("SELECT source FROM appointments WHERE patient_id = $1 AND starts_at = $2")
            .execute(Tuple.of(WhatsAppChatTest.AISHA, SchedulingDemo.riyadh(day, "09:00").atOffset(ZoneOffset.UTC)))))
        .await().iterator().next();
    assertThat(appointment.getString("source")).isEqualTo("whatsapp");
  }

  private static List<Row> say(JsonObject message) throws InterruptedException {
    String id = messageId();
    String body = delivery(id, message);
    assertThat(post(body, sign(body)).statusCode()).isEqualTo(200);
    return replies(id, 1);
  }

  /** The bot's outbox rows for one inbound message, waiting (up to 10 s) until at least {@code atLeast} exist. */
  private static List<Row> replies(String messageId, int atLeast) throws InterruptedException {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.clear();
      app.pool().preparedQuery("SELECT rendered_body, channel FROM notifications WHERE idempotency_key LIKE $1 "
          + "ORDER BY idempotency_key").execute(Tuple.of("chatbot:" + messageId + ":%")).await().forEach(rows::add);
      if (rows.size() >= atLeast && (atLeast > 0 || i >= 5)) {
        return rows;
      }
      Thread.sleep(100);
    }
    return rows;
  }

  private static String said(List<Row> rows) {
    StringBuilder all = new StringBuilder();
    rows.forEach(r -> all.append(r.getString("rendered_body")).append('\n'));
    return all.toString();
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("type", "text").put("text", new JsonObject().put("body", text));
  }

  private static JsonObject button(String id, String title) {
    return new JsonObject().put("type", "interactive").put("interactive", new JsonObject().put("type", "button_reply")
        .put("button_reply", new JsonObject().put("id", id).put("title", title)));
  }

  private static JsonObject list(String id, String title) {
    return new JsonObject().put("type", "interactive").put("interactive", new JsonObject().put("type", "list_reply")
        .put("list_reply", new JsonObject().put("id", id).put("title", title)));
  }

  /** One message from Aisha in Meta's webhook format. */
  private static String delivery(String messageId, JsonObject message) {
    String from = AISHA_PHONE.substring(1);
    JsonObject value = new JsonObject().put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("display_phone_number", "15550000000").put("phone_number_id", "1234567890"))
        .put("contacts", new JsonArray().add(new JsonObject().put("wa_id", from)
            .put("profile", new JsonObject().put("name", "Aisha"))))
        .put("messages", new JsonArray().add(message.copy().put("from", from).put("id", messageId)
            .put("timestamp", String.valueOf(Instant.now().getEpochSecond()))));
    return new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray().add(new JsonObject()
        .put("id", "102290129340398")
        .put("changes", new JsonArray().add(new JsonObject().put("value", value).put("field", "messages"))))).encode();
  }

  private static String messageId() {
    return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
  }

  private static String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> post(String body, String signature) {
    return app.send(app.client().post("/v1/webhooks/whatsapp").putHeader("X-Hub-Signature-256", signature),
        "ar", "application/json", body);
  }
}
