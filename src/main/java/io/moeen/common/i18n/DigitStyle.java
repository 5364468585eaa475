package io.moeen.common.i18n;

/** Which digits a formatted date uses, chosen explicitly so output never depends on ICU defaults. */
public enum DigitStyle {
  LATIN("latn"),
  ARABIC_INDIC("arab");

  private final String numberingSystem;

  DigitStyle(String numberingSystem) {
    this.numberingSystem = numberingSystem;
  }

  /**
   * The clinic's choice, the public setting {@code clinic.digits}: {@code "arabic"} for Arabic-Indic
   * digits in Arabic text, anything else (the default, {@code "latin"}) for Latin digits.
   */
  public static DigitStyle ofSetting(Object value) {
    return "arabic".equals(value) ? ARABIC_INDIC : LATIN;
  }

  /** {@code locale} with these digits for every number ICU formats in it. */
  public com.ibm.icu.util.ULocale applyTo(com.ibm.icu.util.ULocale locale) {
    return locale.setKeywordValue("numbers", numberingSystem);
  }

  /** The CLDR numbering-system id, used as the ULocale "numbers" keyword. */
  String numberingSystem() {
    return numberingSystem;
  }
}
