package io.moeen.common.i18n;

import static io.moeen.common.i18n.SupportedLocale.AR;
import static io.moeen.common.i18n.SupportedLocale.EN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocaleNegotiatorTest {

  @ParameterizedTest(name = "[{0}] with fallback {1} -> {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ar                                  | EN | AR
      ar-SA                               | EN | AR
      AR-sa                               | EN | AR
      en                                  | AR | EN
      en-US;q=0.8, ar;q=0.9               | EN | AR
      fr, en;q=0.5                        | AR | EN
      fr                                  | AR | AR
      fr                                  | EN | EN
      en;q=0, ar;q=0                      | AR | AR
      en;q=0, ar;q=0                      | EN | EN
      en;q=0.5, ar;q=0.5                  | AR | EN
      ar;q=1.0, en;q=1.000                | EN | AR
      en-US;q=0.8, ar-SA;q=0.9, *;q=0.1   | EN | AR
      *                                   | AR | AR
      *                                   | EN | EN
      *;q=0.5, ar;q=0.4                   | EN | EN
      ar;q=0, *                           | AR | EN
      ar;q=0.001                          | EN | AR
      en;q=0., ar;q=0.001                 | EN | AR
      en;Q=0.9, ar;q=0.8                  | AR | EN
      `en ; q=0.9 , ar;q=0.8`             | AR | EN
      `,,, ar ,`                          | EN | AR
      en;q=1.0001, ar;q=0.1               | EN | AR
      en;q=2, ar;q=0.1                    | EN | AR
      en;q=-1, ar;q=0.1                   | EN | AR
      en;q=.5, ar;q=0.1                   | EN | AR
      en;q=abc                            | AR | AR
      en;q = 0.9, ar;q=0.8                | EN | AR
      en;q=0.9;q=0.8, ar;q=0.1            | EN | AR
      en;level=1, ar;q=0.1                | EN | AR
      en_US, ar;q=0.1                     | EN | AR
      toolongsubtag, ar;q=0.1             | EN | AR
      en-, ar;q=0.1                       | EN | AR
      ;q=0.5                              | AR | AR
      ;;;,,,===                           | AR | AR
      `\u0000\uFFFF`                      | AR | AR
      """)
  void negotiates_the_highest_weighted_supported_language(
      String header, SupportedLocale fallback, SupportedLocale expected) {
    assertThat(new LocaleNegotiator(fallback).negotiate(header)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void missing_or_blank_header_gives_the_fallback(String header) {
    assertThat(new LocaleNegotiator(AR).negotiate(header)).isEqualTo(AR);
    assertThat(new LocaleNegotiator(EN).negotiate(header)).isEqualTo(EN);
  }

  @Test
  void over_long_header_is_read_only_up_to_its_first_thousand_characters() {
    String padding = "fr;q=0.1, ".repeat(99); // 990 characters
    assertThat(new LocaleNegotiator(EN).negotiate(padding + "ar, " + "de, ".repeat(500)))
        .isEqualTo(AR);
    assertThat(new LocaleNegotiator(EN).negotiate(padding + "de;q=0.1, ar")).isEqualTo(EN);
  }

  @Test
  void range_ending_exactly_at_the_length_limit_is_kept() {
    String header = "fr;q=0.1, ".repeat(99) + "en;q=0.999" + ", de";
    assertThat(header.charAt(1000)).isEqualTo(',');
    assertThat(new LocaleNegotiator(AR).negotiate(header)).isEqualTo(EN);
  }

  @Test
  void huge_garbage_header_falls_back() {
    assertThat(new LocaleNegotiator(AR).negotiate("x".repeat(1_000_000))).isEqualTo(AR);
  }

  @Test
  void fallback_is_reported() {
    assertThat(new LocaleNegotiator(AR).fallback()).isEqualTo(AR);
  }
}
