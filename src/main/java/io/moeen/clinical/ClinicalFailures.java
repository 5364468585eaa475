package io.moeen.clinical;

import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.Map;

import static io.moeen.common.db.SqlRefusal.CHECK;
import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** The clinical tables' constraints and the problems they mean ({@link ConstraintProblems} maps them). */
final class ClinicalFailures {
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(CHECK, "clinical_notes_signed_final", () -> new Problem(ProblemKind.CONFLICT, "note_signed", Map.of()))
      .on(UNIQUE, "diagnoses_one_primary", () -> new Problem(ProblemKind.CONFLICT, "primary_diagnosis_exists", Map.of(), "rank"))
      .on(UNIQUE, "allergies_one_active", () -> new Problem(ProblemKind.CONFLICT, "allergy_recorded", Map.of(), "substance"))
      .on(CHECK, "diagnoses_resolved_after_onset", () -> Problem.invalid("resolved_before_onset", "resolvedDate", Map.of()))
      .on(UNIQUE, "intake_forms_one_version", () -> new Problem(ProblemKind.CONFLICT, "intake_form_changed", Map.of()))
      .on(FOREIGN_KEY, "encounters_location_id_fkey",
          () -> Problem.invalid("unknown_location", "locationId", Map.of("field", "locationId")))
      .on(FOREIGN_KEY, "intake_forms_preferred_doctor_id_fkey",
          () -> Problem.invalid("unknown_doctor", "preferredDoctorId", Map.of("field", "preferredDoctorId")))
      .on(CHECK, "prescriptions_status_transition", ClinicalFailures::transitionRefused)
      .on(CHECK, "diagnoses_status_transition", ClinicalFailures::transitionRefused)
      .on(CHECK, "observations_status_transition", ClinicalFailures::transitionRefused)
      .on(CHECK, "prescriptions_error_has_reason", ClinicalFailures::reasonRequired)
      .on(CHECK, "diagnoses_error_has_reason", ClinicalFailures::reasonRequired)
      .on(CHECK, "observations_error_has_reason", ClinicalFailures::reasonRequired)
      .on(CHECK, "prescriptions_never_deleted", ClinicalFailures::neverDeleted)
      .on(CHECK, "diagnoses_never_deleted", ClinicalFailures::neverDeleted)
      .on(CHECK, "observations_never_deleted", ClinicalFailures::neverDeleted)
      .on(CHECK, "clinical_break_glass_reason_check", () -> Problem.invalid("emergency_reason_too_short", "emergencyReason", Map.of()));

  private ClinicalFailures() {
  }

  private static Problem transitionRefused() {
    return new Problem(ProblemKind.CONFLICT, "status_transition_refused", Map.of());
  }

  private static Problem reasonRequired() {
    return Problem.invalid("status_reason_required", "reason", Map.of("min", StatusChanges.MIN_REASON));
  }

  private static Problem neverDeleted() {
    return new Problem(ProblemKind.CONFLICT, "record_never_deleted", Map.of());
  }

  static Problem encounterNotFound(Object id) {
    return Problem.notFound("encounter_not_found", Map.of("id", String.valueOf(id)));
  }

  static Problem noteNotFound(Object id) {
    return Problem.notFound("note_not_found", Map.of("id", String.valueOf(id)));
  }
}
