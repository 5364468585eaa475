package io.moeen.clinical;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.identity.LoginIdentifier;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The intake form (seed 003): what a patient tells the clinic before the first visit, filled by the
 * patient on the portal or by reception. Every submission is a new version that never changes;
 * a doctor with the patient in care records that they reviewed it.
 */
final class IntakeForms {
  static final String WRITE_ANY = "intake_forms.write.any";
  static final String WRITE_OWN = "intake_forms.write.own";
  /** The scope a patient gives a family member to fill their form. */
  static final String FAMILY_SCOPE = "intake_forms.write";

  private final ClinicalStore store;

  IntakeForms(ClinicalStore store) {
    this.store = store;
  }

  /** The latest version (or {@code ?version=}): reception, nurses and doctors, and the patient's own side. */
  Future<JsonObject> latest(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = ClinicalInput.id(request);
    String version = request.param("version");
    Problem hidden = Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
    boolean staff = principal.has("clinical.summary.read");
    if (!staff && !ClinicalAccess.ownSide(principal, patientId)) {
      throw Access.refusal(principal, patientId, "medical_records", "read", hidden);
    }
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalStore.caresFor(conn, patientId)
        .compose(care -> {
          if (!care.patientExists()) {
            throw hidden;
          }
          return ClinicalStore.body(conn, "latest_intake_form", patientId, version == null ? null : Integer.valueOf(version));
        })
        .compose(found -> {
          JsonObject form = (JsonObject) found.orElseThrow(() ->
              Problem.notFound("intake_form_not_found", Map.of("id", patientId.toString())));
          JsonObject why = new JsonObject().put("operation", request.operation()).put("reader", staff ? "staff" : "own")
              .put("version", form.getInteger("version"));
          return ClinicalStore.auditRead(conn, "intake_forms", UUID.fromString(form.getString("id")), patientId, false, why)
              .map(form);
        }));
  }

  /** A new version, by the patient themself or by reception and nurses. */
  Future<JsonObject> submit(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = ClinicalInput.id(request);
    String via = submitter(principal, patientId);
    JsonObject body = request.bodyAsObject();
    JsonObject contact = body.getJsonObject("emergencyContact", new JsonObject());
    JsonObject insurance = body.getJsonObject("insurance", new JsonObject());
    String phone = ClinicalInput.text(contact, "phone");
    String e164 = phone == null ? null : LoginIdentifier.normalizePhone(phone)
        .orElseThrow(() -> Problem.invalid("invalid_phone", "emergencyContact.phone", Map.of("value", phone)));
    String doctor = ClinicalInput.text(body, "preferredDoctorId");
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalStore.caresFor(conn, patientId)
        .compose(care -> {
          if (!care.patientExists()) {
            throw Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
          }
          return ClinicalStore.object(conn, "insert_intake_form", patientId, list(body, "allergies"),
              list(body, "currentMedications"), list(body, "conditions"), ClinicalInput.text(body, "previousTreatments"),
              ClinicalInput.text(contact, "name"), e164, ClinicalInput.text(insurance, "provider"),
              ClinicalInput.text(insurance, "policyNumber"), ClinicalInput.text(body, "concerns"),
              doctor == null ? null : UUID.fromString(doctor), via);
        }));
  }

  /**
   * Who fills the form, as {@code submitted_via}: reception and nurses for anyone, the patient for
   * themself, a family member the patient gave {@code intake_forms.write}; anyone else 404 as for an
   * unknown patient, or 403 {@code scope_not_granted} for a family member without the scope.
   */
  private static String submitter(Principal principal, UUID patientId) {
    if (principal.has(WRITE_ANY)) {
      return "reception";
    }
    if (principal.patientId().map(patientId::equals).orElse(false)
        && (principal.has("patients.write.own") || principal.has(WRITE_OWN))) {
      return "patient";
    }
    if (principal.has(WRITE_OWN) && principal.family().getOrDefault(patientId, Set.of()).contains(FAMILY_SCOPE)) {
      return "family";
    }
    throw Access.refusal(principal, patientId, "intake_forms", "write",
        Problem.notFound("patient_not_found", Map.of("id", patientId.toString())));
  }

  /** A doctor with the patient in care records the review of one version, once. */
  Future<JsonObject> review(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID id = ClinicalInput.id(request);
    Problem hidden = Problem.notFound("intake_form_not_found", Map.of("id", id.toString()));
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalStore.first(conn, "intake_form_patient_unfiltered", id)
        .compose(row -> {
          UUID patientId = row.map(r -> r.getUUID("patient_id")).orElseThrow(() -> hidden);
          return ClinicalAccess.writer(conn, principal, patientId);
        })
        .compose(ok -> ClinicalStore.body(conn, "review_intake_form", id))
        .map(reviewed -> (JsonObject) reviewed.orElseThrow(() ->
            new Problem(ProblemKind.CONFLICT, "intake_form_reviewed", Map.of()))));
  }

  private static String[] list(JsonObject body, String field) {
    List<String> items = new ArrayList<>();
    for (Object item : body.getJsonArray(field, new JsonArray())) {
      String text = item instanceof String s && !s.isBlank() ? s.strip() : null;
      if (text != null && !items.contains(text)) {
        items.add(text);
      }
    }
    return items.toArray(String[]::new);
  }
}
