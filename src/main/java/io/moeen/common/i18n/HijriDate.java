package io.moeen.common.i18n;

/** A day in the Umm al-Qura calendar; month 9 is Ramadan. */
public record HijriDate(int year, int month, int day) {

  public HijriDate {
    if (year < 1) {
      throw new IllegalArgumentException("Hijri year must be 1 or later, got " + year);
    }
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("Hijri month must be 1..12, got " + month);
    }
    // no Hijri month is longer than 30 days; the exact length depends on the year and is checked on conversion
    if (day < 1 || day > 30) {
      throw new IllegalArgumentException("Hijri day must be 1..30, got " + day);
    }
  }
}
