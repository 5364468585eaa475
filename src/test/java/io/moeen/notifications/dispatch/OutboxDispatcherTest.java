package io.moeen.notifications.dispatch;

import io.moeen.common.config.AppConfig;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxDispatcherTest {
  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  // tomorrow at noon in Riyadh: outside quiet hours, and every freshly inserted row is already due
  private static final Instant NOON = ZonedDateTime.now(RIYADH).plusDays(1).withHour(12).withMinute(0).toInstant();
  private static RunningApp app;
  private static Vertx vertx;
  private static FakeSmsProvider provider;
  private static WebClient client;

  @BeforeAll
  static void start() {
    app = RunningApp.start("dispatch", java.util.Map.of("MOEEN_DISPATCH_INTERVAL_MS", "0"));
    vertx = app.application().vertx();
    provider = new FakeSmsProvider(vertx);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    client.close();
    provider.close();
    app.close();
  }

  @Test
  void sms_is_sent_with_the_rendered_text_and_the_idempotency_key() {
    String key = insert("sms", "normal");
    dispatcher(NOON).drain().await();
    Row row = row(key);
    assertThat(row.getString("status")).isEqualTo("sent");
    assertThat(row.getString("provider_message_id")).startsWith("m-");
    assertThat(provider.requestsFor(key)).singleElement().satisfies(r -> {
      assertThat(r.body().getString("to")).isEqualTo("+966500000001");
      assertThat(r.body().getString("text")).isEqualTo(row.getString("rendered_body")).contains("موعدك");
      assertThat(r.authorization()).isEqualTo("Bearer test-token");
    });
  }

  @Test
  void server_error_is_retried_later_and_delivered_once() {
    String key = insert("sms", "normal");
    provider.answer(key, 500);
    dispatcher(NOON).drain().await();
    Row first = row(key);
    assertThat(first.getString("status")).isEqualTo("pending");
    assertThat(first.getInteger("attempts")).isEqualTo(1);
    assertThat(first.getString("last_error")).contains("500");
    assertThat(first.getOffsetDateTime("next_attempt_at").toInstant())
        .isBetween(NOON.plusSeconds(15), NOON.plusSeconds(30));
    makeDue(key);
    dispatcher(NOON).drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
    assertThat(row(key).getInteger("attempts")).isEqualTo(2);
    assertThat(provider.requestsFor(key)).hasSize(2);
  }

  @Test
  void client_error_fails_at_once_without_retry() {
    String key = insert("sms", "normal");
    provider.answer(key, 400);
    dispatcher(NOON).drain().await();
    makeDue(key);
    dispatcher(NOON).drain().await();
    Row row = row(key);
    assertThat(row.getString("status")).isEqualTo("failed");
    assertThat(row.getString("last_error")).contains("400");
    assertThat(provider.requestsFor(key)).hasSize(1);
  }

  @Test
  void timeout_is_retried() {
    String key = insert("sms", "normal");
    provider.answer(key, FakeSmsProvider.SLOW);
    dispatcher(NOON).drain().await();
    assertThat(row(key).getString("status")).isEqualTo("pending");
    assertThat(row(key).getString("last_error")).isNotBlank();
    makeDue(key);
    dispatcher(NOON).drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
  }

  @Test
  void two_dispatchers_deliver_each_row_exactly_once() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      keys.add(insert("sms", "urgent"));
    }
    OutboxDispatcher one = dispatcher(NOON);
    OutboxDispatcher two = dispatcher(NOON);
    Future.all(one.drain(), two.drain(), one.drain(), two.drain()).await();
    for (String key : keys) {
      assertThat(provider.requestsFor(key)).as(key).hasSize(1);
      assertThat(row(key).getString("status")).isEqualTo("sent");
    }
  }

  @Test
  void row_stuck_in_sending_is_reclaimed_and_sent() {
    String key = insert("sms", "normal");
    app.pool().preparedQuery("UPDATE notifications SET status = 'sending', claimed_at = $2 WHERE idempotency_key = $1")
        .execute(Tuple.of(key, NOON.minus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC))).await();
    dispatcher(NOON).drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
    assertThat(provider.requestsFor(key)).hasSize(1);
  }

  @Test
  void quiet_hours_hold_normal_messages_until_morning_but_urgent_ones_go() {
    Instant lateEvening = ZonedDateTime.now(RIYADH).plusDays(1).withHour(23).withMinute(30).toInstant();
    String normal = insert("sms", "normal");
    String urgent = insert("sms", "urgent");
    dispatcher(lateEvening).drain().await();
    assertThat(row(urgent).getString("status")).isEqualTo("sent");
    assertThat(row(normal).getString("status")).isEqualTo("pending");
    assertThat(row(normal).getOffsetDateTime("next_attempt_at").toInstant())
        .isEqualTo(lateEvening.atZone(RIYADH).plusDays(1).withHour(8).withMinute(0).withSecond(0).withNano(0).toInstant());
    assertThat(provider.requestsFor(normal)).isEmpty();
  }

  @Test
  void quiet_hours_do_not_hold_the_inbox() {
    Instant lateEvening = ZonedDateTime.now(RIYADH).plusDays(1).withHour(23).withMinute(30).toInstant();
    String inbox = insert("in_app", "normal");
    dispatcher(lateEvening).drain().await();
    assertThat(row(inbox).getString("status")).isEqualTo("delivered");
  }

  @Test
  void in_app_rows_become_delivered() {
    String key = insert("in_app", "normal");
    dispatcher(NOON).drain().await();
    assertThat(row(key).getString("status")).isEqualTo("delivered");
    assertThat(row(key).getString("rendered_body")).contains("موعدك");
  }

  @Test
  void sms_rows_wait_untouched_when_no_provider_is_configured() {
    String key = insert("sms", "urgent");
    AppConfig.Sms none = new AppConfig.Sms(Optional.empty(), Optional.empty(), "{}");
    DispatchVerticle.create(vertx, app.pool(), client, none, SupportedLocale.fromTag("ar").orElseThrow(), RIYADH,
        Clock.fixed(NOON, ZoneOffset.UTC), Duration.ofMillis(500), DispatchVerticle.defaultSettings(RIYADH))
        .await().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("pending");
    assertThat(row(key).getInteger("attempts")).isZero();
  }

  private static OutboxDispatcher dispatcher(Instant now) {
    AppConfig.Sms sms = new AppConfig.Sms(Optional.of(provider.url()), Optional.of("Bearer test-token"),
        "{\"to\":\"{to}\",\"text\":\"{text}\"}");
    OutboxDispatcher.Settings settings = new OutboxDispatcher.Settings(5, Duration.ofMinutes(2),
        new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 8), RIYADH);
    return DispatchVerticle.create(vertx, app.pool(), client, sms, SupportedLocale.fromTag("ar").orElseThrow(),
        RIYADH, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMillis(500), settings).await();
  }

  private static String insert(String channel, String priority) {
    String key = "test-" + UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (recipient_user_id, recipient_phone, channel, event_type, locale, payload,
                                   priority, idempotency_key)
        VALUES ($1, $2, $3, 'appointment_booked', 'ar', '{"startsAt": "2026-12-01T09:00:00Z"}', $4, $5)""")
        .execute(Tuple.of(DemoAccounts.AHMED_USER_ID, "sms".equals(channel) ? "+966500000001" : null, channel,
            priority, key)).await();
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
