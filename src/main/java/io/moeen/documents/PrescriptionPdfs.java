package io.moeen.documents;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.pdf.PdfRendering;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The printed prescription (issue 18): the clinic's header, the patient, the prescriber, the date in the
 * Gregorian and Hijri calendars, the drug lines the prescriber wrote in that visit, then the text of the
 * prescription layout (the prescriber's own, else the global one), in the request's language. Read as the
 * clinical record is; audited; drawn on a worker. Not stored: it is the prescription as it stands.
 */
final class PrescriptionPdfs {
  private final DocumentsStore store;
  private final Vertx vertx;
  private final DocumentPages pages;
  private final Messages messages;
  private final ZoneId zone;
  private final Clock clock;

  PrescriptionPdfs(DocumentsStore store, Vertx vertx, Messages messages, ZoneId zone, Clock clock) {
    this.store = store;
    this.vertx = vertx;
    this.pages = new DocumentPages(messages);
    this.messages = messages;
    this.zone = zone;
    this.clock = clock;
  }

  private record Read(JsonObject context, JsonArray lines, Optional<Row> layout) {
  }

  Future<Reply> pdf(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = UUID.fromString(request.param("id"));
    SupportedLocale lang = SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR);
    boolean ar = lang == SupportedLocale.AR;
    Problem hidden = Problem.notFound("prescription_not_found", Map.of("id", id.toString()));
    return store.as(DocumentsStore.actor(request), conn -> DocumentsStore.first(conn, "prescription_owner", id).compose(owner -> {
          Row o = owner.filter(r -> r.getUUID("patient_id") != null).orElseThrow(() -> hidden);
          UUID patientId = o.getUUID("patient_id");
          UUID prescriber = o.getUUID("prescriber_id");
          return DocumentsStore.reader(conn, principal, patientId, hidden)
              .compose(clinician -> DocumentsStore.auditRead(conn, "prescriptions", id, patientId, request.operation(), clinician))
              .compose(audited -> DocumentsStore.first(conn, "context", patientId, o.getUUID("encounter_id"), prescriber))
              .compose(ctx -> DocumentsStore.first(conn, "prescription_lines", id)
                  .compose(lines -> DocumentsStore.first(conn, "prescription_layout", prescriber)
                      .map(layout -> new Read((JsonObject) ctx.orElseThrow().getValue("body"),
                          (JsonArray) lines.orElseThrow().getValue("body"), layout))));
        }))
        .compose(read -> vertx.executeBlocking(() -> {
          DocumentValues values = new DocumentValues(read.context, lang, zone, clock.instant(), messages, null);
          String title = read.layout.map(r -> r.getString(ar ? "name_ar" : "name_en"))
              .orElseGet(() -> messages.format(lang, "documents.prescription.title"));
          String body = read.layout.map(r -> r.getString(ar ? "body_ar" : "body_en")).orElse(null);
          return PdfRendering.render(pages.prescription(title, body, read.lines, values), ar);
        }, false))
        .map(pdf -> Reply.of(pdf).withHeader("Content-Type", "application/pdf")
            .withHeader("Content-Disposition", "inline; filename=\"prescription-" + id + "-" + lang.tag() + ".pdf\"")
            .withHeader("Cache-Control", "private, no-store"));
  }
}
