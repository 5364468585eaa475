package io.moeen.scheduling.appointments;

import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /v1/appointments} read from the request, with every default applied here (the
 * Vert.x OpenAPI router does not fill them in): 20 a page, no date bounds, every status, every room.
 */
record AppointmentQuery(UUID doctorId, UUID patientId, Instant from, Instant to, String status, int limit,
                        Cursor after, ZoneId zone, UUID roomId) {
  static final int DEFAULT_LIMIT = 20;

  /** Where a page ends: the last item's start and id, opaque to clients (base64url of {@code instant|id}). */
  record Cursor(Instant startsAt, UUID id) {
    String encode() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((startsAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
      if (text == null || text.isEmpty()) {
        return null;
      }
      try {
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int bar = plain.indexOf('|');
        return new Cursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
      } catch (RuntimeException e) {
        throw Problem.invalid("invalid_cursor", "cursor", Map.of());
      }
    }
  }

  /** Whose appointments the caller may list at all. */
  record Scope(boolean everything, UUID doctorUserId, List<UUID> patientIds) {
    static Scope of(Principal p) {
      List<UUID> patients = new ArrayList<>();
      if (p.has("appointments.read.own")) {
        p.patientId().ifPresent(patients::add);
        p.family().forEach((patient, scopes) -> {
          if (scopes.contains("appointments.read")) {
            patients.add(patient);
          }
        });
      }
      return new Scope(p.has("appointments.read.any"), p.has("appointments.read.own") ? p.userId() : null, patients);
    }
  }

  static AppointmentQuery from(RequestEnvelope request) {
    Instant from = instant(request, "from");
    Instant to = instant(request, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw Problem.invalid("invalid_range", "from", Map.of("from", request.param("from"), "to", request.param("to")));
    }
    String limit = request.param("limit");
    return new AppointmentQuery(uuid(request, "doctorId"), uuid(request, "patientId"), from, to,
        request.param("status"), limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit),
        Cursor.decode(request.param("cursor")), zone(request), uuid(request, "roomId"));
  }

  /** The caller's own zone for times, from {@code timeZone}; null when not asked. */
  static ZoneId zone(RequestEnvelope request) {
    String value = request.param("timeZone");
    if (value == null) {
      return null;
    }
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw Problem.invalid("invalid_time_zone", "timeZone", Map.of("field", "timeZone", "value", value));
    }
  }

  static Instant instant(RequestEnvelope request, String name) {
    String value = request.param(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_instant", name, Map.of("value", value));
    }
  }

  private static UUID uuid(RequestEnvelope request, String name) {
    String value = request.param(name);
    return value == null ? null : UUID.fromString(value);
  }
}
