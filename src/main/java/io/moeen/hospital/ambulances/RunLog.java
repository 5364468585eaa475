package io.moeen.hospital.ambulances;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.hospital.ClinicTimes;
import io.moeen.hospital.HospitalDatabase;
import io.moeen.hospital.HospitalEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalDatabase.conflict;
import static io.moeen.hospital.HospitalDatabase.first;

/**
 * The run log: a call comes in, then each step is stamped (dispatched, at scene, transporting, at hospital,
 * available; or cancelled). A vehicle is on one run at a time, from dispatch until available: checked here to
 * name the run in the way, and by the exclusion constraint behind it.
 */
final class RunLog {
  /** step → the statuses it may follow. */
  private static final Map<String, List<String>> AFTER = Map.of(
      "dispatched", List.of("call_received"),
      "at_scene", List.of("dispatched"),
      "transporting", List.of("at_scene"),
      "at_hospital", List.of("transporting"),
      "available", List.of("at_scene", "at_hospital"),
      "cancelled", List.of("call_received", "dispatched", "at_scene"));
  private static final List<String> ORDER = List.of("call_received_at", "dispatched_at", "at_scene_at", "transporting_at",
      "at_hospital_at", "available_at");

  private final HospitalDatabase db;
  private final ClinicTimes times;
  private final HospitalEvents events;

  RunLog(HospitalDatabase db, ClinicTimes times, HospitalEvents events) {
    this.db = db;
    this.times = times;
    this.events = events;
  }

