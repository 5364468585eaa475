package io.moeen.chatbot.language;

import io.moeen.common.i18n.SupportedLocale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which of Moeen's languages a message is written in by counting letters: Arabic script
 * letters against Latin letters. Digits, emoji, punctuation and other scripts do not count, so a
 * message with no letters ("١٢٣", "👍", "10:30") has no language and the caller keeps the
 * conversation's current one. A tie goes to the script of the first letter.
 *
 * <p>Arabizi — Arabic typed in Latin letters with digits for the sounds Latin lacks ("abi a7jz",
 * "mawa3edkom") — counts as Arabic when a Latin word carries Arabizi digits and, with common
 * Arabizi words ("salam", "abi", "bukra"), they make at least a third of the Latin words.
 */
public final class LanguageDetector {

  /** A Latin word using 3 5 6 7 9 anywhere, or 2 8 inside ("3arabi", "a7jz", "la2", "ta2jeel"). */
  private static final Pattern ARABIZI_WORD =
      Pattern.compile("(?=.*\\p{IsLatin})[\\p{IsLatin}\\d]*(?:[35679]|(?<=\\p{IsLatin})[28])[\\p{IsLatin}\\d]*");
  /** Digits with an English unit or ordinal: "3pm", "2nd", "5th", "7am", "30min", "3rd". */
  private static final Pattern ENGLISH_NUMBER = Pattern.compile(
      "\\d*1st|\\d*2nd|\\d*3rd|\\d+th|\\d+(?:am|pm|a|p|h|hr|hrs|min|mins|k|x|ish|s)", Pattern.CASE_INSENSITIVE); // "3nd" is «عند»

  /** Arabizi words without digits; they count only next to a word with Arabizi digits. */
  private static final Set<String> ARABIZI_COMPANIONS = Set.of("salam", "slm", "salamu", "alaikum", "abi", "abgha",
      "abga", "bukra", "bokra", "shukran", "shokran", "inshallah", "wallah", "yalla", "wesh", "wsh", "hala", "marhaba",
      "mashkoor", "mabi", "ana", "mawid", "ya", "el", "al", "fi", "min", "ala", "la", "ma", "mo", "ee", "aiwa", "tamam",
      "zain", "zein", "ahlan", "habibi", "akhi", "ukhti", "dawam", "wain", "wen", "mata", "kam", "bkam", "momken", "mmkn",
      "mumkin", "yom", "youm", "lel", "lil", "bel", "bil", "w", "wa", "le", "badi", "bade", "ebni", "binti", "abooy",
      "khamis", "sabt", "ahad", "itnein", "ethnein", "etnen", "tlat", "talat", "thulatha", "nos", "nus", "bas", "kaman",
      "shway", "shwaya", "leh", "ezay", "emta", "fein", "wala", "dr");

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
    if (arabic > latin) {
      return Optional.of(SupportedLocale.AR);
    }
    if (arabic < latin) {
      return Optional.of(isArabizi(text) ? SupportedLocale.AR : SupportedLocale.EN);
    }
    return Optional.of(first);
  }

  /** At least a third of the Latin words carry Arabizi digits. */
  static boolean isArabizi(String text) {
    int latinWords = 0;
    int arabiziWords = 0;
    int companions = 0;
    for (String word : ArabicText.normalize(text).split("[^\\p{L}\\p{N}']+")) {
      String w = word.replace("'", "");
      if (w.isEmpty() || !w.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN)) {
        continue;
      }
      latinWords++;
      if (ARABIZI_WORD.matcher(w).matches() && !ENGLISH_NUMBER.matcher(w).matches()) {
        arabiziWords++;
      } else if (ARABIZI_COMPANIONS.contains(w)) {
        companions++;
      }
    }
    return arabiziWords > 0 && (arabiziWords + companions) * 3 >= latinWords;
  }
}
