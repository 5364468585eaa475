package io.moeen.common.i18n;

import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The languages Moeen speaks; everything user-facing exists in each of them. */
public enum SupportedLocale {
  AR("ar", true),
  EN("en", false);

  private static final Pattern SUBTAG_SEPARATOR = Pattern.compile("[-_]");

  private final String tag;
  private final boolean rightToLeft;
  private final Locale locale;
  private final ULocale uLocale;

  SupportedLocale(String tag, boolean rightToLeft) {
    this.tag = tag;
    this.rightToLeft = rightToLeft;
    this.locale = Locale.forLanguageTag(tag);
    this.uLocale = ULocale.forLanguageTag(tag);
  }

  public String tag() {
    return tag;
  }

  public boolean isRightToLeft() {
    return rightToLeft;
  }

  public Locale locale() {
    return locale;
  }

  public ULocale uLocale() {
    return uLocale;
  }

  /** Matches on the primary language subtag only, so "ar-SA", "ar_SA" and "AR" all mean Arabic. */
  public static Optional<SupportedLocale> fromTag(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String primary = SUBTAG_SEPARATOR.split(tag.trim(), 2)[0];
    for (SupportedLocale candidate : values()) {
      if (candidate.tag.equalsIgnoreCase(primary)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
