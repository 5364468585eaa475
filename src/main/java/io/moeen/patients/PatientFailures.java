package io.moeen.patients;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

import java.util.Map;

/** The one place this feature turns database refusals (SQLSTATE) into problems clients understand. */
final class PatientFailures {
  private PatientFailures() {
  }

  static <T> Future<T> translate(Throwable failure) {
    if (!(failure instanceof PgException pg)) {
      return Future.failedFuture(failure);
    }
    String constraint = pg.getConstraint() == null ? "" : pg.getConstraint();
    return Future.failedFuture(switch (pg.getSqlState()) {
      case "23505" -> switch (constraint) {
        case "patients_national_id_unique" -> new Problem(ProblemKind.CONFLICT, "national_id_taken", Map.of(), "nationalId");
        case "family_members_one_active" -> new Problem(ProblemKind.CONFLICT, "family_member_exists", Map.of());
        default -> pg;
      };
      // the database's own checks: only reachable by an edit that removes both first names
      case "23514" -> "patients_named".equals(constraint)
          ? Problem.invalid("patient_name_required", "firstNameAr", Map.of())
          : pg;
      default -> pg;
    });
  }
}
