package io.moeen.scheduling.appointments;

import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** What a change to an appointment decides on: the locked row, its doctor's account and its location's zone. */
record Appointment(UUID id, UUID patientId, UUID doctorId, UUID doctorUserId, UUID locationId, UUID serviceId, ZoneId zone,
                   Instant startsAt, Instant endsAt, AppointmentStatus status, AppointmentStatus previousStatus,
                   Instant requestedStartsAt, String requestNotes, int version, UUID roomId) {

  static Appointment from(Row row) {
    String previous = row.getString("request_previous_status");
    var requested = row.getOffsetDateTime("requested_starts_at");
    return new Appointment(row.getUUID("id"), row.getUUID("patient_id"), row.getUUID("doctor_id"),
        row.getUUID("doctor_user_id"), row.getUUID("location_id"), row.getUUID("service_id"),
        ZoneId.of(row.getString("time_zone")),
        row.getOffsetDateTime("starts_at").toInstant(), row.getOffsetDateTime("ends_at").toInstant(),
        AppointmentStatus.of(row.getString("status")), previous == null ? null : AppointmentStatus.of(previous),
        requested == null ? null : requested.toInstant(), row.getString("request_notes"), row.getInteger("version"),
        row.getUUID("room_id"));
  }
}
