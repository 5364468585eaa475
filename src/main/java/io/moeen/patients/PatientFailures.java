package io.moeen.patients;

import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.Map;

import static io.moeen.common.db.SqlRefusal.CHECK;
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** The patient records' constraints and the problems they mean; {@link ConstraintProblems} does the mapping. */
final class PatientFailures {
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(UNIQUE, "patients_national_id_unique",
          () -> new Problem(ProblemKind.CONFLICT, "national_id_taken", Map.of(), "nationalId"))
      .on(UNIQUE, "family_members_one_active", () -> new Problem(ProblemKind.CONFLICT, "family_member_exists", Map.of()))
      // the database's own check: only reachable by an edit that removes both first names
      .on(CHECK, "patients_named", () -> Problem.invalid("patient_name_required", "firstNameAr", Map.of()));

  private PatientFailures() {
  }
}
