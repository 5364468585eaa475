package io.moeen.chatbot.language;

import io.moeen.common.i18n.HijriCalendar;
import io.moeen.common.i18n.HijriDate;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a calendar day out of normalized chat text, relative to a given "today". The first rule
 * that finds something wins, most explicit first: a full numeric date, a day with a month name, a
 * day/month, then words ("بعد بكره", "tomorrow", "الاحد الجاي", "in 3 days").
 */
final class DateParser {

  private static final String START = "(?<![\\p{L}\\p{N}])";
  private static final String END = "(?![\\p{L}\\p{N}])";
  private static final String NUMBER_START = "(?<![\\d:./-])";
  private static final String NUMBER_END = "(?![\\d:])";

  private static final Pattern YEAR_FIRST =
      Pattern.compile(NUMBER_START + "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})" + NUMBER_END);
  private static final Pattern DAY_FIRST =
      Pattern.compile(NUMBER_START + "(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}|\\d{2})" + NUMBER_END);
  private static final Pattern DAY_MONTH =
      Pattern.compile(NUMBER_START + "(\\d{1,2})[-/](\\d{1,2})(?![\\d:./-])");
  private static final String ORDINAL = "(?:st|nd|rd|th)?";
  private static final String YEAR = "(?:\\s*,?\\s*(\\d{4})" + NUMBER_END + ")?";
  private static final Pattern DAY_MONTH_NAME = Pattern.compile(NUMBER_START + "(\\d{1,2})" + ORDINAL
      + "\\s*(?:of\\s+|من\\s+|(?:من\\s+)?شهر\\s+)?(" + CalendarWords.alternation(CalendarWords.MONTHS) + ")" + END + YEAR);
  private static final Pattern MONTH_NAME_DAY = Pattern.compile(START + "(" + CalendarWords.alternation(CalendarWords.MONTHS)
      + ")\\s+(?:the\\s+)?(\\d{1,2})" + ORDINAL + END + YEAR);
  private static final Pattern HIJRI_DAY_MONTH = Pattern.compile(NUMBER_START + "(\\d{1,2})\\s*(?:من\\s+)?(?:شهر\\s+)?("
      + CalendarWords.alternation(CalendarWords.HIJRI_MONTHS) + ")" + END + "(?:\\s*(\\d{4})\\s*(?:هـ|ه)?" + END + ")?");
  private static final Pattern WEEKDAY = Pattern.compile(START + "(?:(يوم)\\s+)?("
      + CalendarWords.alternation(CalendarWords.WEEKDAYS) + "|" + CalendarWords.alternation(CalendarWords.WEEKDAYS_AFTER_YOM)
      + ")" + END);
  private static final Pattern AFTER_NEXT = Pattern.compile(
      "^\\s*(?:(?:اللي|الي|الذي)\\s+)?بعد\\s+(?:الجاي|القادم|الجايه|القادمه)|^\\s*after\\s+next");
  private static final Pattern IN_DAYS = Pattern.compile(START + "(?:بعد|in|within)\\s+(\\d{1,2}|يومين|اسبوع|اسبوعين|a\\s+week|two\\s+weeks)"
      + "(?:\\s*(ايام|يوم|days?|weeks?|اسابيع))?" + END);
  private static final Pattern DAY_AFTER_TOMORROW = Pattern.compile(START
      + "(?:بعد\\s+(?:بكره|بكرا|باكر|غدا|غد|الغد)|(?:the\\s+)?day\\s+after\\s+tomorrow|overmorrow)" + END);
  private static final Pattern TOMORROW = Pattern.compile(START + "(?:بكره|بكرا|بكرة|باكر|غدا|غد|الغد|tomorrow|tomorow|tommorow|tmrw|tmr)" + END);
  private static final Pattern TODAY = Pattern.compile(START + "(?:اليوم|الليله|today|tonight|tdy)" + END);
  private static final Pattern YESTERDAY = Pattern.compile(START + "(?:امس|البارحه|yesterday)" + END);

  /**
   * A day of the month said without its month: "on the 10th", "the 3rd", "the 21st of next month", «يوم ١٠», «١٠ الشهر»
   * — the next such day from today (this month's if it has not passed, else the next month that has it). A bare number
   * or ordinal is not one ("from 10 to 12" is hours, "the 2nd one" an option).
   */
  private static final Pattern DAY_OF_MONTH = Pattern.compile(
      START + "(?:(?:on|for|to|till|until|by)\\s+(?:the\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th))" + END
          + "(?![:.]\\d)(?!\\s*(?:one|option|slot|time|choice|am|pm|o.?clock)" + END + ")"
          + "|the\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+of\\s+(?:the|this|next)\\s+month"
          + "|the\\s+(\\d{1,2})(?:st|nd|rd|th)" + END + "(?![:.]\\d)(?!\\s*(?:one|option|slot|time|choice|doctor)" + END + ")"
          + "|(?:ل|ب)?يوم\\s+(\\d{1,2})(?![\\d:.])(?!\\s*(?:ايام|يوم|اسابيع|ساعات|ساعه|دقايق|دقيقه)" + END + ")"
          + "|(\\d{1,2})\\s+(?:من\\s+)?(?:هال|ال)شهر" + END + ")");

  private DateParser() {}

