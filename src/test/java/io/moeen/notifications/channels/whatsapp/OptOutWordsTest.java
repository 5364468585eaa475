package io.moeen.notifications.channels.whatsapp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OptOutWordsTest {
  @ParameterizedTest
  @ValueSource(strings = {"STOP", "stop", " Stop. ", "STOP!!", "Unsubscribe", "Stop promotions", "إيقاف", "ايقاف",
      "إِيقَاف", "إيـقـاف", "إلغاء الاشتراك", "الغاء  الاشتراك", "أوقف"})
  void whole_message_opt_outs_are_recognised(String text) {
    assertThat(OptOutWords.isOptOut(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stop my appointment", "don't stop", "إلغاء", "إلغاء الموعد", "stops", "", "  "})
  void other_messages_are_not_opt_outs(String text) {
    assertThat(OptOutWords.isOptOut(text)).isFalse();
  }

  @Test
  void null_is_not_an_opt_out() {
    assertThat(OptOutWords.isOptOut(null)).isFalse();
  }

  @Test
  void the_answer_is_in_arabic_for_arabic_script() {
    assertThat(OptOutWords.localeOf("إيقاف")).isEqualTo("ar");
    assertThat(OptOutWords.localeOf("STOP")).isEqualTo("en");
  }
}
