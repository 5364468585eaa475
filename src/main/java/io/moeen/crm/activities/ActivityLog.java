package io.moeen.crm.activities;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes and reads a lead's activities inside the caller's transaction; SQL in activities.sql. */
public final class ActivityLog {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/crm/activities.sql");

  /** One entry of the timeline to write. */
  public record Entry(UUID leadId, String type, String body, Instant dueAt, Instant doneAt, String outcome,
                      String fromStatus, String toStatus, JsonObject details, UUID authorId) {
    public static Entry system(UUID leadId, JsonObject details, UUID authorId) {
      return new Entry(leadId, "system", null, null, null, null, null, null, details, authorId);
    }

    public static Entry statusChange(UUID leadId, String from, String to, String body, JsonObject details,
                                     UUID authorId) {
      return new Entry(leadId, "status_change", body, null, null, null, from, to, details, authorId);
    }
  }

  public static Future<Void> verify(Pool pool) {
    return SQL.verify(pool);
  }

  public static Future<Row> record(SqlConnection conn, Entry e, Instant now) {
    return conn.preparedQuery(SQL.get("insert_activity")).execute(Tuple.from(new Object[] {
            e.leadId(), e.type(), e.body(), utc(e.dueAt()), utc(e.doneAt()), e.outcome(), e.fromStatus(), e.toStatus(),
            e.details() == null ? new JsonObject() : e.details(), e.authorId(), utc(now)}))
        .map(rows -> rows.iterator().next());
  }

  static Future<Row> lockTask(SqlConnection conn, UUID activityId, UUID leadId) {
    return conn.preparedQuery(SQL.get("activity_for_update")).execute(Tuple.of(activityId, leadId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  static Future<Row> complete(SqlConnection conn, UUID activityId, Instant doneAt, String outcome) {
    return conn.preparedQuery(SQL.get("complete_task")).execute(Tuple.of(activityId, utc(doneAt), outcome))
        .map(rows -> rows.iterator().next());
  }

  static Future<List<Row>> timeline(SqlConnection conn, UUID leadId, Instant afterAt, UUID afterId, int limit) {
    return conn.preparedQuery(SQL.get("timeline")).execute(Tuple.of(leadId, utc(afterAt), afterId, limit))
        .map(rows -> {
          List<Row> list = new ArrayList<>();
          rows.forEach(list::add);
          return list;
        });
  }

  /** The API form of an activity. */
  public static JsonObject json(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("leadId", row.getUUID("lead_id").toString())
        .put("type", row.getString("type"))
        .put("body", row.getString("body"))
        .put("dueAt", instant(row.getOffsetDateTime("due_at")))
        .put("doneAt", instant(row.getOffsetDateTime("done_at")))
        .put("outcome", row.getString("outcome"))
        .put("fromStatus", row.getString("from_status"))
        .put("toStatus", row.getString("to_status"))
        .put("details", row.getJsonObject("details"))
        .put("authorId", row.getUUID("author_id") == null ? null : row.getUUID("author_id").toString())
        .put("createdAt", instant(row.getOffsetDateTime("created_at")));
  }

  private static String instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
