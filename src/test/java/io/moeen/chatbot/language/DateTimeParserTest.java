package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeParserTest {

  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  /** Thursday 2026-11-19, 23:30 in Riyadh — still Wednesday 20:30 in UTC, so the zone matters. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-19T20:30:00Z"), ZoneOffset.UTC);

  private static LocalDate date(String text) {
    return DateTimeParser.parseDate(text, RIYADH, CLOCK).orElse(null);
  }

  private static LocalTime time(String text) {
    return DateTimeParser.parseTime(text).orElse(null);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("Relative days and weekdays resolve on Thursday 19 November 2026 in Riyadh")
  @CsvSource(delimiter = '|', value = {
      "اليوم | 2026-11-19",
      "today | 2026-11-19",
      "بكرة | 2026-11-20",
      "بكره | 2026-11-20",
      "بكرا الساعة ٥ | 2026-11-20",
      "غدا | 2026-11-20",
      "غداً إن شاء الله | 2026-11-20",
      "tomorrow | 2026-11-20",
      "Tomorrow at 3pm | 2026-11-20",
      "بعد بكرة | 2026-11-21",
      "بعد بكره | 2026-11-21",
      "day after tomorrow | 2026-11-21",
      "the day after tomorrow | 2026-11-21",
      "الأحد | 2026-11-22",
      "الاحد | 2026-11-22",
      "يوم الأحد | 2026-11-22",
      "يوم احد | 2026-11-22",
      "الأحد الجاي | 2026-11-22",
      "الاحد القادم | 2026-11-22",
      "الأحد اللي بعد الجاي | 2026-11-29",
      "next Sunday | 2026-11-22",
      "on Monday | 2026-11-23",
      "monday after next | 2026-11-30",
      "الاثنين | 2026-11-23",
      "الإثنين | 2026-11-23",
      "يوم اثنين | 2026-11-23",
      "الثلاثاء | 2026-11-24",
      "الأربعاء | 2026-11-25",
      "الخميس | 2026-11-26",
      "Thursday | 2026-11-26",
      "الجمعة | 2026-11-20",
      "السبت | 2026-11-21",
      "sat | 2026-11-21",
      "بعد يومين | 2026-11-21",
      "بعد ٣ أيام | 2026-11-22",
      "in 3 days | 2026-11-22",
      "بعد أسبوع | 2026-11-26",
      "in a week | 2026-11-26",
      "ابي موعد يوم الخميس الساعة ١٠ | 2026-11-26"
  })
  void relative_days(String text, LocalDate expected) {
    assertThat(date(text)).as(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("Written dates: day first, ISO, month names in both languages, Hijri months")
  @CsvSource(delimiter = '|', value = {
      "25/12 | 2026-12-25",
      "٢٥/١٢ | 2026-12-25",
      "25-12 | 2026-12-25",
      "1/1 | 2027-01-01",
      "19/11 | 2026-11-19",
      "18/11 | 2027-11-18",
      "25-12-2026 | 2026-12-25",
      "25/12/2026 | 2026-12-25",
      "25.12.2026 | 2026-12-25",
      "25/12/27 | 2027-12-25",
      "2026-12-25 | 2026-12-25",
      "2026/12/25 | 2026-12-25",
      "25 ديسمبر | 2026-12-25",
      "٢٥ ديسمبر | 2026-12-25",
      "25 من ديسمبر 2027 | 2027-12-25",
      "25 December | 2026-12-25",
      "25th of December | 2026-12-25",
      "December 25 | 2026-12-25",
      "Dec 25th, 2027 | 2027-12-25",
      "3 يناير | 2027-01-03",
      "5 أبريل | 2027-04-05",
      "10 اكتوبر | 2027-10-10",
      "29 فبراير | 2028-02-29",
      "15 تشرين الأول | 2027-10-15",
      "1 رمضان 1448 | 2027-02-08",
      "ابي موعد 25/12 الساعة 10:30 | 2026-12-25"
  })
  void written_dates(String text, LocalDate expected) {
    assertThat(date(text)).as(text).isEqualTo(expected);
  }

  @ParameterizedTest
  @DisplayName("A day of the month without its month is the next such day (tenth part: 'move it to the 10th', «ليوم ١٥»)")
  @CsvSource(delimiter = '|', value = {"on the 25th | 2026-11-25", "move it to the 20th | 2026-11-20", "the 3rd | 2026-12-03",
      "for the 19th | 2026-11-19", "on the 31st | 2026-12-31", "the 21st of next month | 2026-12-21", "يوم ٢٥ | 2026-11-25",
      "ابغى انقل موعدي ليوم ٥ | 2026-12-05", "٢٥ الشهر | 2026-11-25", "ابي موعد يوم ٢٢ الساعة ٤ | 2026-11-22"})
  void a_day_of_the_month(String text, LocalDate expected) {
    assertThat(date(text)).as(text).isEqualTo(expected);
  }

  @ParameterizedTest
  @DisplayName("A number that is an hour, an option or a count is not a day of the month")
  @ValueSource(strings = {"the 2nd one", "I'll take the 3rd option", "from 10 to 12", "change it to 12:30", "to 5pm",
      "يوم 3 ساعات", "on the 2nd slot", "بعد 10 دقايق"})
  void not_a_day_of_the_month(String text) {
    assertThat(DateTimeParser.parseDate(text, RIYADH, CLOCK)).as(text).isEmpty();
  }

  @Test
  void a_hijri_day_without_a_year_is_the_next_one() {
    LocalDate ramadan = date("١ رمضان");
    assertThat(ramadan).isAfterOrEqualTo(LocalDate.of(2026, 11, 19)).isBefore(LocalDate.of(2027, 11, 19));
    assertThat(io.moeen.common.i18n.HijriCalendar.toHijri(ramadan).month()).isEqualTo(9);
    assertThat(io.moeen.common.i18n.HijriCalendar.toHijri(ramadan).day()).isEqualTo(1);
  }

  @ParameterizedTest
  @DisplayName("Impossible or absent dates are empty, never a guess")
  @ValueSource(strings = {"32/13", "31/11", "30/2", "0/5", "32-12-2026", "2026-13-01", "2026-02-30", "31 نوفمبر",
      "40 December", "", "   ", "hello", "ابي احجز", "10:30", "الساعة ٥", "25", "١٢٣٤٥", "may I book"})
  void no_date(String text) {
    assertThat(DateTimeParser.parseDate(text, RIYADH, CLOCK)).as(text).isEmpty();
  }

  @Test
  void null_text_is_no_date_and_no_time() {
    assertThat(DateTimeParser.parseDate(null, RIYADH, CLOCK)).isEmpty();
    assertThat(DateTimeParser.parseTime(null)).isEmpty();
  }

  @Test
  void today_is_the_clinic_zone_day_not_the_utc_day() {
    assertThat(date("اليوم")).isEqualTo(LocalDate.of(2026, 11, 19));
    assertThat(DateTimeParser.parseDate("today", ZoneOffset.UTC, CLOCK)).contains(LocalDate.of(2026, 11, 19));
    assertThat(DateTimeParser.parseDate("today", ZoneId.of("America/New_York"), CLOCK)).contains(LocalDate.of(2026, 11, 19));
    Clock riyadhAfterMidnight = Clock.fixed(Instant.parse("2026-11-19T21:30:00Z"), ZoneOffset.UTC);
    assertThat(DateTimeParser.parseDate("اليوم", RIYADH, riyadhAfterMidnight)).contains(LocalDate.of(2026, 11, 20));
    assertThat(DateTimeParser.parseDate("today", ZoneOffset.UTC, riyadhAfterMidnight)).contains(LocalDate.of(2026, 11, 19));
  }

  @Test
  void a_weekday_named_on_that_weekday_means_next_week() {
    assertThat(date("الخميس")).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(date("this thursday")).isEqualTo(LocalDate.of(2026, 11, 26));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("Times with digits, parts of the day and fractions")
  @CsvSource(delimiter = '|', value = {
      "10:30 | 10:30",
      "10ish | 10:00",
      "around 4-ish | 16:00",
      "١٠:٣٠ | 10:30",
      "۱۰:۳۰ | 10:30",
      "10.30 | 10:30",
      "14:00 | 14:00",
      "13pm | 13:00",
      "15 العصر | 15:00",
      "09:15 | 09:15",
      "3pm | 15:00",
      "3 pm | 15:00",
      "3 PM | 15:00",
      "3:30pm | 15:30",
      "3 p.m. | 15:00",
      "11am | 11:00",
      "12pm | 12:00",
      "12am | 00:00",
      "at 7 | 07:00",
      "at 5 | 17:00",
      "5 o'clock | 17:00",
      "٣ العصر | 15:00",
      "٣العصر | 15:00",
      "4 عصرا | 16:00",
      "الساعة ٥ مساءً | 17:00",
      "الساعه 5 مساء | 17:00",
      "٥ المغرب | 17:00",
      "7 م | 19:00",
      "9 ص | 09:00",
      "8 الصبح | 08:00",
      "9 الصباح | 09:00",
      "١١ صباحاً | 11:00",
      "9 بالليل | 21:00",
      "11 بالليل | 23:00",
      "2 بالليل | 02:00",
      "12 بالليل | 00:00",
      "1 الظهر | 13:00",
      "12 الظهر | 12:00",
      "الظهر | 12:00",
      "noon | 12:00",
      "midnight | 00:00",
      "الساعة ٥ | 17:00",
      "الساعة 1 | 13:00",
      "الساعة 6 | 18:00",
      "الساعة 7 | 07:00",
      "الساعة 11 | 11:00",
      "الساعة 12 | 12:00",
      "5 | 17:00",
      "٩ | 09:00",
      "5:30 | 17:30",
      "٥ ونص | 17:30",
      "٥ و نص العصر | 17:30",
      "٤ وربع | 16:15",
      "٥ الا ربع | 16:45",
      "٩ الا ربع الصبح | 08:45",
      "الساعة خمس العصر | 17:00",
      "الساعه الخامسه | 17:00",
      "ثلاث العصر | 15:00",
      "at five | 17:00",
      "ten am | 10:00",
      "half past 4 | 16:30",
      "quarter past 10 | 10:15",
      "quarter to 5 | 16:45",
      "half past ten | 10:30",
      "ابي موعد بكرة ٣ العصر | 15:00",
      "25 December 3pm | 15:00",
      "ابي موعد 25/12 الساعة 10:30 | 10:30",
      "2026-12-25 10:30 | 10:30"
  })
  void times(String text, LocalTime expected) {
    assertThat(time(text)).as(text).isEqualTo(expected);
  }

  @ParameterizedTest
  @DisplayName("Impossible or absent times are empty")
  @ValueSource(strings = {"25:00", "10:75", "24:00", "30", "", "  ", "hello", "بكرة", "25/12", "2026-12-25",
      "in 3 days", "بعد ٣ ايام", "بعد الظهر", "العصر", "ابي احجز ٢ مواعيد", "13am", "15 الصبح", "half past 14"})
  void no_time(String text) {
    assertThat(DateTimeParser.parseTime(text)).as(text).isEmpty();
  }

  @Test
  void date_and_time_together() {
    assertThat(DateTimeParser.parseDateTime("بكرة ٣ العصر", RIYADH, CLOCK))
        .contains(LocalDateTime.of(2026, 11, 20, 15, 0));
    assertThat(DateTimeParser.parseDateTime("next Sunday at 10:30am", RIYADH, CLOCK))
        .contains(LocalDateTime.of(2026, 11, 22, 10, 30));
    assertThat(DateTimeParser.parseDateTime("بكرة", RIYADH, CLOCK)).isEmpty();
    assertThat(DateTimeParser.parseDateTime("3pm", RIYADH, CLOCK)).isEmpty();
  }

  @Test
  void long_text_is_parsed_fast() {
    String noise = "١٢٣ ٤٥/ ٦:: ابي موعد الساعة بعد بعد 2026- 25/ December 12 ";
    String text = noise.repeat(4096 / noise.length() + 1).substring(0, 4096);
    long start = System.nanoTime();
    DateTimeParser.parseDate(text, RIYADH, CLOCK);
    DateTimeParser.parseTime(text);
    DateTimeParser.parseDate("x".repeat(4096), RIYADH, CLOCK);
    DateTimeParser.parseTime("1 ".repeat(2048));
    DateTimeParser.parseTime(" ".repeat(4095) + "5");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
  }
}
