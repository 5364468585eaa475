package io.moeen.chatbot.language;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads dates and times as patients type them (first, simple version). */
public final class DateTimeParser {

  private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

  private DateTimeParser() {}

  public static Optional<LocalDate> parseDate(String text, ZoneId zone, Clock clock) {
    String t = ArabicText.normalize(text);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (t.contains("بعد بكره") || t.contains("day after tomorrow")) {
      return Optional.of(today.plusDays(2));
    }
    if (t.contains("بكره") || t.contains("غدا") || t.contains("tomorrow")) {
      return Optional.of(today.plusDays(1));
    }
    if (t.contains("اليوم") || t.contains("today")) {
      return Optional.of(today);
    }
    return Optional.empty();
  }

  public static Optional<LocalTime> parseTime(String text) {
    Matcher m = CLOCK.matcher(ArabicText.normalize(text));
    if (m.find()) {
      int h = Integer.parseInt(m.group(1));
      int min = Integer.parseInt(m.group(2));
      if (h < 24 && min < 60) {
        return Optional.of(LocalTime.of(h, min));
      }
    }
    return Optional.empty();
  }

  public static Optional<LocalDateTime> parseDateTime(String text, ZoneId zone, Clock clock) {
    return parseDate(text, zone, clock).flatMap(d -> parseTime(text).map(d::atTime));
  }
}
