package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.common.i18n.Digits;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

// jqwik properties live apart from Jupiter tests: Surefire keeps only one engine's report per class
class ChatLanguagePropertiesTest {

  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-19T08:00:00Z"), ZoneOffset.UTC);
  private static final char[] MARKS = {'\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652',
      '\u0670', '\u0640'};

  private static final List<String> KNOWN = List.of("أبغى موعد", "ابي احجز", "وش مواعيدكم", "كم السعر", "وين موقعكم",
      "ابي اكلم موظف", "الغي موعدي", "ابي اغير موعدي", "بكم الكشف", "هلا", "السلام عليكم", "شكرا", "من البداية",
      "انجليزي", "عربي", "مواعيدي", "إلغاء", "نعم", "لا");

  @Property
  void normalize_is_idempotent(@ForAll @StringLength(max = 200) String text) {
    String once = ArabicText.normalize(text);
    assertThat(ArabicText.normalize(once)).isEqualTo(once);
  }

  @net.jqwik.api.Example
  void normalize_is_idempotent_where_a_dropped_mark_sat_between_two_combining_signs() {
    // found by the property below on a random seed: U+0610 and U+0618 around a ligature whose NFKC form has marks
    String once = ArabicText.normalize("\u0610\uFCF2\u0618");
    assertThat(ArabicText.normalize(once)).isEqualTo(once);
  }

  @Property
  void normalize_is_idempotent_on_arabic_text(
      @ForAll @StringLength(max = 120) @CharRange(from = '\u0600', to = '\u06FF') @CharRange(from = ' ', to = '@')
          @CharRange(from = '\uFB50', to = '\uFDFF') @CharRange(from = '\uFE70', to = '\uFEFF') String text) {
    String once = ArabicText.normalize(text);
    assertThat(ArabicText.normalize(once)).isEqualTo(once);
    assertThat(ArabicText.foldForSearch(ArabicText.foldForSearch(text))).isEqualTo(ArabicText.foldForSearch(text));
  }

  @Property
  void nothing_throws_on_arbitrary_text(@ForAll @StringLength(max = 300) String text) {
    assertThat(IntentMatcher.match(text)).isNotNull();
    IntentMatcher.rank(text).forEach(m -> assertThat(m.score()).isBetween(IntentMatcher.MIN_SCORE, 1.0));
    assertThat(LanguageDetector.detect(text)).isNotNull();
    assertThat(DateTimeParser.parseDate(text, RIYADH, CLOCK)).isNotNull();
    assertThat(DateTimeParser.parseTime(text)).isNotNull();
  }

  @Property
  void times_read_the_same_in_every_digit_script(@ForAll @IntRange(min = 0, max = 23) int hour,
      @ForAll @IntRange(min = 0, max = 59) int minute) {
    String ascii = String.format("%02d:%02d", hour, minute);
    LocalTime expected = LocalTime.of(hour, minute);
    assertThat(DateTimeParser.parseTime(ascii)).contains(expected);
    assertThat(DateTimeParser.parseTime(Digits.toArabicIndic(ascii))).contains(expected);
    assertThat(DateTimeParser.parseTime(persian(ascii))).contains(expected);
  }

  @Property
  void dates_read_the_same_in_every_digit_script(@ForAll("dates") LocalDate date) {
    for (String ascii : List.of(date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear(), date.toString())) {
      assertThat(DateTimeParser.parseDate(ascii, RIYADH, CLOCK)).as(ascii).contains(date);
      assertThat(DateTimeParser.parseDate(Digits.toArabicIndic(ascii), RIYADH, CLOCK)).contains(date);
      assertThat(DateTimeParser.parseDate(persian(ascii), RIYADH, CLOCK)).contains(date);
    }
  }

  @Property
  void an_hour_with_its_part_of_the_day_is_always_that_part(@ForAll @IntRange(min = 1, max = 11) int hour) {
    assertThat(DateTimeParser.parseTime(hour + " الصبح")).contains(LocalTime.of(hour, 0));
    assertThat(DateTimeParser.parseTime(Digits.toArabicIndic(hour + " مساءً"))).contains(LocalTime.of(hour + 12, 0));
    assertThat(DateTimeParser.parseTime(hour + "pm")).contains(LocalTime.of(hour + 12, 0));
    assertThat(DateTimeParser.parseTime(hour + " am")).contains(LocalTime.of(hour, 0));
  }

  @Property
  void diacritics_and_tatweel_do_not_change_the_intent(@ForAll("known") String phrase, @ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder decorated = new StringBuilder();
    for (char c : phrase.toCharArray()) {
      decorated.append(c);
      if (ArabicText.isArabicLetter(c) && random.nextInt(3) == 0) {
        decorated.append(MARKS[random.nextInt(MARKS.length)]);
      }
    }
    assertThat(IntentMatcher.match(decorated.toString()).map(IntentMatch::intent))
        .as(decorated.toString())
        .isEqualTo(IntentMatcher.match(phrase).map(IntentMatch::intent))
        .isPresent();
  }

  @Property
  void surrounding_spaces_and_punctuation_do_not_change_the_intent(@ForAll("known") String phrase,
      @ForAll("padding") String before, @ForAll("padding") String after) {
    assertThat(IntentMatcher.match(before + phrase + after).map(IntentMatch::intent))
        .isEqualTo(IntentMatcher.match(phrase).map(IntentMatch::intent));
  }

  @Provide
  Arbitrary<String> known() {
    return Arbitraries.of(KNOWN);
  }

  @Provide
  Arbitrary<String> padding() {
    return Arbitraries.strings().withChars(' ', '\t', '\n', '\u00a0', '\u200f', '!', '؟', '.', '،').ofMaxLength(4);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Combinators.combine(Arbitraries.integers().between(2000, 2099), Arbitraries.integers().between(1, 366))
        .as((year, day) -> LocalDate.ofYearDay(year, Math.min(day, LocalDate.of(year, 1, 1).lengthOfYear())));
  }

  private static String persian(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + (c - '0')) : c);
    }
    return out.toString();
  }
}
