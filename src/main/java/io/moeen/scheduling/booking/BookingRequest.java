package io.moeen.scheduling.booking;

import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.IdempotencyKeys;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/** A validated booking request; {@code requestHash} is the SHA-256 of the body as canonical JSON. */
record BookingRequest(UUID patientId, UUID serviceId, UUID doctorId, UUID locationId, Instant startsAt, String type,
                      String notes, String source, String idempotencyKey, String requestHash, UUID roomId,
                      boolean defaultRoom) {

  static BookingRequest from(RequestEnvelope request, Principal caller) {
    JsonObject body = request.bodyAsObject();
    // staff book at the desk or by phone; patients and families book online unless they say otherwise
    String defaultSource = caller.has("appointments.write.any") ? "reception" : "web";
    String room = body.getString("roomId");
    // rooms are the clinic's business: a patient's or family member's booking gets the doctor's default room or none
    if (room != null && !caller.has("appointments.write.any")) {
      throw new Problem(ProblemKind.FORBIDDEN, "room_staff_only", Map.of(), "roomId");
    }
    return new BookingRequest(
        UUID.fromString(body.getString("patientId")),
        UUID.fromString(body.getString("serviceId")),
        UUID.fromString(body.getString("doctorId")),
        UUID.fromString(body.getString("locationId")),
        instant(body.getString("startsAt")),
        body.getString("type", "consultation"),
        body.getString("notes"),
        body.getString("source", defaultSource),
        request.param("Idempotency-Key"),
        IdempotencyKeys.requestHash(body),
        room == null ? null : UUID.fromString(room),
        room == null);
  }

  /** The same booking without the doctor's default room (it was taken by a concurrent booking meanwhile). */
  BookingRequest withoutDefaultRoom() {
    return new BookingRequest(patientId, serviceId, doctorId, locationId, startsAt, type, notes, source, idempotencyKey,
        requestHash, roomId, false);
  }

  /** What the slot check and the alternatives search are asked. */
  JsonObject slotQuestion() {
    return new JsonObject().put("serviceId", serviceId.toString()).put("doctorId", doctorId.toString())
        .put("locationId", locationId.toString()).put("startsAt", startsAt.toString())
        .put("patientId", patientId.toString());
  }

  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_instant", "startsAt", Map.of("value", value));
    }
  }

  /** Keys sorted at every level, so the same body always hashes the same. */

}