  Future<Reply> list(RequestEnvelope request) {
    boolean open = Boolean.parseBoolean(request.param("open"));
    OffsetDateTime from = day(request.param("from"), 0);
    OffsetDateTime to = day(request.param("to"), 1);
    int limit = request.params().getInteger("limit", 100);
    return db.as(request, conn -> conn.preparedQuery(Fleet.SQL.get("runs")).execute(Tuple.of(open, from, to, limit)))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(json(row)));
          return Reply.of(new JsonObject().put("items", items));
        });
  }

  Future<Reply> get(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    return db.as(request, conn -> run(conn, id)).map(Reply::of);
  }

  Future<Reply> create(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    OffsetDateTime received = times.pastOrNow(body, "callReceivedAt");
    String patient = body.getString("patientId");
    return db.as(request, conn -> conn.preparedQuery(Fleet.SQL.get("insert_run")).execute(Tuple.of(received,
            body.getString("pickup").trim(), body.getString("destination").trim(),
            patient == null ? null : UUID.fromString(patient), body.getString("callerPhone"), body.getString("notes"),
            Access.principal(request).userId()))
        .compose(rows -> run(conn, first(rows).getUUID("id"))))
        .map(Reply::of);
  }

  /** One step of a run, at {@code at} (now by default), never before the step before it. */
  Future<Reply> step(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    String step = body.getString("step");
    String vehicle = body.getString("ambulanceId");
    UUID[] ambulance = new UUID[1];
    OffsetDateTime[] at = new OffsetDateTime[1];
    return db.as(request, conn -> conn.preparedQuery(Fleet.SQL.get("run_for_update")).execute(Tuple.of(id))
        .compose(rows -> {
          at[0] = times.pastOrNow(body, "at"); // "now" once the run is ours, after any step that went before
          Row run = first(rows);
          if (run == null) {
            throw Problem.notFound("ambulance_run_not_found", Map.of("id", id.toString()));
          }
          String status = run.getString("status");
          if (!AFTER.get(step).contains(status)) {
            throw conflict("run_step_out_of_order", Map.of("run", id.toString(), "status", status, "step", step));
          }
          OffsetDateTime last = latest(run);
          if (at[0].isBefore(last)) {
            throw Problem.invalid("times_out_of_order", "at", Map.of());
          }
          ambulance[0] = run.getUUID("ambulance_id");
          if (!step.equals("dispatched")) {
            return Future.succeededFuture((UUID) null);
          }
          if (vehicle == null) {
            throw Problem.invalid("ambulance_required", "ambulanceId", Map.of());
          }
          ambulance[0] = UUID.fromString(vehicle);
          return requireFree(conn, ambulance[0], at[0], id).map(ok -> ambulance[0]);
        })
        .compose(assigned -> conn.preparedQuery(Fleet.SQL.get("step_run")).execute(Tuple.of(id, step, at[0], assigned)))
        .compose(ok -> run(conn, id)))
        .onSuccess(run -> events.ambulanceChanged(ambulance[0], id, run.getString("status")))
        .map(Reply::of);
  }

  private Future<Void> requireFree(SqlConnection conn, UUID ambulance, OffsetDateTime from, UUID run) {
    return conn.preparedQuery(Fleet.SQL.get("ambulance_for_update")).execute(Tuple.of(ambulance))
        .compose(rows -> {
          Row vehicle = first(rows);
          if (vehicle == null) {
            throw HospitalDatabase.unknown("unknown_ambulance", "ambulanceId");
          }
          if (!vehicle.getBoolean("in_service")) {
            throw conflict("ambulance_out_of_service", Map.of("plate", vehicle.getString("plate")));
          }
          return conn.preparedQuery(Fleet.SQL.get("vehicle_run")).execute(Tuple.of(ambulance, from, run)).map(busy -> {
            Row other = first(busy);
            if (other != null) {
              throw conflict("ambulance_busy", Map.of("plate", vehicle.getString("plate"), "run", other.getUUID("id").toString()));
            }
            return null;
          });
        });
  }

  private static OffsetDateTime latest(Row run) {
    OffsetDateTime last = null;
    for (String column : ORDER) {
      OffsetDateTime t = run.getOffsetDateTime(column);
      if (t != null) {
        last = t;
      }
    }
    return last;
  }

  private Future<JsonObject> run(SqlConnection conn, UUID id) {
    return conn.preparedQuery(Fleet.SQL.get("run")).execute(Tuple.of(id)).map(rows -> {
      Row row = first(rows);
      if (row == null) {
        throw Problem.notFound("ambulance_run_not_found", Map.of("id", id.toString()));
      }
      return json(row);
    });
  }

  private OffsetDateTime day(String date, int plusDays) {
    return date == null ? null
        : java.time.LocalDate.parse(date).plusDays(plusDays).atStartOfDay(times.zone()).toOffsetDateTime();
  }

  private JsonObject json(Row r) {
    OffsetDateTime received = r.getOffsetDateTime("call_received_at");
    OffsetDateTime dispatched = r.getOffsetDateTime("dispatched_at");
    OffsetDateTime atScene = r.getOffsetDateTime("at_scene_at");
    OffsetDateTime available = r.getOffsetDateTime("available_at");
    JsonObject json = new JsonObject().put("id", r.getUUID("id").toString()).put("status", r.getString("status"))
        .put("pickup", r.getString("pickup")).put("destination", r.getString("destination"))
        .put("patientId", r.getUUID("patient_id") == null ? null : r.getUUID("patient_id").toString())
        .put("callerPhone", r.getString("caller_phone")).put("notes", r.getString("notes"))
        .put("steps", new JsonObject()
            .put("callReceivedAt", times.format(received)).put("dispatchedAt", times.format(dispatched))
            .put("atSceneAt", times.format(atScene)).put("transportingAt", times.format(r.getOffsetDateTime("transporting_at")))
            .put("atHospitalAt", times.format(r.getOffsetDateTime("at_hospital_at"))).put("availableAt", times.format(available)))
        .put("figures", new JsonObject()
            .put("dispatchMinutes", minutes(received, dispatched))
            .put("responseMinutes", minutes(received, atScene))
            .put("runMinutes", minutes(dispatched, available)))
        .put("version", r.getInteger("version"));
    if (r.getUUID("ambulance_id") != null) {
      json.put("ambulance", new JsonObject().put("id", r.getUUID("ambulance_id").toString()).put("plate", r.getString("plate")));
    }
    return json;
  }

  private static Double minutes(OffsetDateTime from, OffsetDateTime to) {
    return from == null || to == null ? null : Math.round(Duration.between(from, to).toSeconds() / 6.0) / 10.0;
  }
}
