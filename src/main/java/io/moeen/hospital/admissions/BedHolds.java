package io.moeen.hospital.admissions;

import io.moeen.common.errors.Problem;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.beds.BedLocks;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalDatabase.conflict;
import static io.moeen.hospital.HospitalDatabase.first;

/**
 * Whether a bed may be taken, and by whom: the checks that name the record in the way (the admission in the
 * bed, the reservation, the cleaning task, the patient's other bed) before the exclusion constraints have
 * their say. Each runs inside the caller's transaction, on a bed it has locked.
 */
final class BedHolds {
  private final ClinicTimes times;

  BedHolds(ClinicTimes times) {
    this.times = times;
  }

  /** The bed, locked; 400 {@code unknown_bed} when there is none (it is named in the body, not the path). */
  Future<Row> lockBed(SqlConnection conn, UUID bedId) {
    return conn.preparedQuery(BedLocks.SQL_BED_FOR_UPDATE).execute(Tuple.of(bedId)).map(rows -> {
      Row row = first(rows);
      if (row == null) {
        throw Problem.invalid("unknown_bed", "bedId", Map.of("field", "bedId"));
      }
      return row;
    });
  }

  /** A bed being cleaned or out of service takes no one now; a reservation for later only skips the cleaning. */
  void requireUsable(Row bed, boolean now) {
    String label = bed.getString("room_code") + "/" + bed.getString("code");
    switch (bed.getString("state")) {
      case "out_of_service" -> throw conflict("bed_out_of_service", Map.of("bed", label));
      case "cleaning" -> {
        if (now) {
          UUID task = bed.getUUID("cleaning_task_id");
          throw conflict("bed_being_cleaned", Map.of("bed", label, "task", task == null ? "-" : task.toString()));
        }
      }
      default -> {
      }
    }
  }

  /** Nobody else holds or has reserved the bed in [from, until): else 409 naming the admission in the way. */
  Future<Void> bedFree(SqlConnection conn, Row bed, OffsetDateTime from, OffsetDateTime until, UUID except) {
    String label = bed.getString("room_code") + "/" + bed.getString("code");
    Tuple args = Tuple.of(bed.getUUID("id"), from, until, except);
    return conn.preparedQuery(Admissions.SQL.get("bed_conflict")).execute(args).map(rows -> {
      Row other = first(rows);
      if (other != null) {
        String admission = other.getUUID("admission_id").toString();
        throw "stay".equals(other.getString("kind"))
            ? conflict("bed_occupied", Map.of("bed", label, "admission", admission))
            : conflict("bed_reserved", Map.of("bed", label, "admission", admission,
                "from", times.format(other.getOffsetDateTime("since"))));
      }
      if (until == null && "occupied".equals(bed.getString("state"))) {
        throw conflict("bed_occupied", Map.of("bed", label, "admission", "-"));
      }
      return null;
    });
  }

  /** The patient is in (or booked into) no other bed in [from, until): else 409 naming where. */
  Future<Void> patientFree(SqlConnection conn, UUID patient, OffsetDateTime from, OffsetDateTime until, UUID except) {
    Tuple args = Tuple.of(patient, from, until, except);
    return conn.preparedQuery(Admissions.SQL.get("patient_conflict")).execute(args).map(rows -> {
      Row other = first(rows);
      if (other != null) {
        throw conflict("patient_already_placed", Map.of("admission", other.getUUID("admission_id").toString(),
            "bed", other.getString("room_code") + "/" + other.getString("bed_code"), "kind", other.getString("kind")));
      }
      return null;
    });
  }

  Future<Void> setBed(SqlConnection conn, UUID bed, String state) {
    return conn.preparedQuery(BedLocks.SQL_SET_STATE).execute(Tuple.of(bed, state, times.now(), null))
        .mapEmpty();
  }
}
