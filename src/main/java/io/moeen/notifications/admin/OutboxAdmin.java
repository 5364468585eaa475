package io.moeen.notifications.admin;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.notifications.InboxCursor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The outbox for those who run it: a filtered page (newest first), one row with its retries, and a retry. */
final class OutboxAdmin {
  private static final int DEFAULT_LIMIT = 50;

  private final Pool pool;
  private final SqlStatements sql;
  private final Clock clock;

  OutboxAdmin(Pool pool, SqlStatements sql, Clock clock) {
    this.pool = pool;
    this.sql = sql;
    this.clock = clock;
  }

  Future<JsonObject> page(RequestEnvelope request) {
    boolean content = Access.principal(request).has(OutboxView.CONTENT_PERMISSION);
    int limit = request.param("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(request.param("limit"));
    OffsetDateTime from = instant(request, "createdFrom");
    OffsetDateTime to = instant(request, "createdTo");
    if (from != null && to != null && !to.isAfter(from)) {
      return Future.failedFuture(Problem.invalid("invalid_range", "createdTo",
          Map.of("from", request.param("createdFrom"), "to", request.param("createdTo"))));
    }
    InboxCursor after = InboxCursor.decode(request.param("cursor"));
    String email = request.param("recipientEmail");
    Tuple args = Tuple.tuple()
        .addValue(request.param("status"))
        .addValue(request.param("channel"))
        .addValue(request.param("eventType"))
        .addValue(request.param("recipientUserId") == null ? null : UUID.fromString(request.param("recipientUserId")))
        .addValue(request.param("recipientPhone"))
        .addValue(email == null ? null : email.toLowerCase(Locale.ROOT))
        .addValue(from)
        .addValue(to)
        .addValue(after == null ? null : after.atUtc())
        .addValue(after == null ? null : after.id())
        .addValue(limit + 1);
    return pool.preparedQuery(sql.get("outbox_page")).execute(args).map(rows -> {
      JsonArray items = new JsonArray();
      InboxCursor next = null;
      for (Row row : rows) {
        if (items.size() == limit) {
          break;
        }
        items.add(OutboxView.of(row, content));
        next = new InboxCursor(row.getOffsetDateTime("created_at").toInstant(), row.getUUID("id"));
      }
      return new JsonObject().put("items", items).put("nextCursor", rows.size() > limit ? next.encode() : null);
    });
  }

  Future<JsonObject> one(RequestEnvelope request) {
    return one(UUID.fromString(request.param("id")), Access.principal(request).has(OutboxView.CONTENT_PERMISSION));
  }

  private Future<JsonObject> one(UUID id, boolean content) {
    return pool.preparedQuery(sql.get("outbox_one")).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(Problem.notFound("outbox_notification_not_found", Map.of()));
      }
      JsonObject view = OutboxView.of(rows.iterator().next(), content);
      return pool.preparedQuery(sql.get("retries_of")).execute(Tuple.of(id)).map(history -> {
        JsonArray retries = new JsonArray();
        for (Row r : history) {
          UUID by = r.getUUID("retried_by");
          retries.add(new JsonObject().put("previousStatus", r.getString("previous_status"))
              .put("previousAttempts", r.getInteger("previous_attempts"))
              .put("previousError", r.getString("previous_error"))
              .put("reason", r.getString("reason"))
              .put("retriedBy", by == null ? null : by.toString())
              .put("retriedAt", OutboxView.instant(r.getOffsetDateTime("retried_at"))));
        }
        return view.put("retryHistory", retries);
      });
    });
  }

  /** failed or dead → pending now with attempts reset; anything else is 409 naming its status. */
  Future<JsonObject> retry(RequestEnvelope request) {
    Principal me = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    String reason = request.bodyAsObject().getString("reason");
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return pool.preparedQuery(sql.get("retry")).execute(Tuple.of(id, now, reason, me.userId()))
        .compose(updated -> updated.size() == 1 ? Future.succeededFuture() : refusal(id))
        .compose(retried -> one(id, me.has(OutboxView.CONTENT_PERMISSION)));
  }

  private Future<Void> refusal(UUID id) {
    return pool.preparedQuery(sql.get("status_of")).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(Problem.notFound("outbox_notification_not_found", Map.of()))
        : Future.failedFuture(new Problem(ProblemKind.CONFLICT, "notification_not_retryable",
            Map.of("status", rows.iterator().next().getString("status")))));
  }

  private static OffsetDateTime instant(RequestEnvelope request, String name) {
    String value = request.param(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      throw Problem.invalid("invalid_instant", name, Map.of("value", value));
    }
  }
}
