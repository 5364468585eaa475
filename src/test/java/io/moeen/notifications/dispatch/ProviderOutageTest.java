package io.moeen.notifications.dispatch;

import io.moeen.common.config.AppConfig;
import io.moeen.common.i18n.SupportedLocale;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** "Provider down for minutes": messages wait with backoff while it answers 503, then all go out, once each. */
class ProviderOutageTest {
  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  private static final int DOWN_ROUNDS = 5;
  private static RunningApp app;
  private static Vertx vertx;
  private static FakeSmsProvider provider;
  private static WebClient client;

  @BeforeAll
  static void start() {
    app = RunningApp.start("provider_outage", Map.of());
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

  /** A clock the test moves forward by hand. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void messages_wait_while_the_provider_answers_503_and_all_go_out_once_it_is_back() {
    // noon tomorrow in Riyadh, so quiet hours never interfere while the clock moves by minutes
    Instant noon = ZonedDateTime.now(RIYADH).plusDays(1).withHour(12).withMinute(0).withSecond(0).withNano(0).toInstant();
    MovableClock clock = new MovableClock(noon);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String key = "outage-" + UUID.randomUUID();
      Integer[] down = new Integer[DOWN_ROUNDS];
      java.util.Arrays.fill(down, 503);
      provider.answer(key, down);
      insert(key, noon);
      keys.add(key);
    }
    AppConfig.Sms sms = new AppConfig.Sms(Optional.of(provider.url()), Optional.empty(), "{\"to\":\"{to}\",\"text\":\"{text}\"}");
    OutboxDispatcher dispatcher = DispatchVerticle.create(vertx, app.pool(), client, sms,
        SupportedLocale.fromTag("ar").orElseThrow(), RIYADH, clock, Duration.ofSeconds(2),
        DispatchVerticle.defaultSettings(RIYADH)).await();

    for (int round = 1; round <= DOWN_ROUNDS; round++) {
      dispatcher.drain().await();
      for (String key : keys) {
        Row row = row(key);
        assertThat(row.getString("status")).as("round %d: %s waits", round, key).isEqualTo("pending");
        assertThat(row.getInteger("attempts")).isEqualTo(round);
        assertThat(row.getString("last_error")).contains("503");
      }
      // before the backoff has passed nothing is tried again
      Instant due = earliestDue(keys);
      assertThat(due).isAfter(clock.instant());
      clock.set(due.minusMillis(1));
      assertThat(dispatcher.drain().await()).isZero();
      clock.set(latestDue(keys));
    }
    assertThat(clock.instant()).as("the outage lasted minutes").isAfter(noon.plus(Duration.ofMinutes(5)));
    dispatcher.drain().await();
    for (String key : keys) {
      assertThat(row(key).getString("status")).isEqualTo("sent");
      assertThat(provider.requestsFor(key)).hasSize(DOWN_ROUNDS + 1);
    }
  }

  private static Instant earliestDue(List<String> keys) {
    return keys.stream().map(k -> row(k).getOffsetDateTime("next_attempt_at").toInstant()).min(Instant::compareTo).orElseThrow();
  }

  private static Instant latestDue(List<String> keys) {
    return keys.stream().map(k -> row(k).getOffsetDateTime("next_attempt_at").toInstant()).max(Instant::compareTo).orElseThrow();
  }

  private static void insert(String key, Instant at) {
    app.pool().preparedQuery("""
        INSERT INTO notifications (recipient_phone, channel, event_type, locale, payload, priority, idempotency_key,
                                   next_attempt_at)
        VALUES ('+966500000002', 'sms', 'appointment_booked', 'en', '{"startsAt": "2030-12-01T09:00:00Z"}', 'normal', $1, $2)""")
        .execute(Tuple.of(key, at.atOffset(ZoneOffset.UTC))).await();
  }

  private static Row row(String key) {
    return app.pool().preparedQuery("SELECT * FROM notifications WHERE idempotency_key = $1")
        .execute(Tuple.of(key)).await().iterator().next();
  }
}
