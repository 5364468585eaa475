package io.moeen.chatbot.flow;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Flow versions over the API ({@code chatbot.flows.manage}): create a draft, change it
 * ({@code If-Match} with its row version), validate it, publish it (validated first: 422
 * {@code flow_invalid} with the problem list; the previously published version is archived in
 * the same transaction), list and read versions. Conversations stay on the version they started with.
 */
public final class FlowVersions {
  public static final String PERMISSION = "chatbot.flows.manage";
  static final SqlStatements SQL = SqlStatements.load("io/moeen/chatbot/flows.sql");

  private final Pool pool;
  private final Messages messages;
  private final FlowValidator validator = new FlowValidator();

  public FlowVersions(Pool pool, Messages messages) {
    this.pool = pool;
    this.messages = messages;
  }

  public Future<Void> verify() {
    return SQL.verify(pool);
  }

  public Future<Reply> list(RequestEnvelope request) {
    Access.requireAny(Access.principal(request), PERMISSION);
    return pool.preparedQuery(SQL.get("list")).execute(Tuple.of(request.param("key"))).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(r -> items.add(view(r, false)));
      return Reply.of(new JsonObject().put("items", items));
    });
  }

  public Future<Reply> get(RequestEnvelope request) {
    Access.requireAny(Access.principal(request), PERMISSION);
    return find(pool, request).map(row -> Reply.of(view(row, true)).withHeader("ETag", etag(row)));
  }

  public Future<Reply> create(RequestEnvelope request) {
    Principal caller = Access.principal(request);
    Access.requireAny(caller, PERMISSION);
    JsonObject body = request.bodyAsObject();
    String key = body.getString("key");
    return pool.withTransaction(conn -> conn.preparedQuery(SQL.get("lock_key")).execute(Tuple.of(key))
            .compose(locked -> conn.preparedQuery(SQL.get("insert_draft"))
                .execute(Tuple.of(key, body.getJsonObject("definition"), caller.userId()))))
        .map(rows -> {
          Row row = rows.iterator().next();
          return Reply.of(view(row, true)).withHeader("ETag", etag(row));
        });
  }

  public Future<Reply> update(RequestEnvelope request) {
    Access.requireAny(Access.principal(request), PERMISSION);
    JsonObject definition = request.bodyAsObject().getJsonObject("definition");
    return pool.withTransaction(conn -> lock(conn, request).compose(row -> {
      requireDraft(row);
      requireMatch(request.param("If-Match"), row.getInteger("row_version"));
      return conn.preparedQuery(SQL.get("update_draft"))
          .execute(Tuple.of(row.getString("key"), row.getInteger("version"), definition));
    })).map(rows -> {
      Row row = rows.iterator().next();
      return Reply.of(view(row, true)).withHeader("ETag", etag(row));
    });
  }

  public Future<Reply> validate(RequestEnvelope request) {
    Access.requireAny(Access.principal(request), PERMISSION);
    return find(pool, request).map(row -> {
      JsonArray problems = problems((JsonObject) row.getValue("definition"), request.locale());
      return Reply.of(new JsonObject().put("valid", problems.isEmpty()).put("problems", problems));
    });
  }

  public Future<Reply> publish(RequestEnvelope request) {
    Principal caller = Access.principal(request);
    Access.requireAny(caller, PERMISSION);
    return pool.withTransaction(conn -> lock(conn, request).compose(row -> {
      requireDraft(row);
      requireMatch(request.param("If-Match"), row.getInteger("row_version"));
      JsonArray problems = problems((JsonObject) row.getValue("definition"), request.locale());
      if (!problems.isEmpty()) {
        return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "flow_invalid",
            Map.of("count", problems.size())).withExtensions(new JsonObject().put("problems", problems)));
      }
      String key = row.getString("key");
      return conn.preparedQuery(SQL.get("archive_published")).execute(Tuple.of(key))
          .compose(archived -> conn.preparedQuery(SQL.get("publish"))
              .execute(Tuple.of(key, row.getInteger("version"), caller.userId())));
    })).map(rows -> {
      Row row = rows.iterator().next();
      return Reply.of(view(row, true)).withHeader("ETag", etag(row));
    });
  }

  /** Each problem with its code, node and arguments, and the message in the caller's language. */
  JsonArray problems(JsonObject definition, String locale) {
    SupportedLocale language = SupportedLocale.fromTag(locale).orElse(SupportedLocale.AR);
    List<FlowProblem> found = validator.validate(definition);
    JsonArray out = new JsonArray();
    for (FlowProblem p : found) {
      out.add(p.toJson().put("message", messages.format(language, "chatbot.flow." + p.code(), p.args())));
    }
    return out;
  }

  private Future<Row> find(io.vertx.sqlclient.SqlClient client, RequestEnvelope request) {
    String key = request.param("key");
    int version = Integer.parseInt(request.param("version"));
    return client.preparedQuery(SQL.get("get")).execute(Tuple.of(key, version))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(notFound(key, version))
            : Future.succeededFuture(rows.iterator().next()));
  }

  private Future<Row> lock(SqlConnection conn, RequestEnvelope request) {
    return conn.preparedQuery(SQL.get("lock_key")).execute(Tuple.of(request.param("key")))
        .compose(locked -> find(conn, request));
  }

  private static void requireDraft(Row row) {
    if (!"draft".equals(row.getString("status"))) {
      throw new Problem(ProblemKind.CONFLICT, "flow_not_draft", Map.of("key", row.getString("key"),
          "version", row.getInteger("version"), "status", row.getString("status")));
    }
  }

  private static void requireMatch(String ifMatch, int rowVersion) {
    if (ifMatch == null || ifMatch.strip().equals("*")) {
      return;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (!tag.replace("\"", "").equals(String.valueOf(rowVersion))) {
      throw new Problem(ProblemKind.PRECONDITION_FAILED, "flow_version_mismatch", Map.of("version", rowVersion));
    }
  }

  private static Problem notFound(String key, int version) {
    return Problem.notFound("flow_not_found", Map.of("key", key, "version", version));
  }

  private static String etag(Row row) {
    return "\"" + row.getInteger("row_version") + "\"";
  }

  private static JsonObject view(Row r, boolean withDefinition) {
    JsonObject json = new JsonObject().put("key", r.getString("key")).put("version", r.getInteger("version"))
        .put("status", r.getString("status"))
        .put("createdBy", r.getUUID("created_by") == null ? null : r.getUUID("created_by").toString())
        .put("publishedAt", instant(r, "published_at")).put("createdAt", instant(r, "created_at"))
        .put("updatedAt", instant(r, "updated_at")).put("rowVersion", r.getInteger("row_version"));
    if (withDefinition) {
      json.put("definition", r.getValue("definition"));
    }
    return json;
  }

  private static String instant(Row r, String column) {
    var value = r.getOffsetDateTime(column);
    return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC).toString();
  }
}
