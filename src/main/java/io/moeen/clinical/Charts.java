package io.moeen.clinical;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

/**
 * The chart (the summary a doctor sees first) and the allergies banner, the one part of the record
 * nurses and reception see. Every read leaves an audit row.
 */
final class Charts {
  private final ClinicalStore store;

  Charts(ClinicalStore store) {
    this.store = store;
  }

  Future<JsonObject> chart(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = ClinicalInput.id(request);
    String reason = request.param("emergencyReason");
    Problem hidden = Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.reader(conn, principal, patientId, reason, hidden)
        .compose(reader -> ClinicalStore.body(conn, "chart_json", patientId)
            .map(body -> ((JsonObject) body.orElseThrow(() -> hidden)).put("access", reader.code()))
            .compose(chart -> ClinicalAccess.audit(conn, "clinical_chart", patientId, patientId, reader, request.operation(), reason)
                .map(chart))));
  }

  /** The active allergies: clinicians, nurses and reception (clinical.summary.read), and the patient's own side. */
  Future<JsonObject> allergies(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = ClinicalInput.id(request);
    boolean staff = principal.has("clinical.summary.read");
    if (!staff && !ClinicalAccess.ownSide(principal, patientId)) {
      throw Access.refusal(principal, patientId, "medical_records", "read",
          Problem.notFound("patient_not_found", Map.of("id", patientId.toString())));
    }
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalStore.caresFor(conn, patientId)
        .compose(care -> {
          if (!care.patientExists()) {
            throw Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
          }
          return ClinicalStore.array(conn, "allergies_json", patientId);
        })
        .compose(items -> ClinicalStore.auditRead(conn, "allergies", patientId, patientId, false,
                new JsonObject().put("operation", request.operation()).put("reader", staff ? "staff" : "own"))
            .map(new JsonObject().put("items", items))));
  }

  Future<JsonObject> recordAllergy(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = ClinicalInput.id(request);
    JsonObject body = request.bodyAsObject();
    String substance = ClinicalInput.required(body, "substance");
    String reaction = ClinicalInput.text(body, "reaction");
    String severity = body.getString("severity", "moderate");
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.writer(conn, principal, patientId)
        .compose(ok -> ClinicalStore.object(conn, "insert_allergy", patientId, substance, reaction, severity)));
  }
}
