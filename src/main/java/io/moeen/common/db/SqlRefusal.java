package io.moeen.common.db;

import io.vertx.pgclient.PgException;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The refusals of PostgreSQL a feature may want to name, by SQLSTATE. What each one means to a
 * client (a conflict, bad input, a retry) depends on the constraint, so only a feature's
 * {@link ConstraintProblems} table turns one into a problem.
 */
public enum SqlRefusal {
  /** 23505: another row holds the value; usually a conflict. */
  UNIQUE("23505"),
  /** 23P01: an exclusion constraint (e.g. overlapping times); usually a conflict. */
  EXCLUSION("23P01"),
  /** 23503: a reference to nothing (bad input) or a delete of a row still referenced (in use). */
  FOREIGN_KEY("23503"),
  /** 23514: a check constraint; usually bad input. */
  CHECK("23514"),
  /** 23502: a required column left empty. */
  NOT_NULL("23502"),
  /** 40001: a serializable transaction lost a race; worth retrying. */
  SERIALIZATION("40001"),
  /** 40P01: a deadlock was broken by aborting this transaction; worth retrying. */
  DEADLOCK("40P01"),
  /** 42501: insufficient privilege, also a row refused by a row-level security policy. */
  INSUFFICIENT_PRIVILEGE("42501"),
  /** 22P02: a value that does not parse as its type (e.g. a malformed uuid). */
  INVALID_TEXT("22P02");

  private final String sqlState;

  SqlRefusal(String sqlState) {
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }

  /** The refusal a failure carries, or empty when it is not a PostgreSQL refusal named here. */
  public static Optional<SqlRefusal> of(Throwable failure) {
    if (failure instanceof PgException pg) {
      for (SqlRefusal refusal : values()) {
        if (refusal.sqlState.equals(pg.getSqlState())) {
          return Optional.of(refusal);
        }
      }
    }
    return Optional.empty();
  }

  /** The name of the constraint that refused, or "" when PostgreSQL names none. */
  public static String constraint(Throwable failure) {
    return failure instanceof PgException pg && pg.getConstraint() != null ? pg.getConstraint() : "";
  }

  /** Whether the failure is this refusal by a constraint the test accepts. */
  public boolean matches(Throwable failure, Predicate<String> constraint) {
    return of(failure).filter(this::equals).isPresent() && constraint.test(constraint(failure));
  }
}
