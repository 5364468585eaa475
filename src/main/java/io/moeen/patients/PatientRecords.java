package io.moeen.patients;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registering, reading and editing one patient. Access is decided by {@link Access} first; the
 * database's row-level security is the second wall. Medical fields are shown only to those who
 * may read the patient's medical records, and every such showing is audited.
 */
final class PatientRecords {
  private final PatientStore store;
  private final ZoneId clinicZone;

  PatientRecords(PatientStore store, ZoneId clinicZone) {
    this.store = store;
    this.clinicZone = clinicZone;
  }

  Future<JsonObject> register(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    Access.requireAny(principal, "patients.create");
    PatientChanges patient = PatientChanges.parse(request.bodyAsObject(), clinicZone).requireName();
    return store.as(actor(request, principal), conn -> store.insert(conn, patient)
        .compose(row -> present(conn, principal, row, request.operation())));
  }

  Future<JsonObject> read(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = patientId(request);
    Access.requirePatient(principal, id, "patients", "read");
    return store.as(actor(request, principal), conn -> store.byId(conn, id)
        .compose(row -> present(conn, principal, found(row, id), request.operation())));
  }

  Future<JsonObject> edit(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = patientId(request);
    Access.requirePatient(principal, id, "patients", "write");
    PatientChanges changes = PatientChanges.parse(request.bodyAsObject(), clinicZone);
    if (!principal.has("patients.write.any")) {
      changes.firstFieldOutside(PatientChanges.CONTACT_FIELDS).ifPresent(field -> {
        throw new Problem(ProblemKind.FORBIDDEN, "forbidden_field", Map.of("field", field), field);
      });
    }
    return store.as(actor(request, principal), conn -> store.update(conn, id, changes)
        .compose(row -> present(conn, principal, found(row, id), request.operation())));
  }

  /**
   * The patient as this principal may see it; showing medical fields leaves an audit row. The patient's
   * own side sees them (family with the medical_records.read scope); staff holding medical_records.read.any
   * only for a patient in their care (clinical's rule, asked of the database): not the nurse, the admin,
   * or a doctor who never saw the patient.
   */
  private Future<JsonObject> present(SqlConnection conn, Principal principal, Row row, String operation) {
    UUID id = row.getUUID("id");
    Future<Boolean> medical = principal.has("medical_records.read.any")
        ? store.staffMayReadMedical(conn, id)
        : Future.succeededFuture(Access.mayActOnPatient(principal, id, "medical_records", "read"));
    return medical.compose(shown -> {
      JsonObject view = PatientView.of(row, shown);
      return shown ? store.auditMedicalRead(conn, id, operation).map(view) : Future.succeededFuture(view);
    });
  }

  static Row found(Optional<Row> row, UUID id) {
    return row.orElseThrow(() -> Problem.notFound("patient_not_found", Map.of("id", id.toString())));
  }

  static UUID patientId(RequestEnvelope request) {
    return UUID.fromString(request.param("id"));
  }

  static Actor actor(RequestEnvelope request, Principal principal) {
    return new Actor(principal, request.requestId(), request.clientIp());
  }
}
