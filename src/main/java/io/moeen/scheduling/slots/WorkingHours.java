package io.moeen.scheduling.slots;

import io.moeen.common.i18n.HijriCalendar;
import io.moeen.scheduling.slots.Availability.DateOverride;
import io.moeen.scheduling.slots.Availability.RamadanBlock;
import io.moeen.scheduling.slots.Availability.WeeklyBlock;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The blocks a doctor works on one local date, after holidays, date overrides and Ramadan hours:
 * a holiday closes the day; an override (closed or other hours) replaces the day; in Ramadan the
 * Ramadan hours replace the regular blocks on days the doctor normally works there, the doctor's
 * own Ramadan rows winning over the location's.
 */
final class WorkingHours {
  /** A block in local date-times; it may end on the next day. */
  record LocalBlock(LocalDateTime start, LocalDateTime end) {
  }

  private final Availability availability;

  WorkingHours(Availability availability) {
    this.availability = availability;
  }

  List<LocalBlock> on(LocalDate date) {
    if (availability.holidays().stream().anyMatch(h -> h.covers(date))) {
      return List.of();
    }
    List<DateOverride> overrides = availability.overrides().stream().filter(o -> o.date().equals(date)).toList();
    if (!overrides.isEmpty()) {
      if (overrides.stream().anyMatch(DateOverride::closed)) {
        return List.of();
      }
      return overrides.stream().map(o -> block(date, o.start(), o.end())).toList();
    }
    List<WeeklyBlock> regular = availability.weekly().stream().filter(b -> b.appliesOn(date)).toList();
    if (regular.isEmpty()) {
      return List.of();
    }
    if (HijriCalendar.isRamadan(date)) {
      List<RamadanBlock> ramadan = ramadanRows(date, RamadanBlock::forDoctor);
      if (ramadan.isEmpty()) {
        ramadan = ramadanRows(date, row -> !row.forDoctor());
      }
      if (!ramadan.isEmpty()) {
        return ramadan.stream().map(r -> block(date, r.start(), r.end())).toList();
      }
    }
    return regular.stream().map(b -> block(date, b.start(), b.end())).toList();
  }

  private List<RamadanBlock> ramadanRows(LocalDate date, Predicate<RamadanBlock> whose) {
    List<RamadanBlock> rows = new ArrayList<>();
    for (RamadanBlock row : availability.ramadan()) {
      if (whose.test(row) && row.appliesOn(date)) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static LocalBlock block(LocalDate date, LocalTime start, LocalTime end) {
    LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
    return new LocalBlock(date.atTime(start), endDate.atTime(end));
  }
}
