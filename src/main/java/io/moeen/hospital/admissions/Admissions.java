package io.moeen.hospital.admissions;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalDatabase;
import io.moeen.hospital.HospitalEvents;
import io.moeen.hospital.cleaning.CleaningTasks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalDatabase.conflict;
import static io.moeen.hospital.HospitalDatabase.first;

/**
 * Admissions and their beds: admit (now or backdated), reserve a bed for a planned admission, admit the planned
 * one, transfer, order the discharge, discharge, cancel. Every change locks the admission first and then the beds
 * in id order, so changes to one admission run one after another and never deadlock; the application names the
 * record in the way, and the exclusion constraints stop whatever it could not see.
 */
final class Admissions {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/hospital/admissions.sql");

  private final HospitalDatabase db;
  private final ClinicTimes times;
  private final HospitalEvents events;
  private final AdmissionView view;
  private final BedHolds holds;

  Admissions(HospitalDatabase db, ClinicTimes times, HospitalEvents events) {
    this.db = db;
    this.times = times;
    this.events = events;
    this.view = new AdmissionView(times);
    this.holds = new BedHolds(times);
  }

  /** With {@code plannedAdmissionAt}: a planned admission holding a reservation; otherwise the patient is admitted. */
  Future<Reply> create(RequestEnvelope request) {
    UUID by = Access.principal(request).userId();
    JsonObject body = request.bodyAsObject();
    UUID patient = UUID.fromString(body.getString("patientId"));
    UUID doctor = UUID.fromString(body.getString("doctorId"));
    UUID bedId = UUID.fromString(body.getString("bedId"));
    OffsetDateTime planned = times.optional(body, "plannedAdmissionAt");
    OffsetDateTime expected = times.optional(body, "expectedDischargeAt");
    boolean reserve = planned != null;
    if (reserve && body.getString("admittedAt") != null) {
      throw Problem.invalid("admission_time_ambiguous", "admittedAt", Map.of());
    }
    OffsetDateTime start = reserve ? planned : times.pastOrNow(body, "admittedAt");
    if (reserve && planned.isBefore(times.now())) {
      throw Problem.invalid("planned_in_past", "plannedAdmissionAt", Map.of("at", times.format(planned)));
    }
    if (expected != null && !expected.isAfter(start)) {
      throw Problem.invalid("times_out_of_order", "expectedDischargeAt", Map.of());
    }
    OffsetDateTime until = reserve ? expected : null;
    return db.as(request, conn -> exists(conn, "patient_exists", patient, "unknown_patient", "patientId")
        .compose(ok -> exists(conn, "doctor_exists", doctor, "unknown_doctor", "doctorId"))
        .compose(ok -> holds.lockBed(conn, bedId))
        .compose(bed -> {
          holds.requireUsable(bed, !reserve);
          return holds.bedFree(conn, bed, start, until, null)
              .compose(ok -> holds.patientFree(conn, patient, start, until, null))
              .compose(ok -> conn.preparedQuery(SQL.get("insert_admission")).execute(Tuple.of(patient, doctor,
                  body.getString("reason").trim(), reserve ? "planned" : "admitted", planned, expected,
                  reserve ? null : start, by)))
              .map(rows -> first(rows).getUUID("id"))
              .compose(id -> conn.preparedQuery(SQL.get("insert_assignment"))
                  .execute(Tuple.of(id, patient, bedId, reserve ? "reservation" : "stay", start, until))
                  .compose(ok -> reserve ? Future.succeededFuture() : holds.setBed(conn, bedId, "occupied"))
                  .compose(ok -> view.one(conn, id)));
        }))
        .onSuccess(admission -> events.bedChanged(bedId, reserve ? "available" : "occupied"))
        .map(Reply::of);
  }

