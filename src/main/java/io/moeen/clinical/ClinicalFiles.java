package io.moeen.clinical;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * X-rays, scans, photos, reports and documents of a patient. The API streams the upload into the file
 * store and hands over a reference (see docs/architecture.md, "Files"); here the type sniffed from the
 * bytes is checked against the allow-list and against what the client said, and the row is written.
 * A download answers with the stored file's key; the API streams the bytes. Every download is audited.
 */
final class ClinicalFiles {
  static final Set<String> ALLOWED = Set.of("application/pdf", "image/jpeg", "image/png", "application/dicom");
  private static final Set<String> CATEGORIES = Set.of("xray", "scan", "photo", "report", "document", "other");
  /** Declared types that say nothing: the sniffed type decides alone. */
  private static final Set<String> UNSAID = Set.of("application/octet-stream", "binary/octet-stream");

  private final ClinicalStore store;
  private final Thumbnails thumbnails;

  ClinicalFiles(ClinicalStore store, Thumbnails thumbnails) {
    this.store = store;
    this.thumbnails = thumbnails;
  }

  Future<JsonObject> upload(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = ClinicalInput.id(request);
    JsonObject body = request.bodyAsObject();
    JsonObject file = body.getJsonObject("file", new JsonObject());
    String category = field(request, body, "category");
    if (category == null) {
      category = "document";
    }
    if (!CATEGORIES.contains(category)) {
      throw Problem.invalid("unknown_file_category", "category", Map.of("value", category));
    }
    String title = field(request, body, "title");
    if (title != null && title.length() > 200) {
      throw Problem.invalid("file_title_too_long", "title", Map.of());
    }
    UUID encounterId = uuid(field(request, body, "encounterId"), "encounterId");
    String fileName = fileName(file.getString("fileName"));
    String kind = category;
    String detected = file.getString("detectedType");
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.writer(conn, principal, patientId)
        .map(ok -> {
          checkType(file);
          return ok;
        })
        .compose(ok -> encounterId == null ? Future.succeededFuture()
            : ClinicalStore.first(conn, "encounter_patient_unfiltered", encounterId).map(row -> {
              if (row.map(r -> r.getUUID("patient_id")).filter(patientId::equals).isEmpty()) {
                throw ClinicalFailures.encounterNotFound(encounterId);
              }
              return null;
            }))
        .compose(ok -> ClinicalStore.object(conn, "insert_file", patientId, encounterId, kind, title, fileName, detected,
            file.getLong("size"), file.getString("sha256"), file.getString("storageKey"))))
        .compose(row -> thumbnails.make(ClinicalInput.actor(request, principal), UUID.fromString(row.getString("id")),
                file.getString("storageKey"), detected)
            .map(made -> made ? row.put("hasThumbnail", true) : row));
  }

  /** The type sniffed from the bytes: what the client said it is, and on the allow-list. Checked after access. */
  private static void checkType(JsonObject file) {
    String detected = file.getString("detectedType");
    String declared = file.getString("declaredType");
    if (declared != null && !UNSAID.contains(declared) && !declared.equalsIgnoreCase(detected)) {
      throw Problem.invalid("file_type_mismatch", "file", Map.of("declared", declared, "detected", String.valueOf(detected)));
    }
    if (!ALLOWED.contains(detected)) {
      throw new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "file_type_not_allowed",
          Map.of("detected", String.valueOf(detected), "allowed", "PDF, JPEG, PNG, DICOM"), "file");
    }
  }

  Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = ClinicalInput.id(request);
    String reason = request.param("emergencyReason");
    Problem hidden = Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.reader(conn, principal, patientId, reason, hidden)
        .compose(reader -> ClinicalStore.array(conn, "files_json", patientId)
            .compose(items -> ClinicalAccess.audit(conn, "clinical_files", patientId, patientId, reader, request.operation(), reason)
                .map(new JsonObject().put("items", items)))));
  }

  /** The file's bytes, streamed by the API from the store; 404 for a file the caller may not know of. */
  Future<Reply> download(RequestEnvelope request) {
    return readFile(request, ClinicalFiles::reply);
  }

  /** The thumbnail of an image (a JPEG), as the file itself is read and audited; 404 {@code thumbnail_not_found} without one. */
  Future<Reply> thumbnail(RequestEnvelope request) {
    return readFile(request, row -> {
      String key = row.getString("thumbnail_key");
      if (key == null) {
        throw Problem.notFound("thumbnail_not_found", Map.of("id", ClinicalInput.id(request).toString()));
      }
      return new Reply(null, Map.of("X-Moeen-File", key, "Content-Type", "image/jpeg",
          "Content-Disposition", "inline; filename=\"thumbnail.jpg\"", "Cache-Control", "private, no-store"));
    });
  }

  /**
   * A stored file read as its patient's record is: 404 {@code file_not_found} for a file the caller may not
   * know of, {@code answer} made from its row (it may refuse, and then nothing is audited), then the read audited.
   */
  private Future<Reply> readFile(RequestEnvelope request, java.util.function.Function<Row, Reply> answer) {
    Principal principal = Access.principal(request);
    UUID fileId = ClinicalInput.id(request);
    String reason = request.param("emergencyReason");
    Problem hidden = Problem.notFound("file_not_found", Map.of("id", fileId.toString()));
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalStore.first(conn, "file_patient_unfiltered", fileId)
        .compose(owner -> {
          UUID patientId = owner.map(r -> r.getUUID("patient_id")).orElseThrow(() -> hidden);
          return ClinicalAccess.reader(conn, principal, patientId, reason, hidden)
              .compose(reader -> ClinicalStore.first(conn, "file_by_id", fileId)
                  .compose(found -> {
                    Reply reply = answer.apply(found.orElseThrow(() -> hidden));
                    return ClinicalAccess.audit(conn, "clinical_files", fileId, patientId, reader, request.operation(), reason)
                        .map(audited -> reply);
                  }));
        }));
  }

  private static Reply reply(Row row) {
    String name = row.getString("file_name");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Moeen-File", row.getString("storage_key"));
    headers.put("Content-Type", row.getString("content_type"));
    headers.put("Content-Disposition", name == null ? "attachment"
        : "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._ -]", "_") + "\"; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    headers.put("ETag", "\"" + row.getString("sha256") + "\"");
    headers.put("Cache-Control", "private, no-store");
    return new Reply(null, Map.copyOf(headers));
  }

  /** A form field of a multipart upload, or the query parameter of a raw one. */
  private static String field(RequestEnvelope request, JsonObject body, String name) {
    String value = ClinicalInput.text(body, name);
    return value != null ? value : blankToNull(request.param(name));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static UUID uuid(String value, String field) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("validation_failed", field, Map.of("field", field, "reasonKey", "validation.format"));
    }
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
