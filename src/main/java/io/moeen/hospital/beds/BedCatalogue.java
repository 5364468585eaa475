package io.moeen.hospital.beds;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
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

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalDatabase.conflict;
import static io.moeen.hospital.HospitalDatabase.first;

/** The rooms scheduling owns and the hospital equips, their beds, and taking a bed out of service (and back). */
final class BedCatalogue {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/hospital/beds.sql");

  private final HospitalDatabase db;
  private final ClinicTimes times;
  private final HospitalEvents events;

  BedCatalogue(HospitalDatabase db, ClinicTimes times, HospitalEvents events) {
    this.db = db;
    this.times = times;
    this.events = events;
  }

  Future<Reply> rooms(RequestEnvelope request) {
    return db.as(request, conn -> conn.preparedQuery(SQL.get("rooms")).execute(Tuple.tuple().addUUID(null)))
        .map(rows -> Reply.of(items(rows, BedCatalogue::room)));
  }

  /**
   * Makes one of scheduling's rooms a hospital room, or changes its ward, type or code. A type that holds fewer
   * beds than the room has is refused (409 {@code room_over_capacity}).
   */
  Future<Reply> equip(RequestEnvelope request) {
    UUID roomId = UUID.fromString(request.param("roomId"));
    JsonObject body = request.bodyAsObject();
    UUID typeId = UUID.fromString(body.getString("roomTypeId"));
    UUID wardId = UUID.fromString(body.getString("wardId"));
    return db.as(request, conn -> conn.preparedQuery(SQL.get("scheduling_room")).execute(Tuple.of(roomId))
        .compose(found -> {
          if (found.size() == 0) {
            throw Problem.notFound("room_not_found", Map.of("id", roomId.toString()));
          }
          UUID roomLocation = first(found).getUUID("location_id");
          return conn.preparedQuery(SQL.get("ward_for_room")).execute(Tuple.of(wardId, roomId)).map(wards -> {
            Row ward = first(wards);
            if (ward == null) {
              throw HospitalDatabase.unknown("unknown_ward", "wardId");
            }
            boolean staying = ward.getBoolean("already_there");
            if (!ward.getBoolean("is_active") && !staying) {
              throw conflict("ward_retired", Map.of("ward", ward.getString("code")));
            }
            if (!ward.getUUID("location_id").equals(roomLocation)) {
              throw conflict("ward_elsewhere", Map.of("ward", ward.getString("code")));
            }
            return null;
          });
        })
        .compose(ok -> conn.preparedQuery(SQL.get("type_capacity")).execute(Tuple.of(typeId, roomId)))
        .compose(type -> {
          if (type.size() == 0) {
            throw HospitalDatabase.unknown("unknown_room_type", "roomTypeId");
          }
          if (!first(type).getBoolean("is_active") && !first(type).getBoolean("already_there")) {
            throw conflict("room_type_retired", Map.of("roomType", first(type).getString("code")));
          }
          int max = first(type).getInteger("max_beds");
          return conn.preparedQuery(SQL.get("beds_in_room")).execute(Tuple.of(roomId)).map(beds -> {
            long count = first(beds).getLong("beds");
            if (count > max) {
              throw conflict("room_over_capacity", Map.of("beds", count, "max", max));
            }
            return null;
          });
        })
        .compose(ok -> conn.preparedQuery(SQL.get("equip_room")).execute(Tuple.of(roomId, wardId, typeId, body.getString("code"), body.getInteger("floor"))))
        .compose(done -> room(conn, roomId)))
        .map(Reply::of);
  }

  /** A bed in an equipped room, up to its type's number of beds (a private room has one). */
  Future<Reply> addBed(RequestEnvelope request) {
    UUID roomId = UUID.fromString(request.param("roomId"));
    String code = request.bodyAsObject().getString("code");
    return db.as(request, conn -> conn.preparedQuery(SQL.get("room_type_for_update")).execute(Tuple.of(roomId))
        .compose(rows -> {
          Row room = first(rows);
          if (room == null) {
            throw Problem.notFound("room_not_found", Map.of("id", roomId.toString()));
          }
          if (room.getLong("beds") >= room.getInteger("max_beds")) {
            throw conflict("room_full", Map.of("beds", room.getLong("beds")));
          }
          return conn.preparedQuery(SQL.get("insert_bed")).execute(Tuple.of(roomId, code));
        })
        .compose(inserted -> bed(conn, first(inserted).getUUID("id"))))
        .onSuccess(bed -> events.bedChanged(UUID.fromString(bed.getString("id")), bed.getString("state")))
        .map(Reply::of);
  }