  static Optional<LocalDate> parse(String normalized, LocalDate today) {
    Matcher m = YEAR_FIRST.matcher(normalized);
    if (m.find()) {
      return date(number(m, 1), number(m, 2), number(m, 3));
    }
    m = DAY_FIRST.matcher(normalized);
    if (m.find()) {
      int year = number(m, 3);
      return date(year < 100 ? 2000 + year : year, number(m, 2), number(m, 1));
    }
    m = DAY_MONTH_NAME.matcher(normalized);
    if (m.find()) {
      return withOrWithoutYear(number(m, 1), CalendarWords.lookUp(CalendarWords.MONTHS, m.group(2)), m.group(3), today);
    }
    m = MONTH_NAME_DAY.matcher(normalized);
    if (m.find()) {
      return withOrWithoutYear(number(m, 2), CalendarWords.lookUp(CalendarWords.MONTHS, m.group(1)), m.group(3), today);
    }
    m = HIJRI_DAY_MONTH.matcher(normalized);
    if (m.find()) {
      return hijri(number(m, 1), CalendarWords.lookUp(CalendarWords.HIJRI_MONTHS, m.group(2)), m.group(3), today);
    }
    m = DAY_MONTH.matcher(normalized);
    if (m.find()) {
      return withOrWithoutYear(number(m, 1), number(m, 2), null, today);
    }
    return relative(normalized, today);
  }

  private static Optional<LocalDate> relative(String normalized, LocalDate today) {
    if (DAY_AFTER_TOMORROW.matcher(normalized).find()) {
      return Optional.of(today.plusDays(2));
    }
    if (TOMORROW.matcher(normalized).find()) {
      return Optional.of(today.plusDays(1));
    }
    Matcher m = WEEKDAY.matcher(normalized);
    while (m.find()) {
      boolean afterYom = m.group(1) != null;
      String name = m.group(2);
      DayOfWeek day = CalendarWords.WEEKDAYS.get(name);
      if (day == null && afterYom) {
        day = CalendarWords.WEEKDAYS_AFTER_YOM.get(name);
      }
      if (day != null) {
        LocalDate next = today.with(TemporalAdjusters.next(day));
        boolean afterNext = AFTER_NEXT.matcher(normalized).region(m.end(), normalized.length()).find();
        return Optional.of(afterNext ? next.plusWeeks(1) : next);
      }
    }
    m = IN_DAYS.matcher(normalized);
    if (m.find()) {
      Optional<Integer> days = daysFrom(m.group(1), m.group(2));
      if (days.isPresent()) {
        return days.map(today::plusDays);
      }
    }
    if (TODAY.matcher(normalized).find()) {
      return Optional.of(today);
    }
    if (YESTERDAY.matcher(normalized).find()) {
      return Optional.of(today.minusDays(1));
    }
    m = DAY_OF_MONTH.matcher(normalized);
    if (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          return nextDayOfMonth(Integer.parseInt(m.group(g)), today, normalized.contains("next month"));
        }
      }
    }
    return Optional.empty();
  }

  /** The first day {@code day} of a month on or after today (of the month after this one when {@code nextMonth}). */
  private static Optional<LocalDate> nextDayOfMonth(int day, LocalDate today, boolean nextMonth) {
    if (day < 1 || day > 31) {
      return Optional.empty();
    }
    LocalDate month = today.withDayOfMonth(1).plusMonths(nextMonth ? 1 : 0);
    for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
      if (day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(today)) {
        return Optional.of(month.withDayOfMonth(day));
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> daysFrom(String amount, String unit) {
    switch (amount.replaceAll("\\s+", " ")) {
      case "يومين": return Optional.of(2);
      case "اسبوع": case "a week": return Optional.of(7);
      case "اسبوعين": case "two weeks": return Optional.of(14);
      default:
        if (unit == null || !Character.isDigit(amount.charAt(0))) {
          return Optional.empty();
        }
        int n = Integer.parseInt(amount);
        boolean weeks = unit.startsWith("week") || unit.equals("اسابيع");
        return Optional.of(weeks ? n * 7 : n);
    }
  }

  private static Optional<LocalDate> withOrWithoutYear(int day, Integer month, String year, LocalDate today) {
    if (month == null) {
      return Optional.empty();
    }
    if (year != null) {
      return date(Integer.parseInt(year), month, day);
    }
    // the next such day from today on; 29 February waits for a leap year
    for (int y = today.getYear(); y <= today.getYear() + 8; y++) {
      Optional<LocalDate> candidate = date(y, month, day);
      if (candidate.isEmpty() && (month > 12 || day > 29 || month != 2)) {
        return Optional.empty();
      }
      if (candidate.isPresent() && !candidate.get().isBefore(today)) {
        return candidate;
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> hijri(int day, Integer month, String year, LocalDate today) {
    if (month == null || day < 1 || day > 30) {
      return Optional.empty();
    }
    int first = year != null ? Integer.parseInt(year) : HijriCalendar.toHijri(today).year();
    int last = year != null ? first : first + 1;
    for (int y = first; y <= last; y++) {
      try {
        if (day > HijriCalendar.monthLength(y, month)) {
          continue;
        }
        LocalDate date = HijriCalendar.toGregorian(new HijriDate(y, month, day));
        if (year != null || !date.isBefore(today)) {
          return Optional.of(date);
        }
      } catch (RuntimeException outsideTheTables) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> date(int year, int month, int day) {
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
