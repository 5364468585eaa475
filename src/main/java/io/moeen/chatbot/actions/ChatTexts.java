package io.moeen.chatbot.actions;

import io.moeen.common.i18n.CalendarSystem;
import io.moeen.common.i18n.DateTimeText;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.FormatLength;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/** The bot's own phrases (i18n bundle, keys {@code chatbot.*}) and times as a person reads them. */
public final class ChatTexts {
  private final Messages messages;
  private final ZoneId zone;

  public ChatTexts(Messages messages, ZoneId zone) {
    this.messages = messages;
    this.zone = zone;
  }

  public String say(String locale, String key, Map<String, ?> args) {
    return messages.format(language(locale), key, args);
  }

  /** An appointment time: weekday, date and local time at the clinic. */
  public String time(String startsAt, String locale) {
    Instant instant = OffsetDateTime.parse(startsAt).toInstant();
    return DateTimeText.format(instant, zone, language(locale), CalendarSystem.GREGORIAN, DigitStyle.LATIN,
        FormatLength.DATE_TIME);
  }

  /** A calendar day in the Hijri (Umm al-Qura) calendar, as the confirmation shows it beside the Gregorian. */
  public String hijriDate(java.time.LocalDate date, String locale) {
    return DateTimeText.formatDate(date, language(locale), CalendarSystem.HIJRI, DigitStyle.LATIN);
  }

  static SupportedLocale language(String locale) {
    return SupportedLocale.fromTag(locale).orElse(SupportedLocale.AR);
  }
}
