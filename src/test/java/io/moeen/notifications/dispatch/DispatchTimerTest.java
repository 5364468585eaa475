package io.moeen.notifications.dispatch;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The service itself runs the dispatcher on its timer: an outbox row goes out with nobody calling drain(). */
class DispatchTimerTest {
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("dispatch_timer", Map.of("MOEEN_DISPATCH_INTERVAL_MS", "100"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void a_due_in_app_row_is_delivered_by_the_running_service() throws InterruptedException {
    String key = "timer-" + UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, priority, idempotency_key)
        VALUES ($1, 'in_app', 'password_reset', 'en', '{}', 'urgent', $2)""")
        .execute(Tuple.of(DemoAccounts.AHMED_USER_ID, key)).await();
    String status = null;
    for (int i = 0; i < 100 && !"delivered".equals(status); i++) {
      Thread.sleep(100);
      status = app.pool().preparedQuery("SELECT status FROM notifications WHERE idempotency_key = $1")
          .execute(Tuple.of(key)).await().iterator().next().getString("status");
    }
    assertThat(status).isEqualTo("delivered");
  }
}