  /**
   * Takes a free bed out of service, or puts it back. Only {@code available ↔ out_of_service}: an occupied or
   * dirty bed changes through a discharge or its cleaning task (409 {@code bed_state_conflict}).
   */
  Future<Reply> setService(RequestEnvelope request) {
    UUID bedId = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    boolean inService = body.getBoolean("inService");
    String wanted = inService ? "available" : "out_of_service";
    String from = inService ? "out_of_service" : "available";
    return db.as(request, conn -> conn.preparedQuery(SQL.get("bed_for_update")).execute(Tuple.of(bedId))
        .compose(rows -> {
          Row bed = first(rows);
          if (bed == null) {
            throw Problem.notFound("bed_not_found", Map.of("id", bedId.toString()));
          }
          String state = bed.getString("state");
          if (state.equals(wanted)) {
            return Future.succeededFuture();
          }
          if (!state.equals(from)) {
            throw conflict("bed_state_conflict", Map.of("bed", label(bed), "state", state, "wanted", wanted));
          }
          OffsetDateTime now = times.now();
          String reason = inService ? null : body.getString("reason");
          return conn.preparedQuery(SQL.get("set_bed_state")).execute(Tuple.of(bedId, wanted, now, reason))
              .compose(set -> conn.preparedQuery(SQL.get(inService ? "end_service_break" : "start_service_break"))
                  .execute(inService ? Tuple.of(bedId, now) : Tuple.of(bedId, now, reason)));
        })
        .compose(done -> bed(conn, bedId)))
        .onSuccess(bed -> events.bedChanged(bedId, bed.getString("state")))
        .map(Reply::of);
  }

  static String label(Row bed) {
    return bed.getString("room_code") + "/" + bed.getString("code");
  }

  private Future<JsonObject> room(SqlConnection conn, UUID roomId) {
    return conn.preparedQuery(SQL.get("rooms")).execute(Tuple.of(roomId)).map(rows -> room(first(rows)));
  }

  private Future<JsonObject> bed(SqlConnection conn, UUID bedId) {
    return conn.preparedQuery(SQL.get("bed_for_update")).execute(Tuple.of(bedId)).map(rows -> {
      Row row = first(rows);
      return new JsonObject().put("id", row.getUUID("id").toString()).put("code", row.getString("code"))
          .put("roomId", row.getUUID("room_id").toString()).put("roomCode", row.getString("room_code"))
          .put("state", row.getString("state"));
    });
  }

  static JsonObject items(Iterable<Row> rows, java.util.function.Function<Row, JsonObject> view) {
    JsonArray items = new JsonArray();
    rows.forEach(row -> items.add(view.apply(row)));
    return new JsonObject().put("items", items);
  }

  private static JsonObject room(Row r) {
    return new JsonObject().put("roomId", r.getUUID("room_id").toString()).put("code", r.getString("code"))
        .put("floor", r.getInteger("floor")).put("nameAr", r.getString("name_ar")).put("nameEn", r.getString("name_en"))
        .put("locationId", r.getUUID("location_id").toString()).put("active", r.getBoolean("is_active"))
        .put("ward", new JsonObject().put("id", r.getUUID("ward_id").toString()).put("code", r.getString("ward_code"))
            .put("nameAr", r.getString("ward_name_ar")).put("nameEn", r.getString("ward_name_en")))
        .put("roomType", new JsonObject().put("id", r.getUUID("type_id").toString()).put("code", r.getString("type_code"))
            .put("category", r.getString("category")).put("nameAr", r.getString("type_name_ar"))
            .put("nameEn", r.getString("type_name_en")).put("dailyRate", r.getBigDecimal("daily_rate").toPlainString())
            .put("currency", r.getString("currency")).put("maxBeds", r.getInteger("max_beds")))
        .put("beds", r.getJsonArray("beds"));
  }
}
