package io.moeen.identity;

import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.Map;

import static io.moeen.common.db.SqlRefusal.CHECK;
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** Identity's constraints and the problems they mean; {@link ConstraintProblems} does the mapping. */
final class SqlFailures {
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      // another account took the email or phone first
      .on(UNIQUE, constraint -> constraint.startsWith("users_"), () -> new Problem(ProblemKind.CONFLICT, "account_exists"))
      // an edit that would clear both first names
      .on(CHECK, "users_named", () -> Problem.invalid("name_required", "firstNameAr", Map.of()));

  private SqlFailures() {
  }
}
