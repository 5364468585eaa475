package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionMatcherTest {

  static final List<String> DOCTORS = List.of("د. خالد العتيبي", "د. مها الحربي", "د. فيصل القحطاني", "أي طبيب");
  static final List<String> SERVICES = List.of("General consultation", "Teeth cleaning", "Dermatology consultation");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "1 | 0", "٢ | 1", "۳ | 2", "4 | 3",
      "د. خالد العتيبي | 0", "خالد | 0", "دكتور خالد | 0", "الدكتورة مها | 1", "مها الحربى | 1",
      "فيصل | 2", "فيصل القحطانى | 2", "اي طبيب | 3", "أيّ طبيب | 3"
  })
  void doctors(String text, int expected) {
    assertThat(OptionMatcher.match(text, DOCTORS)).as(text).hasValue(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "teeth cleaning | 1", "cleaning | 1", "teeth cleanig | 1", "dermatology | 2", "general | 0", "GENERAL CONSULTATION | 0"
  })
  void services(String text, int expected) {
    assertThat(OptionMatcher.match(text, SERVICES)).as(text).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "0", "5", "99", "consultation", "something else entirely", "احمد"})
  void nothing_or_ambiguous_is_empty(String text) {
    assertThat(OptionMatcher.match(text, text.equals("consultation") ? SERVICES : DOCTORS)).as(text).isEmpty();
  }

  @Test
  void no_options_is_empty() {
    assertThat(OptionMatcher.match("1", List.of())).isEmpty();
  }

  @Test
  void the_option_most_of_whose_words_a_message_has_is_the_one_it_describes() {
    List<String> offered = List.of("استشارة قلب", "حشوة سن", "تخطيط القلب", "كشف عام", "تنظيف الأسنان وتلميعها");
    assertThat(OptionMatcher.mostWordsOf("ابي موعد تنظيف اسنان بكرة", offered)).isEqualTo(4);
    assertThat(OptionMatcher.mostWordsOf("abi a7jez maw3ed bokra el 3asr tanzeef asnan", offered)).as("Arabizi").isEqualTo(4);
    // one word of two, or two thirds not reached, describes nothing: not «حشوة سن» for «اسنان», nor a heart service
    assertThat(OptionMatcher.mostWordsOf("ابي اسنان", offered)).isEqualTo(-1);
    assertThat(OptionMatcher.mostWordsOf("القلب", offered)).isEqualTo(-1);
  }
}
