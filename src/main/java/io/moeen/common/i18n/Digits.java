package io.moeen.common.i18n;

/** Converts between the digit shapes patients type and the ASCII digits the system stores. */
public final class Digits {

  private static final char ARABIC_INDIC_ZERO = '\u0660';
  private static final char ARABIC_INDIC_NINE = '\u0669';
  // Persian/Urdu keyboards produce these; Saudi patients using such keyboards send them too
  private static final char EXTENDED_ZERO = '\u06F0';
  private static final char EXTENDED_NINE = '\u06F9';

  private Digits() {}

  /** Folds Arabic-Indic and Extended Arabic-Indic digits to 0-9; every other character is kept. */
  public static String toAscii(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= ARABIC_INDIC_ZERO && c <= ARABIC_INDIC_NINE) {
        out.append((char) ('0' + (c - ARABIC_INDIC_ZERO)));
      } else if (c >= EXTENDED_ZERO && c <= EXTENDED_NINE) {
        out.append((char) ('0' + (c - EXTENDED_ZERO)));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Maps 0-9 to Arabic-Indic digits (U+0660..U+0669); every other character is kept. */
  public static String toArabicIndic(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c >= '0' && c <= '9' ? (char) (ARABIC_INDIC_ZERO + (c - '0')) : c);
    }
    return out.toString();
  }
}
