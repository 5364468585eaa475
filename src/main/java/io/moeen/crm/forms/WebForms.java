package io.moeen.crm.forms;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

/** The clinic's web forms for administrators: create (the key shown once), list, deactivate. */
final class WebForms {
  private final Pool pool;
  private final SqlStatements sql;

  WebForms(Pool pool, SqlStatements sql) {
    this.pool = pool;
    this.sql = sql;
  }

  Future<JsonObject> create(RequestEnvelope request) {
    Principal principal = manager(request);
    JsonObject body = request.bodyAsObject();
    String service = body.getString("interestedServiceId");
    String key = FormKeys.generate();
    return SessionContext.inTransaction(pool, actor(request, principal), conn -> (service == null
        ? Future.succeededFuture(true)
        : conn.preparedQuery(sql.get("service_exists")).execute(Tuple.of(UUID.fromString(service)))
            .map(rows -> rows.iterator().next().getBoolean("found")))
        .compose(found -> {
          if (!found) {
            throw Problem.notFound("service_not_found", Map.of("id", service));
          }
          return conn.preparedQuery(sql.get("insert_form")).execute(Tuple.of(body.getString("name").strip(),
              Buffer.buffer(FormKeys.hash(key)), FormKeys.prefix(key), body.getString("defaultSource", "web_form"),
              service == null ? null : UUID.fromString(service), principal.userId()));
        })
        .map(rows -> view(rows.iterator().next()).put("apiKey", key)));
  }

  Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = manager(request);
    return SessionContext.inTransaction(pool, actor(request, principal), conn -> conn.query(sql.get("forms")).execute()
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(view(row)));
          return new JsonObject().put("items", items);
        }));
  }

  Future<JsonObject> deactivate(RequestEnvelope request) {
    Principal principal = manager(request);
    UUID id = UUID.fromString(request.param("formId"));
    return SessionContext.inTransaction(pool, actor(request, principal), conn -> conn
        .preparedQuery(sql.get("deactivate_form")).execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            throw Problem.notFound("form_not_found", Map.of("id", id.toString()));
          }
          return view(rows.iterator().next());
        }));
  }

  private static Principal manager(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, "crm.forms.manage");
    return principal;
  }

  private static Actor actor(RequestEnvelope request, Principal principal) {
    return new Actor(principal, request.requestId(), request.clientIp());
  }

  private static JsonObject view(Row row) {
    UUID service = row.getUUID("interested_service_id");
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("name", row.getString("name"))
        .put("keyPrefix", row.getString("key_prefix"))
        .put("defaultSource", row.getString("default_source"))
        .put("interestedServiceId", service == null ? null : service.toString())
        .put("isActive", row.getBoolean("is_active"))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
  }
}
