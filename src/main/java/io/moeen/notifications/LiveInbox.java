package io.moeen.notifications;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * The domain half of {@code GET /v1/me/notifications/stream}: which topics to follow, what to
 * replay after {@code Last-Event-ID}, and the events each published change becomes — the same
 * inbox item as the list, in the stream's language, and the unread count.
 */
final class LiveInbox {
  /** The most a reconnect replays; more missed than this says "resync" (reload the inbox). */
  static final int REPLAY_LIMIT = 100;

  private final Pool pool;
  private final SqlStatements sql;
  private final Inbox inbox;

  LiveInbox(Pool pool, SqlStatements sql, Inbox inbox) {
    this.pool = pool;
    this.sql = sql;
    this.inbox = inbox;
  }

  Future<JsonObject> handle(RequestEnvelope request) {
    JsonObject phase = request.bodyAsObject();
    UUID me = Access.principal(request).userId();
    return switch (phase.getString("phase", "")) {
      case "open" -> Future.succeededFuture(new JsonObject().put("topics",
          new JsonArray().add(NotificationsAddresses.INBOX_DELIVERED + me).add(NotificationsAddresses.INBOX_READ + me)));
      case "catch-up" -> catchUp(request, me).map(LiveInbox::events);
      case "event" -> event(request, me, phase).map(LiveInbox::events);
      default -> Future.failedFuture(new IllegalArgumentException("unknown stream phase"));
    };
  }

  private Future<JsonArray> catchUp(RequestEnvelope request, UUID me) {
    UUID last = uuid(request.param("Last-Event-ID"));
    JsonArray events = new JsonArray();
    Future<Void> replay = request.param("Last-Event-ID") == null ? Future.succeededFuture() : last == null
        ? resync(events)
        : pool.preparedQuery(sql.get("live_known")).execute(Tuple.of(last, me)).compose(known -> known.size() == 0
            ? resync(events)
            : pool.preparedQuery(sql.get("live_replay")).execute(Tuple.of(me, last, REPLAY_LIMIT + 1)).map(rows -> {
              int n = 0;
              for (Row row : rows) {
                if (++n > REPLAY_LIMIT) {
                  events.add(event(null, "resync", new JsonObject().put("reason", "too_many_missed")));
                  break;
                }
                events.add(notification(row, request.locale()));
              }
              return null;
            }));
    return replay.compose(done -> unread(me)).map(unread -> events.add(unread));
  }

  private Future<JsonArray> event(RequestEnvelope request, UUID me, JsonObject phase) {
    String topic = phase.getString("topic", "");
    JsonArray events = new JsonArray();
    Future<Void> item = Future.succeededFuture();
    if (topic.equals(NotificationsAddresses.INBOX_DELIVERED + me)) {
      UUID id = uuid(phase.getJsonObject("message", new JsonObject()).getString("id"));
      item = pool.preparedQuery(sql.get("live_item")).execute(Tuple.of(id, me)).map(rows -> {
        rows.forEach(row -> events.add(notification(row, request.locale())));
        return null;
      });
    }
    return item.compose(done -> unread(me)).map(unread -> events.add(unread));
  }

  private Future<JsonObject> unread(UUID me) {
    return pool.preparedQuery(sql.get("unread_count")).execute(Tuple.of(me))
        .map(rows -> event(null, "unread-count", new JsonObject().put("unread", rows.iterator().next().getLong("unread"))));
  }

  private JsonObject notification(Row row, String locale) {
    return event(row.getUUID("id").toString(), "notification", inbox.item(row, locale));
  }

  private static Future<Void> resync(JsonArray events) {
    events.add(event(null, "resync", new JsonObject().put("reason", "unknown_last_event")));
    return Future.succeededFuture();
  }

  private static JsonObject event(String id, String name, JsonObject data) {
    return new JsonObject().put("id", id).put("event", name).put("data", data);
  }

  private static JsonObject events(JsonArray events) {
    return new JsonObject().put("events", events);
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
