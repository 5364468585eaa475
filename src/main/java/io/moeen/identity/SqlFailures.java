package io.moeen.identity;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

import java.util.Map;

/** The one place the identity feature turns SQLSTATEs into problems. */
final class SqlFailures {
  private SqlFailures() {
  }

  static <T> Future<T> translate(Throwable failure) {
    if (failure instanceof PgException pg) {
      String constraint = pg.getConstraint() == null ? "" : pg.getConstraint();
      switch (pg.getSqlState()) {
        case "23505": // unique: another account took the email or phone first
          if (constraint.startsWith("users_")) {
            return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "account_exists"));
          }
          break;
        case "23514": // check: e.g. users_named when both first names would be cleared
          if ("users_named".equals(constraint)) {
            return Future.failedFuture(Problem.invalid("name_required", "firstNameAr", Map.of()));
          }
          break;
        default:
          break;
      }
    }
    return Future.failedFuture(failure);
  }
}
