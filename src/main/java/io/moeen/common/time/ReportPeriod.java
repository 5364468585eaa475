package io.moeen.common.time;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The days a report covers, both inclusive, as local dates of the clinic; the query runs from the
 * first day's local midnight to the midnight after the last day. At most {@link #MAX_DAYS} days; a
 * reversed range, a too long one or a date that does not parse is a localized 400.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {
  public static final int MAX_DAYS = 366;

  /** The last 30 days up to {@code to} (the CRM's default). */
  public static final UnaryOperator<LocalDate> LAST_30_DAYS = last -> last.minusDays(29);
  /** The month of {@code to}, up to it (billing's default). */
  public static final UnaryOperator<LocalDate> MONTH_SO_FAR = last -> last.withDayOfMonth(1);

  /** {@code from}/{@code to} as the caller sent them (either may be missing: today, and {@code defaultFirst} of the last day). */
  public static ReportPeriod of(String from, String to, ZoneId zone, Clock clock, UnaryOperator<LocalDate> defaultFirst) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate last = to == null ? today : date(to, "to");
    LocalDate first = from == null ? defaultFirst.apply(last) : date(from, "from");
    if (first.isAfter(last)) {
      throw new Problem(ProblemKind.INVALID_INPUT, "invalid_range", Map.of("from", first.toString(), "to", last.toString()), "from");
    }
    if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
      throw new Problem(ProblemKind.INVALID_INPUT, "range_too_long", Map.of("maxDays", MAX_DAYS), "to");
    }
    return new ReportPeriod(first, last, zone);
  }

  public OffsetDateTime start() {
    return from.atStartOfDay(zone).toOffsetDateTime();
  }

  public OffsetDateTime end() {
    return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
  }

  private static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_report_date", field, Map.of("value", text));
    }
  }
}
