package io.moeen.documents;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.files.BytesStream;
import io.moeen.common.files.FileStore;
import io.moeen.common.files.StoredFile;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.pdf.PdfRendering;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * A template filled for a patient (and optionally one of their encounters), rendered to PDF on a worker and
 * kept as the patient's clinical file (a report) with a row naming the template version: the document never
 * changes when the template does. Written by the doctor caring for the patient; read as the clinical record is.
 */
final class PatientDocuments {
  /** A rendered document is a few hundred kilobytes; far below the upload limit. */
  private static final long MAX_BYTES = 20L * 1024 * 1024;
  private final DocumentsStore store;
  private final Vertx vertx;
  private final FileStore files;
  private final DocumentPages pages;
  private final Messages messages;
  private final ZoneId zone;
  private final Clock clock;

  PatientDocuments(DocumentsStore store, Vertx vertx, FileStore files, Messages messages, ZoneId zone, Clock clock) {
    this.store = store;
    this.vertx = vertx;
    this.files = files;
    this.pages = new DocumentPages(messages);
    this.messages = messages;
    this.zone = zone;
    this.clock = clock;
  }

  /** What the transaction read: the template version and what fills it. */
  private record Filled(UUID templateId, int version, String kind, String title, String body, SupportedLocale lang,
                        JsonObject context) {
  }

  Future<JsonObject> render(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Actor actor = DocumentsStore.actor(request);
    UUID patientId = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    UUID templateId = UUID.fromString(body.getString("templateId"));
    UUID encounterId = body.getString("encounterId") == null ? null : UUID.fromString(body.getString("encounterId"));
    SupportedLocale lang = SupportedLocale.fromTag(body.getString("language", request.locale())).orElse(SupportedLocale.AR);
    boolean ar = lang == SupportedLocale.AR;
    String notes = body.getString("notes");
    Future<Filled> prepared = store.as(actor, conn -> DocumentsStore.writer(conn, principal, patientId)
        .compose(ok -> encounterId == null ? Future.succeededFuture()
            : DocumentsStore.first(conn, "encounter_patient", encounterId).map(row -> {
              if (row.map(r -> r.getUUID("patient_id")).filter(patientId::equals).isEmpty()) {
                throw Problem.notFound("encounter_not_found", Map.of("id", encounterId.toString()));
              }
              return null;
            }))
        .compose(ok -> DocumentsStore.first(conn, "template_get", templateId, null))
        .compose(found -> {
          Row t = found.orElseThrow(() -> Templates.notFound(templateId));
          return DocumentsStore.first(conn, "context", patientId, encounterId, principal.userId())
              .map(ctx -> new Filled(templateId, t.getInteger("version"), t.getString("kind"),
                  t.getString(ar ? "name_ar" : "name_en"), t.getString(ar ? "body_ar" : "body_en"), lang,
                  (JsonObject) ctx.orElseThrow().getValue("body")));
        }));
    // filled and rendered on a worker, after the transaction: no connection held while the PDF is drawn
    return prepared.compose(filled -> vertx.executeBlocking(() -> {
          DocumentValues values = new DocumentValues(filled.context, lang, zone, clock.instant(), messages, notes);
          return PdfRendering.render(pages.fromTemplate(filled.title, filled.body, values), ar);
        }, false)
        .compose(pdf -> files.put(new BytesStream(pdf), MAX_BYTES))
        .compose(stored -> keep(actor, patientId, encounterId, filled, stored)
            .recover(failed -> files.delete(stored.storageKey()).transform(deleted -> Future.failedFuture(failed)))));
  }

  private Future<JsonObject> keep(Actor actor, UUID patientId, UUID encounterId, Filled filled, StoredFile stored) {
    String fileName = filled.kind.replace('_', '-') + "-" + LocalDate.now(clock.withZone(zone)) + "-" + filled.lang.tag() + ".pdf";
    String title = filled.title.length() > 200 ? filled.title.substring(0, 200) : filled.title;
    return store.as(actor, conn -> DocumentsStore.first(conn, "insert_file", patientId, encounterId, title, fileName,
            stored.size(), stored.sha256(), stored.storageKey())
        .compose(file -> DocumentsStore.first(conn, "insert_document", patientId, encounterId, filled.templateId, filled.version,
            filled.kind, title, filled.lang.tag(), file.orElseThrow().getUUID("id")))
        .map(row -> (JsonObject) row.orElseThrow().getValue("body")));
  }

  Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    return store.as(DocumentsStore.actor(request), conn -> DocumentsStore.reader(conn, principal, patientId,
            DocumentsStore.patientNotFound(patientId))
        .compose(clinician -> DocumentsStore.objects(conn, "documents_list", patientId)
            .compose(items -> DocumentsStore.auditRead(conn, "patient_documents", patientId, patientId, request.operation(), clinician)
                .map(new JsonObject().put("items", new JsonArray(items))))));
  }
}
