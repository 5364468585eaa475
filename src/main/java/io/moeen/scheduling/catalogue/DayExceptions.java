package io.moeen.scheduling.catalogue;

import io.moeen.common.bus.RequestEnvelope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static io.moeen.scheduling.catalogue.CatalogueRequests.arabic;
import static io.moeen.scheduling.catalogue.CatalogueRequests.date;
import static io.moeen.scheduling.catalogue.CatalogueRequests.dateParam;
import static io.moeen.scheduling.catalogue.CatalogueRequests.time;
import static io.moeen.scheduling.catalogue.CatalogueRequests.tuple;
import static io.moeen.scheduling.catalogue.CatalogueRequests.uuid;
import static io.moeen.scheduling.catalogue.CatalogueRequests.uuidParam;

/** Dates that differ from the regular week: a doctor's overrides, and clinic holidays. */
final class DayExceptions {
  private final CatalogueWrites writes;

  DayExceptions(CatalogueWrites writes) {
    this.writes = writes;
  }

  Future<JsonObject> overrides(RequestEnvelope request) {
    UUID doctor = uuidParam(request, "id");
    return writes.inTransaction(request, conn -> writes.touch(conn, "lock_doctor", Tuple.of(doctor), "doctor_not_found", doctor)
        .compose(x -> conn.preparedQuery(writes.sql().get("overrides"))
            .execute(tuple(doctor, dateParam(request, "from"), dateParam(request, "to"))))
        .map(rows -> new JsonObject().put("items", PublicCatalogue.rows(rows, CatalogueJson::override, arabic(request)))));
  }

  Future<JsonObject> addOverride(RequestEnvelope request) {
    UUID doctor = uuidParam(request, "id");
    JsonObject b = request.bodyAsObject();
    boolean closed = b.getBoolean("closed", false);
    LocalTime starts = time(b, "startsAt");
    LocalTime ends = time(b, "endsAt");
    if (closed && (starts != null || ends != null)) {
      throw CatalogueFailures.invalid("override_shape", starts != null ? "startsAt" : "endsAt");
    }
    if (!closed && (starts == null || ends == null)) {
      throw CatalogueFailures.invalid("override_shape", starts == null ? "startsAt" : "endsAt");
    }
    if (!closed && !ends.isAfter(starts)) {
      throw CatalogueFailures.invalid("hours_end_before_start", "endsAt");
    }
    UUID location = uuid(b, "locationId");
    return writes.inTransaction(request, conn -> writes.touch(conn, "lock_doctor", Tuple.of(doctor), "doctor_not_found", doctor)
        .compose(x -> writes.requireKnown(conn, "known_locations", List.of(location), "unknown_location", "locationId"))
        .compose(x -> conn.preparedQuery(writes.sql().get("insert_override")).execute(tuple(doctor, location,
            date(b, "date"), closed, starts, ends, b.getString("reasonAr"), b.getString("reasonEn"))))
        .map(rows -> CatalogueJson.override(rows.iterator().next(), arabic(request))));
  }

  Future<Void> removeOverride(RequestEnvelope request) {
    UUID id = uuidParam(request, "overrideId");
    return writes.inTransaction(request, conn -> writes.touch(conn, "delete_override",
        Tuple.of(id, uuidParam(request, "id")), "override_not_found", id)).mapEmpty();
  }

  Future<JsonObject> addHoliday(RequestEnvelope request) {
    JsonObject b = request.bodyAsObject();
    LocalDate starts = date(b, "startsOn");
    LocalDate ends = date(b, "endsOn");
    if (ends.isBefore(starts)) {
      throw CatalogueFailures.invalid("holiday_end_before_start", "endsOn");
    }
    UUID location = uuid(b, "locationId");
    return writes.inTransaction(request, conn -> writes.requireKnown(conn, "known_locations",
            location == null ? List.of() : List.of(location), "unknown_location", "locationId")
        .compose(x -> conn.preparedQuery(writes.sql().get("insert_holiday"))
            .execute(tuple(location, starts, ends, b.getString("nameAr"), b.getString("nameEn"))))
        .map(rows -> CatalogueJson.holiday(rows.iterator().next(), arabic(request))));
  }

  Future<Void> removeHoliday(RequestEnvelope request) {
    UUID id = uuidParam(request, "id");
    return writes.inTransaction(request, conn -> writes.touch(conn, "delete_holiday", Tuple.of(id), "holiday_not_found", id))
        .mapEmpty();
  }
}
