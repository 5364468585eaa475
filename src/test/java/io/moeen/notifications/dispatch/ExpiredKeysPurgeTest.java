package io.moeen.notifications.dispatch;

import io.moeen.testing.RunningApp;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiredKeysPurgeTest {
  private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("keys_purge", Map.of());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void expired_keys_are_deleted_in_batches_and_live_ones_stay() {
    // 25 expired a minute before "now", 3 expiring a minute after it
    app.asOwner("""
        INSERT INTO idempotency_keys (scope, key, request_hash, expires_at)
        SELECT 'purge-test', 'old-' || n, repeat('a', 64), timestamptz '2030-06-01T11:59:00Z' FROM generate_series(1, 25) n;
        INSERT INTO idempotency_keys (scope, key, request_hash, expires_at)
        SELECT 'purge-test', 'live-' || n, repeat('a', 64), timestamptz '2030-06-01T12:01:00Z' FROM generate_series(1, 3) n;
        """);
    int deleted = new ExpiredKeysPurge(app.pool(), Clock.fixed(NOW, ZoneOffset.UTC), 10).run().await();
    assertThat(deleted).isEqualTo(25);
    assertThat(keys("old-%")).isZero();
    assertThat(keys("live-%")).isEqualTo(3);
    // an hour later the rest have expired too
    assertThat(new ExpiredKeysPurge(app.pool(), Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC), 10).run().await())
        .isEqualTo(3);
    assertThat(keys("live-%")).isZero();
  }

  private static long keys(String like) {
    return app.pool().preparedQuery("SELECT count(*) FROM idempotency_keys WHERE scope = 'purge-test' AND key LIKE $1")
        .execute(Tuple.of(like)).await().iterator().next().getLong(0);
  }
}
