package io.moeen.chatbot.language;

/**
 * How far apart two typed words are, counting insertions, deletions, substitutions and swaps of
 * neighbouring letters (Damerau-Levenshtein, optimal string alignment), and how many such typos a
 * word may have and still count as the same word.
 */
final class WordDistance {

  private WordDistance() {}

  /**
   * Typos tolerated for a word of this many letters: none below 4 (short words are too easily
   * another word), one for 4–6, two for 7 and more.
   */
  static int tolerance(int letters) {
    return letters < 4 ? 0 : letters < 7 ? 1 : 2;
  }

  /**
   * Whether a typo reading is plausible by the first letter: people rarely mistype the first letter
   * of a short word, and allowing it turns real words into others ("look" → "book", "there" →
   * "where"). Words of 7+ letters, and a swap of the first two letters, are exempt.
   */
  static boolean sameStart(String typed, String listed) {
    if (typed.startsWith("ال") && listed.startsWith("ال") && typed.length() > 3 && listed.length() > 3) {
      // the article says nothing: «الرابعه» (the fourth) does not start like «المراجعه» (the follow-up)
      typed = typed.substring(2);
      listed = listed.substring(2);
    }
    if (Math.min(typed.length(), listed.length()) >= 7 || typed.isEmpty() || listed.isEmpty()) {
      return true;
    }
    if (typed.charAt(0) == listed.charAt(0)) {
      return true;
    }
    return typed.length() > 1 && listed.length() > 1
        && typed.charAt(0) == listed.charAt(1) && typed.charAt(1) == listed.charAt(0);
  }

  /**
   * The distance between {@code a} and {@code b} if it is at most {@code max}, otherwise
   * {@code max + 1}. Stops early once every alignment is already too far apart.
   */
  static int bounded(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    int[] twoBack = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMin = current[0];
      char ai = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        char bj = b.charAt(j - 1);
        int cost = ai == bj ? 0 : 1;
        int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) {
          value = Math.min(value, twoBack[j - 2] + 1);
        }
        current[j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] recycled = twoBack;
      twoBack = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[m], max + 1);
  }
}
