// Texts from the server's i18n bundles (GET /v1/i18n/{locale}), numbers and dates as the clinic writes them (its
// digits, public setting clinic.digits: latin or arabic; its time zone; the Hijri beside the Gregorian), for the
// portal, the console and the widget alike.

import { request } from './http.js';

const bundles = new Map();

/**
 * {locale, direction, messages}; fetched once per page and language. `fetcher` reads it: the portal and the console
 * from their own origin; the widget through its API client, from the origin it was loaded from.
 */
export function loadBundle(locale, fetcher = (l) => request('GET', `/v1/i18n/${encodeURIComponent(l)}`)) {
  if (!bundles.has(locale)) {
    bundles.set(locale, fetcher(locale).catch((error) => {
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

/** Arabic-Indic and Eastern Arabic-Indic digits as Latin ones ("٠٥٥" → "055"). */
export function latinDigits(value) {
  return String(value).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06F0));
}

export class Formats {
  constructor(locale, digits, timeZone) {
    const numbering = locale === 'ar' && digits === 'arabic' ? 'arab' : 'latn';
    const tag = locale === 'ar' ? 'ar-SA' : 'en-GB';
    this.locale = locale;
    this.tag = `${tag}-u-nu-${numbering}`;
    this.gregorianTag = `${tag}-u-ca-gregory-nu-${numbering}`;
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

  /** A wall-clock time written as the clinic writes times, from "HH:MM" (no zone involved). */
  clock(hhmm) {
    const [h, m] = hhmm.split(':').map(Number);
    return new Intl.DateTimeFormat(this.tag, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
      .format(new Date(Date.UTC(2000, 0, 1, h, m)));
  }

  /** A calendar day (YYYY-MM-DD, e.g. a date of birth) in the Gregorian calendar, no zone involved. */
  gregorianDay(day) {
    return new Intl.DateTimeFormat(this.gregorianTag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(`${day}T12:00:00Z`));
  }

  /** The twelve Gregorian month names in this language. */
  monthNames() {
    const format = new Intl.DateTimeFormat(this.gregorianTag, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2001, i, 15))));
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
