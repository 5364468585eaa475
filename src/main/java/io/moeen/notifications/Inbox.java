package io.moeen.notifications;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** The caller's in-app notifications: a page in their language, the unread count, marking read. */
final class Inbox {
  static final String IN_APP = "in_app";
  private static final int DEFAULT_LIMIT = 20;

  private final Pool pool;
  private final SqlStatements sql;
  private final NotificationRenderer renderer;
  private final ZoneId zone;

  Inbox(Pool pool, SqlStatements sql, NotificationRenderer renderer, ZoneId zone) {
    this.pool = pool;
    this.sql = sql;
    this.renderer = renderer;
    this.zone = zone;
  }

  Future<JsonObject> page(RequestEnvelope request) {
    UUID me = Access.principal(request).userId();
    int limit = request.param("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(request.param("limit"));
    boolean unreadOnly = Boolean.parseBoolean(request.param("unreadOnly"));
    InboxCursor after = InboxCursor.decode(request.param("cursor"));
    Tuple args = Tuple.of(me, unreadOnly, after == null ? null : after.atUtc(), after == null ? null : after.id(),
        limit + 1);
    return pool.preparedQuery(sql.get("inbox_page")).execute(args).map(rows -> {
      JsonArray items = new JsonArray();
      InboxCursor next = null;
      for (Row row : rows) {
        if (items.size() == limit) {
          break;
        }
        items.add(item(row, request.locale()));
        next = new InboxCursor(row.getOffsetDateTime("created_at").toInstant(), row.getUUID("id"));
      }
      return new JsonObject().put("items", items).put("nextCursor", rows.size() > limit ? next.encode() : null);
    });
  }

  Future<JsonObject> unreadCount(RequestEnvelope request) {
    return pool.preparedQuery(sql.get("unread_count")).execute(Tuple.of(Access.principal(request).userId()))
        .map(rows -> new JsonObject().put("unread", rows.iterator().next().getLong("unread")));
  }

  /** Someone else's notification (or one that is not in-app) is 404, the same as one that does not exist. */
  Future<Void> markRead(RequestEnvelope request) {
    UUID me = Access.principal(request).userId();
    UUID id = UUID.fromString(request.param("id"));
    return pool.preparedQuery(sql.get("mark_read")).execute(Tuple.of(id, me)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(Problem.notFound("notification_not_found", Map.of()))
        : Future.succeededFuture());
  }

  Future<JsonObject> markAllRead(RequestEnvelope request) {
    return pool.preparedQuery(sql.get("mark_all_read")).execute(Tuple.of(Access.principal(request).userId()))
        .map(rows -> new JsonObject().put("markedRead", rows.rowCount()));
  }

  JsonObject item(Row row, String locale) {
    JsonObject payload = row.getJsonObject("payload");
    RenderedNotification text = renderer.render(row.getString("event_type"), IN_APP, locale, payload, zone);
    JsonObject ids = new JsonObject();
    payload.fieldNames().stream().filter(k -> k.endsWith("Id")).forEach(k -> ids.put(k, payload.getValue(k)));
    return new JsonObject().put("id", row.getUUID("id").toString()).put("eventType", row.getString("event_type"))
        .put("title", text.title()).put("body", text.body()).put("locale", text.locale())
        .put("isRead", row.getBoolean("is_read"))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString()).put("payload", ids);
  }
}
