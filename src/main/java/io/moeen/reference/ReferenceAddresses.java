package io.moeen.reference;

/**
 * Every event-bus address of the reference feature, and the only place they are written: the addresses it
 * serves (contract operations, named by the contract's {@code x-moeen-address}, and internal requests)
 * and the events it publishes. Each is {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>What every client needs first: public settings, languages, interface texts, calendar conversion.
 */
public final class ReferenceAddresses {
  // Contract operations (see contract/reference.yaml).
  public static final String PUBLIC_SETTINGS_GET = "reference.public_settings.get";
  public static final String LANGUAGES_LIST = "reference.languages.list";
  public static final String I18N_BUNDLES_GET = "reference.i18n_bundles.get";
  public static final String CALENDAR_CONVERT = "reference.calendar.convert";

  // Events it consumes: published after commit by whatever changes what it keeps in memory.
  /** System settings or their translations changed: the public settings are read again. */
  public static final String SETTINGS_CHANGED = "reference.settings.changed";
  /** A language was added, (de)activated or reordered: the language list is read again. */
  public static final String LANGUAGES_CHANGED = "reference.languages.changed";

  private ReferenceAddresses() {
  }
}
