package io.moeen.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HijriCalendarPropertiesTest {

  @Property
  void gregorian_day_survives_a_round_trip_through_hijri(@ForAll("days1950to2075") LocalDate day) {
    assertThat(HijriCalendar.toGregorian(HijriCalendar.toHijri(day))).isEqualTo(day);
  }

  @Property
  void conversion_agrees_with_java_time_hijrah_chronology(@ForAll("days1950to2075") LocalDate day) {
    HijrahDate expected = HijrahDate.from(day);
    assertThat(HijriCalendar.toHijri(day))
        .isEqualTo(new HijriDate(
            expected.get(ChronoField.YEAR),
            expected.get(ChronoField.MONTH_OF_YEAR),
            expected.get(ChronoField.DAY_OF_MONTH)));
  }

  @Property
  void day_within_its_month_is_accepted_and_maps_back(@ForAll("days1950to2075") LocalDate day) {
    HijriDate hijri = HijriCalendar.toHijri(day);
    assertThat(hijri.day()).isBetween(1, HijriCalendar.monthLength(hijri.year(), hijri.month()));
  }

  @Provide
  Arbitrary<LocalDate> days1950to2075() {
    long first = LocalDate.of(1950, 1, 1).toEpochDay();
    long last = LocalDate.of(2075, 12, 31).toEpochDay();
    return Arbitraries.longs().between(first, last).map(LocalDate::ofEpochDay);
  }
}
