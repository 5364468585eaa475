package io.moeen.scheduling.booking;

import io.moeen.common.db.IdempotencyKeys;
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

/** What booking reads and writes, all inside the caller's transaction; SQL in booking.sql. */
final class BookingStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/scheduling/booking.sql");
  private static final int DEFAULT_MAX_ACTIVE = 3;

  /** Who the appointment is for, and how to reach them. */
  record Patient(UUID id, UUID userId, String phone, String email, String language) {
  }

  /** The active patient visible to the caller (empty: none), how many future appointments they may hold, and hold. */
  record Facts(Optional<Patient> patient, int maxActive, int active) {
  }

  Future<Void> verify(Pool pool) {
    return SQL.verify(pool);
  }

  Future<Optional<IdempotencyKeys.StoredAnswer>> storedAnswer(SqlConnection conn, String scope, String key) {
    return IdempotencyKeys.storedAnswer(conn, scope, key);
  }

  /** Claims the key for this request; a concurrent duplicate blocks here, then fails with 23505. */
  Future<Void> claim(SqlConnection conn, String scope, String key, String hash) {
    return IdempotencyKeys.claim(conn, scope, key, hash);
  }

  Future<Void> complete(SqlConnection conn, String scope, String key, int status, JsonObject body) {
    return IdempotencyKeys.complete(conn, scope, key, status, body);
  }

  Future<Facts> facts(SqlConnection conn, UUID patientId) {
    return run(conn, "facts", Tuple.of(patientId)).map(rows -> {
      Row row = rows.iterator().next();
      Optional<Patient> patient = row.getUUID("id") == null || !row.getBoolean("is_active") ? Optional.empty()
          : Optional.of(new Patient(row.getUUID("id"), row.getUUID("user_id"), row.getString("phone"),
              row.getString("email"), row.getString("preferred_language")));
      Integer max = row.getInteger("max_active");
      return new Facts(patient, max == null ? DEFAULT_MAX_ACTIVE : max, row.getLong("active").intValue());
    });
  }

  /**
   * Inserts the appointment {@code id} and its outbox rows; answers the appointment as appointment_rows
   * shows it (with its location's time zone). {@code check} is the slot verdict (end and blocked range).
   */
  Future<Row> book(SqlConnection conn, UUID id, BookingRequest b, JsonObject check, UUID createdBy, BookingOutbox.Rows outbox) {
    Tuple values = Tuple.tuple()
        .addUUID(id).addUUID(b.patientId()).addUUID(b.doctorId()).addUUID(b.serviceId()).addUUID(b.locationId())
        .addOffsetDateTime(utc(b.startsAt()))
        .addOffsetDateTime(utc(Instant.parse(check.getString("endsAt"))))
        .addOffsetDateTime(utc(Instant.parse(check.getString("blockedFrom"))))
        .addOffsetDateTime(utc(Instant.parse(check.getString("blockedUntil"))))
        .addString(b.type()).addString(b.source()).addString(b.notes()).addString(b.idempotencyKey())
        .addUUID(createdBy);
    outbox.addTo(values);
    values.addUUID(b.roomId()).addBoolean(b.defaultRoom());
    return run(conn, "book", values).map(rows -> rows.iterator().next());
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
