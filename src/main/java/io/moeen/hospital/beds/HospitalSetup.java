package io.moeen.hospital.beds;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.hospital.HospitalDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalDatabase.conflict;
import static io.moeen.hospital.HospitalDatabase.first;
import static io.moeen.hospital.beds.BedCatalogue.SQL;
import static io.moeen.hospital.beds.BedCatalogue.items;

/**
 * The hospital's set-up: room types (category, bilingual names, daily rate in SAR, beds per room) and wards.
 * Both can be changed and retired ({@code active: false}: no new room gets them, the rooms that have them keep
 * them); a type or ward nothing uses yet can be deleted, one in use never is (409 naming a room that uses it).
 */
final class HospitalSetup {
  private final HospitalDatabase db;

  HospitalSetup(HospitalDatabase db) {
    this.db = db;
  }

  Future<Reply> roomTypes(RequestEnvelope request) {
    return db.as(request, conn -> conn.preparedQuery(SQL.get("room_types")).execute())
        .map(rows -> Reply.of(items(rows, HospitalSetup::roomType)));
  }

  Future<Reply> createRoomType(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    int maxBeds = body.getInteger("maxBeds");
    checkPrivate(body.getString("category"), maxBeds);
    Tuple args = Tuple.of(body.getString("code"), body.getString("category"), body.getString("nameAr"),
        body.getString("nameEn"), rate(body), maxBeds);
    return db.as(request, conn -> conn.preparedQuery(SQL.get("insert_room_type")).execute(args))
        .map(rows -> Reply.of(roomType(first(rows))));
  }

  /**
   * Changes a type (what is left out stays). Fewer beds per room than a room of the type already has is refused
   * (409 {@code room_over_capacity} naming the room); the type row is locked first, then its rooms are counted.
   */
  Future<Reply> updateRoomType(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    return db.as(request, conn -> conn.preparedQuery(SQL.get("type_for_update")).execute(Tuple.of(id))
        .compose(rows -> {
          Row type = first(rows);
          if (type == null) {
            throw Problem.notFound("room_type_not_found", Map.of("id", id.toString()));
          }
          String category = body.getString("category", type.getString("category"));
          int maxBeds = body.getInteger("maxBeds", type.getInteger("max_beds"));
          checkPrivate(category, maxBeds);
          return conn.preparedQuery(SQL.get("fullest_room_of_type")).execute(Tuple.of(id)).compose(fullest -> {
            Row room = first(fullest);
            if (room != null && room.getLong("beds") > maxBeds) {
              throw conflict("room_type_too_small", Map.of("room", room.getString("code"),
                  "beds", room.getLong("beds"), "max", maxBeds));
            }
            return conn.preparedQuery(SQL.get("update_room_type")).execute(Tuple.of(id, category,
                body.getString("nameAr", type.getString("name_ar")), body.getString("nameEn", type.getString("name_en")),
                body.containsKey("dailyRate") ? rate(body) : type.getBigDecimal("daily_rate"), maxBeds,
                body.getBoolean("active", type.getBoolean("is_active"))));
          });
        }))
        .map(rows -> Reply.of(roomType(first(rows))));
  }

  Future<Reply> deleteRoomType(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    return delete(request, id, "type_for_update", "room_of_type", "delete_room_type", "room_type_not_found",
        "room_type_in_use");
  }

  Future<Reply> wards(RequestEnvelope request) {
    return db.as(request, conn -> conn.preparedQuery(SQL.get("wards")).execute())
        .map(rows -> Reply.of(items(rows, HospitalSetup::ward)));
  }

  Future<Reply> createWard(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    Tuple args = Tuple.of(body.getString("code"), UUID.fromString(body.getString("locationId")), body.getString("nameAr"),
        body.getString("nameEn"));
    return db.as(request, conn -> conn.preparedQuery(SQL.get("insert_ward")).execute(args))
        .map(rows -> Reply.of(ward(first(rows))));
  }

  /** Changes a ward's names or retires it; its location stays (its rooms are there). */
  Future<Reply> updateWard(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    return db.as(request, conn -> conn.preparedQuery(SQL.get("ward_for_update")).execute(Tuple.of(id))
        .compose(rows -> {
          Row ward = first(rows);
          if (ward == null) {
            throw Problem.notFound("ward_not_found", Map.of("id", id.toString()));
          }
          return conn.preparedQuery(SQL.get("update_ward")).execute(Tuple.of(id,
              body.getString("nameAr", ward.getString("name_ar")), body.getString("nameEn", ward.getString("name_en")),
              body.getBoolean("active", ward.getBoolean("is_active"))));
        }))
        .map(rows -> Reply.of(ward(first(rows))));
  }

  Future<Reply> deleteWard(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    return delete(request, id, "ward_for_update", "room_of_ward", "delete_ward", "ward_not_found", "ward_in_use");
  }

  /** Locks the row, refuses if a room uses it (naming the room), deletes it: 204. */
  private Future<Reply> delete(RequestEnvelope request, UUID id, String lock, String user, String delete, String notFound,
                               String inUse) {
    return db.as(request, conn -> conn.preparedQuery(SQL.get(lock)).execute(Tuple.of(id))
        .compose(rows -> {
          Row row = first(rows);
          if (row == null) {
            throw Problem.notFound(notFound, Map.of("id", id.toString()));
          }
          return conn.preparedQuery(SQL.get(user)).execute(Tuple.of(id)).compose(users -> {
            if (users.size() > 0) {
              throw conflict(inUse, Map.of("code", row.getString("code"), "room", first(users).getString("code")));
            }
            return conn.preparedQuery(SQL.get(delete)).execute(Tuple.of(id));
          });
        }))
        .map(done -> Reply.empty());
  }

  private static void checkPrivate(String category, int maxBeds) {
    if ("private".equals(category) && maxBeds != 1) {
      throw Problem.invalid("private_room_one_bed", "maxBeds", Map.of());
    }
  }

  private static BigDecimal rate(JsonObject body) {
    return new BigDecimal(body.getValue("dailyRate").toString());
  }

  static JsonObject roomType(Row r) {
    return new JsonObject().put("id", r.getUUID("id").toString()).put("code", r.getString("code"))
        .put("category", r.getString("category")).put("nameAr", r.getString("name_ar")).put("nameEn", r.getString("name_en"))
        .put("dailyRate", r.getBigDecimal("daily_rate").toPlainString()).put("currency", r.getString("currency"))
        .put("maxBeds", r.getInteger("max_beds")).put("active", r.getBoolean("is_active"));
  }

  static JsonObject ward(Row r) {
    return new JsonObject().put("id", r.getUUID("id").toString()).put("code", r.getString("code"))
        .put("locationId", r.getUUID("location_id").toString()).put("nameAr", r.getString("name_ar"))
        .put("nameEn", r.getString("name_en")).put("active", r.getBoolean("is_active"));
  }
}
