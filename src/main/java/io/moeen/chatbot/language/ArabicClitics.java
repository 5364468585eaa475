package io.moeen.chatbot.language;

import java.util.ArrayList;
import java.util.List;

/**
 * The stems a normalized Arabic word may hide behind attached particles: "والموعد", "للحجز",
 * "موعدي", "مواعيدكم", "احجزلي". Light stemming only — no roots, no broken plurals — and a stem
 * keeps at least three letters, so short words are never stripped into something else.
 */
final class ArabicClitics {

  private static final String[] PREFIXES = {"وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل"};
  private static final String[] SUFFIXES = {"كم", "كن", "ها", "هم", "نا", "ني", "لي", "لك", "ي", "ك", "ه"};
  private static final int MIN_STEM = 3;

  private ArabicClitics() {}

  /** The word's shorter forms without its own spelling; empty for Latin words and short words. */
  static List<String> stems(String word) {
    List<String> stems = new ArrayList<>(4);
    if (word.length() <= MIN_STEM || !ArabicText.isArabicLetter(word.codePointAt(0))) {
      return stems;
    }
    List<String> withoutPrefix = new ArrayList<>(2);
    withoutPrefix.add(word);
    for (String prefix : PREFIXES) {
      if (word.startsWith(prefix) && word.length() - prefix.length() >= MIN_STEM) {
        String stem = word.substring(prefix.length());
        withoutPrefix.add(stem);
        stems.add(stem);
        break;
      }
    }
    for (String base : withoutPrefix) {
      for (String suffix : SUFFIXES) {
        if (base.endsWith(suffix) && base.length() - suffix.length() >= MIN_STEM) {
          String stem = base.substring(0, base.length() - suffix.length());
          if (!stem.equals(word) && !stems.contains(stem)) {
            stems.add(stem);
          }
          break;
        }
      }
    }
    return stems;
  }
}
