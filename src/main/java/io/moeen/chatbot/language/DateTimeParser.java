package io.moeen.chatbot.language;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Dates and times as patients type them, in Arabic (Gulf forms included) or English, with any
 * digits. Relative words are resolved in the clinic's zone on the given clock, never the JVM's.
 * The rules, with their choices for ambiguous input, are in docs/chatbot-language.md.
 */
public final class DateTimeParser {

  private DateTimeParser() {}

  /**
   * The day the text names: "اليوم", "بكرة", "بعد بكرة", "الأحد" (the next one, never today),
   * "الأحد الجاي", "tomorrow", "next Sunday", "25/12", "25-12-2026", "2026-12-25", "25 ديسمبر",
   * "25 December", "15 رمضان", "in 3 days". A date without a year is the next such day from today
   * on. An impossible date ("32/13", "30/2") is empty, not a guess.
   */
  public static Optional<LocalDate> parseDate(String text, ZoneId zone, Clock clock) {
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    return DateParser.parse(ArabicText.normalize(text), today);
  }

  /**
   * The time of day the text names: "10:30", "١٠:٣٠", "3pm", "٣ العصر", "الساعة ٥ مساءً",
   * "٥ المغرب", "8 الصبح", "9 بالليل", "الظهر", "noon", "half past 4", "الساعة ٥" (17:00: an hour
   * without a part of the day is 1–6 → afternoon, 7–11 → morning, 12 → noon). "25:00" is empty.
   */
  public static Optional<LocalTime> parseTime(String text) {
    return TimeParser.parse(ArabicText.normalize(text));
  }

  /** Whether the text says an hour, in digits or words: «الثانية عشرة ظهراً» is 12:00, «بكرة الظهر» only a part. */
  public static boolean saysHour(String text) {
    return TimeParser.saysHour(ArabicText.normalize(text));
  }

  /** Both a day and a time in one message ("بكرة ٥ العصر", "tomorrow at 3pm"); empty unless both. */
  public static Optional<LocalDateTime> parseDateTime(String text, ZoneId zone, Clock clock) {
    return parseDate(text, zone, clock).flatMap(date -> parseTime(text).map(date::atTime));
  }
}
