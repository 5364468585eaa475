package io.moeen.common.i18n;

/** The calendar a date is shown in; HIJRI always means Umm al-Qura. */
public enum CalendarSystem {
  GREGORIAN,
  HIJRI
}
