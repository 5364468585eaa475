package io.moeen.scheduling.catalogue;

import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.Map;

import static io.moeen.common.db.SqlRefusal.CHECK;
import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** The catalogue's constraints and the problems they mean ({@link ConstraintProblems} maps them), and its missing rows. */
final class CatalogueFailures {
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(UNIQUE, constraint -> constraint.endsWith("_code_key"), () -> conflict("code_taken", "code"))
      .on(UNIQUE, "doctors_user_id_key", () -> conflict("already_a_doctor", "userId"))
      .on(UNIQUE, "doctors_license_number_key", () -> conflict("license_taken", "licenseNumber"))
      .on(UNIQUE, "availability_overrides_unique_start", () -> conflict("override_exists", "startsAt"))
      // a row another table still points at (a delete) is in use; a reference to nothing is bad input
      .on(FOREIGN_KEY, constraint -> constraint.startsWith("appointments_"), CatalogueFailures::inUse)
      .on(FOREIGN_KEY, constraint -> constraint.endsWith("department_id_fkey"),
          () -> unknown("unknown_department", "departmentId"))
      .on(FOREIGN_KEY, constraint -> constraint.endsWith("user_id_fkey"), () -> unknown("unknown_user", "userId"))
      .on(FOREIGN_KEY, constraint -> constraint.endsWith("location_id_fkey"),
          () -> unknown("unknown_location", "locationId"))
      .on(FOREIGN_KEY, constraint -> constraint.endsWith("service_id_fkey"),
          () -> unknown("unknown_service", "serviceIds"))
      .on(FOREIGN_KEY, () -> unknown("unknown_doctor", "doctorId"))
      .on(CHECK, () -> Problem.invalid("validation_failed", "body",
          Map.of("field", "body", "reasonKey", "validation.invalid")));

  private CatalogueFailures() {
  }

  static Problem conflict(String code, String field) {
    return new Problem(ProblemKind.CONFLICT, code, Map.of(), field);
  }

  static Problem inUse() {
    return new Problem(ProblemKind.CONFLICT, "in_use", Map.of());
  }

  static Problem unknown(String code, String field) {
    return Problem.invalid(code, field, Map.of("field", field));
  }

  static Problem notFound(String code, Object id) {
    return Problem.notFound(code, Map.of("id", String.valueOf(id)));
  }

  static Problem invalid(String code, String field) {
    return Problem.invalid(code, field, Map.of("field", field));
  }
}
