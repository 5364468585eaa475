package io.moeen.notifications.channels.whatsapp;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a whole message asks to stop marketing messages: "STOP", "إيقاف", "إلغاء الاشتراك" and
 * the like, in any case, with or without hamza forms, diacritics, tatweel or punctuation. Only the
 * whole message counts: "stop my appointment" is not an opt-out.
 */
final class OptOutWords {
  private static final Set<String> WORDS = Set.of("stop", "unsubscribe", "stop promotions", "ايقاف",
      "الغاء الاشتراك", "اوقف", "ايقاف الرسائل");

  private OptOutWords() {
  }

  static boolean isOptOut(String text) {
    return text != null && WORDS.contains(normalize(text));
  }

  /** Folds case, Arabic letter forms and marks, punctuation and spacing. */
  static String normalize(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replaceAll("[\\u064B-\\u065F\\u0670\\u0640]", "") // harakat, superscript alef, tatweel
        .replaceAll("[أإآٱ]", "ا")
        .replace('ى', 'ي')
        .replace('ة', 'ه')
        .replace('ؤ', 'و')
        .replace('ئ', 'ي');
    return folded.replaceAll("[\\p{P}\\p{S}]+", " ").replaceAll("\\s+", " ").strip();
  }

  /** The language to answer in: Arabic if the message has Arabic letters, else English. */
  static String localeOf(String text) {
    return text != null && text.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF) ? "ar" : "en";
  }
}
