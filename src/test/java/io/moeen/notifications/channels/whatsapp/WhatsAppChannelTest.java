package io.moeen.notifications.channels.whatsapp;

import io.moeen.common.config.AppConfig;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.dispatch.DispatchVerticle;
import io.moeen.notifications.dispatch.OutboxDispatcher;
import io.moeen.notifications.dispatch.RetryPolicy;
import io.moeen.testing.RunningApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The WhatsApp channel against a real loopback Cloud API and the real outbox. */
class WhatsAppChannelTest {
  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  // tomorrow at noon in Riyadh: outside quiet hours, and every freshly inserted row is already due
  private static final Instant NOON = ZonedDateTime.now(RIYADH).plusDays(1).withHour(12).withMinute(0)
      .withSecond(0).withNano(0).toInstant();
  private static final String BOOKED = new JsonObject().put("startsAt", "2026-12-01T09:00:00Z")
      .put("serviceAr", "كشف عام").put("serviceEn", "General consultation").put("doctorAr", "خالد العتيبي")
      .put("doctorEn", "Khalid Al-Otaibi").put("branchAr", "فرع العليا — طريق الملك فهد")
      .put("branchEn", "Olaya branch — King Fahd Road").put("price", 150).put("currency", "SAR").encode();
  private static RunningApp app;
  private static Vertx vertx;
  private static FakeCloudApi cloud;
  private static WebClient client;

  @BeforeAll
  static void start() {
    app = RunningApp.start("whatsapp_channel", Map.of("MOEEN_DISPATCH_INTERVAL_MS", "0"));
    vertx = app.application().vertx();
    cloud = new FakeCloudApi(vertx);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    client.close();
    cloud.close();
    app.close();
  }

