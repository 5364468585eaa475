package io.moeen.common.db;

import io.moeen.common.errors.Problem;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one mapper from database refusals to problems. A feature writes only its table: which
 * refusal ({@link SqlRefusal}) by which constraint means which {@link Problem}. The first entry
 * that matches wins; a failure no entry names (another SQLSTATE, another constraint, not a
 * database failure at all) passes through unchanged, to be logged and answered as internal.
 * Tables are immutable: {@code on} returns a longer copy, so a table can be a constant.
 */
public final class ConstraintProblems {
  private record Entry(SqlRefusal refusal, Predicate<String> constraint, Supplier<? extends Problem> problem) {
  }

  private final List<Entry> entries;

  private ConstraintProblems(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** An empty table: it names nothing, so every failure passes through. */
  public static ConstraintProblems table() {
    return new ConstraintProblems(List.of());
  }

  /** The refusal by the constraint of exactly this name means this problem. */
  public ConstraintProblems on(SqlRefusal refusal, String constraint, Supplier<? extends Problem> problem) {
    Objects.requireNonNull(constraint);
    return on(refusal, constraint::equals, problem);
  }

  /** The refusal by any constraint whose name passes the test means this problem. */
  public ConstraintProblems on(SqlRefusal refusal, Predicate<String> constraint, Supplier<? extends Problem> problem) {
    List<Entry> longer = new ArrayList<>(entries);
    longer.add(new Entry(Objects.requireNonNull(refusal), Objects.requireNonNull(constraint),
        Objects.requireNonNull(problem)));
    return new ConstraintProblems(longer);
  }

  /** The refusal means this problem whichever constraint refused. */
  public ConstraintProblems on(SqlRefusal refusal, Supplier<? extends Problem> problem) {
    return on(refusal, constraint -> true, problem);
  }

  /** The problem this table names for the failure, or the failure itself. */
  public Throwable translate(Throwable failure) {
    return SqlRefusal.of(failure)
        .flatMap(refusal -> entries.stream()
            .filter(entry -> entry.refusal() == refusal && entry.constraint().test(SqlRefusal.constraint(failure)))
            .findFirst())
        .<Throwable>map(entry -> entry.problem().get())
        .orElse(failure);
  }

  /** {@link #translate} for a {@code recover} step: {@code .recover(CONSTRAINTS::recover)}. */
  public <T> Future<T> recover(Throwable failure) {
    return Future.failedFuture(translate(failure));
  }
}
