package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.InputType;
import io.moeen.chatbot.language.DateTimeParser;
import io.moeen.common.i18n.CalendarSystem;
import io.moeen.common.i18n.DateTimeText;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.Digits;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.identity.LoginIdentifier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a typed answer to a question node: the value stored in the variable and a label to show. */
final class Answers {
  static final int MAX_TEXT = 200;

  record Answer(Object value, String label) {
  }

  private final ZoneId zone;
  private final Clock clock;

  Answers(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  Optional<Answer> read(InputType type, String input, String locale) {
    String text = input.strip();
    return switch (type) {
      case TEXT, CHOICE -> text.isEmpty() || text.length() > MAX_TEXT ? Optional.empty()
          : Optional.of(new Answer(text, text));
      case PHONE -> LoginIdentifier.normalizePhone(text).map(phone -> new Answer(phone, phone));
      case DATE -> date(text).filter(day -> !day.isBefore(LocalDate.now(clock.withZone(zone))))
          .map(day -> new Answer(day.toString(), dateLabel(day, locale)));
      case TIME -> DateTimeParser.parseTime(text).map(time -> new Answer(time.toString(), time.toString()));
      case NUMBER -> number(text).map(n -> new Answer(n, String.valueOf(n)));
    };
  }

  private Optional<LocalDate> date(String text) {
    Optional<LocalDate> spoken = DateTimeParser.parseDate(text, zone, clock);
    if (spoken.isPresent()) {
      return spoken;
    }
    try {
      return Optional.of(LocalDate.parse(Digits.toAscii(text)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static String dateLabel(LocalDate day, String locale) {
    SupportedLocale language = SupportedLocale.fromTag(locale).orElse(SupportedLocale.AR);
    return DateTimeText.formatDate(day, language, CalendarSystem.GREGORIAN, DigitStyle.LATIN);
  }

  private static Optional<Long> number(String text) {
    try {
      return Optional.of(Long.parseLong(Digits.toAscii(text).replace(",", "").strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
