package io.moeen.clinical;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

/**
 * Prescriptions, with the drug as free text until the pharmacy catalogue lands. A drug the patient is
 * recorded as allergic to (by name, or a known cross-reaction such as penicillin → amoxicillin) is
 * refused with 409 {@code allergy_conflict} naming the allergies, unless the prescriber overrides it
 * with a reason, which is kept on the prescription.
 */
final class Prescriptions {
  private final ClinicalStore store;

  Prescriptions(ClinicalStore store) {
    this.store = store;
  }

  Future<JsonObject> create(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID encounterId = ClinicalInput.id(request);
    JsonObject body = request.bodyAsObject();
    JsonObject drug = body.getJsonObject("drug", new JsonObject());
    String drugName = ClinicalInput.required(drug, "text");
    String dose = ClinicalInput.required(body, "dose");
    String frequency = ClinicalInput.required(body, "frequency");
    String override = ClinicalInput.text(body, "allergyOverrideReason");
    if (override != null && override.length() < 10) {
      throw Problem.invalid("override_reason_too_short", "allergyOverrideReason", Map.of("min", 10));
    }
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.encounterForWrite(conn, principal, encounterId, true)
        .compose(encounter -> ClinicalStore.objects(conn, "allergy_conflicts", encounter.patientId(), drugName)
            .compose(conflicts -> {
              if (!conflicts.isEmpty() && override == null) {
                throw new Problem(ProblemKind.CONFLICT, "allergy_conflict", Map.of("drug", drugName,
                    "substances", String.join(", ", conflicts.stream().map(c -> c.getString("substance")).toList())))
                    .withExtensions(new JsonObject().put("allergies", new JsonArray(conflicts)));
              }
              return ClinicalStore.object(conn, "insert_prescription", encounter.patientId(), encounterId, drugName, dose,
                  body.getString("route"), frequency, body.getInteger("durationDays"), body.getInteger("quantity"),
                  body.getInteger("refills"), ClinicalInput.text(body, "instructions"), body.getString("instructionsLanguage"),
                  conflicts.isEmpty() ? null : override);
            })));
  }
}
