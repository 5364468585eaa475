package io.moeen.identity.admin;

import io.moeen.common.auth.Access;
import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

import static io.moeen.common.db.SqlRefusal.UNIQUE;
import static io.moeen.identity.admin.AdminRequests.actor;
import static io.moeen.identity.admin.AdminRequests.conflict;
import static io.moeen.identity.admin.AdminRequests.conflictOn;
import static io.moeen.identity.admin.AdminRequests.first;
import static io.moeen.identity.admin.AdminRequests.tuple;

/**
 * A signed-in person asks for a role with a reason; a reviewer approves (the role is granted in
 * the same transaction) or rejects it. Nobody reviews their own request, and only pending
 * requests are reviewed.
 */
final class RoleChangeRequests {
  private static final int LIST_LIMIT = 50;

  private final Pool pool;
  private final SqlStatements sql;
  private final PrincipalInvalidations principals;

  RoleChangeRequests(Pool pool, SqlStatements sql, PrincipalInvalidations principals) {
    this.pool = pool;
    this.sql = sql;
    this.principals = principals;
  }

  Future<JsonObject> create(RequestEnvelope request) {
    UUID userId = Access.principal(request).userId();
    JsonObject body = request.bodyAsObject();
    String roleCode = body.getString("roleCode");
    return SessionContext.inTransaction(pool, actor(request), conn -> conn.preparedQuery(sql.get("roles"))
        .execute(Tuple.of(roleCode))
        .map(rows -> first(rows).orElseThrow(() ->
            Problem.invalid("unknown_role", "roleCode", Map.of("code", roleCode))).getUUID("id"))
        .compose(roleId -> conn.preparedQuery(sql.get("holds_role")).execute(Tuple.of(userId, roleId))
            .compose(held -> held.iterator().next().getBoolean("held")
                ? Future.failedFuture(Problem.invalid("role_already_held", "roleCode", Map.of("code", roleCode)))
                : conn.preparedQuery(sql.get("insert_role_request"))
                    .execute(Tuple.of(userId, roleId, body.getString("reason").strip()))
                    .recover(conflictOn(UNIQUE, "role_request_pending", Map.of("code", roleCode))::recover)))
        .compose(rows -> one(conn, rows.iterator().next().getUUID("id"), request.locale())));
  }

  Future<JsonObject> list(RequestEnvelope request) {
    return page(request, request.param("status"), null);
  }

  Future<JsonObject> mine(RequestEnvelope request) {
    return page(request, request.param("status"), Access.principal(request).userId());
  }

  Future<JsonObject> approve(RequestEnvelope request) {
    return review(request, "approved");
  }

  Future<JsonObject> reject(RequestEnvelope request) {
    return review(request, "rejected");
  }

  private Future<JsonObject> review(RequestEnvelope request, String outcome) {
    Principal reviewer = Access.principal(request);
    UUID id = AdminRequests.uuidParam(request, "id");
    String notes = request.bodyAsObject().getString("notes");
    return SessionContext.inTransaction(pool, actor(request), conn -> conn.preparedQuery(sql.get("lock_role_request"))
        .execute(Tuple.of(id))
        .compose(rows -> {
          Row pending = first(rows).orElseThrow(() -> Problem.notFound("role_request_not_found", Map.of("id", id.toString())));
          if (pending.getUUID("user_id").equals(reviewer.userId())) {
            return Future.failedFuture(conflict("own_request", Map.of()));
          }
          if (!"pending".equals(pending.getString("status"))) {
            return Future.failedFuture(conflict("request_not_pending", Map.of("status", pending.getString("status"))));
          }
          Future<Void> decided = conn.preparedQuery(sql.get("review_role_request"))
              .execute(Tuple.of(id, outcome, reviewer.userId(), notes)).mapEmpty();
          return "approved".equals(outcome)
              ? decided.compose(x -> conn.preparedQuery(sql.get("grant_role"))
                  .execute(Tuple.of(pending.getUUID("user_id"), pending.getUUID("requested_role_id"), reviewer.userId()))
                  .<Void>mapEmpty())
              : decided;
        })
        .compose(x -> one(conn, id, request.locale())))
        .map(reviewed -> "approved".equals(outcome)
            ? principals.user(UUID.fromString(reviewed.getString("userId")), reviewed) : reviewed);
  }

  private Future<JsonObject> page(RequestEnvelope request, String status, UUID requester) {
    int limit = AdminRequests.limit(request, LIST_LIMIT);
    return pool.preparedQuery(sql.get("role_requests")).execute(tuple(status, requester, null, limit))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(AdminJson.roleRequest(row, request.locale())));
          return new JsonObject().put("items", items);
        });
  }

  private Future<JsonObject> one(SqlClient conn, UUID id, String locale) {
    return conn.preparedQuery(sql.get("role_requests")).execute(tuple(null, null, id, 1))
        .map(rows -> AdminJson.roleRequest(rows.iterator().next(), locale));
  }
}
