package io.moeen.scheduling.appointments;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

/**
 * A doctor's default room at a location ({@code PUT /v1/doctors/{id}/default-rooms/{locationId}}): a booking that
 * names no room is put in it when it is free for the whole visit, and left without a room otherwise. The room
 * follows {@link AppointmentRooms}' rules (a consulting room, active, at that location); {@code null} clears it.
 */
final class DefaultRooms {
  private final Pool pool;

  DefaultRooms(Pool pool) {
    this.pool = pool;
  }

  Future<Reply> set(RequestEnvelope request) {
    UUID doctor = UUID.fromString(request.param("id"));
    UUID location = UUID.fromString(request.param("locationId"));
    JsonObject body = request.bodyAsObject();
    if (!body.containsKey("roomId")) {
      throw Problem.invalid("room_id_required", "roomId", Map.of());
    }
    String roomId = body.getString("roomId");
    SupportedLocale lang = SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR);
    Actor actor = new Actor(Access.principal(request), request.requestId(), request.clientIp());
    return SessionContext.inTransaction(pool, actor, conn -> exists(conn, "doctor_exists", doctor, "doctor_not_found")
            .compose(x -> exists(conn, "location_exists", location, "location_not_found"))
            .compose(x -> roomId == null
                ? run(conn, "clear_default_room", Tuple.of(doctor, location)).map(done -> (JsonObject) null)
                : AppointmentRooms.usable(conn, UUID.fromString(roomId), location)
                    .compose(room -> run(conn, "set_default_room", Tuple.of(doctor, location, room.id()))
                        .map(done -> new JsonObject().put("id", room.id().toString())
                            .put("name", room.name(lang)).put("nameAr", room.nameAr()).put("nameEn", room.nameEn())))))
        .map(room -> Reply.of(new JsonObject().put("doctorId", doctor.toString()).put("locationId", location.toString())
            .put("room", room)));
  }

  private static Future<Void> exists(SqlConnection conn, String statement, UUID id, String code) {
    return conn.preparedQuery(AppointmentRooms.SQL.get(statement)).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        throw Problem.notFound(code, Map.of("id", id.toString()));
      }
      return null;
    });
  }

  private static Future<Void> run(SqlConnection conn, String statement, Tuple args) {
    return conn.preparedQuery(AppointmentRooms.SQL.get(statement)).execute(args).mapEmpty();
  }
}
