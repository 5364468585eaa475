package io.moeen.hospital.cleaning;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalDatabase;
import io.moeen.hospital.HospitalEvents;
import io.moeen.hospital.beds.BedLocks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalDatabase.conflict;
import static io.moeen.hospital.HospitalDatabase.first;

/**
 * Cleaning tasks: one per bed a patient left (created in the discharge's or transfer's own transaction, the bed
 * {@code cleaning} until it is done), and rounds scheduled per room. Housekeeping sees rooms, beds and tasks, never
 * a patient: no statement here reads an admission.
 */
public final class CleaningTasks {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/hospital/cleaning.sql");

  private final HospitalDatabase db;
  private final ClinicTimes times;
  private final HospitalEvents events;

  CleaningTasks(HospitalDatabase db, ClinicTimes times, HospitalEvents events) {
    this.db = db;
    this.times = times;
    this.events = events;
  }

  /** In the caller's transaction: the bed a patient just left gets its task, due after hospital.cleaning_due_minutes. */
  public static Future<Void> afterPatientLeft(SqlConnection conn, UUID roomId, UUID bedId, String kind, UUID by,
                                              OffsetDateTime now) {
    return conn.preparedQuery(SQL.get("due_minutes")).execute().compose(rows -> {
      int minutes = first(rows).getInteger("minutes");
      return conn.preparedQuery(SQL.get("insert_task"))
          .execute(Tuple.of(roomId, bedId, kind, now.plusMinutes(minutes), false, null, by, now));
    }).mapEmpty();
  }

  Future<Reply> list(RequestEnvelope request) {
    String status = request.param("status");
    int limit = request.params().getInteger("limit", 100);
    return db.as(request, conn -> conn.preparedQuery(SQL.get("tasks")).execute(Tuple.of(status, limit))).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(json(row)));
      return Reply.of(new JsonObject().put("items", items));
    });
  }

  /** A round or a deep cleaning for a room, at a time; a daily round comes back the next day once done. */
  Future<Reply> schedule(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    UUID roomId = UUID.fromString(body.getString("roomId"));
    OffsetDateTime due = times.optional(body, "dueAt");
    UUID by = Access.principal(request).userId();
    boolean repeat = body.getBoolean("repeatDaily", false);
    if (repeat && !"daily_round".equals(body.getString("kind"))) {
      throw Problem.invalid("repeat_only_daily_rounds", "repeatDaily", Map.of());
    }
    return db.as(request, conn -> conn.preparedQuery(SQL.get("hospital_room")).execute(Tuple.of(roomId))
        .compose(found -> {
          if (found.size() == 0) {
            throw HospitalDatabase.unknown("unknown_room", "roomId");
          }
          return conn.preparedQuery(SQL.get("insert_task")).execute(Tuple.of(roomId, null, body.getString("kind"), due,
              repeat, body.getString("notes"), by, times.now()));
        })
        .compose(rows -> task(conn, first(rows).getUUID("id"))))
        .map(Reply::of);
  }

  /** Done, by whom and when; the bed it was for is free again, and a daily round is set for the next day. */
  Future<Reply> complete(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    OffsetDateTime at = times.pastOrNow(body, "completedAt");
    UUID by = Access.principal(request).userId();
    UUID[] bed = new UUID[1];
    return db.as(request, conn -> conn.preparedQuery(SQL.get("task_for_update")).execute(Tuple.of(id))
        .compose(rows -> {
          Row task = first(rows);
          if (task == null) {
            throw Problem.notFound("cleaning_task_not_found", Map.of("id", id.toString()));
          }
          if (!"open".equals(task.getString("status"))) {
            throw conflict("cleaning_task_closed", Map.of("task", id.toString(), "status", task.getString("status")));
          }
          if (at.isBefore(task.getOffsetDateTime("created_at"))) {
            throw Problem.invalid("times_out_of_order", "completedAt", Map.of());
          }
          bed[0] = task.getUUID("bed_id");
          return conn.preparedQuery(SQL.get("complete_task")).execute(Tuple.of(id, at, by, body.getString("notes")))
              .compose(ok -> bed[0] == null ? Future.succeededFuture() : freeBed(conn, bed[0]))
              .compose(ok -> !task.getBoolean("repeat_daily") ? Future.succeededFuture()
                  : conn.preparedQuery(SQL.get("insert_task")).execute(Tuple.of(task.getUUID("room_id"), null,
                      task.getString("kind"), task.getOffsetDateTime("due_at").plusDays(1), true, null, by, times.now())));
        })
        .compose(ok -> task(conn, id)))
        .onSuccess(task -> {
          if (bed[0] != null) {
            events.bedChanged(bed[0], "available");
          }
        })
        .map(Reply::of);
  }

  private Future<Void> freeBed(SqlConnection conn, UUID bedId) {
    return conn.preparedQuery(BedLocks.SQL_BED_FOR_UPDATE).execute(Tuple.of(bedId)).compose(rows -> {
      Row bed = first(rows);
      return bed != null && "cleaning".equals(bed.getString("state"))
          ? conn.preparedQuery(BedLocks.SQL_SET_STATE).execute(Tuple.of(bedId, "available", times.now(), null)).mapEmpty()
          : Future.succeededFuture();
    });
  }

  private Future<JsonObject> task(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("task")).execute(Tuple.of(id)).map(rows -> json(first(rows)));
  }

  JsonObject json(Row r) {
    JsonObject json = new JsonObject().put("id", r.getUUID("id").toString()).put("kind", r.getString("kind"))
        .put("status", r.getString("status"))
        .put("room", new JsonObject().put("id", r.getUUID("room_id").toString()).put("code", r.getString("room_code")))
        .put("ward", new JsonObject().put("code", r.getString("ward_code")).put("nameAr", r.getString("ward_name_ar"))
            .put("nameEn", r.getString("ward_name_en")))
        .put("dueAt", times.format(r.getOffsetDateTime("due_at")))
        .put("overdue", "open".equals(r.getString("status")) && r.getOffsetDateTime("due_at").isBefore(times.now()))
        .put("repeatDaily", r.getBoolean("repeat_daily")).put("notes", r.getString("notes"))
        .put("createdAt", times.format(r.getOffsetDateTime("created_at")))
        .put("completedAt", times.format(r.getOffsetDateTime("completed_at")))
        .put("completedBy", r.getUUID("completed_by") == null ? null : r.getUUID("completed_by").toString());
    if (r.getUUID("bed_id") != null) {
      json.put("bed", new JsonObject().put("id", r.getUUID("bed_id").toString()).put("code", r.getString("bed_code")));
    }
    return json;
  }
}
