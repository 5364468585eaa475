package io.moeen.crm.sla;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The marketing team's week in the clinic's zone (setting {@code crm.working_hours}): one
 * opening span per weekday, or none. Counts time only while the team is at work.
 */
public final class WorkingHours {
  private record Span(LocalTime opens, LocalTime closes) {
  }

  private final Map<DayOfWeek, Span> week;
  private final ZoneId zone;

  WorkingHours(Map<DayOfWeek, Span> week, ZoneId zone) {
    this.week = week;
    this.zone = zone;
  }

  /** {@code {"sun": ["09:00", "21:00"], "fri": null, ...}}; a day not named is off. */
  public static WorkingHours fromJson(JsonObject json, ZoneId zone) {
    Map<DayOfWeek, Span> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      JsonArray span = json.getJsonArray(day.name().substring(0, 3).toLowerCase(Locale.ROOT));
      if (span != null) {
        LocalTime opens = LocalTime.parse(span.getString(0));
        LocalTime closes = LocalTime.parse(span.getString(1));
        if (!closes.isAfter(opens)) {
          throw new IllegalArgumentException("crm.working_hours: " + day + " closes before it opens");
        }
        week.put(day, new Span(opens, closes));
      }
    }
    if (week.isEmpty()) {
      throw new IllegalArgumentException("crm.working_hours: no working day");
    }
    return new WorkingHours(week, zone);
  }

  /** The instant at which {@code work} of working time has passed since {@code from}. */
  public Instant after(Instant from, Duration work) {
    Duration left = work;
    ZonedDateTime cursor = from.atZone(zone);
    for (int day = 0; day < 400; day++) {
      LocalDate date = cursor.toLocalDate();
      Span span = week.get(date.getDayOfWeek());
      if (span != null) {
        ZonedDateTime opens = date.atTime(span.opens()).atZone(zone);
        ZonedDateTime closes = date.atTime(span.closes()).atZone(zone);
        ZonedDateTime start = cursor.isAfter(opens) ? cursor : opens;
        if (start.isBefore(closes)) {
          Duration available = Duration.between(start, closes);
          if (available.compareTo(left) >= 0) {
            return start.plus(left).toInstant();
          }
          left = left.minus(available);
        }
      }
      cursor = date.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException("no working time within 400 days");
  }

  /** The working time between {@code from} and {@code to} (zero when {@code to} is not after {@code from}). */
  public Duration between(Instant from, Instant to) {
    Duration worked = Duration.ZERO;
    ZonedDateTime cursor = from.atZone(zone);
    ZonedDateTime end = to.atZone(zone);
    for (int day = 0; day < 400 && cursor.isBefore(end); day++) {
      LocalDate date = cursor.toLocalDate();
      Span span = week.get(date.getDayOfWeek());
      if (span != null) {
        ZonedDateTime opens = date.atTime(span.opens()).atZone(zone);
        ZonedDateTime closes = date.atTime(span.closes()).atZone(zone);
        ZonedDateTime start = cursor.isAfter(opens) ? cursor : opens;
        ZonedDateTime stop = end.isBefore(closes) ? end : closes;
        if (start.isBefore(stop)) {
          worked = worked.plus(Duration.between(start, stop));
        }
      }
      cursor = date.plusDays(1).atStartOfDay(zone);
    }
    return worked;
  }
}
