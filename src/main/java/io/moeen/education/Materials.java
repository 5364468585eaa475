package io.moeen.education;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.moeen.education.EducationAccess.MANAGE;
import static io.moeen.education.EducationAccess.WRITE;

/**
 * The library: materials (an article with its text, a link to a video, a PDF uploaded through the API's
 * upload path into the file store), listed and searched by topic, read by staff and, once given to them,
 * by patients. Links are checked as text ({@link EducationLinks}) and never fetched.
 */
final class Materials {
  /** Declared types that say nothing: the sniffed type decides alone. */
  private static final Set<String> UNSAID = Set.of("application/octet-stream", "binary/octet-stream");
  static final String PDF = "application/pdf";

  private final EducationStore store;
  private final ZoneId zone;
  private final Clock clock;

  Materials(EducationStore store, ZoneId zone, Clock clock) {
    this.store = store;
    this.zone = zone;
    this.clock = clock;
  }

  Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    String tag = request.param("tag") == null ? null : MaterialInput.normalTag(request.param("tag"));
    if (request.param("tag") != null && tag == null) {
      throw Problem.invalid("education_tags_invalid", "tag", Map.of("max", MaterialInput.MAX_TAGS));
    }
    String q = request.param("q");
    String pattern = q == null || q.isBlank() ? null
        : "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    boolean archived = "true".equals(request.param("includeArchived")) && principal.has(MANAGE);
    UUID author = "true".equals(request.param("mine")) ? principal.userId() : null;
    return store.as(EducationStore.actor(request, principal), conn ->
        EducationStore.objects(conn, "materials", tag, pattern, request.param("kind"), archived, author)
            .map(items -> new JsonObject().put("items", new JsonArray(items))));
  }

  Future<JsonObject> create(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    MaterialInput in = MaterialInput.of(request.bodyAsObject(), LocalDate.now(clock.withZone(zone)));
    return store.as(EducationStore.actor(request, principal), conn -> usableFile(conn, principal, in.fileId())
        .compose(ok -> EducationStore.first(conn, "insert_material", in.kind(), in.titleAr(), in.titleEn(), in.summaryAr(),
            in.summaryEn(), in.bodyAr(), in.bodyEn(), in.videoUrl(), in.fileId(), in.publishedOn(), in.tags()))
        .compose(row -> material(conn, row.orElseThrow().getUUID("id")))
        .map(row -> (JsonObject) row.getValue("body")));
  }

  /** A PDF for a new material: the caller's own upload (any, for the admin), not yet used by another material. */
  private static Future<Void> usableFile(SqlConnection conn, Principal principal, UUID fileId) {
    if (fileId == null) {
      return Future.succeededFuture();
    }
    return EducationStore.first(conn, "file_owner", fileId).map(found -> {
      Row row = found.filter(r -> principal.has(MANAGE) || principal.userId().equals(r.getUUID("uploaded_by")))
          .orElseThrow(() -> Problem.invalid("education_file_not_found", "fileId", Map.of("id", fileId.toString())));
      if (row.getBoolean("used")) {
        throw new Problem(ProblemKind.CONFLICT, "education_file_in_use", Map.of());
      }
      return null;
    });
  }

  Future<JsonObject> get(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    return store.as(EducationStore.actor(request, principal), conn -> visible(conn, principal, id)
        .map(row -> (JsonObject) row.getValue("body")));
  }

  /** Archives the material: no longer listed nor given; those who have it keep it. Its author or the admin. */
  Future<JsonObject> archive(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, WRITE, MANAGE);
    UUID id = UUID.fromString(request.param("id"));
    return store.as(EducationStore.actor(request, principal), conn -> material(conn, id)
        .compose(row -> {
          if (!principal.has(MANAGE) && !principal.userId().equals(row.getUUID("author_id"))) {
            throw new Problem(ProblemKind.FORBIDDEN, "education_not_author", Map.of());
          }
          return EducationStore.run(conn, "archive_material", id);
        })
        .compose(done -> material(conn, id))
        .map(row -> (JsonObject) row.getValue("body")));
  }

  /** The PDF's bytes, streamed by the API from the file store (the reply names the stored file). */
  Future<Reply> download(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    return store.as(EducationStore.actor(request, principal), conn -> visible(conn, principal, id)
        .compose(row -> EducationStore.first(conn, "material_file", id))
        .map(found -> reply(found.orElseThrow(() -> Problem.notFound("education_file_not_found", Map.of("id", id.toString()))))));
  }

  /** A PDF streamed in by the API (x-moeen-upload): checked by the type sniffed from its bytes, then recorded. */
  Future<JsonObject> upload(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    JsonObject file = request.bodyAsObject().getJsonObject("file", new JsonObject());
    String detected = file.getString("detectedType");
    String declared = file.getString("declaredType");
    if (declared != null && !UNSAID.contains(declared) && !declared.equalsIgnoreCase(detected)) {
      throw Problem.invalid("file_type_mismatch", "file", Map.of("declared", declared, "detected", String.valueOf(detected)));
    }
    if (!PDF.equals(detected)) {
      throw new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "file_type_not_allowed",
          Map.of("detected", String.valueOf(detected), "allowed", "PDF"), "file");
    }
    return store.as(EducationStore.actor(request, principal), conn -> EducationStore.first(conn, "insert_file",
            fileName(file.getString("fileName")), detected, file.getLong("size"), file.getString("sha256"),
            file.getString("storageKey"))
        .map(row -> (JsonObject) row.orElseThrow().getValue("body")));
  }

  /** The material as the caller may see it: staff all, the patient's side only what was given to them; else 404. */
  private static Future<Row> visible(SqlConnection conn, Principal principal, UUID id) {
    Future<Boolean> allowed = EducationAccess.staff(principal) ? Future.succeededFuture(true)
        : EducationStore.first(conn, "assigned_to_own", id).map(row -> row.map(r -> r.getBoolean("assigned")).orElse(false));
    return allowed.compose(yes -> {
      if (!yes) {
        throw notFound(id);
      }
      return material(conn, id);
    });
  }

  static Future<Row> material(SqlConnection conn, UUID id) {
    return EducationStore.first(conn, "material", id).map(found -> found.orElseThrow(() -> notFound(id)));
  }

  static Problem notFound(UUID id) {
    return Problem.notFound("education_material_not_found", Map.of("id", id.toString()));
  }

  private static Reply reply(Row row) {
    String name = row.getString("file_name");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Moeen-File", row.getString("storage_key"));
    headers.put("Content-Type", row.getString("content_type"));
    headers.put("Content-Disposition", name == null ? "inline"
        : "inline; filename=\"" + name.replaceAll("[^A-Za-z0-9._ -]", "_") + "\"; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    headers.put("ETag", "\"" + row.getString("sha256") + "\"");
    headers.put("Cache-Control", "private, no-store");
    return new Reply(null, Map.copyOf(headers));
  }

  /** The client's file name, without any directory, at most 255 characters; null when there is none. */
  private static String fileName(String name) {
    if (name == null) {
      return null;
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    return base.isEmpty() ? null : base.length() > 255 ? base.substring(base.length() - 255) : base;
  }
}
