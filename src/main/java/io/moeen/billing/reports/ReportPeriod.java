package io.moeen.billing.reports;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The clinic's days a report covers, both inclusive (default: this month so far); at most 366 days. */
record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {
  static final int MAX_DAYS = 366;

  static ReportPeriod of(String from, String to, ZoneId zone, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate last = to == null ? today : date(to, "to");
    LocalDate first = from == null ? last.withDayOfMonth(1) : date(from, "from");
    if (first.isAfter(last)) {
      throw new Problem(ProblemKind.INVALID_INPUT, "invalid_range", Map.of("from", first.toString(), "to", last.toString()), "from");
    }
    if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
      throw new Problem(ProblemKind.INVALID_INPUT, "range_too_long", Map.of("maxDays", MAX_DAYS), "to");
    }
    return new ReportPeriod(first, last, zone);
  }

  OffsetDateTime start() {
    return from.atStartOfDay(zone).toOffsetDateTime();
  }

  OffsetDateTime end() {
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
