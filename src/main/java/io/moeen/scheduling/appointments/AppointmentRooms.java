package io.moeen.scheduling.appointments;

import io.moeen.common.db.SqlRefusal;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of an appointment's room (changeset 063), shared by booking, check-in, the room operation and a
 * move: the room must exist, be active, be a consulting room (not one of the hospital's) and be at the
 * appointment's location (422 each); no other appointment that holds a room may hold it at an overlapping time
 * (409 {@code room_taken}, naming that appointment's time, never its patient). The exclusion constraint
 * {@code appointments_room_free} has the last word; a lost race is explained the same way. SQL in rooms.sql.
 */
public final class AppointmentRooms {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/scheduling/rooms.sql");
  public static final String CONSTRAINT = "appointments_room_free";
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  /** A room as the rules need it. */
  public record Room(UUID id, UUID locationId, boolean active, String kind, String nameAr, String nameEn) {
    String name(SupportedLocale lang) {
      return lang == SupportedLocale.AR ? nameAr : nameEn;
    }
  }

  private AppointmentRooms() {
  }

  public static Future<Void> verify(Pool pool) {
    return SQL.verify(pool);
  }

  /** The room, when it may hold an appointment at {@code locationId}; else the 422 of the first rule it breaks. */
  public static Future<Room> usable(SqlClient conn, UUID roomId, UUID locationId) {
    return conn.preparedQuery(SQL.get("room")).execute(Tuple.of(roomId)).map(rows -> {
      if (rows.size() == 0) {
        throw new Problem(ProblemKind.UNPROCESSABLE, "room_unknown", Map.of("id", roomId.toString()), "roomId");
      }
      Row r = rows.iterator().next();
      Room room = new Room(r.getUUID("id"), r.getUUID("location_id"), r.getBoolean("is_active"), r.getString("kind"),
          r.getString("name_ar"), r.getString("name_en"));
      Map<String, Object> args = Map.of("room", room.nameAr() + " / " + room.nameEn());
      if (!"consulting".equals(room.kind())) {
        throw new Problem(ProblemKind.UNPROCESSABLE, "room_not_consulting", args, "roomId");
      }
      if (!room.locationId().equals(locationId)) {
        throw new Problem(ProblemKind.UNPROCESSABLE, "room_other_location", args, "roomId");
      }
      if (!room.active()) {
        throw new Problem(ProblemKind.UNPROCESSABLE, "room_inactive", args, "roomId");
      }
      return room;
    });
  }

  /** Whether no other appointment holds the room in [from, until). */
  public static Future<Boolean> isFree(SqlClient conn, UUID roomId, Instant from, Instant until, UUID except) {
    return busy(conn, roomId, from, until, except).map(row -> row == null);
  }

  /** Nothing, when the room is free then; else 409 {@code room_taken} with the holding appointment's time. */
  public static Future<Void> requireFree(SqlClient conn, Room room, Instant from, Instant until, UUID except,
                                         ZoneId zone, SupportedLocale lang) {
    return busy(conn, room.id(), from, until, except).compose(row -> row == null ? Future.succeededFuture()
        : Future.failedFuture(taken(room, row, zone, lang)));
  }

  /** Whether this failure is the room's exclusion constraint refusing a write (a lost race). */
  public static boolean isRoomRace(Throwable failure) {
    return SqlRefusal.EXCLUSION.matches(failure, CONSTRAINT::equals)
        || failure instanceof Problem p && RACE.equals(p.code());
  }

  /** The problem the appointment store's constraint table maps a lost race to, until it is explained. */
  static final String RACE = "room_taken_now";

  /** Where a change is about to put an appointment, so that a lost race can be explained after the rollback. */
  public record Attempt(UUID roomId, Instant from, Instant until, UUID except, ZoneId zone) {
  }

  /**
   * A lost race explained after the rollback, on a fresh connection: the room is held by the appointment that
   * won, and the problem names its time as {@link #requireFree} does. Other failures pass unchanged.
   */
  public static <T> Future<T> explainRace(Pool pool, Throwable failure, UUID roomId, Instant from, Instant until,
                                          UUID except, ZoneId zone, SupportedLocale lang) {
    if (!isRoomRace(failure)) {
      return Future.failedFuture(failure);
    }
    return pool.withConnection(conn -> conn.preparedQuery(SQL.get("room")).execute(Tuple.of(roomId))
            .compose(rows -> {
              Row r = rows.iterator().next();
              Room room = new Room(roomId, r.getUUID("location_id"), r.getBoolean("is_active"), r.getString("kind"),
                  r.getString("name_ar"), r.getString("name_en"));
              return busy(conn, roomId, from, until, except).map(row -> taken(room, row, zone, lang, from, until));
            }))
        .compose(Future::failedFuture);
  }

  /** The room as the appointment shows it: id and both names, and the name in the request's language. */
  static JsonObject json(Row r, SupportedLocale lang) {
    UUID id = r.getUUID("room_id");
    if (id == null) {
      return null;
    }
    String ar = r.getString("room_ar");
    String en = r.getString("room_en");
    return new JsonObject().put("id", id.toString()).put("name", lang == SupportedLocale.AR ? ar : en)
        .put("nameAr", ar).put("nameEn", en);
  }

  private static Future<Row> busy(SqlClient conn, UUID roomId, Instant from, Instant until, UUID except) {
    return conn.preparedQuery(SQL.get("room_busy")).execute(Tuple.of(roomId, utc(from), utc(until), except))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  private static Problem taken(Room room, Row row, ZoneId zone, SupportedLocale lang) {
    return taken(room, row, zone, lang, null, null);
  }

  private static Problem taken(Room room, Row row, ZoneId zone, SupportedLocale lang, Instant from, Instant until) {
    Instant busyFrom = row == null ? from : row.getOffsetDateTime("busy_from").toInstant();
    Instant busyUntil = row == null ? until : row.getOffsetDateTime("busy_until").toInstant();
    var start = busyFrom.atZone(zone);
    var end = busyUntil.atZone(zone);
    return new Problem(ProblemKind.CONFLICT, "room_taken", Map.of("room", room.name(lang), "date", DAY.format(start),
        "from", CLOCK.format(start), "until", CLOCK.format(end)), "roomId")
        .withExtensions(new JsonObject().put("conflict", new JsonObject()
            .put("startsAt", start.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
            .put("endsAt", end.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
