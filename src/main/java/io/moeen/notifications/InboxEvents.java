package io.moeen.notifications;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * What happens to a person's in-app notifications, published on the event bus (after the
 * database has it) for live streams: one address per user, so a stream listens to one person only.
 */
public final class InboxEvents {
  private InboxEvents() {
  }

  public static void delivered(EventBus bus, UUID userId, UUID notificationId, String eventType) {
    bus.publish(NotificationsAddresses.INBOX_DELIVERED + userId, new JsonObject().put("id", notificationId.toString())
        .put("userId", userId.toString()).put("eventType", eventType));
  }

  public static void read(EventBus bus, UUID userId) {
    bus.publish(NotificationsAddresses.INBOX_READ + userId, new JsonObject().put("userId", userId.toString()));
  }
}
