package io.moeen.chatbot.language;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which listed words a typed word may be, and how sure: 1.0 spelled the same, 0.95 once a
 * particle is taken off one side ("موعدي" for "موعد"), 0.9 off both, 0.85 one typo away,
 * 0.7 two typos away (7+ letters only). A word the lexicon knows is never read as a typo of
 * another, and a typo in a short word (4–6 letters) keeps its first letter. Remembers each word it has looked at, so a long message
 * repeating the same words costs little.
 */
final class WordCandidates {

  static final double EXACT = 1.0;
  static final double ONE_STEM = 0.95;
  static final double BOTH_STEMS = 0.9;
  static final double ONE_TYPO = 0.85;
  static final double TWO_TYPOS = 0.7;

  private final IntentLexicon lexicon;
  private final Map<String, Map<String, Double>> seen = new HashMap<>();

  WordCandidates(IntentLexicon lexicon) {
    this.lexicon = lexicon;
  }

  Map<String, Double> of(String typed) {
    return seen.computeIfAbsent(typed, this::lookUp);
  }

  private Map<String, Double> lookUp(String typed) {
    Map<String, Double> candidates = new HashMap<>();
    List<String> stems = ArabicClitics.stems(typed);
    addExact(candidates, typed, true);
    stems.forEach(stem -> addExact(candidates, stem, false));
    // a correctly spelled word that means something else is not a typo: "ابغي" is not "الغي"
    if (!hasDigit(typed) && !lexicon.isKnown(typed)) {
      addTypos(candidates, typed, 1.0);
      stems.forEach(stem -> addTypos(candidates, stem, ONE_STEM));
    }
    return candidates;
  }

  private void addExact(Map<String, Double> candidates, String form, boolean typedAsIs) {
    for (String word : lexicon.wordsWithForm(form)) {
      boolean listedAsIs = word.equals(form);
      double quality = typedAsIs && listedAsIs ? EXACT : typedAsIs || listedAsIs ? ONE_STEM : BOTH_STEMS;
      candidates.merge(word, quality, Math::max);
    }
  }

  private void addTypos(Map<String, Double> candidates, String form, double factor) {
    if (WordDistance.tolerance(form.length()) == 0) {
      return;
    }
    for (String word : lexicon.typoCandidates(form)) {
      int tolerance = WordDistance.tolerance(Math.min(form.length(), word.length()));
      if (tolerance == 0 || candidates.getOrDefault(word, 0.0) >= ONE_TYPO * factor) {
        continue;
      }
      if (!WordDistance.sameStart(form, word)) {
        continue;
      }
      int distance = WordDistance.bounded(form, word, tolerance);
      if (distance >= 1 && distance <= tolerance) {
        double quality = (distance == 1 ? ONE_TYPO : TWO_TYPOS) * factor;
        candidates.merge(word, quality, Math::max);
      }
    }
  }

  private static boolean hasDigit(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
