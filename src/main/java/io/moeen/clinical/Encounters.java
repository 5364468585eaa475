package io.moeen.clinical;

import io.moeen.clinical.ClinicalAccess.Reader;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Encounters: one per visit. Checking an appointment in opens its encounter (a database trigger, so
 * scheduling never names this feature); a doctor opens walk-in and phone encounters here. An
 * encounter is finished, or marked entered in error, never deleted.
 */
final class Encounters {
  private final ClinicalStore store;

  Encounters(ClinicalStore store) {
    this.store = store;
  }

  /** A walk-in or phone encounter with the calling doctor. */
  Future<JsonObject> open(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, ClinicalAccess.WRITE_CARE);
    UUID patientId = ClinicalInput.id(request);
    JsonObject body = request.bodyAsObject();
    String kind = body.getString("kind", "walk_in");
    String complaint = ClinicalInput.text(body, "chiefComplaint");
    String location = ClinicalInput.text(body, "locationId");
    OffsetDateTime startedAt = ClinicalInput.instant(body, "startedAt");
    UUID id = UUID.randomUUID();
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalStore.first(conn, "acting_doctor")
        .compose(doctor -> {
          UUID doctorId = doctor.map(row -> row.getUUID("id"))
              .orElseThrow(() -> new Problem(ProblemKind.FORBIDDEN, "not_a_doctor", Map.of()));
          return ClinicalStore.caresFor(conn, patientId).compose(care -> {
            if (!care.patientExists()) {
              throw Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
            }
            return ClinicalStore.run(conn, "insert_encounter", id, patientId, doctorId,
                location == null ? null : UUID.fromString(location), kind, complaint, startedAt);
          });
        })
        .compose(done -> present(conn, id, Reader.CLINICIAN)));
  }

  Future<JsonObject> get(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = ClinicalInput.id(request);
    String reason = request.param("emergencyReason");
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalStore.first(conn, "encounter_patient_unfiltered", id)
        .compose(row -> {
          UUID patientId = row.map(r -> r.getUUID("patient_id")).orElseThrow(() -> ClinicalFailures.encounterNotFound(id));
          return ClinicalAccess.reader(conn, principal, patientId, reason, ClinicalFailures.encounterNotFound(id))
              .compose(reader -> present(conn, id, reader)
                  .compose(json -> ClinicalAccess.audit(conn, "encounters", id, patientId, reader, request.operation(), reason)
                      .map(json)));
        }));
  }

  Future<JsonObject> finish(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = ClinicalInput.id(request);
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.encounterForWrite(conn, principal, id, true)
        .compose(encounter -> ClinicalStore.run(conn, "finish_encounter", id))
        .compose(done -> present(conn, id, Reader.CLINICIAN)));
  }

  Future<JsonObject> markInError(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = ClinicalInput.id(request);
    String reason = ClinicalInput.required(request.bodyAsObject(), "reason");
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.encounterForWrite(conn, principal, id, false)
        .compose(encounter -> {
          if ("entered_in_error".equals(encounter.status())) {
            throw new Problem(ProblemKind.CONFLICT, "encounter_closed", Map.of("status", encounter.status(),
                "reasonKey", "encounter_status." + encounter.status()));
          }
          return ClinicalStore.run(conn, "mark_encounter_in_error", id, reason);
        })
        .compose(done -> present(conn, id, Reader.CLINICIAN)));
  }

  static Future<JsonObject> present(SqlConnection conn, UUID id, Reader reader) {
    return ClinicalStore.body(conn, "encounter_json", id, reader.signedOnly())
        .map(body -> (JsonObject) body.orElseThrow(() -> ClinicalFailures.encounterNotFound(id)));
  }
}
