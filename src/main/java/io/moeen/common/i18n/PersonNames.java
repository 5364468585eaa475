package io.moeen.common.i18n;

/** How a person's name is written from its parts, in either language. */
public final class PersonNames {
  private PersonNames() {
  }

  /** "first last", either part optional; null when both are missing. */
  public static String full(String first, String last) {
    if (first == null && last == null) {
      return null;
    }
    return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
  }
}
