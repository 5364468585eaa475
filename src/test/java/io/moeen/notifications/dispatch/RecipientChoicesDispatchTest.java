package io.moeen.notifications.dispatch;

import io.moeen.common.config.AppConfig;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.ConsentRecorder;
import io.moeen.testing.RunningApp;
import io.vertx.core.Vertx;
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

/** The dispatcher honours each recipient's own choices: channels off, quiet hours and zone, marketing consent. */
class RecipientChoicesDispatchTest {
  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  // a winter day (London on GMT, three hours behind Riyadh), at noon in Riyadh
  private static final Instant NOON = ZonedDateTime.of(2031, 1, 15, 12, 0, 0, 0, RIYADH).toInstant();
  private static RunningApp app;
  private static Vertx vertx;
  private static FakeSmsProvider provider;
  private static WebClient client;

  @BeforeAll
  static void start() {
    app = RunningApp.start("recipient-choices", Map.of("MOEEN_DISPATCH_INTERVAL_MS", "0"));
    vertx = app.application().vertx();
    provider = new FakeSmsProvider(vertx);
    client = WebClient.create(vertx);
    app.asOwner("""
        INSERT INTO notification_templates (event_type, channel, locale, body) VALUES
          ('seasonal_offer', 'sms', 'ar', 'عرض الموسم: خصم على الفحص الشامل.'),
          ('seasonal_offer', 'sms', 'en', 'Seasonal offer: a discount on the full check-up.'),
          ('seasonal_offer', 'in_app', 'ar', 'عرض الموسم: خصم على الفحص الشامل.'),
          ('seasonal_offer', 'in_app', 'en', 'Seasonal offer: a discount on the full check-up.')""");
  }

  @AfterAll
  static void stop() {
    client.close();
    provider.close();
    app.close();
  }

  @Test
  void a_channel_the_recipient_turned_off_is_not_sent_and_the_reason_is_recorded() {
    UUID user = newUser();
    prefer(user, "{\"appointment_booked\": {\"sms\": false}}", null, null, null);
    String sms = insert(user, "sms", "appointment_booked", "normal", "ar");
    String inApp = insert(user, "in_app", "appointment_booked", "normal", "ar");
    String otherEvent = insert(user, "sms", "appointment_cancelled", "normal", "ar");
    dispatcher(NOON).drain().await();
    assertThat(row(sms).getString("status")).isEqualTo("failed");
    assertThat(row(sms).getString("last_error")).isEqualTo("channel_off_by_recipient");
    assertThat(provider.requestsFor(sms)).isEmpty();
    assertThat(row(inApp).getString("status")).isEqualTo("delivered");
    assertThat(row(otherEvent).getString("status")).isEqualTo("sent");
  }

  @Test
  void the_star_default_applies_unless_the_event_says_otherwise_and_password_reset_always_goes() {
    UUID user = newUser();
    prefer(user, "{\"*\": {\"sms\": false, \"in_app\": false}, \"appointment_cancelled\": {\"sms\": true}}",
        null, null, null);
    String off = insert(user, "sms", "appointment_booked", "normal", "ar");
    String on = insert(user, "sms", "appointment_cancelled", "normal", "ar");
    String reset = insert(user, "in_app", "password_reset", "urgent", "ar");
    dispatcher(NOON).drain().await();
    assertThat(row(off).getString("last_error")).isEqualTo("channel_off_by_recipient");
    assertThat(row(on).getString("status")).isEqualTo("sent");
    assertThat(row(reset).getString("status")).isEqualTo("delivered");
  }

  @Test
  void a_london_recipients_own_quiet_hours_hold_and_release_in_london_time() {
    UUID user = newUser();
    prefer(user, "{}", "21:00", "07:00", "Europe/London");
    UUID riyadhNeighbour = newUser();
    // 20:30 in London = 23:30 in Riyadh: the clinic is quiet, this person is not yet
    Instant londonEvening = ZonedDateTime.of(2031, 1, 15, 20, 30, 0, 0, LONDON).toInstant();
    String early = insert(user, "sms", "appointment_booked", "normal", "en");
    String clinicQuiet = insert(riyadhNeighbour, "sms", "appointment_booked", "normal", "en");
    dispatcher(londonEvening).drain().await();
    assertThat(row(early).getString("status")).as(row(early).toJson().encode()).isEqualTo("sent");
    assertThat(row(clinicQuiet).getString("status")).isEqualTo("pending");

    // 21:30 in London: held until 07:00 London time the next morning (10:00 in Riyadh)
    Instant londonNight = ZonedDateTime.of(2031, 1, 15, 21, 30, 0, 0, LONDON).toInstant();
    String late = insert(user, "sms", "appointment_booked", "normal", "en");
    dispatcher(londonNight).drain().await();
    Instant morning = ZonedDateTime.of(2031, 1, 16, 7, 0, 0, 0, LONDON).toInstant();
    assertThat(row(late).getString("status")).isEqualTo("pending");
    assertThat(row(late).getOffsetDateTime("next_attempt_at").toInstant()).isEqualTo(morning);
    dispatcher(morning.minusSeconds(60)).drain().await();
    assertThat(provider.requestsFor(late)).isEmpty();
    dispatcher(morning).drain().await();
    assertThat(row(late).getString("status")).isEqualTo("sent");
    assertThat(provider.requestsFor(late)).hasSize(1);
  }

