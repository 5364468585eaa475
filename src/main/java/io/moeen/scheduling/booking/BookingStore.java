package io.moeen.scheduling.booking;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** What booking writes, all inside the caller's transaction; SQL in booking.sql. */
final class BookingStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/scheduling/booking.sql");

  /** The first answer to an idempotent request, kept with the hash of its body. */
  record StoredAnswer(String requestHash, boolean completed, int status, JsonObject body) {
  }

  /** Who the appointment is for, and how to reach them. */
  record Patient(UUID id, UUID userId, String phone, String email, String language) {
  }

  Future<Void> verify(Pool pool) {
    return SQL.verify(pool);
  }

  Future<Optional<StoredAnswer>> storedAnswer(SqlConnection conn, String scope, String key) {
    return run(conn, "idempotency_find", Tuple.of(scope, key)).map(rows -> first(rows).map(row -> new StoredAnswer(
        row.getString("request_hash"), "completed".equals(row.getString("state")),
        row.getInteger("response_status") == null ? 0 : row.getInteger("response_status"),
        (JsonObject) row.getValue("response_body"))));
  }

  /** Claims the key for this request; a concurrent duplicate blocks here, then fails with 23505. */
  Future<Void> claim(SqlConnection conn, String scope, String key, String hash) {
    return run(conn, "idempotency_forget_expired", Tuple.of(scope, key))
        .compose(forgotten -> run(conn, "idempotency_claim", Tuple.of(scope, key, hash))).mapEmpty();
  }

  Future<Void> complete(SqlConnection conn, String scope, String key, int status, JsonObject body) {
    return run(conn, "idempotency_complete", Tuple.of(scope, key, status, body)).mapEmpty();
  }

  /** The active patient visible to the caller, if any. */
  Future<Optional<Patient>> patient(SqlConnection conn, UUID id) {
    return run(conn, "patient", Tuple.of(id)).map(rows -> first(rows).filter(row -> row.getBoolean("is_active"))
        .map(row -> new Patient(row.getUUID("id"), row.getUUID("user_id"), row.getString("phone"),
            row.getString("email"), row.getString("preferred_language"))));
  }

  /** How many more future appointments the patient may hold: the limit and the current count. */
  Future<int[]> activeAppointments(SqlConnection conn, UUID patientId) {
    Future<RowSet<Row>> limit = run(conn, "max_active", Tuple.tuple());
    return limit.compose(l -> run(conn, "active_count", Tuple.of(patientId)).map(count -> new int[] {
        first(l).map(row -> ((Number) row.getValue("value")).intValue()).orElse(3),
        first(count).map(row -> row.getLong("active").intValue()).orElse(0)}));
  }

  /** Inserts the appointment; the row comes back with its location's time zone. */
  Future<Row> insert(SqlConnection conn, BookingRequest b, JsonObject check, UUID createdBy) {
    Tuple values = Tuple.tuple()
        .addUUID(b.patientId()).addUUID(b.doctorId()).addUUID(b.serviceId()).addUUID(b.locationId())
        .addOffsetDateTime(utc(b.startsAt()))
        .addOffsetDateTime(utc(Instant.parse(check.getString("endsAt"))))
        .addOffsetDateTime(utc(Instant.parse(check.getString("blockedFrom"))))
        .addOffsetDateTime(utc(Instant.parse(check.getString("blockedUntil"))))
        .addString(b.type()).addString(b.source()).addString(b.notes()).addString(b.idempotencyKey())
        .addUUID(createdBy);
    return run(conn, "insert_appointment", values).map(rows -> rows.iterator().next());
  }

  Future<Void> notify(SqlConnection conn, Tuple values) {
    return run(conn, "insert_notification", values).mapEmpty();
  }

  static java.time.OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Future<RowSet<Row>> run(SqlConnection conn, String name, Tuple values) {
    return conn.preparedQuery(SQL.get(name)).execute(values);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }
}
