package io.moeen.dental.chart;

import io.moeen.common.errors.Problem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * When a chart is read: an instant with an offset, or a date in the clinic's zone (the chart as it
 * stood at the end of that day); now when not given.
 */
final class ChartTimes {
  private ChartTimes() {
  }

  static OffsetDateTime at(String value, String field, ZoneId zone, Clock clock) {
    if (value == null || value.isBlank()) {
      return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
    String text = value.strip();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).plusDays(1).atStartOfDay(zone).toOffsetDateTime().minusNanos(1_000);
      }
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_chart_date", field, Map.of("value", text));
    }
  }
}
