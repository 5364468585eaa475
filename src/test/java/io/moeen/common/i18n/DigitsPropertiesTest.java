package io.moeen.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class DigitsPropertiesTest {

  @Property
  void ascii_digit_strings_survive_a_round_trip_through_arabic_indic(
      @ForAll @NumericChars @StringLength(max = 40) String digits) {
    assertThat(Digits.toAscii(Digits.toArabicIndic(digits))).isEqualTo(digits);
  }

  @Property
  void arabic_indic_output_never_contains_ascii_digits(@ForAll String text) {
    assertThat(Digits.toArabicIndic(text)).doesNotContainPattern("[0-9]");
  }

  @Property
  void ascii_output_never_contains_arabic_or_persian_digits(@ForAll String text) {
    assertThat(Digits.toAscii(text)).doesNotContainPattern("[\u0660-\u0669\u06F0-\u06F9]");
  }

  @Property
  void folding_keeps_the_length(@ForAll String text) {
    assertThat(Digits.toAscii(text)).hasSameSizeAs(text);
  }
}
