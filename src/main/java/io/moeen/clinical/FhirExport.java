package io.moeen.clinical;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /v1/patients/{id}/fhir}: the patient's record as a FHIR R4 Bundle. Read as the chart is
 * (same readers, same audit row); the resources are built and serialised by HAPI FHIR on a worker.
 */
final class FhirExport {
  static final String MEDIA_TYPE = "application/fhir+json; charset=utf-8";

  private final ClinicalStore store;
  private final Vertx vertx;

  FhirExport(ClinicalStore store, Vertx vertx) {
    this.store = store;
    this.vertx = vertx;
  }

  Future<Reply> export(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = ClinicalInput.id(request);
    String reason = request.param("emergencyReason");
    Problem hidden = Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.reader(conn, principal, patientId, reason, hidden)
            .compose(reader -> ClinicalStore.object(conn, "fhir_source", patientId)
                .compose(source -> ClinicalAccess.audit(conn, "fhir_export", patientId, patientId, reader, request.operation(), reason)
                    .map(source))))
        .compose(source -> {
          if (source.getJsonObject("patient") == null) {
            throw hidden;
          }
          return vertx.executeBlocking(() -> FhirBundles.json(source), false);
        })
        .map(json -> new Reply(json, Map.of("Content-Type", MEDIA_TYPE)));
  }

  /** For tests: the same bundle, not serialised. */
  static org.hl7.fhir.r4.model.Bundle bundle(JsonObject source) {
    return FhirBundles.bundle(source);
  }
}
