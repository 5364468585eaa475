package io.moeen.chatbot.language;

import io.moeen.common.i18n.SupportedLocale;
import java.util.Optional;

/**
 * Tells which of Moeen's languages a message is written in by counting letters: Arabic script
 * letters against Latin letters. Digits, emoji, punctuation and other scripts do not count, so a
 * message with no letters ("١٢٣", "👍", "10:30") has no language and the caller keeps the
 * conversation's current one. A tie goes to the script of the first letter.
 */
public final class LanguageDetector {

  private LanguageDetector() {}

  public static Optional<SupportedLocale> detect(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    int arabic = 0;
    int latin = 0;
    SupportedLocale first = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.ARABIC) {
        arabic++;
        first = first == null ? SupportedLocale.AR : first;
      } else if (script == Character.UnicodeScript.LATIN) {
        latin++;
        first = first == null ? SupportedLocale.EN : first;
      }
    }
    if (arabic == 0 && latin == 0) {
      return Optional.empty();
    }
    if (arabic != latin) {
      return Optional.of(arabic > latin ? SupportedLocale.AR : SupportedLocale.EN);
    }
    return Optional.of(first);
  }
}
