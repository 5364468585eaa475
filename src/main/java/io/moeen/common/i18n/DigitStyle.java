package io.moeen.common.i18n;

/** Which digits a formatted date uses, chosen explicitly so output never depends on ICU defaults. */
public enum DigitStyle {
  LATIN("latn"),
  ARABIC_INDIC("arab");

  private final String numberingSystem;

  DigitStyle(String numberingSystem) {
    this.numberingSystem = numberingSystem;
  }

  /** The CLDR numbering-system id, used as the ULocale "numbers" keyword. */
  String numberingSystem() {
    return numberingSystem;
  }
}
