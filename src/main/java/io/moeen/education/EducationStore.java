package io.moeen.education;

import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
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
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/** Education rows in PostgreSQL, always as the acting principal (row-level security applies); SQL in education.sql. */
final class EducationStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/education/education.sql");
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(UNIQUE, "education_assignments_one_per_patient",
          () -> new Problem(ProblemKind.CONFLICT, "education_already_assigned", Map.of()))
      .on(UNIQUE, "education_materials_file_id_key", () -> new Problem(ProblemKind.CONFLICT, "education_file_in_use", Map.of()))
      .on(CHECK, "education_materials_content", () -> Problem.invalid("education_content_for_kind", "kind", Map.of()))
      .on(CHECK, "education_materials_video_url_check", () -> Problem.invalid("education_link_not_allowed", "videoUrl", Map.of()));

  private final Pool pool;

  EducationStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  static Actor actor(RequestEnvelope request, Principal principal) {
    return new Actor(principal, request.requestId(), request.clientIp());
  }

  /** Work in one transaction that row-level security and the audit triggers see as {@code actor}. */
  <T> Future<T> as(Actor actor, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, actor, work).recover(CONSTRAINTS::recover);
  }

  static Future<RowSet<Row>> run(SqlConnection conn, String statement, Object... args) {
    return conn.preparedQuery(SQL.get(statement)).execute(Tuple.from(args));
  }

  static Future<Optional<Row>> first(SqlConnection conn, String statement, Object... args) {
    return run(conn, statement, args).map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty());
  }

  static Future<List<JsonObject>> objects(SqlConnection conn, String statement, Object... args) {
    return run(conn, statement, args).map(rows -> {
      List<JsonObject> all = new ArrayList<>();
      rows.forEach(row -> all.add((JsonObject) row.getValue("body")));
      return all;
    });
  }
}
