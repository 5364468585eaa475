package io.moeen.scheduling.appointments;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** When each step may happen, judged in the appointment's location zone. */
final class TimeRules {
  private TimeRules() {
  }

  /** Check-in only on the appointment's local day (a patient may arrive early or late that day). */
  static void requireAppointmentDay(Appointment a, Instant now) {
    if (!now.atZone(a.zone()).toLocalDate().equals(a.startsAt().atZone(a.zone()).toLocalDate())) {
      throw new Problem(ProblemKind.CONFLICT, "not_appointment_day",
          Map.of("date", a.startsAt().atZone(a.zone()).toLocalDate().toString()));
    }
  }

  /** Completion and no-show only once the appointment has begun. */
  static void requireStarted(Appointment a, Instant now) {
    if (now.isBefore(a.startsAt())) {
      throw new Problem(ProblemKind.CONFLICT, "appointment_not_started", Map.of());
    }
  }

  /** The patient's side may cancel or ask for changes only before the start. */
  static void requireNotStarted(Appointment a, Instant now) {
    if (!now.isBefore(a.startsAt())) {
      throw new Problem(ProblemKind.CONFLICT, "appointment_already_started", Map.of());
    }
  }

  /** A requested new start: ISO-8601 with an offset (400 {@code invalid_instant}), in the future (400 {@code requested_time_in_past}). */
  static Instant futureInstant(String value, String field, Instant now) {
    Instant wanted;
    try {
      wanted = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw Problem.invalid("invalid_instant", field, Map.of("value", String.valueOf(value)));
    }
    if (!wanted.isAfter(now)) {
      throw Problem.invalid("requested_time_in_past", field, Map.of());
    }
    return wanted;
  }
}
