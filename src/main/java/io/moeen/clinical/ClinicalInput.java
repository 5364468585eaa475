package io.moeen.clinical;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.auth.Principal;
import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/** Reading what the contract let through: ids, trimmed text, dates and instants, with the field named on failure. */
final class ClinicalInput {
  private ClinicalInput() {
  }

  static UUID id(RequestEnvelope request) {
    return UUID.fromString(request.param("id"));
  }

  static Actor actor(RequestEnvelope request, Principal principal) {
    return new Actor(principal, request.requestId(), request.clientIp());
  }

  /** The text, stripped; null when absent or blank. */
  static String text(JsonObject body, String field) {
    String value = body.getString(field);
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String required(JsonObject body, String field) {
    String value = text(body, field);
    if (value == null) {
      throw Problem.invalid("field_required", field, Map.of("field", field));
    }
    return value;
  }

  static LocalDate date(JsonObject body, String field) {
    String value = text(body, field);
    try {
      return value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_record_date", field, Map.of("value", value));
    }
  }

  static OffsetDateTime instant(JsonObject body, String field) {
    String value = text(body, field);
    try {
      return value == null ? null : OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_instant", field, Map.of("value", value));
    }
  }
}
