package io.moeen.dental;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.auth.Principal;
import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.moeen.common.db.SqlRefusal.CHECK;
import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** Dental rows in PostgreSQL, always as the acting principal (row-level security applies); SQL in dental.sql. */
public final class DentalStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/dental/dental.sql");
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(UNIQUE, "dental_chart_versions_one_number", () -> new Problem(ProblemKind.CONFLICT, "dental_chart_changed", Map.of()))
      .on(CHECK, "dental_chart_teeth_fdi", () -> Problem.invalid("tooth_not_fdi", "teeth", Map.of("tooth", "?")))
      .on(CHECK, "dental_plans_transition", () -> new Problem(ProblemKind.CONFLICT, "dental_plan_transition", Map.of("from", "?", "to", "?")))
      .on(CHECK, "dental_plan_steps_transition", () -> new Problem(ProblemKind.CONFLICT, "dental_step_closed", Map.of("status", "?")))
      .on(CHECK, "dental_images_fdi", () -> Problem.invalid("tooth_not_fdi", "tooth", Map.of("tooth", "?")))
      .on(FOREIGN_KEY, "dental_records_diagnosis_code_fkey",
          () -> Problem.invalid("unknown_diagnosis_code", "diagnosisCode", Map.of()));

  private final Pool pool;

  public DentalStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  public static Actor actor(RequestEnvelope request, Principal principal) {
    return new Actor(principal, request.requestId(), request.clientIp());
  }

  /** Work in one transaction that row-level security and the audit triggers see as {@code actor}. */
  public <T> Future<T> as(Actor actor, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, actor, work).recover(CONSTRAINTS::recover);
  }

  public static Future<RowSet<Row>> run(SqlConnection conn, String statement, Object... args) {
    return conn.preparedQuery(SQL.get(statement)).execute(Tuple.from(args));
  }

  public static Future<Optional<Row>> first(SqlConnection conn, String statement, Object... args) {
    return run(conn, statement, args).map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty());
  }

  public static Future<List<JsonObject>> objects(SqlConnection conn, String statement, Object... args) {
    return run(conn, statement, args).map(rows -> {
      List<JsonObject> all = new ArrayList<>();
      rows.forEach(row -> all.add((JsonObject) row.getValue("body")));
      return all;
    });
  }
}
