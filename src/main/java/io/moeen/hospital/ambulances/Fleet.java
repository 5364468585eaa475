package io.moeen.hospital.ambulances;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.hospital.HospitalDatabase;
import io.moeen.hospital.HospitalEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalDatabase.first;

/** The vehicles: plate, kind, equipment, crew, and a status derived from the run each is on. */
public final class Fleet {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/hospital/ambulances.sql");

  private final HospitalDatabase db;
  private final HospitalEvents events;

  public Fleet(HospitalDatabase db, HospitalEvents events) {
    this.db = db;
    this.events = events;
  }

  Future<Reply> list(RequestEnvelope request) {
    return db.as(request, conn -> conn.preparedQuery(SQL.get("ambulances")).execute(Tuple.tuple().addUUID(null))).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(json(row)));
      return Reply.of(new JsonObject().put("items", items));
    });
  }

  /** One vehicle as the list shows it, or null. */
  public Future<JsonObject> one(RequestEnvelope request, UUID id) {
    return db.as(request, conn -> vehicle(conn, id));
  }

  Future<Reply> create(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    String location = body.getString("locationId");
    return db.as(request, conn -> conn.preparedQuery(SQL.get("insert_ambulance")).execute(Tuple.of(
            body.getString("plate").trim(), body.getString("kind"), equipment(body),
            location == null ? null : UUID.fromString(location)))
        .map(rows -> first(rows).getUUID("id"))
        .compose(id -> crew(conn, id, body.getJsonArray("crew")).compose(ok -> vehicle(conn, id))))
        .onSuccess(vehicle -> events.ambulanceChanged(UUID.fromString(vehicle.getString("id")), null, vehicle.getString("status")))
        .map(Reply::of);
  }

  /** In or out of service, new equipment, a new crew (the whole list replaces the old one). */
  Future<Reply> update(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    return db.as(request, conn -> conn.preparedQuery(SQL.get("update_ambulance"))
        .execute(Tuple.of(id, body.getBoolean("inService"), body.containsKey("equipment") ? equipment(body) : null))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw Problem.notFound("ambulance_not_found", Map.of("id", id.toString()));
          }
          return body.containsKey("crew")
              ? conn.preparedQuery(SQL.get("clear_crew")).execute(Tuple.of(id)).compose(ok -> crew(conn, id, body.getJsonArray("crew")))
              : Future.succeededFuture();
        })
        .compose(ok -> vehicle(conn, id)))
        .onSuccess(vehicle -> events.ambulanceChanged(id, null, vehicle.getString("status")))
        .map(Reply::of);
  }

  private static String[] equipment(JsonObject body) {
    JsonArray items = body.getJsonArray("equipment", new JsonArray());
    return items.stream().map(String::valueOf).map(String::trim).distinct().toArray(String[]::new);
  }

  private static Future<Void> crew(SqlConnection conn, UUID ambulance, JsonArray crew) {
    Future<?> chain = Future.succeededFuture();
    for (Object item : crew == null ? new JsonArray() : crew) {
      JsonObject member = (JsonObject) item;
      chain = chain.compose(ok -> conn.preparedQuery(SQL.get("insert_crew"))
          .execute(Tuple.of(ambulance, UUID.fromString(member.getString("staffId")), member.getString("role"))));
    }
    return chain.mapEmpty();
  }

  private Future<JsonObject> vehicle(SqlConnection conn, UUID id) {
    return conn.preparedQuery(SQL.get("ambulances")).execute(Tuple.of(id)).map(rows -> {
      Row row = first(rows);
      return row == null ? null : json(row);
    });
  }

  private JsonObject json(Row r) {
    JsonObject json = new JsonObject().put("id", r.getUUID("id").toString()).put("plate", r.getString("plate"))
        .put("kind", r.getString("kind")).put("equipment", new JsonArray(java.util.List.of(r.getArrayOfStrings("equipment"))))
        .put("inService", r.getBoolean("in_service")).put("status", r.getString("status"))
        .put("locationId", r.getUUID("location_id") == null ? null : r.getUUID("location_id").toString())
        .put("crew", r.getJsonArray("crew"));
    if (r.getUUID("run_id") != null) {
      json.put("run", new JsonObject().put("id", r.getUUID("run_id").toString()).put("status", r.getString("run_status")));
    }
    return json;
  }
}
