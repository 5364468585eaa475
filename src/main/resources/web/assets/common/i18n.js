// Texts from the server's i18n bundles (GET /v1/i18n/{locale}), numbers and dates as the clinic writes them:
// its digits (public setting clinic.digits: latin or arabic), its time zone, the Hijri beside the Gregorian.

import { request } from './http.js';

const bundles = new Map();

/** {locale, direction, messages}; fetched once per page and language. */
export function loadBundle(locale) {
  if (!bundles.has(locale)) {
    bundles.set(locale, request('GET', `/v1/i18n/${encodeURIComponent(locale)}`).catch((error) => {
      bundles.delete(locale);
      throw error;
    }));
  }
  return bundles.get(locale);
}

/** A text with its {name} arguments filled in (our texts use plain arguments only). */
export function text(bundle, key, args = {}) {
  const pattern = bundle.messages[key];
  if (pattern === undefined) {
    return key;
  }
  return pattern.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole))
    .replace(/''/g, "'");
}

export class Formats {
  constructor(locale, digits, timeZone) {
    const numbering = locale === 'ar' && digits === 'arabic' ? 'arab' : 'latn';
    const tag = locale === 'ar' ? 'ar-SA' : 'en-GB';
    this.locale = locale;
    this.timeZone = timeZone || 'Asia/Riyadh';
    const zone = { timeZone: this.timeZone };
    this.timeFormat = new Intl.DateTimeFormat(`${tag}-u-nu-${numbering}`, { hour: '2-digit', minute: '2-digit', ...zone });
    this.gregorian = new Intl.DateTimeFormat(`${tag}-u-ca-gregory-nu-${numbering}`,
      { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', ...zone });
    this.shortDay = new Intl.DateTimeFormat(`${tag}-u-ca-gregory-nu-${numbering}`,
      { weekday: 'short', day: 'numeric', month: 'short', ...zone });
    this.hijri = new Intl.DateTimeFormat(`${tag}-u-ca-islamic-umalqura-nu-${numbering}`,
      { day: 'numeric', month: 'long', year: 'numeric', ...zone });
    this.dayKey = new Intl.DateTimeFormat('en-CA', zone);
    this.numberFormat = new Intl.NumberFormat(`${tag}-u-nu-${numbering}`);
    this.offsetFormat = new Intl.DateTimeFormat('en-US', { ...zone, timeZoneName: 'longOffset' });
  }

  time(instant) {
    return this.timeFormat.format(new Date(instant));
  }

  /** «الأحد، ٦ ديسمبر ٢٠٢٦ · ١٥ جمادى الآخرة ١٤٤٨ هـ» */
  date(instant) {
    const date = new Date(instant);
    return `${this.gregorian.format(date)} · ${this.hijri.format(date)}`;
  }

  dateTime(instant) {
    return `${this.date(instant)} · ${this.time(instant)}`;
  }

  number(value) {
    return this.numberFormat.format(value);
  }

  /** The calendar day of an instant in the clinic's zone, YYYY-MM-DD. */
  day(instant) {
    return this.dayKey.format(new Date(instant));
  }

  /** Today in the clinic's zone, YYYY-MM-DD. */
  today() {
    return this.day(Date.now());
  }

  /** The clinic zone's offset on a day, e.g. +03:00. */
  offset(day) {
    const name = this.offsetFormat.formatToParts(new Date(`${day}T12:00:00Z`)).find((p) => p.type === 'timeZoneName');
    const value = name ? name.value.replace('GMT', '') : '';
    return value || '+00:00';
  }

  /** Midnight of a day in the clinic's zone, as an ISO instant with offset. */
  startOf(day) {
    return `${day}T00:00:00${this.offset(day)}`;
  }

  /** A day plus n days, YYYY-MM-DD. */
  static addDays(day, n) {
    const date = new Date(`${day}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + n);
    return date.toISOString().slice(0, 10);
  }
}
