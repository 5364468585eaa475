package io.moeen.scheduling.slots;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything that says when one doctor works at one location, in that location's local time:
 * the regular week, dates that differ, the clinic's holidays and the Ramadan hours there.
 */
public record Availability(
    ZoneId zone,
    List<WeeklyBlock> weekly,
    List<DateOverride> overrides,
    List<Holiday> holidays,
    List<RamadanBlock> ramadan) {

  public Availability {
    weekly = List.copyOf(weekly);
    overrides = List.copyOf(overrides);
    holidays = List.copyOf(holidays);
    ramadan = List.copyOf(ramadan);
  }

  /** A block of the regular week; {@code validFrom}/{@code validUntil} are inclusive and optional. */
  public record WeeklyBlock(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validUntil) {
    public WeeklyBlock(DayOfWeek day, LocalTime start, LocalTime end) {
      this(day, start, end, null, null);
    }

    boolean appliesOn(LocalDate date) {
      return date.getDayOfWeek() == day
          && (validFrom == null || !date.isBefore(validFrom))
          && (validUntil == null || !date.isAfter(validUntil));
    }
  }

  /** One date that differs from the regular week: closed, or these hours (one record per block). */
  public record DateOverride(LocalDate date, boolean closed, LocalTime start, LocalTime end) {
    public static DateOverride closedOn(LocalDate date) {
      return new DateOverride(date, true, null, null);
    }

    public static DateOverride hours(LocalDate date, LocalTime start, LocalTime end) {
      return new DateOverride(date, false, start, end);
    }
  }

  /** Days the location is closed, both ends inclusive. */
  public record Holiday(LocalDate startsOn, LocalDate endsOn) {
    boolean covers(LocalDate date) {
      return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
  }

  /**
   * Ramadan hours at the location ({@code forDoctor} false) or for this doctor there; {@code day}
   * null means every day. {@code end <= start} runs past midnight into the next local day.
   */
  public record RamadanBlock(boolean forDoctor, DayOfWeek day, LocalTime start, LocalTime end) {
    boolean appliesOn(LocalDate date) {
      return day == null || date.getDayOfWeek() == day;
    }
  }
}
