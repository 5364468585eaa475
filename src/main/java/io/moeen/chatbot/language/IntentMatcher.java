package io.moeen.chatbot.language;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the intent of a chat message by keywords and synonyms (first, simple version). */
public final class IntentMatcher {

  private static final Map<Intent, List<String>> WORDS = Map.ofEntries(
      Map.entry(Intent.BOOK, List.of("احجز", "حجز", "موعد", "book", "appointment")),
      Map.entry(Intent.CANCEL, List.of("الغي موعدي", "cancel my appointment")),
      Map.entry(Intent.HUMAN, List.of("موظف", "human", "agent")),
      Map.entry(Intent.LANGUAGE_EN, List.of("english", "انجليزي")),
      Map.entry(Intent.LANGUAGE_AR, List.of("عربي", "arabic")),
      Map.entry(Intent.ABORT, List.of("الغاء", "cancel")),
      Map.entry(Intent.START_OVER, List.of("من البدايه", "restart", "menu")),
      Map.entry(Intent.GREETING, List.of("هلا", "السلام عليكم", "hello", "hi")),
      Map.entry(Intent.YES, List.of("نعم", "yes")),
      Map.entry(Intent.NO, List.of("لا", "no")));

  private IntentMatcher() {}

  public static Optional<IntentMatch> match(String text) {
    String normalized = " " + ArabicText.normalize(text).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    for (Intent intent : Intent.values()) {
      for (String word : WORDS.getOrDefault(intent, List.of())) {
        if (normalized.contains(" " + word + " ")) {
          return Optional.of(new IntentMatch(intent, 1.0, word));
        }
      }
    }
    return Optional.empty();
  }
}
