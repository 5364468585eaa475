package io.moeen.hospital;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.ConstraintProblems;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.function.Function;

import static io.moeen.common.db.SqlRefusal.CHECK;
import static io.moeen.common.db.SqlRefusal.EXCLUSION;
import static io.moeen.common.db.SqlRefusal.FOREIGN_KEY;
import static io.moeen.common.db.SqlRefusal.UNIQUE;

/**
 * The hospital's transactions, always as the acting principal (row-level security hides admissions from
 * those who may not see patients), and its table of constraints → problems. The application names the
 * conflicting record before it writes; these entries are the wall behind it, for the race it cannot see.
 */
public final class HospitalDatabase {
  static final ConstraintProblems CONSTRAINTS = ConstraintProblems.table()
      .on(EXCLUSION, "bed_assignments_one_patient_per_bed", () -> conflict("bed_taken"))
      .on(EXCLUSION, "bed_assignments_one_bed_per_patient", () -> conflict("patient_already_placed_elsewhere"))
      .on(EXCLUSION, "ambulance_runs_one_run_per_vehicle", () -> conflict("ambulance_run_overlap"))
      .on(UNIQUE, "cleaning_tasks_one_open_per_bed", () -> conflict("bed_taken"))
      .on(UNIQUE, "ambulances_plate_key", () -> taken("plate"))
      .on(UNIQUE, "staff_profiles_user_id_key", () -> taken("userId"))
      .on(UNIQUE, "hospital_rooms_code_key", () -> taken("code"))
      .on(UNIQUE, c -> c.endsWith("_code_key") || c.equals("beds_code_in_room"), () -> taken("code"))
      .on(FOREIGN_KEY, c -> c.contains("location"), () -> unknown("unknown_location", "locationId"))
      .on(FOREIGN_KEY, c -> c.contains("ward"), () -> unknown("unknown_ward", "wardId"))
      .on(FOREIGN_KEY, c -> c.contains("room_type"), () -> unknown("unknown_room_type", "roomTypeId"))
      .on(FOREIGN_KEY, c -> c.contains("department"), () -> unknown("unknown_department", "departmentId"))
      .on(FOREIGN_KEY, c -> c.startsWith("staff_profiles_user"), () -> unknown("unknown_user", "userId"))
      .on(FOREIGN_KEY, c -> c.startsWith("ambulance_crew_staff"), () -> unknown("unknown_staff", "crew"))
      .on(FOREIGN_KEY, c -> c.contains("patient"), () -> unknown("unknown_patient", "patientId"))
      .on(CHECK, c -> c.equals("admissions_discharge_after_admission") || c.equals("ambulance_runs_steps_in_order") || c.equals("cleaning_tasks_done_after_created")
          || c.equals("admissions_expected_after_start"), () -> Problem.invalid("times_out_of_order", null, Map.of()));

  private final Pool pool;

  public HospitalDatabase(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
  }

  /** Work in one transaction as the caller; refusals this feature expects become problems. */
  public <T> Future<T> as(RequestEnvelope request, Function<SqlConnection, Future<T>> work) {
    Principal principal = Access.principal(request);
    return SessionContext.inTransaction(pool, new Actor(principal, request.requestId(), request.clientIp()), work)
        .recover(CONSTRAINTS::recover);
  }

  /** The system's own work (the overdue sweep): no principal, sees no patient. */
  public <T> Future<T> asSystem(String purpose, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, Actor.system(purpose), work).recover(CONSTRAINTS::recover);
  }

  /** The single row, or null. */
  public static Row first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next();
  }

  public static Problem conflict(String code) {
    return new Problem(ProblemKind.CONFLICT, code, Map.of());
  }

  public static Problem conflict(String code, Map<String, ?> args) {
    return new Problem(ProblemKind.CONFLICT, code, args);
  }

  private static Problem taken(String field) {
    return new Problem(ProblemKind.CONFLICT, "code_taken", Map.of("field", field), field);
  }

  public static Problem unknown(String code, String field) {
    return Problem.invalid(code, field, Map.of("field", field));
  }
}
