package io.moeen.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitsTest {

  @Test
  void arabic_indic_digits_fold_to_ascii() {
    assertThat(Digits.toAscii("٠١٢٣٤٥٦٧٨٩")).isEqualTo("0123456789");
  }

  @Test
  void extended_arabic_indic_digits_fold_to_ascii() {
    assertThat(Digits.toAscii("۰۱۲۳۴۵۶۷۸۹")).isEqualTo("0123456789");
  }

  @Test
  void mixed_text_keeps_everything_but_the_digits() {
    assertThat(Digits.toAscii("موعدي ٢٥/٠٣ الساعة ۹:٣٠ ok 7")).isEqualTo("موعدي 25/03 الساعة 9:30 ok 7");
  }

  @Test
  void text_without_digits_is_unchanged() {
    assertThat(Digits.toAscii("مرحبا hello ٫٬")).isEqualTo("مرحبا hello ٫٬");
    assertThat(Digits.toAscii("")).isEmpty();
  }

  @Test
  void ascii_digits_map_to_arabic_indic() {
    assertThat(Digits.toArabicIndic("2025-03-01 09:30")).isEqualTo("٢٠٢٥-٠٣-٠١ ٠٩:٣٠");
  }

  @Test
  void arabic_indic_conversion_leaves_other_characters_alone() {
    assertThat(Digits.toArabicIndic("رقم ۷ and x")).isEqualTo("رقم ۷ and x");
  }

  @Test
  void null_stays_null() {
    assertThat(Digits.toAscii(null)).isNull();
    assertThat(Digits.toArabicIndic(null)).isNull();
  }
}
