package io.moeen.identity.admin;

import io.moeen.identity.PrincipalInvalidations;
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

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;
import static io.moeen.common.db.SqlRefusal.UNIQUE;
import static io.moeen.identity.admin.AdminRequests.actor;
import static io.moeen.identity.admin.AdminRequests.conflict;
import static io.moeen.identity.admin.AdminRequests.conflictOn;
import static io.moeen.identity.admin.AdminRequests.first;

/**
 * The roles the clinic defines and the permissions each carries. A protected role (the
 * administrators') never loses a permission; system roles are never deleted; a role someone
 * holds is not deleted either.
 */
final class RoleCatalogue {
  private final Pool pool;
  private final SqlStatements sql;
  private final PrincipalInvalidations principals;

  RoleCatalogue(Pool pool, SqlStatements sql, PrincipalInvalidations principals) {
    this.pool = pool;
    this.sql = sql;
    this.principals = principals;
  }

  Future<JsonObject> permissions(RequestEnvelope request) {
    return pool.preparedQuery(sql.get("permissions")).execute()
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(AdminJson.permission(row, request.locale())));
          return new JsonObject().put("items", items);
        });
  }

  Future<JsonObject> roles(RequestEnvelope request) {
    return pool.preparedQuery(sql.get("roles")).execute(AdminRequests.tuple((Object) null))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(AdminJson.role(row, request.locale())));
          return new JsonObject().put("items", items);
        });
  }

  Future<JsonObject> create(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    String code = body.getString("code");
    Set<String> wanted = codes(body.getJsonArray("permissions", new JsonArray()));
    return SessionContext.inTransaction(pool, actor(request), conn -> permissionIds(conn, wanted)
        .compose(ids -> conn.preparedQuery(sql.get("insert_role"))
            .execute(Tuple.of(code, body.getString("nameAr"), body.getString("nameEn"),
                body.getString("descriptionAr"), body.getString("descriptionEn")))
            .recover(conflictOn(UNIQUE, "role_exists", Map.of("code", code))::recover)
            .compose(rows -> conn.preparedQuery(sql.get("add_role_permissions"))
                .execute(Tuple.tuple().addValue(rows.iterator().next().getUUID("id")).addValue(ids))))
        .compose(x -> role(conn, code, request.locale())));
  }

  Future<JsonObject> replacePermissions(RequestEnvelope request) {
    String code = request.param("code");
    Set<String> wanted = codes(request.bodyAsObject().getJsonArray("permissions", new JsonArray()));
    return SessionContext.inTransaction(pool, actor(request), conn -> lockRole(conn, code)
        .compose(role -> permissionIds(conn, wanted)
            .compose(ids -> keepsEveryPermission(conn, role, wanted)
                .compose(x -> conn.preparedQuery(sql.get("remove_role_permissions_except"))
                    .execute(Tuple.tuple().addValue(role.getUUID("id")).addValue(ids)))
                .compose(x -> conn.preparedQuery(sql.get("add_role_permissions"))
                    .execute(Tuple.tuple().addValue(role.getUUID("id")).addValue(ids)))))
        .compose(x -> role(conn, code, request.locale())))
        // any number of accounts hold the role (deleting one needs none, so it invalidates nothing)
        .map(principals::all);
  }

  Future<Void> delete(RequestEnvelope request) {
    String code = request.param("code");
    return SessionContext.inTransaction(pool, actor(request), conn -> lockRole(conn, code)
        .compose(role -> {
          if (role.getBoolean("is_system")) {
            return Future.failedFuture(conflict("role_system", Map.of("code", code)));
          }
          return conn.preparedQuery(sql.get("role_holder_count")).execute(Tuple.of(role.getUUID("id")))
              .compose(rows -> rows.iterator().next().getLong("holders") > 0
                  ? Future.failedFuture(conflict("role_in_use", Map.of("code", code)))
                  : conn.preparedQuery(sql.get("delete_role")).execute(Tuple.of(role.getUUID("id")))
                      // requests that named the role keep it alive
                      .recover(conflictOn(FOREIGN_KEY, "role_in_use", Map.of("code", code))::recover))
              .mapEmpty();
        }));
  }

  /** The role row locked for this transaction, or 404. */
  Future<Row> lockRole(SqlClient conn, String code) {
    return conn.preparedQuery(sql.get("role_for_update")).execute(Tuple.of(code))
        .map(rows -> first(rows).orElseThrow(() -> Problem.notFound("role_not_found", Map.of("code", code))));
  }

  private Future<JsonObject> role(SqlClient conn, String code, String locale) {
    return conn.preparedQuery(sql.get("roles")).execute(Tuple.of(code))
        .map(rows -> AdminJson.role(rows.iterator().next(), locale));
  }

  /** The ids of these permission codes; 400 naming the first one that does not exist. */
  private Future<UUID[]> permissionIds(SqlClient conn, Set<String> codes) {
    return conn.preparedQuery(sql.get("known_permissions")).execute(Tuple.tuple().addValue(codes.toArray(String[]::new)))
        .map(rows -> {
          Set<String> known = new HashSet<>();
          UUID[] ids = new UUID[rows.size()];
          int i = 0;
          for (Row row : rows) {
            known.add(row.getString("code"));
            ids[i++] = row.getUUID("id");
          }
          codes.stream().filter(c -> !known.contains(c)).findFirst().ifPresent(unknown -> {
            throw Problem.invalid("unknown_permission", "permissions", Map.of("permission", unknown));
          });
          return ids;
        });
  }

  private Future<Void> keepsEveryPermission(SqlClient conn, Row role, Set<String> wanted) {
    if (!role.getBoolean("is_protected")) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(sql.get("current_role_permissions")).execute(Tuple.of(role.getUUID("id")))
        .compose(rows -> {
          for (Row row : rows) {
            if (!wanted.contains(row.getString("code"))) {
              return Future.failedFuture(conflict("role_protected",
                  Map.of("code", role.getString("code"), "permission", row.getString("code"))));
            }
          }
          return Future.succeededFuture();
        });
  }

  private static Set<String> codes(JsonArray array) {
    Set<String> codes = new LinkedHashSet<>();
    array.forEach(value -> codes.add(String.valueOf(value)));
    return codes;
  }
}
