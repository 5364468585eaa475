package io.moeen.hospital;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Time as the hospital reads it: answers carry instants with the clinic's offset ({@code 2026-12-06T09:30:00+03:00}),
 * days are the clinic's days, and "now" comes from the clock (tests fix it). Input instants may carry any offset;
 * one in the future where only the past makes sense is 400 {@code time_in_future}.
 */
public final class ClinicTimes {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  /** Clocks of phones and desks drift: this much in the future still counts as now. */
  private static final long SKEW_SECONDS = 120;

  private final ZoneId zone;
  private final Clock clock;

  public ClinicTimes(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId zone() {
    return zone;
  }

  public OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /** An instant in the clinic's zone, or null. */
  public String format(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(zone).format(ISO);
  }

  /** The instant in {@code body.field}, or null when absent; 400 {@code invalid_instant} when it does not parse. */
  public OffsetDateTime optional(JsonObject body, String field) {
    String text = body.getString(field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_instant", field, Map.of("field", field, "value", text));
    }
  }

  /** The instant in {@code body.field}, or now; never later than now (an event that already happened). */
  public OffsetDateTime pastOrNow(JsonObject body, String field) {
    OffsetDateTime given = optional(body, field);
    OffsetDateTime now = now();
    if (given == null) {
      return now;
    }
    if (given.isAfter(now.plusSeconds(SKEW_SECONDS))) {
      throw Problem.invalid("time_in_future", field, Map.of("field", field, "at", format(given)));
    }
    return given.isAfter(now) ? now : given;
  }

  public static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
