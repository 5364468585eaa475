package io.moeen.clinical;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clinical notes: SOAP sections or free text. A draft is edited by its author until it is signed;
 * a signed note never changes (the database refuses it too): an addendum, or an entered-in-error
 * correction, is a new signed note pointing at it.
 */
final class Notes {
  static final List<String> SECTIONS = List.of("subjective", "objective", "assessment", "plan", "text");

  private final ClinicalStore store;

  Notes(ClinicalStore store) {
    this.store = store;
  }

  Future<JsonObject> create(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID encounterId = ClinicalInput.id(request);
    JsonObject body = request.bodyAsObject();
    String format = body.getString("format", body.containsKey("text") ? "free_text" : "soap");
    JsonObject sections = sections(body, format);
    boolean sign = body.getBoolean("sign", false);
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.encounterForWrite(conn, principal, encounterId, true)
        .compose(encounter -> insert(conn, encounter.id(), encounter.patientId(), "note", null, format, sections, sign)));
  }

  Future<JsonObject> update(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = ClinicalInput.id(request);
    JsonObject body = request.bodyAsObject();
    return store.as(ClinicalInput.actor(request, principal), conn -> draftOfCaller(conn, principal, id)
        .compose(note -> {
          JsonObject changes = sections(body, note.getString("format"));
          return ClinicalStore.object(conn, "update_note", id, changes);
        }));
  }

  Future<JsonObject> sign(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = ClinicalInput.id(request);
    return store.as(ClinicalInput.actor(request, principal), conn -> draftOfCaller(conn, principal, id)
        .compose(note -> ClinicalStore.object(conn, "sign_note", id)));
  }

  /** An addendum or an entered-in-error correction of a signed note: a new signed note pointing at it. */
  Future<JsonObject> amend(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = ClinicalInput.id(request);
    JsonObject body = request.bodyAsObject();
    String kind = body.getString("kind", "addendum");
    JsonObject text = new JsonObject().put("text", ClinicalInput.required(body, "text"));
    return store.as(ClinicalInput.actor(request, principal), conn -> locked(conn, principal, id)
        .compose(note -> {
          if (note.getValue("signed_at") == null) {
            throw new Problem(ProblemKind.CONFLICT, "note_not_signed", Map.of());
          }
          if (!"note".equals(note.getString("kind"))) {
            throw new Problem(ProblemKind.CONFLICT, "note_is_amendment", Map.of());
          }
          UUID patientId = note.getUUID("patient_id");
          return ClinicalAccess.writer(conn, principal, patientId)
              .compose(ok -> insert(conn, note.getUUID("encounter_id"), patientId, kind, id, "free_text", text, true));
        }));
  }

  private static Future<JsonObject> insert(SqlConnection conn, UUID encounterId, UUID patientId, String kind, UUID amends,
                                           String format, JsonObject s, boolean sign) {
    return ClinicalStore.object(conn, "insert_note", encounterId, patientId, kind, amends, format, s.getString("subjective"),
        s.getString("objective"), s.getString("assessment"), s.getString("plan"), s.getString("text"), sign);
  }

  /** The note; 404 when the caller may not see it (row-level security hides it). */
  private static Future<Row> locked(SqlConnection conn, Principal principal, UUID id) {
    Access.requireAny(principal, ClinicalAccess.WRITE_CARE);
    return ClinicalStore.first(conn, "note_by_id", id)
        .map(row -> row.orElseThrow(() -> ClinicalFailures.noteNotFound(id)));
  }

  /** A draft of the caller's own: someone else's note is 403, a signed one 409 {@code note_signed}. */
  private static Future<Row> draftOfCaller(SqlConnection conn, Principal principal, UUID id) {
    return locked(conn, principal, id).map(note -> {
      if (!principal.userId().equals(note.getUUID("author_id"))) {
        throw new Problem(ProblemKind.FORBIDDEN, "note_of_another_author", Map.of());
      }
      if (note.getValue("signed_at") != null) {
        throw new Problem(ProblemKind.CONFLICT, "note_signed", Map.of());
      }
      return note;
    });
  }

  /** The sections the format has; a section of the other format is 400, an empty note too. */
  private static JsonObject sections(JsonObject body, String format) {
    JsonObject sections = new JsonObject();
    for (String section : SECTIONS) {
      if (!body.containsKey(section)) {
        continue;
      }
      boolean soapSection = !section.equals("text");
      if (soapSection != format.equals("soap")) {
        throw Problem.invalid("section_not_in_format", section, Map.of("section", section, "format", format));
      }
      sections.put(section, ClinicalInput.text(body, section));
    }
    if (sections.stream().allMatch(e -> e.getValue() == null)) {
      throw Problem.invalid("note_empty", format.equals("soap") ? "subjective" : "text", Map.of());
    }
    return sections;
  }
}
