package io.moeen.scheduling.catalogue;

import io.moeen.common.bus.RequestEnvelope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moeen.scheduling.catalogue.CatalogueRequests.shortValue;
import static io.moeen.scheduling.catalogue.CatalogueRequests.time;
import static io.moeen.scheduling.catalogue.CatalogueRequests.uuid;
import static io.moeen.scheduling.catalogue.CatalogueRequests.uuidParam;

/** Hours that repeat: a doctor's regular week, and a location's Ramadan hours. Both are replaced whole. */
final class WeeklyHours {
  private final CatalogueWrites writes;
  private final PublicCatalogue reads;

  WeeklyHours(CatalogueWrites writes, PublicCatalogue reads) {
    this.writes = writes;
    this.reads = reads;
  }

  Future<JsonObject> replaceAvailability(RequestEnvelope request) {
    UUID doctor = uuidParam(request, "id");
    JsonArray blocks = request.bodyAsObject().getJsonArray("blocks");
    List<JsonObject> list = blocks.stream().map(JsonObject.class::cast).toList();
    checkWeek(list);
    List<UUID> locations = list.stream().map(b -> uuid(b, "locationId")).toList();
    return writes.inTransaction(request, conn -> writes.touch(conn, "lock_doctor", Tuple.of(doctor), "doctor_not_found", doctor)
        .compose(x -> writes.requireKnown(conn, "known_locations", locations, "unknown_location", "blocks[].locationId"))
        .compose(x -> conn.preparedQuery(writes.sql().get("clear_availability")).execute(Tuple.of(doctor)))
        .compose(x -> conn.preparedQuery(writes.sql().get("insert_availability")).execute(Tuple.of(doctor,
            locations.toArray(UUID[]::new),
            list.stream().map(b -> shortValue(b, "dayOfWeek")).toArray(Short[]::new),
            list.stream().map(b -> time(b, "startsAt")).toArray(LocalTime[]::new),
            list.stream().map(b -> time(b, "endsAt")).toArray(LocalTime[]::new)))))
        .compose(x -> reads.availability(request)).map(reply -> (JsonObject) reply.body());
  }

  Future<JsonObject> replaceRamadanHours(RequestEnvelope request) {
    UUID location = uuidParam(request, "id");
    List<JsonObject> list = request.bodyAsObject().getJsonArray("blocks").stream().map(JsonObject.class::cast).toList();
    for (int i = 0; i < list.size(); i++) {
      if (time(list.get(i), "startsAt").equals(time(list.get(i), "endsAt"))) {
        throw CatalogueFailures.invalid("empty_hours", "blocks." + i + ".endsAt");
      }
    }
    List<UUID> doctors = list.stream().map(b -> uuid(b, "doctorId")).toList();
    return writes.inTransaction(request, conn -> writes.touch(conn, "lock_location", Tuple.of(location), "location_not_found", location)
        .compose(x -> writes.requireKnown(conn, "known_doctors", doctors.stream().filter(d -> d != null).toList(),
            "unknown_doctor", "blocks[].doctorId"))
        .compose(x -> insertRamadan(conn, location, list, doctors)))
        .compose(x -> reads.ramadanHours(request)).map(reply -> (JsonObject) reply.body());
  }

  private Future<?> insertRamadan(SqlConnection conn, UUID location, List<JsonObject> list, List<UUID> doctors) {
    return conn.preparedQuery(writes.sql().get("clear_ramadan_hours")).execute(Tuple.of(location))
        .compose(x -> conn.preparedQuery(writes.sql().get("insert_ramadan_hours")).execute(Tuple.of(location,
            doctors.toArray(UUID[]::new),
            list.stream().map(b -> shortValue(b, "dayOfWeek")).toArray(Short[]::new),
            list.stream().map(b -> time(b, "startsAt")).toArray(LocalTime[]::new),
            list.stream().map(b -> time(b, "endsAt")).toArray(LocalTime[]::new))));
  }

  /** Each block ends after it starts; a doctor is in one place at a time, so blocks of a day never overlap. */
  private static void checkWeek(List<JsonObject> blocks) {
    List<int[]> seen = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      JsonObject b = blocks.get(i);
      LocalTime starts = time(b, "startsAt");
      LocalTime ends = time(b, "endsAt");
      if (!ends.isAfter(starts)) {
        throw CatalogueFailures.invalid("hours_end_before_start", "blocks." + i + ".endsAt");
      }
      int day = b.getInteger("dayOfWeek");
      int from = starts.toSecondOfDay();
      int until = ends.toSecondOfDay();
      for (int[] other : seen) {
        if (other[0] == day && from < other[2] && other[1] < until) {
          throw new io.moeen.common.errors.Problem(io.moeen.common.errors.ProblemKind.INVALID_INPUT, "overlapping_hours",
              Map.of("index", i, "other", other[3]), "blocks." + i);
        }
      }
      seen.add(new int[] {day, from, until, i});
    }
  }
}
