package io.moeen.scheduling.catalogue;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

import java.util.Map;

/** The one place the catalogue turns database refusals (SQLSTATE) and missing rows into problems. */
final class CatalogueFailures {
  private CatalogueFailures() {
  }

  static <T> Future<T> translate(Throwable failure) {
    if (!(failure instanceof PgException pg)) {
      return Future.failedFuture(failure);
    }
    String constraint = pg.getConstraint() == null ? "" : pg.getConstraint();
    return Future.failedFuture(switch (pg.getSqlState()) {
      case "23505" -> unique(constraint, pg);
      case "23503" -> foreignKey(constraint);
      case "23514" -> Problem.invalid("validation_failed", "body",
          Map.of("field", "body", "reasonKey", "validation.invalid"));
      default -> pg;
    });
  }

  private static Throwable unique(String constraint, PgException pg) {
    if (constraint.endsWith("_code_key")) {
      return conflict("code_taken", "code");
    }
    return switch (constraint) {
      case "doctors_user_id_key" -> conflict("already_a_doctor", "userId");
      case "doctors_license_number_key" -> conflict("license_taken", "licenseNumber");
      case "availability_overrides_unique_start" -> conflict("override_exists", "startsAt");
      default -> pg;
    };
  }

  /** A row another table still points at (a delete) is in use; a reference to nothing is bad input. */
  private static Problem foreignKey(String constraint) {
    if (constraint.startsWith("appointments_")) {
      return inUse();
    }
    if (constraint.endsWith("department_id_fkey")) {
      return unknown("unknown_department", "departmentId");
    }
    if (constraint.endsWith("user_id_fkey")) {
      return unknown("unknown_user", "userId");
    }
    if (constraint.endsWith("location_id_fkey")) {
      return unknown("unknown_location", "locationId");
    }
    if (constraint.endsWith("service_id_fkey")) {
      return unknown("unknown_service", "serviceIds");
    }
    return unknown("unknown_doctor", "doctorId");
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
