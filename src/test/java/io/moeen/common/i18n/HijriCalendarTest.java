package io.moeen.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HijriCalendarTest {

  // Both ICU's Umm al-Qura table and java.time's HijrahChronology (also Umm al-Qura) agree on these.
  private static final LocalDate FIRST_OF_RAMADAN_1446 = LocalDate.of(2025, 3, 1);
  private static final LocalDate EID_AL_FITR_1446 = LocalDate.of(2025, 3, 30);

  @Test
  void hijri_first_of_ramadan_1446_is_first_of_march_2025() {
    assertThat(HijriCalendar.toHijri(FIRST_OF_RAMADAN_1446)).isEqualTo(new HijriDate(1446, 9, 1));
    assertThat(HijriCalendar.toGregorian(new HijriDate(1446, 9, 1))).isEqualTo(FIRST_OF_RAMADAN_1446);
  }

  @Test
  void ramadan_1446_has_29_days_so_eid_al_fitr_is_30_march_2025() {
    assertThat(HijriCalendar.monthLength(1446, 9)).isEqualTo(29);
    assertThat(HijriCalendar.toHijri(LocalDate.of(2025, 3, 29))).isEqualTo(new HijriDate(1446, 9, 29));
    assertThat(HijriCalendar.toHijri(EID_AL_FITR_1446)).isEqualTo(new HijriDate(1446, 10, 1));
  }

  @Test
  void last_day_of_shaban_1446_is_28_february_2025() {
    assertThat(HijriCalendar.toHijri(LocalDate.of(2025, 2, 28))).isEqualTo(new HijriDate(1446, 8, 29));
  }

  @Test
  void ramadan_is_recognised_from_its_first_to_its_last_day_only() {
    assertThat(HijriCalendar.isRamadan(FIRST_OF_RAMADAN_1446.minusDays(1))).isFalse();
    assertThat(HijriCalendar.isRamadan(FIRST_OF_RAMADAN_1446)).isTrue();
    assertThat(HijriCalendar.isRamadan(LocalDate.of(2025, 3, 29))).isTrue();
    assertThat(HijriCalendar.isRamadan(EID_AL_FITR_1446)).isFalse();
  }

  @Test
  void every_month_from_1370_to_1500_has_the_length_java_time_gives_it() {
    for (int year = 1370; year <= 1500; year++) {
      for (int month = 1; month <= 12; month++) {
        int expected = HijrahDate.of(year, month, 1).lengthOfMonth();
        assertThat(HijriCalendar.monthLength(year, month)).as("%d-%d", year, month).isEqualTo(expected);
      }
    }
  }

  @Test
  void every_day_from_1950_to_2075_agrees_with_java_time_hijrah_chronology() {
    for (LocalDate day = LocalDate.of(1950, 1, 1); day.getYear() <= 2075; day = day.plusDays(1)) {
      HijrahDate expected = HijrahDate.from(day);
      HijriDate actual = HijriCalendar.toHijri(day);
      assertThat(actual)
          .as("%s", day)
          .isEqualTo(new HijriDate(
              expected.get(ChronoField.YEAR),
              expected.get(ChronoField.MONTH_OF_YEAR),
              expected.get(ChronoField.DAY_OF_MONTH)));
    }
  }

  @Test
  void result_does_not_depend_on_the_jvm_default_zone_or_locale() {
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
      Locale.setDefault(Locale.forLanguageTag("fa-IR"));
      assertThat(HijriCalendar.toHijri(FIRST_OF_RAMADAN_1446)).isEqualTo(new HijriDate(1446, 9, 1));
      assertThat(HijriCalendar.toGregorian(new HijriDate(1446, 9, 1))).isEqualTo(FIRST_OF_RAMADAN_1446);
    } finally {
      java.util.TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }

  @Nested
  class Rejects {

    @Test
    void thirtieth_of_a_29_day_month() {
      assertThatThrownBy(() -> HijriCalendar.toGregorian(new HijriDate(1446, 9, 30)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("29 days");
    }

    @Test
    void month_outside_1_to_12() {
      assertThatThrownBy(() -> new HijriDate(1446, 13, 1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new HijriDate(1446, 0, 1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> HijriCalendar.monthLength(1446, 13)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void day_outside_1_to_30_and_year_before_1() {
      assertThatThrownBy(() -> new HijriDate(1446, 1, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new HijriDate(1446, 1, 31)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new HijriDate(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
