package io.moeen.common.i18n;

/** How much of an instant is shown: the day alone, or the day and the local time. */
public enum FormatLength {
  DATE,
  DATE_TIME
}
