package io.moeen.documents;

import io.moeen.common.auth.Access;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;

/**
 * Documents' rows in PostgreSQL, always as the acting principal (row-level security applies); SQL in
 * documents.sql. Also who may read or write a patient's documents: the clinical record's rule (a doctor for
 * the patients in their care; the patient, and family with {@code medical_records.read}, read their own).
 */
final class DocumentsStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/documents/documents.sql");
  static final String READ_CARE = "clinical.read.care";
  static final String WRITE_CARE = "clinical.write.care";
  static final String READ_OWN = "medical_records.read.own";
  static final String MANAGE = "documents.templates.manage";
  static final String WRITE_OWN = "documents.templates.write";
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(FOREIGN_KEY, "patient_documents_encounter_id_fkey",
          () -> Problem.invalid("encounter_not_found", "encounterId", Map.of("id", "?")));

  private final Pool pool;

  DocumentsStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  static Actor actor(RequestEnvelope request) {
    return new Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

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

  static Problem patientNotFound(UUID patientId) {
    return Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
  }

  /** The patient's own side: the patient themself, or family with the medical_records.read scope. */
  static boolean ownSide(Principal principal, UUID patientId) {
    return principal.has(READ_OWN) && (principal.patientId().map(patientId::equals).orElse(false)
        || principal.family().getOrDefault(patientId, Set.of()).contains("medical_records.read"));
  }

  /** Passes (saying whether as the clinician) for a reader of the patient's record; {@code hidden} (404) or 403 otherwise. */
  static Future<Boolean> reader(SqlConnection conn, Principal principal, UUID patientId, Problem hidden) {
    if (!principal.has(READ_CARE)) {
      if (ownSide(principal, patientId)) {
        return Future.succeededFuture(false);
      }
      throw Access.refusal(principal, patientId, "medical_records", "read", hidden);
    }
    return first(conn, "care", patientId).map(found -> {
      Row care = found.orElseThrow(() -> hidden);
      if (!care.getBoolean("patient_exists")) {
        throw hidden;
      }
      if (care.getBoolean("reads")) {
        return true;
      }
      if (ownSide(principal, patientId)) {
        return false;
      }
      throw new Problem(ProblemKind.FORBIDDEN, "not_in_care", Map.of());
    });
  }

  /** Passes for a doctor with the patient in their care; 404 for an unknown patient, 403 {@code not_in_care} otherwise. */
  static Future<Void> writer(SqlConnection conn, Principal principal, UUID patientId) {
    Access.requireAny(principal, WRITE_CARE);
    return first(conn, "care", patientId).map(found -> {
      Row care = found.orElseThrow(() -> patientNotFound(patientId));
      if (!care.getBoolean("patient_exists")) {
        throw patientNotFound(patientId);
      }
      if (!care.getBoolean("writes")) {
        throw new Problem(ProblemKind.FORBIDDEN, "not_in_care", Map.of());
      }
      return null;
    });
  }

  static Future<Void> auditRead(SqlConnection conn, String entityType, UUID entityId, UUID patientId, String operation, boolean clinician) {
    JsonObject what = new JsonObject().put("operation", operation).put("reader", clinician ? "clinician" : "own");
    return run(conn, "audit_read", entityType, entityId.toString(), what, "read", patientId).mapEmpty();
  }
}
