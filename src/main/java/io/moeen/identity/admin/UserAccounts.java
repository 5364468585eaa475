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

import static io.moeen.identity.admin.AdminRequests.actor;
import static io.moeen.identity.admin.AdminRequests.conflict;
import static io.moeen.identity.admin.AdminRequests.first;
import static io.moeen.identity.admin.AdminRequests.uuidParam;

/**
 * Accounts as administrators see them: search, activation, role grants. Each change invalidates
 * the account's cached principals, so it applies from the account's next request; deactivation
 * also revokes its refresh tokens so no new access token can be minted.
 */
final class UserAccounts {
  private final Pool pool;
  private final SqlStatements sql;
  private final RoleCatalogue roles;
  private final PrincipalInvalidations principals;

  UserAccounts(Pool pool, SqlStatements sql, RoleCatalogue roles, PrincipalInvalidations principals) {
    this.pool = pool;
    this.sql = sql;
    this.roles = roles;
    this.principals = principals;
  }

  Future<JsonObject> list(RequestEnvelope request) {
    int limit = AdminRequests.limit(request, 20);
    PageCursor after = PageCursor.decode(request.param("cursor"));
    String q = request.param("q");
    Tuple args = AdminRequests.tuple(q == null || q.isBlank() ? null : q.trim(), request.param("role"),
        request.param("active") == null ? null : Boolean.valueOf(request.param("active")),
        after == null ? null : after.atUtc(), after == null ? null : after.id(), limit + 1);
    return pool.preparedQuery(sql.get("users")).execute(args).map(rows -> {
      JsonArray items = new JsonArray();
      PageCursor next = null;
      for (Row row : rows) {
        if (items.size() == limit) {
          break;
        }
        items.add(AdminJson.user(row, request.locale()));
        next = new PageCursor(row.getOffsetDateTime("created_at").toInstant(), row.getUUID("id"));
      }
      return new JsonObject().put("items", items)
          .put("nextCursor", rows.size() > limit ? next.encode() : null);
    });
  }

  Future<JsonObject> get(RequestEnvelope request) {
    return user(pool, uuidParam(request, "id"), request.locale());
  }

  Future<JsonObject> update(RequestEnvelope request) {
    Principal admin = Access.principal(request);
    UUID id = uuidParam(request, "id");
    boolean active = request.bodyAsObject().getBoolean("isActive");
    if (!active && id.equals(admin.userId())) {
      return Future.failedFuture(conflict("cannot_deactivate_self", Map.of()));
    }
    return SessionContext.inTransaction(pool, actor(request), conn -> conn.preparedQuery(sql.get("lock_user"))
        .execute(Tuple.of(id))
        .compose(rows -> first(rows).isEmpty() ? Future.failedFuture(userNotFound(id)) : Future.succeededFuture())
        .compose(x -> active ? Future.succeededFuture() : notTheLastHolder(conn, id))
        .compose(x -> conn.preparedQuery(sql.get("set_user_active")).execute(Tuple.of(id, active)))
        .compose(x -> active ? Future.succeededFuture()
            : conn.preparedQuery(sql.get("revoke_refresh_tokens")).execute(Tuple.of(id, "deactivated")))
        .compose(x -> user(conn, id, request.locale())))
        .map(json -> principals.user(id, json));
  }

  Future<JsonObject> grant(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    UUID grantedBy = Access.principal(request).userId();
    return SessionContext.inTransaction(pool, actor(request), conn -> roles.lockRole(conn, request.param("code"))
        .compose(role -> user(conn, id, request.locale())
            .compose(x -> conn.preparedQuery(sql.get("grant_role")).execute(Tuple.of(id, role.getUUID("id"), grantedBy))))
        .compose(x -> user(conn, id, request.locale())))
        .map(json -> principals.user(id, json));
  }

  Future<JsonObject> revoke(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    return SessionContext.inTransaction(pool, actor(request), conn -> roles.lockRole(conn, request.param("code"))
        .compose(role -> user(conn, id, request.locale())
            .compose(x -> role.getBoolean("is_protected") ? notTheLastHolderOf(conn, role.getUUID("id"), id)
                : Future.succeededFuture())
            .compose(x -> conn.preparedQuery(sql.get("revoke_role")).execute(Tuple.of(id, role.getUUID("id")))))
        .compose(x -> user(conn, id, request.locale())))
        .map(json -> principals.user(id, json));
  }

  /** Deactivating an account must leave every protected role with an active holder. */
  private Future<Void> notTheLastHolder(SqlClient conn, UUID userId) {
    return conn.preparedQuery(sql.get("protected_roles_held")).execute(Tuple.of(userId))
        .compose(rows -> {
          Future<Void> chain = Future.succeededFuture();
          for (Row row : rows) {
            UUID role = row.getUUID("id");
            chain = chain.compose(x -> notTheLastHolderOf(conn, role, userId));
          }
          return chain;
        });
  }

  private Future<Void> notTheLastHolderOf(SqlClient conn, UUID roleId, UUID userId) {
    return conn.preparedQuery(sql.get("lock_protected_holders")).execute(Tuple.of(roleId))
        .compose(locked -> conn.preparedQuery(sql.get("holds_role")).execute(Tuple.of(userId, roleId)))
        .compose(held -> !held.iterator().next().getBoolean("held") ? Future.succeededFuture()
            : conn.preparedQuery(sql.get("other_active_holders")).execute(Tuple.of(roleId, userId))
                .compose(rows -> rows.iterator().next().getLong("holders") == 0
                    ? Future.failedFuture(conflict("last_admin", Map.of()))
                    : Future.<Void>succeededFuture()))
        .mapEmpty();
  }

  private Future<JsonObject> user(SqlClient client, UUID id, String locale) {
    return client.preparedQuery(sql.get("user")).execute(Tuple.of(id))
        .map(rows -> AdminJson.user(first(rows).orElseThrow(() -> userNotFound(id)), locale));
  }

  private static Problem userNotFound(UUID id) {
    return Problem.notFound("user_not_found", Map.of("id", id.toString()));
  }

}
