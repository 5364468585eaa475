// Texts from the server's i18n bundles (GET /v1/i18n/{locale}), and numbers and dates as the clinic writes them.

const bundles = new Map();

/** The bundle of a language: {locale, direction, messages}; fetched once per page. */
export function loadBundle(api, locale) {
  if (!bundles.has(locale)) {
    bundles.set(locale, api.bundle(locale).catch((error) => {
      bundles.delete(locale);
      throw error;
    }));
  }
  return bundles.get(locale);
}

/**
 * A text of the bundle with its {name} arguments filled in. The widget's own texts use plain arguments
 * only (no plural or select), so this is all of ICU MessageFormat it needs.
 */
export function text(bundle, key, args = {}) {
  const pattern = bundle.messages[key];
  if (pattern === undefined) {
    return key;
  }
  return pattern.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole))
    .replace(/''/g, "'");
}

/**
 * Numbers and dates in a language, with the clinic's digits (`latin` or `arabic`, Arabic only) and in the
 * clinic's time zone; a day is written in the Gregorian and the Hijri (Umm al-Qura) calendars.
 */
export class Formats {
  constructor(locale, digits, timeZone) {
    const numbering = locale === 'ar' && digits === 'arabic' ? 'arab' : 'latn';
    const tag = locale === 'ar' ? 'ar-SA' : 'en-GB';
    this.timeZone = timeZone || 'Asia/Riyadh';
    this.time = new Intl.DateTimeFormat(`${tag}-u-nu-${numbering}`, {
      hour: '2-digit', minute: '2-digit', timeZone: this.timeZone,
    });
    this.gregorian = new Intl.DateTimeFormat(`${tag}-u-ca-gregory-nu-${numbering}`, {
      weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: this.timeZone,
    });
    this.hijri = new Intl.DateTimeFormat(`${tag}-u-ca-islamic-umalqura-nu-${numbering}`, {
      day: 'numeric', month: 'long', year: 'numeric', timeZone: this.timeZone,
    });
    this.dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: this.timeZone });
    this.number = new Intl.NumberFormat(`${tag}-u-nu-${numbering}`);
  }

  /** The calendar day of an instant in the clinic's zone, as YYYY-MM-DD (for grouping). */
  day(date) {
    return this.dayKey.format(date);
  }
}