  /** The planned admission arrives: its reservation becomes the stay, from the actual time on. */
  Future<Reply> admit(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    UUID[] bed = new UUID[1];
    return db.as(request, conn -> lockAdmission(conn, id, "planned")
        .compose(admission -> openAssignment(conn, id).compose(reservation -> {
          OffsetDateTime at = times.pastOrNow(request.bodyAsObject(), "admittedAt");
          bed[0] = reservation.getUUID("bed_id");
          UUID patient = admission.getUUID("patient_id");
          return holds.lockBed(conn, bed[0])
              .compose(row -> {
                holds.requireUsable(row, true);
                return holds.bedFree(conn, row, at, null, id);
              })
              .compose(ok -> holds.patientFree(conn, patient, at, null, id))
              .compose(ok -> conn.preparedQuery(SQL.get("begin_stay")).execute(Tuple.of(reservation.getUUID("id"), at)))
              .compose(ok -> conn.preparedQuery(SQL.get("mark_admitted")).execute(Tuple.of(id, at)))
              .compose(ok -> holds.setBed(conn, bed[0], "occupied"));
        }))
        .compose(ok -> view.one(conn, id)))
        .onSuccess(admission -> events.bedChanged(bed[0], "occupied"))
        .map(Reply::of);
  }

  /** Bed to bed in one transaction: the old stay ends and the new begins at the same instant; the old bed needs cleaning. */
  Future<Reply> transfer(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    UUID target = UUID.fromString(request.bodyAsObject().getString("bedId"));
    UUID by = Access.principal(request).userId();
    UUID[] from = new UUID[1];
    return db.as(request, conn -> lockAdmission(conn, id, "admitted")
        .compose(admission -> openAssignment(conn, id).compose(stay -> {
          OffsetDateTime at = times.pastOrNow(request.bodyAsObject(), "at"); // "now" once the admission is ours
          from[0] = stay.getUUID("bed_id");
          if (from[0].equals(target)) {
            throw conflict("same_bed", Map.of());
          }
          if (!at.isAfter(stay.getOffsetDateTime("since"))) {
            throw Problem.invalid("times_out_of_order", "at", Map.of());
          }
          boolean targetFirst = target.compareTo(from[0]) < 0;
          Future<Row[]> locked = holds.lockBed(conn, targetFirst ? target : from[0])
              .compose(a -> holds.lockBed(conn, targetFirst ? from[0] : target)
                  .map(b -> targetFirst ? new Row[] {b, a} : new Row[] {a, b}));
          return locked.compose(beds -> {
            Row old = beds[0];
            Row next = beds[1];
            holds.requireUsable(next, true);
            return holds.bedFree(conn, next, at, null, id)
                .compose(ok -> conn.preparedQuery(SQL.get("end_assignment")).execute(Tuple.of(stay.getUUID("id"), at, "transfer")))
                .compose(ok -> conn.preparedQuery(SQL.get("insert_assignment"))
                    .execute(Tuple.of(id, admission.getUUID("patient_id"), target, "stay", at, null)))
                .compose(ok -> holds.setBed(conn, target, "occupied"))
                .compose(ok -> holds.setBed(conn, from[0], "cleaning"))
                .compose(ok -> CleaningTasks.afterPatientLeft(conn, old.getUUID("room_id"), from[0], "transfer", by, times.now()));
          });
        }))
        .compose(ok -> view.one(conn, id)))
        .onSuccess(admission -> {
          events.bedChanged(from[0], "cleaning");
          events.bedChanged(target, "occupied");
        })
        .map(Reply::of);
  }

  /** The doctor orders the discharge: the bed stays the patient's until the actual discharge. */
  Future<Reply> orderDischarge(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    OffsetDateTime expected = times.optional(request.bodyAsObject(), "expectedDischargeAt");
    UUID[] bed = new UUID[1];
    return db.as(request, conn -> lockAdmission(conn, id, "admitted")
        .compose(admission -> openAssignment(conn, id))
        .compose(stay -> {
          bed[0] = stay.getUUID("bed_id");
          return conn.preparedQuery(SQL.get("order_discharge")).execute(Tuple.of(id, times.now(), expected));
        })
        .compose(ok -> view.one(conn, id)))
        .onSuccess(admission -> events.bedChanged(bed[0], "occupied"))
        .map(Reply::of);
  }

