package io.moeen.chatbot.language;

import java.util.ArrayList;
import java.util.List;

/**
 * A message cut into words after {@link ArabicText#normalize}: runs of letters and digits.
 * Apostrophes inside words vanish ("don't" → "dont"); other punctuation separates words and is
 * remembered as a pause, so a phrase or a negation does not reach across "لا، ابي احجز".
 */
final class ChatWords {

  /** One word and whether punctuation stood between it and the word before. */
  record Word(String text, boolean afterPause) {}

  private ChatWords() {}

  static List<Word> of(String text) {
    String normalized = ArabicText.normalize(text);
    List<Word> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean pause = false;
    for (int i = 0; i < normalized.length(); ) {
      int cp = normalized.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        current.appendCodePoint(cp);
      } else if (Character.getType(cp) == Character.NON_SPACING_MARK
          || ((cp == '\'' || cp == '\u2019') && current.length() > 0)) {
        continue;
      } else {
        if (current.length() > 0) {
          words.add(new Word(current.toString(), pause));
          current.setLength(0);
          pause = false;
        }
        if (cp != ' ') {
          pause = true;
        }
      }
    }
    if (current.length() > 0) {
      words.add(new Word(current.toString(), pause));
    }
    return words;
  }
}
