package io.moeen.notifications.channels.whatsapp;

import io.moeen.notifications.NotificationsAddresses;
import io.moeen.notifications.dispatch.DispatchVerticle;
import io.moeen.testing.RunningApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chatbot reply written to the outbox goes out when the dispatcher is woken, long before its
 * timer (one hour here) would come round; and the running service sends WhatsApp with its config.
 */
class DispatchWakeTest {
  private static Vertx fakeVertx;
  private static FakeCloudApi cloud;
  private static RunningApp app;

  @BeforeAll
  static void start() {
    fakeVertx = Vertx.vertx();
    cloud = new FakeCloudApi(fakeVertx);
    app = RunningApp.start("dispatch_wake", Map.of(
        "MOEEN_DISPATCH_INTERVAL_MS", "3600000",
        "MOEEN_WHATSAPP_API_URL", cloud.baseUrl(),
        "MOEEN_WHATSAPP_PHONE_NUMBER_ID", "106540352242922",
        "MOEEN_WHATSAPP_TOKEN", "wa-token"));
  }

  @AfterAll
  static void stop() {
    app.close();
    cloud.close();
    fakeVertx.close().await();
  }

  @Test
  void a_woken_dispatcher_sends_a_fresh_chatbot_reply_at_once() throws InterruptedException {
    String phone = WhatsAppChannelTest.phone();
    app.pool().preparedQuery("INSERT INTO whatsapp_contacts (phone, last_inbound_at) VALUES ($1, now())")
        .execute(Tuple.of(phone)).await();
    String key = "wake-" + UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (recipient_phone, channel, event_type, locale, rendered_body, payload, priority,
                                   idempotency_key)
        VALUES ($1, 'whatsapp', 'chatbot_reply', 'en', 'Your appointment is confirmed.', $2, 'urgent', $3)""")
        .execute(Tuple.of(phone, new JsonObject(), key)).await();
    // the timer's first tick is an hour away: only the wake can send it
    assertThat(status(key)).isEqualTo("pending");
    app.application().vertx().eventBus().send(NotificationsAddresses.OUTBOX_WAKE, null);
    String status = status(key);
    for (int i = 0; i < 100 && !"sent".equals(status); i++) {
      Thread.sleep(50);
      status = status(key);
    }
    assertThat(status).isEqualTo("sent");
    assertThat(cloud.requestsTo(WhatsAppChannelTest.digits(phone))).singleElement()
        .satisfies(r -> assertThat(r.body().getJsonObject("text").getString("body")).isEqualTo("Your appointment is confirmed."));
  }

  private static String status(String key) {
    return app.pool().preparedQuery("SELECT status FROM notifications WHERE idempotency_key = $1")
        .execute(Tuple.of(key)).await().iterator().next().getString("status");
  }
}
