package io.moeen.scheduling.booking;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** An appointment as the API answers it: times with the location's offset. */
final class AppointmentView {
  private AppointmentView() {
  }

  static JsonObject of(Row row) {
    ZoneId zone = ZoneId.of(row.getString("time_zone"));
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("status", row.getString("status"))
        .put("patientId", row.getUUID("patient_id").toString())
        .put("doctorId", row.getUUID("doctor_id").toString())
        .put("serviceId", row.getUUID("service_id").toString())
        .put("locationId", row.getUUID("location_id").toString())
        .put("startsAt", at(row.getOffsetDateTime("starts_at"), zone))
        .put("endsAt", at(row.getOffsetDateTime("ends_at"), zone))
        .put("type", row.getString("type"))
        .put("source", row.getString("source"))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
  }

  /** The zone the caller asked to see times in, checked: 400 {@code invalid_time_zone} otherwise. */
  static Optional<ZoneId> callerZone(String requested) {
    if (requested == null || requested.isBlank()) {
      return Optional.empty();
    }
    if (!ZoneId.getAvailableZoneIds().contains(requested)) {
      throw Problem.invalid("invalid_time_zone", "timeZone", Map.of("field", "timeZone", "value", requested));
    }
    return Optional.of(ZoneId.of(requested));
  }

  /** The answer plus the same times in the caller's zone (the patient abroad, say). */
  static JsonObject withCallerZone(JsonObject appointment, ZoneId zone) {
    JsonObject copy = appointment.copy();
    copy.put("inTimeZone", new JsonObject()
        .put("timeZone", zone.getId())
        .put("startsAt", at(OffsetDateTime.parse(appointment.getString("startsAt")), zone))
        .put("endsAt", at(OffsetDateTime.parse(appointment.getString("endsAt")), zone)));
    return copy;
  }

  private static String at(OffsetDateTime time, ZoneId zone) {
    return time.atZoneSameInstant(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