  /** The patient leaves: the stay ends at the actual time, the bed waits for housekeeping. */
  Future<Reply> discharge(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    UUID by = Access.principal(request).userId();
    UUID[] bed = new UUID[1];
    return db.as(request, conn -> lockAdmission(conn, id, "admitted")
        .compose(admission -> openAssignment(conn, id).compose(stay -> {
          // "now" once the admission is ours: a transfer committed while we waited began a stay before it
          OffsetDateTime at = times.pastOrNow(request.bodyAsObject(), "dischargedAt");
          bed[0] = stay.getUUID("bed_id");
          if (!at.isAfter(stay.getOffsetDateTime("since"))) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("admission", id.toString());
            args.put("since", times.format(stay.getOffsetDateTime("since")));
            throw new Problem(ProblemKind.INVALID_INPUT, "discharge_before_admission", args, "dischargedAt");
          }
          return holds.lockBed(conn, bed[0])
              .compose(row -> conn.preparedQuery(SQL.get("end_assignment")).execute(Tuple.of(stay.getUUID("id"), at, "discharge"))
                  .compose(ok -> conn.preparedQuery(SQL.get("mark_discharged")).execute(Tuple.of(id, at)))
                  .compose(ok -> holds.setBed(conn, bed[0], "cleaning"))
                  .compose(ok -> CleaningTasks.afterPatientLeft(conn, row.getUUID("room_id"), bed[0], "discharge", by, times.now())));
        }))
        .compose(ok -> view.one(conn, id)))
        .onSuccess(admission -> events.bedChanged(bed[0], "cleaning"))
        .map(Reply::of);
  }

  /** A planned admission that will not happen: its reservation is released. */
  Future<Reply> cancel(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    UUID[] bed = new UUID[1];
    return db.as(request, conn -> lockAdmission(conn, id, "planned")
        .compose(admission -> openAssignment(conn, id))
        .compose(reservation -> {
          bed[0] = reservation.getUUID("bed_id");
          return conn.preparedQuery(SQL.get("delete_assignment")).execute(Tuple.of(reservation.getUUID("id")));
        })
        .compose(ok -> conn.preparedQuery(SQL.get("mark_cancelled")).execute(Tuple.of(id)))
        .compose(ok -> view.one(conn, id)))
        .onSuccess(admission -> events.bedChanged(bed[0], "available"))
        .map(Reply::of);
  }

  Future<Reply> get(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    return db.as(request, conn -> view.one(conn, id)).map(Reply::of);
  }

  Future<Reply> list(RequestEnvelope request) {
    String status = request.param("status");
    int limit = request.params().getInteger("limit", 100);
    return db.as(request, conn -> view.list(conn, status, limit)).map(Reply::of);
  }

  private Future<Row> lockAdmission(SqlConnection conn, UUID id, String expectedStatus) {
    return conn.preparedQuery(SQL.get("admission_for_update")).execute(Tuple.of(id)).map(rows -> {
      Row row = first(rows);
      if (row == null) {
        throw Problem.notFound("admission_not_found", Map.of("id", id.toString()));
      }
      if (!row.getString("status").equals(expectedStatus)) {
        throw conflict("admission_wrong_status", Map.of("admission", id.toString(), "status", row.getString("status"),
            "expected", expectedStatus));
      }
      return row;
    });
  }

  private Future<Row> openAssignment(SqlConnection conn, UUID admission) {
    return conn.preparedQuery(SQL.get("open_assignment")).execute(Tuple.of(admission)).map(rows -> {
      Row row = first(rows);
      if (row == null) {
        throw new IllegalStateException("admission " + admission + " has no open bed assignment");
      }
      return row;
    });
  }

  private static Future<Void> exists(SqlConnection conn, String statement, UUID id, String code, String field) {
    return conn.preparedQuery(SQL.get(statement)).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        throw HospitalDatabase.unknown(code, field);
      }
      return null;
    });
  }
}
