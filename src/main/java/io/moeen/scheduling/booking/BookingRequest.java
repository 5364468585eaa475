package io.moeen.scheduling.booking;

import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
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
        sha256(((JsonObject) canonical(body)).encode()));
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
  static Object canonical(Object value) {
    if (value instanceof JsonObject object) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      object.forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
      return new JsonObject(new java.util.LinkedHashMap<>(sorted));
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(canonical(item)));
      return copy;
    }
    return value;
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
