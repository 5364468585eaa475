// A Gregorian day as the clinic writes it: day, month by name, year, in the language on screen and with the
// clinic's digits. The browser's own <input type="date"> writes the day in the browser's order and digits
// (12/06/2026 in an American Chromium), whatever the page's language, so it is not used.

import { el, uid } from './dom.js';
import { latinDigits } from './i18n.js';

/**
 * @param ctx      the screen's context (t, formats)
 * @param label    the legend
 * @param value    YYYY-MM-DD or empty
 * @param name     a name for the group (tests and forms)
 * @returns {node, value() → YYYY-MM-DD, '' when empty, null when not a real day, focus()}
 */
export function dateField(ctx, { label, value = '', name = 'date', required = false }) {
  const { t, formats } = ctx;
  const [y, m, d] = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').map(Number) : [null, null, null];
  const day = el('select', { name: `${name}-day`, 'aria-label': t('web.date.day'), required },
    el('option', { value: '' }, t('web.date.day')),
    Array.from({ length: 31 }, (_, i) => el('option', { value: String(i + 1), selected: d === i + 1 }, formats.number(i + 1))));
  const month = el('select', { name: `${name}-month`, 'aria-label': t('web.date.month'), required },
    el('option', { value: '' }, t('web.date.month')),
    formats.monthNames().map((monthName, i) => el('option', { value: String(i + 1), selected: m === i + 1 }, monthName)));
  const year = el('input', {
    type: 'text', name: `${name}-year`, inputmode: 'numeric', maxlength: '4', size: '5', autocomplete: 'off',
    'aria-label': t('web.date.year'), placeholder: t('web.date.year'), dir: 'ltr', required,
  });
  year.value = y ? formats.number(y).replace(/[,٬]/g, '') : '';
  const legendId = uid('date');
  const node = el('fieldset', { class: 'date-field', 'data-name': name, 'aria-labelledby': legendId },
    el('legend', { id: legendId }, label), el('div', { class: 'parts' }, day, month, year));
  return {
    node,
    parts: { day, month, year },
    value() {
      const yy = latinDigits(year.value.trim());
      if (!day.value && !month.value && !yy) {
        return '';
      }
      if (!/^\d{4}$/.test(yy) || !day.value || !month.value) {
        return null;
      }
      const text = `${yy}-${month.value.padStart(2, '0')}-${day.value.padStart(2, '0')}`;
      const check = new Date(`${text}T12:00:00Z`);
      return check.getUTCDate() === Number(day.value) ? text : null;
    },
    focus() {
      day.focus();
    },
  };
}
