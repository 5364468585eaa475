package io.moeen.chatbot;

import io.moeen.chatbot.channels.whatsapp.WhatsAppChat;
import io.moeen.notifications.NotificationsAddresses;
import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WhatsApp messages as the notifications webhook hands them over ({@code notifications.inbound.received}):
 * replies become urgent outbox rows with buttons or lists, and a known number books for its patient.
 */
class WhatsAppChatTest {
  static final String AISHA_PHONE = "+966550000099";
  static final UUID AISHA = UUID.fromString("00000000-0000-4000-9000-000000000099");
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("chat-whatsapp");
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static List<Row> inbound(String phone, JsonObject message) {
    String id = "wamid." + UUID.randomUUID();
    JsonObject body = message.copy().put("channel", "whatsapp").put("messageId", id).put("phone", phone).put("profileName", "Aisha")
        .put("receivedAt", java.time.Instant.now().toString());
    app.application().vertx().eventBus().<JsonObject>request(NotificationsAddresses.INBOUND_RECEIVED, body).await();
    List<Row> rows = new ArrayList<>();
    app.pool().preparedQuery("SELECT rendered_body, payload, priority, event_type, channel, locale FROM notifications "
        + "WHERE idempotency_key LIKE $1 ORDER BY idempotency_key").execute(Tuple.of("chatbot:" + id + ":%")).await()
        .forEach(rows::add);
    return rows;
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("type", "text").put("text", text);
  }

  private static JsonObject tapped(String id, String title) {
    return new JsonObject().put("type", "button").put("replyId", id).put("replyTitle", title);
  }

  private static String said(List<Row> rows) {
    StringBuilder all = new StringBuilder();
    rows.forEach(r -> all.append(r.getString("rendered_body")).append('\n'));
    return all.toString();
  }

  @Test
  @DisplayName("A patient's number on WhatsApp books in Arabic; replies are outbox rows with buttons and lists")
  void known_number_books_over_whatsapp() {
    LocalDate day = SchedulingDemo.sunday(1);
    List<Row> greeting = inbound(AISHA_PHONE, text("السلام عليكم"));
    assertThat(greeting).hasSize(2);
    assertThat(greeting.get(0).getString("priority")).isEqualTo("urgent");
    assertThat(greeting.get(0).getString("event_type")).isEqualTo("chatbot_reply");
    assertThat(greeting.get(0).getString("channel")).isEqualTo("whatsapp");
    assertThat(((JsonObject) greeting.get(1).getValue("payload")).getJsonArray("buttons")).hasSize(2);

    List<Row> menu = inbound(AISHA_PHONE, tapped("ar", "عربي"));
    JsonObject list = ((JsonObject) menu.get(0).getValue("payload")).getJsonObject("list");
    assertThat(list.getJsonArray("rows")).hasSize(8);
    assertThat(list.getString("button")).isEqualTo("الخيارات");
    assertThat(app.pool().preparedQuery("SELECT locale FROM whatsapp_contacts WHERE phone = $1")
        .execute(Tuple.of(AISHA_PHONE)).await().iterator().next().getString("locale")).isEqualTo("ar");

    inbound(AISHA_PHONE, new JsonObject().put("type", "list").put("replyId", "book").put("replyTitle", "حجز موعد"));
    // one doctor gives the general consultation: no doctor question
    inbound(AISHA_PHONE, text("كشف عام"));
    inbound(AISHA_PHONE, text(day.toString()));
    List<Row> confirm = inbound(AISHA_PHONE, new JsonObject().put("type", "list").put("replyId", "slot1")
        .put("replyTitle", "09:00"));
    assertThat(said(confirm)).contains("أأكد لك الموعد").doesNotContain("اسمك");
    List<Row> booked = inbound(AISHA_PHONE, tapped("yes", "إيه، أكّد"));
    assertThat(said(booked)).contains("تم حجز موعدك");

    Row appointment = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery("SELECT source, status FROM appointments WHERE patient_id = $1 "
            + "AND starts_at = $2").execute(Tuple.of(AISHA, SchedulingDemo.riyadh(day, "09:00")
            .atOffset(java.time.ZoneOffset.UTC))))).await().iterator().next();
    assertThat(appointment.getString("source")).isEqualTo("whatsapp");

    List<Row> mine = inbound(AISHA_PHONE, text("مواعيدي"));
    assertThat(said(mine)).contains("مواعيدك القادمة").contains("كشف عام");

    List<Row> photo = inbound(AISHA_PHONE, new JsonObject().put("type", "other"));
    assertThat(said(photo)).contains("الرسائل النصية");

    // reschedule the booked one (the only upcoming appointment of this patient) to 10:00, then cancel it
    inbound(AISHA_PHONE, new JsonObject().put("type", "list").put("replyId", "reschedule").put("replyTitle", "تغيير موعد"));
    inbound(AISHA_PHONE, tapped("yes", "إيه"));
    List<Row> pick = inbound(AISHA_PHONE, new JsonObject().put("type", "list").put("replyId", "reschedule")
        .put("replyTitle", "تغيير موعد"));
    assertThat(said(pick)).contains("أي موعد تبغى تغيّره");
    inbound(AISHA_PHONE, tapped("appointment1", "الموعد"));
    List<Row> times = inbound(AISHA_PHONE, text(day.toString()));
    assertThat(said(times)).contains("اختر الوقت الجديد");
    List<Row> moved = inbound(AISHA_PHONE, text("10:00"));
    assertThat(said(moved)).as(said(moved)).contains("موعدك صار");
    inbound(AISHA_PHONE, tapped("yes", "إيه"));
    inbound(AISHA_PHONE, new JsonObject().put("type", "list").put("replyId", "cancel").put("replyTitle", "إلغاء موعد"));
    inbound(AISHA_PHONE, tapped("appointment1", "الموعد"));
    List<Row> cancelled = inbound(AISHA_PHONE, tapped("yes", "إيه، ألغه"));
    assertThat(said(cancelled)).contains("تم إلغاء موعدك");
    // the earliest of Aisha's upcoming appointments moved to 10:00 that day; then the earliest was cancelled
    Row after = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery("SELECT count(*) FILTER (WHERE starts_at = $2) AS moved, "
            + "count(*) FILTER (WHERE status = 'cancelled' AND updated_at > now() - interval '5 minutes') AS cancelled "
            + "FROM appointments WHERE patient_id = $1").execute(Tuple.of(AISHA, SchedulingDemo.riyadh(day, "10:00")
            .atOffset(java.time.ZoneOffset.UTC))))).await().iterator().next();
    assertThat(after.getLong("moved")).isEqualTo(1);
    assertThat(after.getLong("cancelled")).isEqualTo(1);

    // a person, please: handed off, a CRM task on the contact's lead, then silence
    List<Row> human = inbound(AISHA_PHONE, text("أبغى أكلم موظف"));
    assertThat(said(human)).contains("زملائنا");
    long tasks = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.lead_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery("SELECT count(*) AS n FROM crm_activities a JOIN crm_leads l "
            + "ON l.id = a.lead_id WHERE a.type = 'task' AND l.phone = $1").execute(Tuple.of(AISHA_PHONE))))
        .await().iterator().next().getLong("n");
    assertThat(tasks).isEqualTo(1);
    assertThat(inbound(AISHA_PHONE, text("؟"))).hasSize(1);
    assertThat(inbound(AISHA_PHONE, text("؟؟"))).isEmpty();
  }
}
