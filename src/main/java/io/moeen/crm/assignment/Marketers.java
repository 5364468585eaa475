package io.moeen.crm.assignment;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** Who is in the round-robin, with which rules and which supervisor (for supervisors and admins). */
final class Marketers {
  private final Pool pool;

  Marketers(Pool pool) {
    this.pool = pool;
  }

  Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, "leads.assign");
    return SessionContext.inTransaction(pool, actor(request, principal), conn -> conn
        .preparedQuery(MarketerRotation.SQL.get("marketers")).execute(Tuple.of((UUID) null))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(view(row)));
          return new JsonObject().put("items", items);
        }));
  }

  Future<JsonObject> save(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, "leads.assign");
    UUID userId = UUID.fromString(request.param("userId"));
    JsonObject body = request.bodyAsObject();
    boolean supervisorGiven = body.containsKey("supervisorId");
    UUID supervisor = body.getString("supervisorId") == null ? null : UUID.fromString(body.getString("supervisorId"));
    return SessionContext.inTransaction(pool, actor(request, principal), conn -> holds(conn, userId, "leads.write")
        .compose(isMarketer -> {
          if (!isMarketer) {
            throw Problem.notFound("marketer_not_found", Map.of("id", userId.toString()));
          }
          return supervisor == null ? Future.succeededFuture(true) : holds(conn, supervisor, "leads.assign");
        })
        .compose(supervisorOk -> {
          if (!supervisorOk) {
            throw new Problem(ProblemKind.UNPROCESSABLE, "unknown_supervisor", Map.of("id", supervisor.toString()),
                "supervisorId");
          }
          return conn.preparedQuery(MarketerRotation.SQL.get("save_marketer")).execute(Tuple.tuple()
              .addUUID(userId)
              .addBoolean(body.getBoolean("acceptsLeads"))
              .addArrayOfString(strings(body.getJsonArray("languages")))
              .addArrayOfString(strings(body.getJsonArray("sources")))
              .addUUID(supervisor)
              .addBoolean(supervisorGiven));
        })
        .compose(saved -> conn.preparedQuery(MarketerRotation.SQL.get("marketers")).execute(Tuple.of(userId)))
        .map(rows -> view(rows.iterator().next())));
  }

  static Future<Boolean> holds(SqlConnection conn, UUID userId, String permission) {
    return conn.preparedQuery(MarketerRotation.SQL.get("holds_permission")).execute(Tuple.of(userId, permission))
        .map(rows -> rows.iterator().next().getBoolean("holds"));
  }

  private static String[] strings(JsonArray array) {
    return array == null ? null : array.stream().map(String::valueOf).toArray(String[]::new);
  }

  private static JsonObject view(Row row) {
    UUID supervisor = row.getUUID("supervisor_id");
    OffsetDateTime last = row.getOffsetDateTime("last_assigned_at");
    return new JsonObject()
        .put("userId", row.getUUID("user_id").toString())
        .put("nameEn", row.getString("name_en"))
        .put("nameAr", row.getString("name_ar"))
        .put("acceptsLeads", row.getBoolean("accepts_leads"))
        .put("languages", new JsonArray(Arrays.asList(row.getArrayOfStrings("languages"))))
        .put("sources", new JsonArray(Arrays.asList(row.getArrayOfStrings("sources"))))
        .put("supervisorId", supervisor == null ? null : supervisor.toString())
        .put("lastAssignedAt", last == null ? null : last.toInstant().toString());
  }

  static Actor actor(RequestEnvelope request, Principal principal) {
    return new Actor(principal, request.requestId(), request.clientIp());
  }
}
