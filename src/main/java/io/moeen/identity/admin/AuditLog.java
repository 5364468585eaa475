package io.moeen.identity.admin;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * The audit log for auditors, newest first, a keyset page at a time. Read through the session
 * context: the database's policy, not only this code, decides that only auditors see rows.
 */
final class AuditLog {
  private final Pool pool;
  private final SqlStatements sql;

  AuditLog(Pool pool, SqlStatements sql) {
    this.pool = pool;
    this.sql = sql;
  }

  Future<JsonObject> list(RequestEnvelope request) {
    OffsetDateTime from = instant(request, "from");
    OffsetDateTime to = instant(request, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw Problem.invalid("invalid_range", "from", Map.of("from", request.param("from"), "to", request.param("to")));
    }
    int limit = AdminRequests.limit(request, 50);
    PageCursor after = PageCursor.decode(request.param("cursor"));
    var args = AdminRequests.tuple(request.param("entityType"), request.param("entityId"),
        uuid(request, "userId"), uuid(request, "patientId"), request.param("action"), from, to,
        after == null ? null : after.atUtc(), after == null ? null : after.id(), limit + 1);
    return SessionContext.inTransaction(pool, AdminRequests.actor(request),
            conn -> conn.preparedQuery(sql.get("audit_logs")).execute(args))
        .map(rows -> {
          JsonArray items = new JsonArray();
          PageCursor next = null;
          for (Row row : rows) {
            if (items.size() == limit) {
              break;
            }
            items.add(AdminJson.auditEntry(row));
            next = new PageCursor(row.getOffsetDateTime("occurred_at").toInstant(), row.getUUID("id"));
          }
          return new JsonObject().put("items", items).put("nextCursor", rows.size() > limit ? next.encode() : null);
        });
  }

  /** ISO-8601 with an offset (or Z); anything else is a 400 naming the parameter. */
  private static OffsetDateTime instant(RequestEnvelope request, String name) {
    String value = request.param(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_instant", name, Map.of("value", value));
    }
  }

  private static UUID uuid(RequestEnvelope request, String name) {
    String value = request.param(name);
    return value == null ? null : UUID.fromString(value);
  }
}
