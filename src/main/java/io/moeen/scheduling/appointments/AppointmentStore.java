package io.moeen.scheduling.appointments;

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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.moeen.common.db.SqlRefusal.CHECK;
import static io.moeen.common.db.SqlRefusal.EXCLUSION;

/** Appointments and their outbox rows in PostgreSQL, always as the acting principal; SQL in appointments.sql. */
final class AppointmentStore {
  private static final SqlStatements SQL = SqlStatements.load("io/moeen/scheduling/appointments.sql");
  /**
   * The exclusion constraints say "taken", whichever of them refused. Completing an appointment whose
   * visit record (an encounter, opened at check-in) is still in progress is refused by a trigger the
   * clinical changeset adds; scheduling knows only the constraint's name.
   */
  private static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(EXCLUSION, AppointmentRooms.CONSTRAINT, () -> new Problem(ProblemKind.CONFLICT, AppointmentRooms.RACE, Map.of()))
      .on(EXCLUSION, () -> new Problem(ProblemKind.CONFLICT, "slot_taken", Map.of()))
      .on(CHECK, "appointments_encounter_finished", () -> new Problem(ProblemKind.CONFLICT, "encounter_not_finished", Map.of()));

  private final Pool pool;

  AppointmentStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool).compose(ok -> AppointmentRooms.verify(pool));
  }

  Pool pool() {
    return pool;
  }

  <T> Future<T> as(Actor actor, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, actor, work).recover(CONSTRAINTS::recover);
  }

  /** The appointment, locked for this transaction; 404 when it does not exist or row-level security hides it. */
  Future<Appointment> lock(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("appointment_for_update")).execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            throw AppointmentAccess.notFound(id);
          }
          return Appointment.from(rows.iterator().next());
        });
  }

  static Future<Row> details(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("appointment_details")).execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            throw AppointmentAccess.notFound(id);
          }
          return rows.iterator().next();
        });
  }

  Future<List<Row>> list(SqlConnection conn, AppointmentQuery q, AppointmentQuery.Scope scope) {
    return conn.preparedQuery(SQL.get("list_appointments")).execute(Tuple.from(new Object[] {
            scope.everything(), scope.doctorUserId(), scope.patientIds().toArray(UUID[]::new),
            q.doctorId(), q.patientId(), utc(q.from()), utc(q.to()), q.status(),
            q.after() == null ? null : utc(q.after().startsAt()), q.after() == null ? null : q.after().id(),
            q.limit() + 1, q.roomId()}))
        .map(AppointmentStore::all);
  }

  Future<Integer> setStatus(SqlConnection conn, UUID id, AppointmentStatus status) {
    return version(conn, "set_status", Tuple.of(id, status.code()));
  }

  Future<Integer> cancel(SqlConnection conn, UUID id, UUID by, String reason) {
    return version(conn, "cancel", Tuple.of(id, by, reason));
  }

  Future<Integer> openRequest(SqlConnection conn, UUID id, AppointmentStatus request, Instant requestedStart,
                              String notes) {
    return version(conn, "open_request", Tuple.of(id, request.code(), utc(requestedStart), notes));
  }

  Future<Integer> closeRequest(SqlConnection conn, UUID id) {
    return version(conn, "close_request", Tuple.of(id));
  }

  Future<Integer> move(SqlConnection conn, UUID id, Instant newStart, AppointmentStatus status, boolean keepRoom) {
    return version(conn, "move", Tuple.of(id, utc(newStart), status.code(), keepRoom));
  }

  /** Puts the appointment in this room, or in none ({@code null}); the exclusion constraint judges a race. */
  Future<Integer> setRoom(SqlConnection conn, UUID id, UUID roomId) {
    return conn.preparedQuery(AppointmentRooms.SQL.get("set_room")).execute(Tuple.of(id, roomId))
        .map(rows -> rows.iterator().next().getInteger("version"));
  }

  /** {@code booking.reschedule_notice_hours}, 24 when the setting is missing. */
  Future<Integer> rescheduleNoticeHours(SqlConnection conn) {
    return conn.preparedQuery(SQL.get("reschedule_notice_hours")).execute()
        .map(rows -> rows.size() == 0 ? 24 : ((Number) rows.iterator().next().getValue("value")).intValue());
  }

  Future<Void> notifyPatient(SqlConnection conn, UUID id, String eventType, JsonObject payload, String key) {
    return conn.preparedQuery(SQL.get("notify_patient")).execute(Tuple.of(id, eventType, payload, key)).mapEmpty();
  }

  Future<Void> notifyStaff(SqlConnection conn, String eventType, JsonObject payload, String keyPrefix) {
    return conn.preparedQuery(SQL.get("notify_staff")).execute(Tuple.of(eventType, payload, keyPrefix)).mapEmpty();
  }

  Future<Void> dropReminders(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("drop_reminders")).execute(Tuple.of(id)).mapEmpty();
  }

  Future<Void> retimeReminders(SqlConnection conn, UUID id, Instant oldStart, Instant newStart) {
    return conn.preparedQuery(SQL.get("retime_reminders")).execute(Tuple.of(id, utc(oldStart), utc(newStart)))
        .mapEmpty();
  }

  private static Future<Integer> version(SqlConnection conn, String statement, Tuple args) {
    return conn.preparedQuery(SQL.get(statement)).execute(args)
        .map(rows -> rows.iterator().next().getInteger("version"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static List<Row> all(RowSet<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }
}
