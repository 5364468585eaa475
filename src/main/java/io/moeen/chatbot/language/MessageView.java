package io.moeen.chatbot.language;

import io.moeen.chatbot.language.ChatWords.Word;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A message's words as the intent matcher sees them: candidates, stopwords, pauses, negations. */
final class MessageView {

  /** "ما هي/ما هو" asks "what is", it does not negate. */
  private static final Set<String> QUESTION_AFTER_MA = Set.of("هي", "هو");

  private final List<Word> words;
  private final IntentLexicon lexicon;
  private final WordCandidates candidates;
  private final int contentWords;

  MessageView(List<Word> words, IntentLexicon lexicon, WordCandidates candidates) {
    this.words = words;
    this.lexicon = lexicon;
    this.candidates = candidates;
    int content = 0;
    for (Word word : words) {
      content += lexicon.isStopword(word.text()) ? 0 : 1;
    }
    this.contentWords = content;
  }

  int size() {
    return words.size();
  }

  int contentWords() {
    return contentWords;
  }

  Map<String, Double> candidates(int position) {
    return candidates.of(words.get(position).text());
  }

  double quality(int position, String listedWord) {
    return candidates(position).getOrDefault(listedWord, 0.0);
  }

  boolean isStopword(int position) {
    return lexicon.isStopword(words.get(position).text());
  }

  /** Punctuation between this word and the one before it. */
  boolean pauseBefore(int position) {
    return words.get(position).afterPause();
  }

  /**
   * A negation just before this word: looking back over stopwords and at most one other word, not
   * across punctuation. Gulf "لا" before a verb that is not addressed to someone ("لا ابي احجز")
   * usually means "no, I want…", so "لا" negates only a second-person verb ("لا تلغي").
   */
  boolean negatedBefore(int position) {
    int others = 0;
    for (int at = position - 1; at >= 0 && !pauseBefore(at + 1); at--) {
      String word = words.get(at).text();
      if (lexicon.isNegator(word)) {
        return negates(word, words.get(at + 1).text());
      }
      if (!lexicon.isStopword(word) && ++others > 1) {
        return false;
      }
    }
    return false;
  }

  private static boolean negates(String negator, String next) {
    if (negator.equals("ما")) {
      return !QUESTION_AFTER_MA.contains(next);
    }
    if (negator.equals("لا")) {
      return next.startsWith("ت");
    }
    return true;
  }
}
