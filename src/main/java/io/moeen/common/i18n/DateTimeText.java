package io.moeen.common.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Objects;

/** Dates and times as a person reads them: weekday, day, month name, year, and local time. */
public final class DateTimeText {

  private DateTimeText() {}

  /**
   * Formats with everything explicit (calendar, zone, numbering system) so the output never
   * depends on the JVM's default zone or locale. A DateFormat is built per call because ICU
   * formats are not thread-safe; ICU caches the locale data they are built from.
   */
  public static String format(
      Instant instant,
      ZoneId zone,
      SupportedLocale locale,
      CalendarSystem calendar,
      DigitStyle digits,
      FormatLength length) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(digits, "digits");
    Objects.requireNonNull(length, "length");
    ULocale uLocale = locale.uLocale().setKeywordValue("numbers", digits.numberingSystem());
    Calendar icuCalendar = calendar(calendar, icuZone(zone), uLocale);
    DateFormat format =
        length == FormatLength.DATE
            ? DateFormat.getDateInstance(icuCalendar, DateFormat.FULL, uLocale)
            : DateFormat.getDateTimeInstance(icuCalendar, DateFormat.FULL, DateFormat.SHORT, uLocale);
    return format.format(new Date(instant.toEpochMilli()));
  }

  /** A calendar day, with no zone involved: the day is the same everywhere. */
  public static String formatDate(
      LocalDate date, SupportedLocale locale, CalendarSystem calendar, DigitStyle digits) {
    Objects.requireNonNull(date, "date");
    Instant midnightUtc = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    return format(midnightUtc, ZoneOffset.UTC, locale, calendar, digits, FormatLength.DATE);
  }

  private static Calendar calendar(CalendarSystem system, TimeZone zone, ULocale uLocale) {
    if (system == CalendarSystem.HIJRI) {
      IslamicCalendar hijri = new IslamicCalendar(zone, uLocale);
      hijri.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
      return hijri;
    }
    GregorianCalendar gregorian = new GregorianCalendar(zone, uLocale);
    // proleptic Gregorian, as java.time is: no switch to the Julian calendar before 1582
    gregorian.setGregorianChange(new Date(Long.MIN_VALUE));
    return gregorian;
  }

  /** ICU does not know java.time's offset ids ("Z", "+03:00"), so those become GMT offsets. */
  static TimeZone icuZone(ZoneId zone) {
    ZoneId normalized = zone.normalized();
    String id =
        normalized instanceof ZoneOffset offset
            ? (offset.getTotalSeconds() == 0 ? "UTC" : "GMT" + offset.getId())
            : normalized.getId();
    TimeZone icu = TimeZone.getTimeZone(id);
    // ICU answers an unknown id with GMT silently; a wrong local time is worse than an error
    if (TimeZone.UNKNOWN_ZONE_ID.equals(icu.getID())) {
      throw new IllegalArgumentException("ICU has no time zone " + zone.getId());
    }
    return icu;
  }
}
