package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordDistanceTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
      "book, book, 0",
      "book, bok, 1",
      "book, boko, 1",
      "appointment, apointment, 1",
      "appointment, appointmnet, 1",
      "appointment, apointmnet, 2",
      "cancle, cancel, 1",
      "ca, abc, 3",
      "موظف, موظق, 1",
      "انسان, اسنان, 1",
      "abcdef, ghijkl, 3"
  })
  void distance_with_swaps(String a, String b, int expected) {
    assertThat(WordDistance.bounded(a, b, 2)).isEqualTo(Math.min(expected, 3));
    assertThat(WordDistance.bounded(b, a, 2)).isEqualTo(Math.min(expected, 3));
  }

  @ParameterizedTest(name = "{0} letters tolerate {1}")
  @CsvSource({"1, 0", "3, 0", "4, 1", "6, 1", "7, 2", "20, 2"})
  void tolerance_by_length(int letters, int typos) {
    assertThat(WordDistance.tolerance(letters)).isEqualTo(typos);
  }
}
