package io.moeen.clinical;

import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Clinical records in PostgreSQL, always as the acting principal; SQL in clinical.sql. */
final class ClinicalStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/clinical/clinical.sql");

  /** Whether the acting doctor cares for the patient (the row-level security's own test), and whether the patient exists. */
  record Care(boolean cares, boolean patientExists) {
  }

  private final Pool pool;

  ClinicalStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  /** Work in one transaction that row-level security and the audit triggers see as {@code actor}. */
  <T> Future<T> as(Actor actor, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, actor, work).recover(ClinicalFailures.CONSTRAINTS::recover);
  }

  static Future<RowSet<Row>> run(SqlConnection conn, String statement, Object... args) {
    return conn.preparedQuery(SQL.get(statement)).execute(Tuple.from(args));
  }

  static Future<Optional<Row>> first(SqlConnection conn, String statement, Object... args) {
    return run(conn, statement, args).map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty());
  }

  /** The {@code body} column (jsonb) of the first row, when there is one. */
  static Future<Optional<Object>> body(SqlConnection conn, String statement, Object... args) {
    return first(conn, statement, args).map(row -> row.map(r -> r.getValue("body")));
  }

  static Future<JsonObject> object(SqlConnection conn, String statement, Object... args) {
    return body(conn, statement, args).map(value -> (JsonObject) value.orElseThrow());
  }

  static Future<List<JsonObject>> objects(SqlConnection conn, String statement, Object... args) {
    return run(conn, statement, args).map(rows -> {
      List<JsonObject> all = new ArrayList<>();
      rows.forEach(row -> all.add((JsonObject) row.getValue("body")));
      return all;
    });
  }

  static Future<JsonArray> array(SqlConnection conn, String statement, Object... args) {
    return body(conn, statement, args).map(value -> (JsonArray) value.orElse(new JsonArray()));
  }

  static Future<Care> caresFor(SqlConnection conn, UUID patientId) {
    return first(conn, "cares_for", patientId).map(row -> row
        .map(r -> new Care(Boolean.TRUE.equals(r.getBoolean("cares")), Boolean.TRUE.equals(r.getBoolean("patient_exists"))))
        .orElse(new Care(false, false)));
  }

  /** One audit row: who saw which clinical record, as whom and why. */
  static Future<Void> auditRead(SqlConnection conn, String entityType, UUID entityId, UUID patientId, boolean emergency,
                                JsonObject what) {
    return run(conn, "audit_read", entityType, entityId.toString(), what, emergency ? "emergency_read" : "read", patientId)
        .mapEmpty();
  }
}
