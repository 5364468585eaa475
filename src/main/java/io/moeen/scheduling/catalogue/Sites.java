package io.moeen.scheduling.catalogue;

import io.moeen.common.bus.RequestEnvelope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static io.moeen.scheduling.catalogue.CatalogueRequests.decimal;
import static io.moeen.scheduling.catalogue.CatalogueRequests.tuple;
import static io.moeen.scheduling.catalogue.CatalogueRequests.uuidParam;

/** Where care happens: departments, clinic locations (with their zone and weekend) and their rooms. */
final class Sites {
  private final CatalogueWrites writes;

  Sites(CatalogueWrites writes) {
    this.writes = writes;
  }

  Future<JsonObject> createDepartment(RequestEnvelope request) {
    JsonObject b = request.bodyAsObject();
    return writes.inTransaction(request, conn -> conn.preparedQuery(writes.sql().get("insert_department"))
        .execute(tuple(b.getString("code"), b.getString("nameAr"), b.getString("nameEn"), b.getString("descriptionAr"),
            b.getString("descriptionEn"), b.getInteger("sortOrder")))
        .compose(rows -> writes.readBack(conn, "departments", tuple(rows.iterator().next().getUUID("id"), true),
            CatalogueJson::department, request)));
  }

  Future<JsonObject> updateDepartment(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    JsonObject b = request.bodyAsObject();
    return writes.inTransaction(request, conn -> writes.touch(conn, "update_department", tuple(id, b.getString("nameAr"),
            b.getString("nameEn"), b.getString("descriptionAr"), b.getString("descriptionEn"), b.getInteger("sortOrder"),
            b.getBoolean("isActive")), "department_not_found", id)
        .compose(x -> writes.readBack(conn, "departments", tuple(id, true), CatalogueJson::department, request)));
  }

  Future<Void> deleteDepartment(RequestEnvelope request) {
    return writes.delete(request, "delete_department", "department_exists", "department_not_found", uuidParam(request, "id"));
  }

  Future<JsonObject> createLocation(RequestEnvelope request) {
    JsonObject b = request.bodyAsObject();
    checkLocation(b);
    return writes.inTransaction(request, conn -> conn.preparedQuery(writes.sql().get("insert_location"))
        .execute(locationArgs(b, b.getString("code"), null))
        .compose(rows -> writes.readBack(conn, "locations", tuple(rows.iterator().next().getUUID("id"), true),
            CatalogueJson::location, request)));
  }

  Future<JsonObject> updateLocation(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    JsonObject b = request.bodyAsObject();
    checkLocation(b);
    Tuple args = locationArgs(b, id, b.getBoolean("isActive"));
    return writes.inTransaction(request, conn -> writes.touch(conn, "update_location", args, "location_not_found", id)
        .compose(x -> writes.readBack(conn, "locations", tuple(id, true), CatalogueJson::location, request)));
  }

  Future<Void> deleteLocation(RequestEnvelope request) {
    return writes.delete(request, "delete_location", "location_exists", "location_not_found", uuidParam(request, "id"));
  }

  Future<JsonObject> rooms(RequestEnvelope request) {
    UUID location = uuidParam(request, "id");
    return writes.inTransaction(request, conn -> writes.touch(conn, "lock_location", Tuple.of(location), "location_not_found", location)
        .compose(x -> conn.preparedQuery(writes.sql().get("rooms")).execute(tuple(location, null, request.param("kind"))))
        .map(rows -> new JsonObject().put("items", PublicCatalogue.rows(rows, CatalogueJson::room,
            CatalogueRequests.arabic(request)))));
  }

  Future<JsonObject> createRoom(RequestEnvelope request) {
    UUID location = uuidParam(request, "id");
    JsonObject b = request.bodyAsObject();
    return writes.inTransaction(request, conn -> writes.touch(conn, "lock_location", Tuple.of(location), "location_not_found", location)
        .compose(x -> conn.preparedQuery(writes.sql().get("insert_room"))
            .execute(tuple(location, b.getString("nameAr"), b.getString("nameEn"))))
        .compose(rows -> writes.readBack(conn, "rooms", tuple(null, rows.iterator().next().getUUID("id"), null),
            CatalogueJson::room, request)));
  }

  Future<JsonObject> updateRoom(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    JsonObject b = request.bodyAsObject();
    return writes.inTransaction(request, conn -> writes.touch(conn, "update_room",
            tuple(id, b.getString("nameAr"), b.getString("nameEn"), b.getBoolean("isActive")), "room_not_found", id)
        .compose(x -> writes.readBack(conn, "rooms", tuple(null, id, null), CatalogueJson::room, request)));
  }

  Future<Void> deleteRoom(RequestEnvelope request) {
    return writes.delete(request, "delete_room", "room_exists", "room_not_found", uuidParam(request, "id"));
  }

  /** The rules the contract cannot say: a real IANA zone, and each weekend day once. */
  private static void checkLocation(JsonObject b) {
    String zone = b.getString("timeZone");
    if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
      throw CatalogueFailures.invalid("invalid_time_zone", "timeZone");
    }
    JsonArray weekend = b.getJsonArray("weekendDays");
    if (weekend != null) {
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < weekend.size(); i++) {
        if (!seen.add(weekend.getInteger(i))) {
          throw CatalogueFailures.invalid("duplicate_weekend_day", "weekendDays." + i);
        }
      }
    }
  }

  private static Tuple locationArgs(JsonObject b, Object key, Boolean active) {
    JsonArray weekend = b.getJsonArray("weekendDays");
    Short[] days = weekend == null ? null
        : weekend.stream().map(d -> ((Number) d).shortValue()).toArray(Short[]::new);
    Tuple args = tuple(key, b.getString("nameAr"), b.getString("nameEn"), b.getString("addressAr"), b.getString("addressEn"),
        b.getString("phone"), decimal(b, "latitude"), decimal(b, "longitude"), b.getString("timeZone"), days);
    return active == null && key instanceof String ? args : args.addValue(active);
  }
}
