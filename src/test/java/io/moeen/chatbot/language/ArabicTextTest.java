package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicTextTest {

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("normalize folds spellings, marks, digits, punctuation and spaces")
  @CsvSource(delimiter = '|', value = {
      "أحمد | احمد",
      "إبراهيم | ابراهيم",
      "آمنة | امنه",
      "ٱلله | الله",
      "مستشفى | مستشفي",
      "عيادة | عياده",
      "مؤمن | مومن",
      "رئيس | رييس",
      "مُحَمَّدٌ | محمد",
      "السلامُ عليكمْ | السلام عليكم",
      "الرَّحْمٰن | الرحمن",
      "مـــوعــد | موعد",
      "١٠:٣٠ | 10:30",
      "۱۲۳۴۵۶۷۸۹۰ | 1234567890",
      "متى تفتحون؟ | متي تفتحون?",
      "نعم، بكرة؛ شكراً | نعم, بكره; شكرا",
      "BOOK An Appointment | book an appointment",
      "ی ک | ي ك",
      "\u200fمرحبا\u200e | مرحبا",
      "\u2067موعد\u2069 | موعد",
      "ﻻ | لا",
      "ＡＢＣ１２３ | abc123",
      "ا\u0654 | ا"
  })
  void normalize(String input, String expected) {
    assertThat(ArabicText.normalize(input)).isEqualTo(expected);
  }

  @Test
  void null_and_blank_become_empty() {
    assertThat(ArabicText.normalize(null)).isEmpty();
    assertThat(ArabicText.normalize(" \t\u00a0\u2003 ")).isEmpty();
    assertThat(ArabicText.normalize("  كم \u00a0 السعر  \t\n")).isEqualTo("كم السعر");
    assertThat(ArabicText.foldForSearch(null)).isEmpty();
  }

  @Test
  void fold_for_search_keeps_punctuation_and_spacing_like_the_sql_function() {
    assertThat(ArabicText.foldForSearch("  مـوعِد،  ٥ ")).isEqualTo("  موعد،  5 ");
    assertThat(ArabicText.foldForSearch("ی")).isEqualTo("ی");
  }

  @Test
  void a_long_text_is_normalized_fast() {
    String text = "السَّلامُ عليكمْ ــ ١٢٣ ".repeat(200);
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      ArabicText.normalize(text);
    }
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
  }
}
