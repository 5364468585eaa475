package io.moeen.documents;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.UUID;

import static io.moeen.documents.DocumentsStore.MANAGE;
import static io.moeen.documents.DocumentsStore.WRITE_OWN;

/**
 * Document templates: global (the admin's) or a specialist's own, each a list of versions. Saving checks the
 * placeholders of both bodies (422 {@code template_placeholder_unknown}); a revision is a new version, so a
 * document rendered earlier still names the exact text it was filled from.
 */
final class Templates {
  private final DocumentsStore store;

  Templates(DocumentsStore store) {
    this.store = store;
  }

  Future<JsonObject> list(RequestEnvelope request) {
    String kind = request.param("kind");
    return store.as(DocumentsStore.actor(request), conn -> DocumentsStore.objects(conn, "templates_list", kind)
        .map(items -> new JsonObject().put("items", new JsonArray(items)).put("placeholders", new JsonArray(Placeholders.KNOWN))));
  }

  Future<JsonObject> get(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    String version = request.param("version");
    Integer wanted = version == null ? null : Integer.valueOf(version);
    return store.as(DocumentsStore.actor(request), conn -> read(conn, id, wanted));
  }

  Future<JsonObject> create(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    JsonObject body = request.bodyAsObject();
    Text text = Text.of(body);
    String scope = body.getString("scope", principal.has(MANAGE) ? "global" : "own");
    if (scope.equals("global") && !principal.has(MANAGE) || scope.equals("own") && !principal.has(WRITE_OWN)) {
      throw new Problem(ProblemKind.FORBIDDEN, "template_scope_not_allowed", Map.of("scope", scope), "scope");
    }
    return store.as(DocumentsStore.actor(request), conn -> owner(conn, scope)
        .compose(owner -> DocumentsStore.first(conn, "template_insert", body.getString("kind"), owner))
        .compose(row -> {
          UUID id = row.orElseThrow().getUUID("id");
          return DocumentsStore.run(conn, "version_insert", id, 1, text.nameAr, text.nameEn, text.bodyAr, text.bodyEn)
              .compose(done -> read(conn, id, null));
        }));
  }

  /** A new version of a template the caller may change (global: the admin; own: its specialist). */
  Future<JsonObject> revise(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    Text text = Text.of(body);
    Integer base = body.getInteger("baseVersion");
    return store.as(DocumentsStore.actor(request), conn -> DocumentsStore.first(conn, "template_find", id).compose(found -> {
      Row row = found.orElseThrow(() -> notFound(id));
      boolean global = row.getUUID("owner_doctor_id") == null;
      if (global && !principal.has(MANAGE) || !global && !principal.has(WRITE_OWN)) {
        throw new Problem(ProblemKind.FORBIDDEN, "template_not_yours", Map.of());
      }
      return DocumentsStore.first(conn, "template_lock", id);
    }).compose(locked -> {
      int current = locked.orElseThrow(() -> new Problem(ProblemKind.FORBIDDEN, "template_not_yours", Map.of()))
          .getInteger("current_version");
      if (base != null && base != current) {
        throw new Problem(ProblemKind.CONFLICT, "template_changed", Map.of("current", current));
      }
      return DocumentsStore.run(conn, "version_insert", id, current + 1, text.nameAr, text.nameEn, text.bodyAr, text.bodyEn)
          .compose(done -> DocumentsStore.run(conn, "template_bump", id, current + 1))
          .compose(done -> read(conn, id, null));
    }));
  }

  static Problem notFound(UUID id) {
    return Problem.notFound("template_not_found", Map.of("id", id.toString()));
  }

  private static Future<JsonObject> read(SqlConnection conn, UUID id, Integer version) {
    return DocumentsStore.first(conn, "template_get", id, version)
        .map(row -> (JsonObject) row.orElseThrow(() -> notFound(id)).getValue("body"));
  }

  /** The owner of a new template: none (global), or the acting specialist's doctor row. */
  private static Future<UUID> owner(SqlConnection conn, String scope) {
    if (scope.equals("global")) {
      return Future.succeededFuture(null);
    }
    return DocumentsStore.first(conn, "my_doctor").map(row -> {
      UUID doctor = row.map(r -> r.getUUID("doctor_id")).orElse(null);
      if (doctor == null) {
        throw new Problem(ProblemKind.UNPROCESSABLE, "template_owner_not_doctor", Map.of(), "scope");
      }
      return doctor;
    });
  }

  /** The names and bodies of a version, placeholders checked before anything is written. */
  private record Text(String nameAr, String nameEn, String bodyAr, String bodyEn) {
    static Text of(JsonObject body) {
      Text text = new Text(body.getString("nameAr").strip(), body.getString("nameEn").strip(), body.getString("bodyAr"),
          body.getString("bodyEn"));
      if (text.nameAr.isEmpty() || text.nameEn.isEmpty() || text.bodyAr.isBlank() || text.bodyEn.isBlank()) {
        throw Problem.invalid("template_text_blank", text.nameAr.isEmpty() ? "nameAr" : text.nameEn.isEmpty() ? "nameEn"
            : text.bodyAr.isBlank() ? "bodyAr" : "bodyEn", Map.of());
      }
      Placeholders.check(text.bodyAr, "bodyAr");
      Placeholders.check(text.bodyEn, "bodyEn");
      return text;
    }
  }
}
