package io.moeen.common.i18n;

import static io.moeen.common.i18n.CalendarSystem.GREGORIAN;
import static io.moeen.common.i18n.CalendarSystem.HIJRI;
import static io.moeen.common.i18n.DigitStyle.ARABIC_INDIC;
import static io.moeen.common.i18n.DigitStyle.LATIN;
import static io.moeen.common.i18n.FormatLength.DATE;
import static io.moeen.common.i18n.FormatLength.DATE_TIME;
import static io.moeen.common.i18n.SupportedLocale.AR;
import static io.moeen.common.i18n.SupportedLocale.EN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DateTimeTextTest {

  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  // 09:00 in Riyadh (UTC+3) on 1 March 2025, which is 1 Ramadan 1446
  private static final Instant NINE_AM_RIYADH_FIRST_OF_RAMADAN = Instant.parse("2025-03-01T06:00:00Z");
  // 01:30 on 1 March in Riyadh, but still 28 February in UTC
  private static final Instant AFTER_MIDNIGHT_RIYADH = Instant.parse("2025-02-28T22:30:00Z");

  @Test
  void english_gregorian_date_time_names_weekday_month_and_local_hour() {
    String text = DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, RIYADH, EN, GREGORIAN, LATIN, DATE_TIME);
    assertThat(text).contains("Saturday", "March", "1", "2025", "9:00");
  }

  @Test
  void same_instant_shows_the_local_hour_of_each_zone() {
    String riyadh = DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, RIYADH, EN, GREGORIAN, LATIN, DATE_TIME);
    String utc = DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, ZoneOffset.UTC, EN, GREGORIAN, LATIN, DATE_TIME);
    assertThat(riyadh).contains("9:00").doesNotContain("6:00");
    assertThat(utc).contains("6:00").doesNotContain("9:00");
  }

  @Test
  void fixed_offset_zone_gives_the_same_hour_as_riyadh() {
    assertThat(DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, ZoneOffset.ofHours(3), EN, GREGORIAN, LATIN, DATE_TIME))
        .isEqualTo(DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, RIYADH, EN, GREGORIAN, LATIN, DATE_TIME));
  }

  @Test
  void arabic_hijri_date_names_ramadan_in_arabic_indic_digits_only() {
    String text = DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, RIYADH, AR, HIJRI, ARABIC_INDIC, DATE_TIME);
    assertThat(text).contains("السبت", "رمضان", "١٤٤٦", "٩:٠٠").doesNotContainPattern("[0-9]");
  }

  @Test
  void arabic_hijri_date_in_latin_digits_shows_1446_and_no_arabic_indic_digit() {
    String text = DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, RIYADH, AR, HIJRI, LATIN, DATE_TIME);
    assertThat(text).contains("رمضان", "1446", "9:00").doesNotContainPattern("[\u0660-\u0669]");
  }

  @Test
  void english_hijri_date_names_ramadan_1446() {
    assertThat(DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, RIYADH, EN, HIJRI, LATIN, DATE))
        .contains("Ramadan", "1", "1446");
  }

  @Test
  void instant_after_midnight_in_riyadh_is_shown_on_the_riyadh_day() {
    assertThat(DateTimeText.format(AFTER_MIDNIGHT_RIYADH, RIYADH, EN, GREGORIAN, LATIN, DATE))
        .contains("Saturday", "March 1");
    assertThat(DateTimeText.format(AFTER_MIDNIGHT_RIYADH, ZoneOffset.UTC, EN, GREGORIAN, LATIN, DATE))
        .contains("Friday", "February 28");
    assertThat(DateTimeText.format(AFTER_MIDNIGHT_RIYADH, RIYADH, AR, HIJRI, ARABIC_INDIC, DATE))
        .contains("١ رمضان");
    assertThat(DateTimeText.format(AFTER_MIDNIGHT_RIYADH, ZoneOffset.UTC, AR, HIJRI, ARABIC_INDIC, DATE))
        .contains("شعبان");
  }

  @Test
  void date_length_leaves_out_the_time() {
    assertThat(DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, RIYADH, EN, GREGORIAN, LATIN, DATE))
        .doesNotContain("9:00");
  }

  @Test
  void calendar_day_formats_in_hijri_with_arabic_indic_digits() {
    String text = DateTimeText.formatDate(LocalDate.of(2025, 3, 1), AR, HIJRI, ARABIC_INDIC);
    assertThat(text).contains("١ رمضان ١٤٤٦").doesNotContainPattern("[0-9]");
  }

  @Test
  void calendar_day_formats_in_gregorian_english() {
    assertThat(DateTimeText.formatDate(LocalDate.of(2025, 3, 30), EN, GREGORIAN, LATIN))
        .contains("Sunday", "March 30, 2025");
  }

  @Test
  void gregorian_dates_before_1582_are_proleptic_like_java_time() {
    assertThat(DateTimeText.formatDate(LocalDate.of(1500, 3, 1), EN, GREGORIAN, LATIN))
        .contains(LocalDate.of(1500, 3, 1).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH))
        .contains("March 1, 1500");
  }

  @Test
  void output_does_not_depend_on_the_jvm_default_zone_or_locale() {
    String before = DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, RIYADH, AR, HIJRI, ARABIC_INDIC, DATE_TIME);
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
      Locale.setDefault(Locale.forLanguageTag("th-TH-u-ca-buddhist-nu-thai"));
      assertThat(DateTimeText.format(NINE_AM_RIYADH_FIRST_OF_RAMADAN, RIYADH, AR, HIJRI, ARABIC_INDIC, DATE_TIME))
          .isEqualTo(before);
    } finally {
      java.util.TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }
}