  @Test
  void the_recipients_time_zone_changes_the_rendered_date() {
    UUID london = newUser();
    prefer(london, "{}", null, null, "Europe/London");
    UUID riyadh = newUser();
    // 22:30 UTC on 1 December 2031 is still the 1st in London, already the 2nd (01:30) in Riyadh
    String late = "{\"startsAt\": \"2031-12-01T22:30:00Z\"}";
    String inLondon = insert(london, "in_app", "appointment_booked", "urgent", "en", late);
    String inRiyadh = insert(riyadh, "in_app", "appointment_booked", "urgent", "en", late);
    dispatcher(NOON).drain().await();
    assertThat(row(inLondon).getString("rendered_body")).contains("December 1").contains("10:30")
        .doesNotContain("December 2");
    assertThat(row(inRiyadh).getString("rendered_body")).contains("December 2").contains("1:30");
  }

  @Test
  void marketing_needs_consent_at_send_time_and_an_opt_out_stops_pending_rows_at_once() {
    UUID user = newUser();
    String phone = phoneOf(user);
    String without = insert(user, "sms", "seasonal_offer", "marketing", "ar");
    String inApp = insert(user, "in_app", "seasonal_offer", "marketing", "ar");
    dispatcher(NOON).drain().await();
    assertThat(row(without).getString("status")).isEqualTo("failed");
    assertThat(row(without).getString("last_error")).isEqualTo("no_marketing_consent");
    assertThat(provider.requestsFor(without)).isEmpty();
    assertThat(row(inApp).getString("status")).isEqualTo("delivered");

    app.pool().withTransaction(conn -> ConsentRecorder.optIn(conn, ConsentRecorder.Contact.user(user), "sms",
        "أوافق على تلقي العروض", "ar", "self", user)).await();
    String with = insert(user, "sms", "seasonal_offer", "marketing", "ar");
    dispatcher(NOON).drain().await();
    assertThat(row(with).getString("status")).isEqualTo("sent");

    String pending = insert(user, "sms", "seasonal_offer", "marketing", "ar");
    String service = insert(user, "sms", "appointment_booked", "normal", "ar");
    int stopped = app.pool().withTransaction(conn ->
        ConsentRecorder.optOut(conn, ConsentRecorder.Contact.phone(phone), "sms", "sms")).await();
    assertThat(stopped).isEqualTo(1);
    assertThat(row(pending).getString("status")).isEqualTo("failed");
    assertThat(row(pending).getString("last_error")).isEqualTo("opted_out");
    String after = insert(user, "sms", "seasonal_offer", "marketing", "ar");
    dispatcher(NOON).drain().await();
    assertThat(row(after).getString("last_error")).isEqualTo("no_marketing_consent");
    assertThat(row(service).getString("status")).as("opting out of marketing keeps service messages").isEqualTo("sent");
    assertThat(provider.requestsFor(pending)).isEmpty();
  }

  private static OutboxDispatcher dispatcher(Instant now) {
    AppConfig.Sms sms = new AppConfig.Sms(Optional.of(provider.url()), Optional.empty(), "{\"to\":\"{to}\",\"text\":\"{text}\"}");
    OutboxDispatcher.Settings settings = new OutboxDispatcher.Settings(10, Duration.ofMinutes(2),
        new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 8), RIYADH);
    return DispatchVerticle.create(vertx, app.pool(), client, sms, SupportedLocale.fromTag("ar").orElseThrow(),
        RIYADH, Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(10), settings).await();
  }

  private static UUID newUser() {
    UUID id = UUID.randomUUID();
    String phone = "+9665" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    app.asOwner("INSERT INTO users (id, phone, password_hash, first_name_en) VALUES ('%s', '%s', 'not-a-hash', 'Pref')"
        .formatted(id, phone));
    return id;
  }

  private static String phoneOf(UUID user) {
    return app.pool().preparedQuery("SELECT phone FROM users WHERE id = $1").execute(Tuple.of(user)).await()
        .iterator().next().getString("phone");
  }

  private static void prefer(UUID user, String channels, String quietStart, String quietEnd, String zone) {
    app.pool().preparedQuery("""
        INSERT INTO notification_preferences (user_id, channels, quiet_start, quiet_end, time_zone)
        VALUES ($1, $2, $3, $4, $5)""")
        .execute(Tuple.of(user, new io.vertx.core.json.JsonObject(channels),
            quietStart == null ? null : java.time.LocalTime.parse(quietStart),
            quietEnd == null ? null : java.time.LocalTime.parse(quietEnd), zone)).await();
  }

  private static String insert(UUID user, String channel, String event, String priority, String locale) {
    return insert(user, channel, event, priority, locale, "{\"startsAt\": \"2031-12-01T09:00:00Z\"}");
  }

  private static String insert(UUID user, String channel, String event, String priority, String locale, String payload) {
    String key = "pref-" + UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, priority, idempotency_key)
        VALUES ($1, $2, $3, $4, $5, $6, $7)""")
        .execute(Tuple.of(user, channel, event, locale, new io.vertx.core.json.JsonObject(payload), priority, key)).await();
    return key;
  }

  private static Row row(String key) {
    return app.pool().preparedQuery("SELECT * FROM notifications WHERE idempotency_key = $1")
        .execute(Tuple.of(key)).await().iterator().next();
  }
}