  @Test
  void inside_the_window_the_rendered_text_goes_as_free_text_and_the_message_id_is_kept() {
    String phone = phone();
    wroteAt(phone, NOON.minus(Duration.ofHours(23)));
    String key = insert(phone, "appointment_booked", "en", BOOKED, null, "normal");
    dispatcher().drain().await();
    Row row = row(key);
    assertThat(row.getString("status")).isEqualTo("sent");
    assertThat(row.getString("provider_message_id")).startsWith("wamid.TEST");
    assertThat(cloud.requestsTo(digits(phone))).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/v21.0/106540352242922/messages");
      assertThat(r.authorization()).isEqualTo("Bearer wa-token");
      assertThat(r.body()).isEqualTo(new JsonObject()
          .put("messaging_product", "whatsapp").put("recipient_type", "individual").put("to", digits(phone))
          .put("type", "text").put("text", new JsonObject().put("preview_url", false)
              .put("body", row.getString("rendered_body"))));
      assertThat(row.getString("rendered_body")).startsWith("Your appointment is booked for");
    });
  }

  @Test
  void a_row_that_arrives_in_words_is_sent_as_written_even_when_its_event_has_a_template() {
    String phone = phone();
    wroteAt(phone, NOON.minus(Duration.ofMinutes(5)));
    String key = insert(phone, "appointment_booked", "en", BOOKED, "Booked by the receptionist: see you Tuesday.",
        "urgent");
    dispatcher().drain().await();
    assertThat(row(key).getString("rendered_body")).isEqualTo("Booked by the receptionist: see you Tuesday.");
    assertThat(cloud.requestsTo(digits(phone))).singleElement().satisfies(r ->
        assertThat(r.body().getJsonObject("text").getString("body")).isEqualTo("Booked by the receptionist: see you Tuesday."));
  }

  @Test
  void outside_the_window_the_approved_template_goes_with_its_parameters_in_english() {
    String phone = phone();
    wroteAt(phone, NOON.minus(Duration.ofHours(25)));
    String key = insert(phone, "appointment_rescheduled", "en",
        "{\"previousStartsAt\": \"2026-12-01T09:00:00Z\", \"startsAt\": \"2026-12-03T13:30:00Z\"}", null, "normal");
    dispatcher().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
    assertThat(cloud.requestsTo(digits(phone))).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo(
        new JsonObject().put("messaging_product", "whatsapp").put("recipient_type", "individual")
            .put("to", digits(phone)).put("type", "template")
            .put("template", new JsonObject().put("name", "moeen_appointment_rescheduled")
                .put("language", new JsonObject().put("code", "en"))
                .put("components", new JsonArray().add(new JsonObject().put("type", "body")
                    .put("parameters", new JsonArray()
                        .add(new JsonObject().put("type", "text").put("text", "Tuesday, December 1, 2026 at 12:00\u202fPM"))
                        .add(new JsonObject().put("type", "text").put("text", "Thursday, December 3, 2026 at 4:30\u202fPM"))))))));
  }

  @Test
  void a_contact_who_never_wrote_gets_the_arabic_template_with_hijri_dates() {
    String phone = phone();
    String key = insert(phone, "appointment_booked", "ar", BOOKED, null, "normal");
    dispatcher().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
    JsonObject template = cloud.requestsTo(digits(phone)).get(0).body().getJsonObject("template");
    // the confirmation of changeset 040: a new approved template with the chat confirmation's details
    assertThat(template.getString("name")).isEqualTo("moeen_appointment_booked_v2");
    assertThat(template.getJsonObject("language").getString("code")).isEqualTo("ar");
    JsonArray parameters = new JsonArray();
    for (String text : new String[] {"كشف عام", "خالد العتيبي", "الثلاثاء، 1 ديسمبر 2026 في 12:00 م (21 جمادى الآخرة 1448 هـ)",
        "فرع العليا — طريق الملك فهد", "150", "\u2068SAR\u2069"}) {
      parameters.add(new JsonObject().put("type", "text").put("text", text));
    }
    assertThat(template.getJsonArray("components")).isEqualTo(new JsonArray().add(new JsonObject().put("type", "body")
        .put("parameters", parameters)));
  }

  @Test
  void a_free_form_reply_outside_the_window_fails_at_once_and_nothing_is_sent() {
    String phone = phone();
    wroteAt(phone, NOON.minus(Duration.ofDays(3)));
    String key = insert(phone, "chatbot_reply", "ar", "{}", "أهلًا بك", "urgent");
    dispatcher().drain().await();
    Row row = row(key);
    assertThat(row.getString("status")).isEqualTo("failed");
    assertThat(row.getString("last_error")).contains("24-hour", "no approved template for chatbot_reply");
    assertThat(row.getString("rendered_body")).isEqualTo("أهلًا بك");
    assertThat(cloud.requestsTo(digits(phone))).isEmpty();
  }

  @Test
  void a_pre_rendered_reply_with_buttons_goes_as_reply_buttons_cut_to_whatsapp_limits() {
    String phone = phone();
    wroteAt(phone, NOON.minus(Duration.ofMinutes(1)));
    String key = insert(phone, "chatbot_reply", "en", """
        {"buttons": [{"id": "book", "title": "Book an appointment now"}, {"id": "mine", "title": "My appointments"},
                     {"id": "human", "title": "Talk to a person"}, {"id": "extra", "title": "Fourth"}]}""",
        "How can I help?", "urgent");
    dispatcher().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
    JsonObject body = cloud.requestsTo(digits(phone)).get(0).body();
    assertThat(body.getString("type")).isEqualTo("interactive");
    assertThat(body.getJsonObject("interactive")).isEqualTo(new JsonObject()
        .put("type", "button")
        .put("action", new JsonObject().put("buttons", new JsonArray()
            .add(reply("book", "Book an appointment…"))
            .add(reply("mine", "My appointments"))
            .add(reply("human", "Talk to a person"))))
        .put("body", new JsonObject().put("text", "How can I help?")));
  }

  @Test
  void a_pre_rendered_reply_with_a_list_goes_as_an_interactive_list() {
    String phone = phone();
    wroteAt(phone, NOON.minus(Duration.ofHours(2)));
    String key = insert(phone, "chatbot_reply", "ar", """
        {"list": {"button": "الخدمات", "rows": [
          {"id": "svc-1", "title": "تنظيف الأسنان وتلميعها بالكامل", "description": "٣٠ دقيقة"},
          {"id": "svc-2", "title": "كشف عام"}]}}""", "اختر الخدمة:", "urgent");
    dispatcher().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
    JsonObject interactive = cloud.requestsTo(digits(phone)).get(0).body().getJsonObject("interactive");
    assertThat(interactive).isEqualTo(new JsonObject()
        .put("type", "list")
        .put("action", new JsonObject().put("button", "الخدمات").put("sections", new JsonArray().add(
            new JsonObject().put("rows", new JsonArray()
                .add(new JsonObject().put("id", "svc-1").put("title", "تنظيف الأسنان وتلميعها…")
                    .put("description", "٣٠ دقيقة"))
                .add(new JsonObject().put("id", "svc-2").put("title", "كشف عام"))))))
        .put("body", new JsonObject().put("text", "اختر الخدمة:")));
  }

  @Test
  void server_error_is_retried_and_delivered_once() {
    String phone = phone();
    wroteAt(phone, NOON.minus(Duration.ofHours(1)));
    cloud.answer(digits(phone), new FakeCloudApi.Answer(500, 1, "An unknown error occurred"));
    String key = insert(phone, "chatbot_reply", "en", "{}", "Hello", "urgent");
    dispatcher().drain().await();
    Row first = row(key);
    assertThat(first.getString("status")).isEqualTo("pending");
    assertThat(first.getString("last_error")).contains("500", "An unknown error occurred");
    makeDue(key);
    dispatcher().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
    assertThat(row(key).getInteger("attempts")).isEqualTo(2);
    assertThat(cloud.requestsTo(digits(phone))).hasSize(2);
  }

  @Test
  void a_rejected_number_fails_at_once_with_the_providers_reason() {
    String phone = phone();
    wroteAt(phone, NOON.minus(Duration.ofHours(1)));
    cloud.answer(digits(phone), new FakeCloudApi.Answer(400, 131026, "Message undeliverable"));
    String key = insert(phone, "chatbot_reply", "en", "{}", "Hello", "urgent");
    dispatcher().drain().await();
    makeDue(key);
    dispatcher().drain().await();
    Row row = row(key);
    assertThat(row.getString("status")).isEqualTo("failed");
    assertThat(row.getString("last_error")).contains("400", "131026", "Message undeliverable");
    assertThat(cloud.requestsTo(digits(phone))).hasSize(1);
  }

  @Test
  void a_throttled_answer_in_a_400_is_retried() {
    String phone = phone();
    cloud.answer(digits(phone), new FakeCloudApi.Answer(400, 131056, "Pair rate limit hit"));
    String key = insert(phone, "appointment_booked", "en", BOOKED, null, "urgent");
    dispatcher().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("pending");
    assertThat(row(key).getString("last_error")).contains("131056");
  }

  @Test
  void timeout_is_retried() {
    String phone = phone();
    cloud.answer(digits(phone), FakeCloudApi.SLOW);
    String key = insert(phone, "appointment_booked", "en", BOOKED, null, "normal");
    dispatcher().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("pending");
    assertThat(row(key).getString("last_error")).contains("whatsapp unreachable");
    makeDue(key);
    dispatcher().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
  }

  @Test
  void whatsapp_rows_wait_untouched_without_url_number_and_token() {
    String phone = phone();
    String key = insert(phone, "chatbot_reply", "en", "{}", "Hello", "urgent");
    DispatchVerticle.create(vertx, app.pool(), client, new AppConfig.Sms(Optional.empty(), Optional.empty(), "{}"),
        AppConfig.WhatsApp.none(), AppConfig.Smtp.none(), SupportedLocale.AR, RIYADH, Clock.fixed(NOON, ZoneOffset.UTC),
        Duration.ofMillis(500), DispatchVerticle.defaultSettings(RIYADH)).await().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("pending");
    assertThat(row(key).getInteger("attempts")).isZero();
  }

  private static JsonObject reply(String id, String title) {
    return new JsonObject().put("type", "reply").put("reply", new JsonObject().put("id", id).put("title", title));
  }

  static OutboxDispatcher dispatcher() {
    AppConfig.WhatsApp whatsapp = new AppConfig.WhatsApp(Optional.of(cloud.baseUrl()), Optional.of("106540352242922"),
        Optional.of("wa-token"), Optional.empty(), Optional.empty());
    OutboxDispatcher.Settings settings = new OutboxDispatcher.Settings(5, Duration.ofMinutes(2),
        new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 8), RIYADH);
    return DispatchVerticle.create(vertx, app.pool(), client, new AppConfig.Sms(Optional.empty(), Optional.empty(), "{}"),
        whatsapp, AppConfig.Smtp.none(), SupportedLocale.AR, RIYADH, Clock.fixed(NOON, ZoneOffset.UTC), Duration.ofMillis(500), settings).await();
  }

  static String phone() {
    return "+9665" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  static String digits(String phone) {
    return phone.substring(1);
  }

  private static void wroteAt(String phone, Instant at) {
    app.pool().preparedQuery("INSERT INTO whatsapp_contacts (phone, last_inbound_at) VALUES ($1, $2)")
        .execute(Tuple.of(phone, at.atOffset(ZoneOffset.UTC))).await();
  }

  private static String insert(String phone, String eventType, String locale, String payload, String renderedBody,
                               String priority) {
    String key = "wa-test-" + UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (recipient_phone, channel, event_type, locale, payload, rendered_body, priority,
                                   idempotency_key)
        VALUES ($1, 'whatsapp', $2, $3, $4::jsonb, $5, $6, $7)""")
        .execute(Tuple.of(phone, eventType, locale, new JsonObject(payload), renderedBody, priority, key)).await();
    return key;
  }

  private static void makeDue(String key) {
    app.pool().preparedQuery("UPDATE notifications SET next_attempt_at = now() - interval '1 minute' WHERE idempotency_key = $1")
        .execute(Tuple.of(key)).await();
  }

  private static Row row(String key) {
    return app.pool().preparedQuery("SELECT * FROM notifications WHERE idempotency_key = $1")
        .execute(Tuple.of(key)).await().iterator().next();
  }
}
