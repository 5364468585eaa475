package io.moeen.scheduling.booking;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What {@code appointment.booked} carries and the outbox rows quote: the new appointment's ids and
 * times, flat. The API answers the full {@code Appointment} instead (see AppointmentView).
 */
final class BookedEvent {
  private BookedEvent() {
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

  private static String at(OffsetDateTime time, ZoneId zone) {
    return time.atZoneSameInstant(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
