package io.moeen.dental.plan;

import io.moeen.common.errors.Problem;
import io.moeen.dental.chart.DentalRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/** The fields of a plan and of its steps, checked before anything is written (400 with the field named). */
final class PlanInput {
  static final int MAX_STEPS = 40;

  private PlanInput() {
  }

  /** A step as given: the service, the dentist, the teeth (FDI, each tooth's own surfaces), when, a note. */
  record Step(UUID serviceId, UUID doctorId, JsonArray teeth, OffsetDateTime scheduledAt, String note) {
  }

  static Step step(Object value, String field) {
    if (!(value instanceof JsonObject body)) {
      throw Problem.invalid("dental_field_invalid", field, Map.of("field", field));
    }
    UUID service = uuid(body.getValue("serviceId"), field + ".serviceId", true);
    UUID doctor = uuid(body.getValue("doctorId"), field + ".doctorId", true);
    Object teethValue = body.getValue("teeth");
    if (teethValue != null && !(teethValue instanceof JsonArray)) {
      throw Problem.invalid("dental_field_invalid", field + ".teeth", Map.of("field", "teeth"));
    }
    JsonArray teeth = DentalRecords.teeth(teethValue == null ? new JsonArray() : (JsonArray) teethValue);
    OffsetDateTime at = instant(body.getValue("scheduledAt"), field + ".scheduledAt");
    String note = text(body.getValue("note"), field + ".note", 2000, false);
    return new Step(service, doctor, teeth, at, note);
  }

  static UUID uuid(Object value, String field, boolean required) {
    if (value == null || value instanceof String s && s.isBlank()) {
      if (required) {
        throw Problem.invalid("field_required", field, Map.of("field", field));
      }
      return null;
    }
    try {
      return UUID.fromString(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("validation_failed", field, Map.of("field", field, "reasonKey", "validation.format"));
    }
  }

  static String text(Object value, String field, int max, boolean required) {
    String text = value instanceof String s && !s.isBlank() ? s.strip() : null;
    if (value != null && !(value instanceof String)) {
      throw Problem.invalid("dental_field_invalid", field, Map.of("field", field));
    }
    if (text == null && required) {
      throw Problem.invalid("field_required", field, Map.of("field", field));
    }
    if (text != null && text.length() > max) {
      throw Problem.invalid("dental_text_too_long", field, Map.of("field", field, "max", max));
    }
    return text;
  }

  static LocalDate date(Object value, String field) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw Problem.invalid("validation_failed", field, Map.of("field", field, "reasonKey", "validation.format"));
    }
  }

  static OffsetDateTime instant(Object value, String field) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_instant", field, Map.of("value", String.valueOf(value)));
    }
  }
}
