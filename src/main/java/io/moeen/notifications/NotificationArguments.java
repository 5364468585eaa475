package io.moeen.notifications;

import io.moeen.common.i18n.CalendarSystem;
import io.moeen.common.i18n.DateTimeText;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.FormatLength;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A payload turned into ICU arguments as the recipient reads them: instants ("…At" keys) in
 * their zone, in Arabic with the Hijri date beside the Gregorian one and the clinic's digits
 * ({@code clinic.digits}; English text always has Latin ones); Latin names and phone
 * numbers isolated (U+2068 … U+2069) so they do not scramble the right-to-left sentence.
 */
final class NotificationArguments {
  static final char FIRST_STRONG_ISOLATE = '\u2068';
  static final char POP_DIRECTIONAL_ISOLATE = '\u2069';
  private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{5,}$");
  // an optional value the event did not carry still reads as a sentence
  private static final String MISSING = "—";
  /** The suffix of the argument derived from each instant: its Hijri date ({@code startsAtHijri}). */
  static final String HIJRI = "Hijri";

  private NotificationArguments() {}

  static Map<String, Object> of(JsonObject payload, SupportedLocale locale, ZoneId zone, DigitStyle digits) {
    Map<String, Object> args = new HashMap<>();
    for (String key : payload.fieldNames()) {
      Object value = payload.getValue(key);
      if (value == null) {
        args.put(key, MISSING);
      } else if (value instanceof Number number) {
        args.put(key, number);
      } else {
        String text = value.toString();
        Instant instant = key.endsWith("At") ? instant(text) : null;
        args.put(key, instant != null ? when(instant, locale, zone, digits) : isolated(text, locale));
        if (instant != null) {
          // "{startsAtHijri}": the Hijri date alone, for a template that shows it beside the Gregorian one
          args.put(key + HIJRI, hijri(instant, locale, zone, digits));
        }
      }
    }
    return args;
  }

  static String when(Instant instant, SupportedLocale locale, ZoneId zone, DigitStyle digits) {
    if (locale == SupportedLocale.AR) {
      String gregorian = DateTimeText.format(instant, zone, locale, CalendarSystem.GREGORIAN, digits,
          FormatLength.DATE_TIME);
      return gregorian + " (" + hijri(instant, locale, zone, digits) + ")";
    }
    return DateTimeText.format(instant, zone, locale, CalendarSystem.GREGORIAN, DigitStyle.LATIN,
        FormatLength.DATE_TIME);
  }

  /** The Hijri (Umm al-Qura) date of the instant in the zone, without the weekday (the Gregorian part names it). */
  static String hijri(Instant instant, SupportedLocale locale, ZoneId zone, DigitStyle digits) {
    String hijri = DateTimeText.format(instant, zone, locale, CalendarSystem.HIJRI,
        locale == SupportedLocale.AR ? digits : DigitStyle.LATIN, FormatLength.DATE);
    int comma = hijri.indexOf(locale == SupportedLocale.AR ? "، " : ", ");
    return comma < 0 ? hijri : hijri.substring(comma + 2);
  }

  static String isolated(String text, SupportedLocale locale) {
    if (locale.isRightToLeft() && (LATIN.matcher(text).find() || PHONE.matcher(text).matches())) {
      return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE;
    }
    return text;
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
