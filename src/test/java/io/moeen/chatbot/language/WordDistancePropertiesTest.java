package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

// jqwik properties live apart from Jupiter tests: Surefire keeps only one engine's report per class
class WordDistancePropertiesTest {

  @Property
  void the_bounded_distance_agrees_with_the_full_table(
      @ForAll @StringLength(max = 10) @Chars({'a', 'b', 'c', 'م', 'و'}) String a,
      @ForAll @StringLength(max = 10) @Chars({'a', 'b', 'c', 'م', 'و'}) String b,
      @ForAll @IntRange(min = 0, max = 3) int max) {
    int full = optimalStringAlignment(a, b);
    assertThat(WordDistance.bounded(a, b, max)).isEqualTo(Math.min(full, max + 1));
  }

  @Property
  void symmetric_deletes_find_every_word_within_tolerance(
      @ForAll @StringLength(min = 4, max = 10) @Chars({'a', 'b', 'c', 'd', 'ا', 'ل'}) String listed,
      @ForAll @StringLength(min = 4, max = 10) @Chars({'a', 'b', 'c', 'd', 'ا', 'ل'}) String typed) {
    int tolerance = WordDistance.tolerance(Math.min(listed.length(), typed.length()));
    if (WordDistance.bounded(typed, listed, tolerance) <= tolerance) {
      assertThat(IntentLexicon.deletions(typed)).containsAnyElementsOf(IntentLexicon.deletions(listed));
    }
  }

  /** The textbook dynamic programme, kept simple on purpose. */
  private static int optimalStringAlignment(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
