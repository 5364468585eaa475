package io.moeen.dental.images;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.dental.DentalAccess;
import io.moeen.dental.DentalStore;
import io.moeen.dental.chart.Fdi;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Photos and X-rays of a tooth, stored through clinical's files: the API streams the upload into the file store
 * ({@code x-moeen-upload}) and hands over its reference; here a {@code clinical_files} row (category {@code xray}
 * or {@code photo}) and a {@code dental_images} row are written in one transaction. Which image of a tooth and
 * kind is the latest is the database's rule (changeset 051: a partial unique index and a trigger), not ours.
 * A dentist caring for the patient or one of their assistants uploads; the readers of the chart read.
 */
public final class DentalImages {
  static final Set<String> KINDS = Set.of("photo", "xray");
  static final Set<String> ALLOWED = Set.of("image/jpeg", "image/png", "application/dicom");
  private static final Set<String> UNSAID = Set.of("application/octet-stream", "binary/octet-stream");

  private final DentalStore store;

  public DentalImages(DentalStore store) {
    this.store = store;
  }

  public Future<JsonObject> upload(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, DentalAccess.WRITE_CARE, DentalAccess.ASSIST);
    UUID patientId = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    JsonObject file = body.getJsonObject("file", new JsonObject());
    int tooth = tooth(field(request, body, "tooth"));
    String kind = field(request, body, "kind");
    if (kind == null) {
      throw Problem.invalid("field_required", "kind", Map.of("field", "kind"));
    }
    if (!KINDS.contains(kind)) {
      throw Problem.invalid("dental_image_kind_unknown", "kind", Map.of("value", kind));
    }
    String note = field(request, body, "note");
    if (note != null && note.length() > 1000) {
      throw Problem.invalid("dental_text_too_long", "note", Map.of("field", "note", "max", 1000));
    }
    String encounterText = field(request, body, "encounterId");
    UUID encounterId;
    try {
      encounterId = encounterText == null ? null : UUID.fromString(encounterText);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("validation_failed", "encounterId", Map.of("field", "encounterId", "reasonKey", "validation.format"));
    }
    String fileName = fileName(file.getString("fileName"));
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.chartWriter(conn, principal, patientId)
        .compose(care -> {
          checkType(file);
          return encounterId == null ? Future.succeededFuture() : DentalStore.first(conn, "encounter_patient", encounterId).map(row -> {
            if (row.map(r -> r.getUUID("patient_id")).filter(patientId::equals).isEmpty()) {
              throw Problem.invalid("encounter_not_of_patient", "encounterId", Map.of());
            }
            return null;
          });
        })
        .compose(ok -> DentalStore.first(conn, "insert_image_file", patientId, encounterId, kind,
            "FDI " + tooth, fileName, file.getString("detectedType"), file.getLong("size"), file.getString("sha256"),
            file.getString("storageKey")))
        .compose(stored -> DentalStore.first(conn, "insert_image", patientId, (short) tooth, kind,
            stored.orElseThrow().getUUID("id"), encounterId, note))
        .compose(inserted -> DentalStore.objects(conn, "image_json", inserted.orElseThrow().getUUID("id")))
        .map(items -> items.get(0)));
  }

  public Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    String toothText = request.param("tooth");
    Short tooth = toothText == null || toothText.isBlank() ? null : (short) tooth(toothText);
    boolean latest = "true".equalsIgnoreCase(request.param("latest"));
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.reader(conn, principal, patientId)
        .compose(reader -> DentalStore.objects(conn, "images_of_patient", patientId, tooth, latest))
        .compose(items -> DentalStore.run(conn, "audit_read", "dental_images", patientId.toString(), patientId,
                new JsonObject().put("operation", request.operation()))
            .map(new JsonObject().put("items", new JsonArray(items)))));
  }

  /** The image's bytes, streamed by the API from the file store; 404 for an image the caller may not know of. */
  public Future<Reply> download(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID imageId = UUID.fromString(request.param("id"));
    Problem hidden = Problem.notFound("dental_image_not_found", Map.of("id", imageId.toString()));
    return store.as(DentalStore.actor(request, principal), conn -> DentalStore.first(conn, "image_patient_unfiltered", imageId)
        .compose(owner -> {
          UUID patientId = owner.map(r -> r.getUUID("patient_id")).orElse(null);
          if (patientId == null) {
            return Future.failedFuture(hidden);
          }
          return Future.succeededFuture(patientId).compose(id -> DentalAccess.reader(conn, principal, id))
              .recover(e -> Future.failedFuture(e instanceof Problem p && p.kind() == ProblemKind.NOT_FOUND ? hidden : e))
              .compose(reader -> DentalStore.first(conn, "image_file", imageId))
              .compose(found -> {
                Row row = found.orElseThrow(() -> hidden);
                return DentalStore.run(conn, "audit_read", "dental_images", imageId.toString(), patientId,
                    new JsonObject().put("operation", request.operation())).map(audited -> reply(row));
              });
        }));
  }

  private static Reply reply(Row row) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Moeen-File", row.getString("storage_key"));
    headers.put("Content-Type", row.getString("content_type"));
    headers.put("Content-Disposition", "inline");
    headers.put("ETag", "\"" + row.getString("sha256") + "\"");
    headers.put("Cache-Control", "private, no-store");
    return new Reply(null, Map.copyOf(headers));
  }

  static int tooth(String text) {
    if (text == null) {
      throw Problem.invalid("field_required", "tooth", Map.of("field", "tooth"));
    }
    int tooth;
    try {
      tooth = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalid("tooth_not_fdi", "tooth", Map.of("tooth", text));
    }
    if (!Fdi.exists(tooth)) {
      throw Problem.invalid("tooth_not_fdi", "tooth", Map.of("tooth", tooth));
    }
    return tooth;
  }

  /** The type sniffed from the bytes: what the client said it is, and a picture (JPEG, PNG or DICOM). */
  private static void checkType(JsonObject file) {
    String detected = file.getString("detectedType");
    String declared = file.getString("declaredType");
    if (declared != null && !UNSAID.contains(declared) && !declared.equalsIgnoreCase(detected)) {
      throw Problem.invalid("file_type_mismatch", "file", Map.of("declared", declared, "detected", String.valueOf(detected)));
    }
    if (!ALLOWED.contains(detected)) {
      throw new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "file_type_not_allowed",
          Map.of("detected", String.valueOf(detected), "allowed", "JPEG, PNG, DICOM"), "file");
    }
  }

  /** A form field of a multipart upload, or the query parameter of a raw one. */
  private static String field(RequestEnvelope request, JsonObject body, String name) {
    Object value = body.getValue(name);
    String text = value == null ? request.param(name) : String.valueOf(value);
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String fileName(String name) {
    if (name == null) {
      return null;
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    return base.isEmpty() ? null : base.length() > 255 ? base.substring(base.length() - 255) : base;
  }
}
