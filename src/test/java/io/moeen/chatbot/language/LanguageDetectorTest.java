package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.common.i18n.SupportedLocale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("The script with more letters decides")
  @CsvSource(delimiter = '|', value = {
      "ابي احجز | AR",
      "السلامُ عليكم | AR",
      "book an appointment | EN",
      "Hello! | EN",
      "ابي موعد مع Dr. Sarah | AR",
      "I want to see د. سارة tomorrow morning | EN",
      "ok | EN",
      "تمام ok | AR",
      "ok تم | EN",
      "تم ok | AR",
      "١٠:٣٠ بكرة | AR",
      "10:30 tomorrow | EN",
      "😀 شكرا 😀 | AR",
      "Ça va très bien | EN",
      "سلام فارسی | AR",
      "ﻻ | AR",
      "abi a7jz | AR",
      "wesh mawa3edkom | AR",
      "3arabi | AR",
      "salam, abi maw3ed bukra | AR",
      "la2 shukran | AR",
      "see you at 3pm on the 2nd | EN",
      "I need 2 appointments, room 7b | EN",
      "c u 2day b4 5 gr8 | EN",
      "book for the 25th at 7am | EN"
  })
  void detects(String text, SupportedLocale expected) {
    assertThat(LanguageDetector.detect(text)).as(text).contains(expected);
  }

  @ParameterizedTest
  @DisplayName("Letterless messages have no language")
  @ValueSource(strings = {"", "   ", "12345", "١٢٣٤٥", "10:30", "😀👍", "؟؟!!", "+966 55 123 4567", "\u200f\u200e", "你好"})
  void none(String text) {
    assertThat(LanguageDetector.detect(text)).as(text).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void null_has_no_language() {
    assertThat(LanguageDetector.detect(null)).isEmpty();
  }
}
