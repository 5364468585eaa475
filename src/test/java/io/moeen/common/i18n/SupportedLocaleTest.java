package io.moeen.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SupportedLocaleTest {

  @ParameterizedTest
  @ValueSource(strings = {"ar", "AR", "Ar", "ar-SA", "ar_SA", "ar-sa", " ar ", "ar-Arab-SA"})
  void arabic_tags_resolve_to_arabic_by_primary_subtag(String tag) {
    assertThat(SupportedLocale.fromTag(tag)).contains(SupportedLocale.AR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "EN", "en-US", "en_GB", "en-Latn-US"})
  void english_tags_resolve_to_english_by_primary_subtag(String tag) {
    assertThat(SupportedLocale.fromTag(tag)).contains(SupportedLocale.EN);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "fr", "arabic", "english", "*", "-ar", "a", "e n"})
  void unknown_or_blank_tags_resolve_to_nothing(String tag) {
    assertThat(SupportedLocale.fromTag(tag)).isEmpty();
  }

  @Test
  void arabic_is_right_to_left_and_english_is_not() {
    assertThat(SupportedLocale.AR.isRightToLeft()).isTrue();
    assertThat(SupportedLocale.EN.isRightToLeft()).isFalse();
  }

  @Test
  void each_locale_exposes_its_tag_as_java_and_icu_locales() {
    assertThat(SupportedLocale.AR.tag()).isEqualTo("ar");
    assertThat(SupportedLocale.AR.locale()).isEqualTo(Locale.forLanguageTag("ar"));
    assertThat(SupportedLocale.AR.uLocale().toLanguageTag()).isEqualTo("ar");
    assertThat(SupportedLocale.EN.tag()).isEqualTo("en");
    assertThat(SupportedLocale.EN.locale().getLanguage()).isEqualTo("en");
    assertThat(SupportedLocale.EN.uLocale().getLanguage()).isEqualTo("en");
  }
}
