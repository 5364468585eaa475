package io.moeen.common.i18n;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Converts days between the Gregorian and the Umm al-Qura (Saudi official) Hijri calendars. ICU
 * holds the official table for 1300-1600 AH (1882-2174 CE); outside it ICU approximates.
 */
public final class HijriCalendar {

  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int RAMADAN = 9;

  /**
   * Days already converted, 2000-01-01 to 2099-12-31, filled as they are asked for: a week of slots asks
   * whether each day is in Ramadan for every doctor and place, and ICU's conversion was 4 % of that search's
   * CPU (bench/README.md). A day's Hijri date never changes, so two threads filling the same cell write the
   * same value; {@link HijriDate} is immutable, so a cell read without a lock is whole or null.
   */
  private static final long FIRST_KEPT = LocalDate.of(2000, 1, 1).toEpochDay();
  private static final HijriDate[] KEPT = new HijriDate[(int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST_KEPT)];

  private HijriCalendar() {}

  public static HijriDate toHijri(LocalDate gregorian) {
    Objects.requireNonNull(gregorian, "gregorian");
    long index = gregorian.toEpochDay() - FIRST_KEPT;
    if (index < 0 || index >= KEPT.length) {
      return convert(gregorian);
    }
    HijriDate kept = KEPT[(int) index];
    if (kept == null) {
      kept = convert(gregorian);
      KEPT[(int) index] = kept;
    }
    return kept;
  }

  private static HijriDate convert(LocalDate gregorian) {
    IslamicCalendar calendar = ummAlQura();
    calendar.setTimeInMillis(Math.multiplyExact(gregorian.toEpochDay(), MILLIS_PER_DAY));
    return new HijriDate(
        calendar.get(Calendar.EXTENDED_YEAR),
        calendar.get(Calendar.MONTH) + 1,
        calendar.get(Calendar.DAY_OF_MONTH));
  }

  /** Throws IllegalArgumentException for a day the month does not have, e.g. 30 of a 29-day month. */
  public static LocalDate toGregorian(HijriDate hijri) {
    Objects.requireNonNull(hijri, "hijri");
    IslamicCalendar calendar = firstOfMonth(hijri.year(), hijri.month());
    int length = calendar.getActualMaximum(Calendar.DAY_OF_MONTH);
    if (hijri.day() > length) {
      throw new IllegalArgumentException(
          "Hijri month " + hijri.month() + " of " + hijri.year() + " has " + length + " days, not " + hijri.day());
    }
    long firstDay = Math.floorDiv(calendar.getTimeInMillis(), MILLIS_PER_DAY);
    return LocalDate.ofEpochDay(firstDay + hijri.day() - 1);
  }

  public static int monthLength(int hijriYear, int hijriMonth) {
    HijriDate first = new HijriDate(hijriYear, hijriMonth, 1);
    return firstOfMonth(first.year(), first.month()).getActualMaximum(Calendar.DAY_OF_MONTH);
  }

  public static boolean isRamadan(LocalDate date) {
    return toHijri(date).month() == RAMADAN;
  }

  private static IslamicCalendar firstOfMonth(int year, int month) {
    IslamicCalendar calendar = ummAlQura();
    calendar.clear();
    calendar.set(Calendar.EXTENDED_YEAR, year);
    calendar.set(Calendar.MONTH, month - 1);
    calendar.set(Calendar.DAY_OF_MONTH, 1);
    return calendar;
  }

  /**
   * A fresh calendar per call because ICU calendars are mutable; it costs microseconds. Pinned to
   * Umm al-Qura and GMT so neither a locale default nor the JVM's zone can shift the day.
   */
  static IslamicCalendar ummAlQura() {
    IslamicCalendar calendar = new IslamicCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
    calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
    return calendar;
  }
}
