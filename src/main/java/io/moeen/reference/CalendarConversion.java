package io.moeen.reference;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.IslamicCalendar;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.CalendarSystem;
import io.moeen.common.i18n.DateTimeText;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.Digits;
import io.moeen.common.i18n.HijriCalendar;
import io.moeen.common.i18n.HijriDate;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/** One day in both calendars, written out for people; the arithmetic is {@link HijriCalendar}'s. */
final class CalendarConversion {
  // ICU's Umm al-Qura tables cover these Hijri years; outside them it falls back to arithmetic.
  private static final int FIRST_HIJRI_YEAR = 1300;
  private static final int LAST_HIJRI_YEAR = 1600;
  // The same span in Gregorian days, checked before converting: far outside it (year 0) ICU's
  // arithmetic gives Hijri years below 1, which HijriDate refuses with an exception.
  private static final LocalDate FIRST_GREGORIAN = HijriCalendar.toGregorian(new HijriDate(FIRST_HIJRI_YEAR, 1, 1));
  private static final LocalDate LAST_GREGORIAN = HijriCalendar.toGregorian(
      new HijriDate(LAST_HIJRI_YEAR, 12, HijriCalendar.monthLength(LAST_HIJRI_YEAR, 12)));

  private final Messages messages;

  CalendarConversion(Messages messages) {
    this.messages = messages;
  }

  JsonObject convert(JsonObject request, SupportedLocale locale) {
    String written = request.getString("date");
    String calendar = request.getString("calendar");
    DigitStyle digits = digits(request.getString("digits"), locale);
    LocalDate gregorian = "hijri".equals(calendar) ? fromHijri(written, locale) : fromGregorian(written, locale);
    HijriDate hijri = HijriCalendar.toHijri(gregorian);
    return new JsonObject()
        .put("gregorian", new JsonObject()
            .put("date", gregorian.toString())
            .put("text", DateTimeText.formatDate(gregorian, locale, CalendarSystem.GREGORIAN, digits)))
        .put("hijri", new JsonObject()
            .put("year", hijri.year())
            .put("month", hijri.month())
            .put("day", hijri.day())
            .put("date", String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", hijri.year(), hijri.month(), hijri.day()))
            .put("monthName", hijriMonthName(hijri.month(), locale))
            .put("monthLength", HijriCalendar.monthLength(hijri.year(), hijri.month()))
            .put("text", DateTimeText.formatDate(gregorian, locale, CalendarSystem.HIJRI, digits)))
        .put("isRamadan", HijriCalendar.isRamadan(gregorian));
  }

  private LocalDate fromGregorian(String written, SupportedLocale locale) {
    int[] parts = parts(written, locale, "gregorian");
    try {
      LocalDate date = LocalDate.of(parts[0], parts[1], parts[2]);
      if (date.isBefore(FIRST_GREGORIAN) || date.isAfter(LAST_GREGORIAN)) {
        throw invalid(written, locale, "gregorian");
      }
      return date;
    } catch (DateTimeException e) {
      throw invalid(written, locale, "gregorian");
    }
  }

  private LocalDate fromHijri(String written, SupportedLocale locale) {
    int[] parts = parts(written, locale, "hijri");
    if (parts[0] < FIRST_HIJRI_YEAR || parts[0] > LAST_HIJRI_YEAR) {
      throw invalid(written, locale, "hijri");
    }
    try {
      return HijriCalendar.toGregorian(new HijriDate(parts[0], parts[1], parts[2]));
    } catch (IllegalArgumentException e) {
      throw invalid(written, locale, "hijri");
    }
  }

  private int[] parts(String written, SupportedLocale locale, String calendar) {
    String[] pieces = Digits.toAscii(written).split("-");
    if (pieces.length != 3) {
      throw invalid(written, locale, calendar);
    }
    try {
      return new int[] {Integer.parseInt(pieces[0]), Integer.parseInt(pieces[1]), Integer.parseInt(pieces[2])};
    } catch (NumberFormatException e) {
      throw invalid(written, locale, calendar);
    }
  }

  private Problem invalid(String written, SupportedLocale locale, String calendar) {
    String calendarName = messages.format(locale, "calendar." + calendar);
    return Problem.invalid("invalid_date", "date", Map.of("value", written, "calendar", calendarName));
  }

  private static DigitStyle digits(String requested, SupportedLocale locale) {
    if (requested == null) {
      return locale == SupportedLocale.AR ? DigitStyle.ARABIC_INDIC : DigitStyle.LATIN;
    }
    return "arabic".equals(requested) ? DigitStyle.ARABIC_INDIC : DigitStyle.LATIN;
  }

  private static String hijriMonthName(int month, SupportedLocale locale) {
    DateFormatSymbols symbols = new DateFormatSymbols(IslamicCalendar.class, locale.uLocale());
    return symbols.getMonths()[month - 1];
  }
}
