package io.moeen.scheduling.booking;

import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.IdempotencyKeys;
import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/** A validated booking request; {@code requestHash} is the SHA-256 of the body as canonical JSON. */
record BookingRequest(UUID patientId, UUID serviceId, UUID doctorId, UUID locationId, Instant startsAt, String type,
                      String notes, String source, String idempotencyKey, String requestHash) {

  static BookingRequest from(RequestEnvelope request, Principal caller) {
    JsonObject body = request.bodyAsObject();
    // staff book at the desk or by phone; patients and families book online unless they say otherwise
    String defaultSource = caller.has("appointments.write.any") ? "reception" : "web";
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
        IdempotencyKeys.requestHash(body));
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
