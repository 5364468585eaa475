package io.moeen.patients;

import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
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

/** Patients and their family links in PostgreSQL, always as the acting principal; SQL in patients.sql. */
final class PatientStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/patients/patients.sql");

  private final Pool pool;

  PatientStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  /** Work in one transaction that row-level security and the audit triggers see as {@code actor}. */
  <T> Future<T> as(Actor actor, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, actor, work).recover(PatientFailures.CONSTRAINTS::recover);
  }

  Future<Row> insert(SqlConnection conn, PatientChanges p) {
    return conn.preparedQuery(SQL.get("insert_patient")).execute(Tuple.from(new Object[] {
        p.get("first_name_ar"), p.get("last_name_ar"), p.get("first_name_en"), p.get("last_name_en"),
        p.get("date_of_birth"), p.get("gender"), p.get("national_id"), p.get("phone"), p.get("email"),
        p.get("address"), p.columns().getOrDefault("known_allergies", new String[0]), p.get("emergency_contact_name"),
        p.get("emergency_contact_phone"), p.get("medical_history"), p.get("preferred_language")}))
        .map(rows -> rows.iterator().next());
  }

  Future<Optional<Row>> byId(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("patient_by_id")).execute(Tuple.of(id)).map(PatientStore::first);
  }

  Future<Optional<Row>> update(SqlConnection conn, UUID id, PatientChanges changes) {
    return conn.preparedQuery(SQL.get("update_patient")).execute(Tuple.of(id, changes.asJson()))
        .map(PatientStore::first);
  }

  Future<List<Row>> search(SqlConnection conn, PatientSearch.Query q) {
    return conn.preparedQuery(SQL.get("search_patients")).execute(Tuple.from(new Object[] {
        q.text(), q.phone(), q.mrn(),
        q.after().map(PatientSearch.Cursor::createdAt).orElse(null),
        q.after().map(PatientSearch.Cursor::id).orElse(null),
        q.limit() + 1}))
        .map(PatientStore::all);
  }

  /** One audit row saying the medical fields of {@code patientId} were shown to the acting user. */
  /** Whether staff holding medical_records.read.any may see this patient's medical fields: the patient is in their care. */
  Future<Boolean> staffMayReadMedical(SqlConnection conn, UUID patientId) {
    return conn.preparedQuery(SQL.get("staff_medical_reader")).execute(Tuple.of(patientId))
        .map(rows -> Boolean.TRUE.equals(rows.iterator().next().getBoolean("allowed")));
  }

  Future<Void> auditMedicalRead(SqlConnection conn, UUID patientId, String operation) {
    JsonObject what = new JsonObject().put("operation", operation)
        .put("fields", new io.vertx.core.json.JsonArray().add("knownAllergies").add("medicalHistory"));
    return conn.preparedQuery(SQL.get("audit_medical_read")).execute(Tuple.of(patientId, what)).mapEmpty();
  }

  Future<List<Row>> family(SqlConnection conn, UUID patientId) {
    return conn.preparedQuery(SQL.get("family_of_patient")).execute(Tuple.of(patientId)).map(PatientStore::all);
  }

  Future<Optional<Row>> familyMember(SqlConnection conn, UUID memberId, UUID patientId) {
    return conn.preparedQuery(SQL.get("family_member")).execute(Tuple.of(memberId, patientId)).map(PatientStore::first);
  }

  Future<Optional<UUID>> account(SqlConnection conn, String email, String phone) {
    return conn.preparedQuery(SQL.get("account_by_email_or_phone")).execute(Tuple.of(email, phone))
        .map(rows -> first(rows).map(row -> row.getUUID("id")));
  }

  Future<UUID> addFamilyMember(SqlConnection conn, UUID patientId, UUID userId, String relationship, String[] scopes) {
    return conn.preparedQuery(SQL.get("insert_family_member")).execute(Tuple.of(patientId, userId, relationship, scopes))
        .map(rows -> rows.iterator().next().getUUID("id"))
        .compose(id -> conn.preparedQuery(SQL.get("grant_family_role")).execute(Tuple.of(userId)).map(id));
  }

  Future<Boolean> updateFamilyMember(SqlConnection conn, UUID memberId, UUID patientId, String[] scopes, String relationship) {
    return conn.preparedQuery(SQL.get("update_family_scopes")).execute(Tuple.of(memberId, patientId, scopes, relationship))
        .map(rows -> rows.size() == 1);
  }

  /** The member's account, when a grant was revoked. */
  Future<Optional<UUID>> revokeFamilyMember(SqlConnection conn, UUID memberId, UUID patientId) {
    return conn.preparedQuery(SQL.get("revoke_family_member")).execute(Tuple.of(memberId, patientId))
        .map(rows -> first(rows).map(row -> row.getUUID("user_id")));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty();
  }

  private static List<Row> all(RowSet<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }
}
