// Reception's patients: search (the API folds Arabic spellings: «احمد» finds «أحمد»), a walk-in registered at
// the desk, and booking for a patient with the portal's own steps (service → doctor → day → slot).

import { bdi, el, field } from '../common/dom.js';
import { dateField } from '../common/datefield.js';
import { latinDigits } from '../common/i18n.js';
import { renderBookingFor } from '../portal/book.js';

export async function renderPatients(ctx, container, [mode, param]) {
  if (mode === 'new' && ctx.can('patients.create')) {
    return renderWalkIn(ctx, container);
  }
  if (mode === 'book' && param && ctx.can('appointments.write.any')) {
    const patient = await ctx.api.get(`/v1/patients/${encodeURIComponent(param)}`);
    return renderBookingFor(ctx, container, patient, (state) => `#/agenda/${ctx.formats.day(state.slot.startsAt)}`);
  }
  return renderSearch(ctx, container, mode === 'q' ? param || '' : '');
}

/** What was typed, as the search's filter: a record number, a phone number, or part of a name. */
export function searchOf(typed) {
  const value = latinDigits(typed.trim());
  if (/^mrn-?\d+$/i.test(value)) return { mrn: value.toUpperCase() };
  if (/^[+\d][\d\s-]{2,}$/.test(value)) return { phone: value.replace(/[\s-]/g, '') };
  return { q: value };
}

async function renderSearch(ctx, container, typed) {
  const { t, formats } = ctx;
  const input = el('input', { type: 'search', name: 'q', dir: 'auto', maxlength: '100', autocomplete: 'off' });
  input.value = typed;
  const form = el('form', { class: 'toolbar', role: 'search' },
    field(t('console.patients.search'), input, t('console.patients.search_hint')),
    el('button', { type: 'submit', class: 'primary' }, t('console.patients.find')),
    ctx.can('patients.create') ? el('a', { class: 'button', href: '#/patients/new' }, t('console.patients.new')) : null);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) ctx.navigate(`#/patients/q/${encodeURIComponent(input.value.trim())}`);
  });
  container.replaceChildren(el('h1', {}, t('console.patients.title')), form);
  if (!typed) {
    container.append(el('p', { class: 'muted' }, t('console.patients.start')));
    input.focus();
    return;
  }
  const page = await ctx.api.get('/v1/patients', { ...searchOf(typed), limit: 50 });
  const found = page.items;
  container.append(el('p', { role: 'status', class: 'muted' }, t('console.patients.found', { count: formats.number(found.length) })));
  if (!found.length) {
    return;
  }
  const book = ctx.can('appointments.write.any');
  container.append(el('div', { class: 'table-scroll' }, el('table', { class: 'patients' },
    el('caption', { class: 'sr-only' }, t('console.patients.caption')),
    el('thead', {}, el('tr', {},
      ['name', 'mrn', 'phone', 'birth', 'actions'].map((c) => el('th', { scope: 'col' }, t(`console.patients.column.${c}`))))),
    el('tbody', {}, found.map((p) => el('tr', { 'data-id': p.id },
      el('th', { scope: 'row' }, bdi(p.name.ar || p.name.en), p.name.ar && p.name.en ? el('span', { class: 'muted block', lang: 'en' }, bdi(p.name.en)) : null),
      el('td', {}, bdi(p.medicalRecordNumber)),
      el('td', {}, p.phone ? el('bdi', { dir: 'ltr' }, p.phone) : ''),
      el('td', {}, p.dateOfBirth ? bdi(formats.gregorianDay(p.dateOfBirth)) : ''),
      el('td', {}, book ? el('a', { class: 'button', href: `#/patients/book/${p.id}`, 'aria-label': t('console.patients.book_for', { name: ctx.name(p.name) }) },
        t('console.patients.book')) : null)))))));
  input.focus();
}

async function renderWalkIn(ctx, container) {
  const { t } = ctx;
  const inputs = {};
  const text = (name, attributes = {}) => {
    inputs[name] = el('input', { type: 'text', name, maxlength: '100', autocomplete: 'off', ...attributes });
    return field(t(`console.patients.field.${name}`), inputs[name]);
  };
  const birth = dateField(ctx, { label: t('console.patients.field.dateOfBirth'), name: 'dateOfBirth' });
  const gender = el('select', { name: 'gender' }, el('option', { value: '' }, t('console.patients.unknown')),
    ['female', 'male'].map((g) => el('option', { value: g }, t(`web.sign_up.gender.${g}`))));
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', class: 'primary' }, t('console.patients.register'));
  const form = el('form', { class: 'card walk-in', novalidate: true, 'aria-labelledby': 'walk-in-title' },
    el('h2', { id: 'walk-in-title' }, t('console.patients.walk_in')),
    el('div', { class: 'grid-2' },
      text('firstNameAr', { lang: 'ar', dir: 'rtl' }), text('lastNameAr', { lang: 'ar', dir: 'rtl' }),
      text('firstNameEn', { lang: 'en', dir: 'ltr' }), text('lastNameEn', { lang: 'en', dir: 'ltr' }),
      text('phone', { type: 'tel', dir: 'ltr', maxlength: '32' }), text('nationalId', { dir: 'ltr', inputmode: 'numeric', maxlength: '20' })),
    birth.node, field(t('console.patients.field.gender'), gender),
    message, el('div', { class: 'actions' }, submit, el('a', { class: 'button', href: '#/patients' }, t('web.cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.hidden = true;
    const body = {};
    for (const [name, input] of Object.entries(inputs)) {
      const value = input.value.trim();
      if (value) body[name] = name === 'phone' || name === 'nationalId' ? latinDigits(value) : value;
    }
    if (!body.firstNameAr && !body.firstNameEn) {
      message.hidden = false;
      message.textContent = t('console.patients.name_needed');
      inputs.firstNameAr.focus();
      return;
    }
    const day = birth.value();
    if (day === null) {
      message.hidden = false;
      message.textContent = t('web.date.invalid', { field: t('console.patients.field.dateOfBirth') });
      birth.focus();
      return;
    }
    if (day) body.dateOfBirth = day;
    if (gender.value) body.gender = gender.value;
    submit.disabled = true;
    try {
      const patient = await ctx.api.post('/v1/patients', body);
      ctx.announce(t('console.patients.registered', { mrn: patient.medicalRecordNumber }));
      container.replaceChildren(el('h1', {}, t('console.patients.title')), registered(ctx, patient));
      container.querySelector('a.primary, h2').focus();
    } catch (error) {
      message.hidden = false;
      message.textContent = ctx.problem(error);
      const named = error.problem && inputs[error.problem.field];
      if (named) named.focus();
    } finally {
      submit.disabled = false;
    }
  });
  container.replaceChildren(el('h1', {}, t('console.patients.title')), form);
  inputs.firstNameAr.focus();
}

function registered(ctx, patient) {
  const { t } = ctx;
  return el('section', { class: 'card registered', 'aria-labelledby': 'registered-title' },
    el('h2', { id: 'registered-title', tabindex: '-1' }, t('console.patients.registered_title')),
    el('dl', { class: 'facts' },
      el('dt', {}, t('console.patients.column.name')), el('dd', {}, bdi(ctx.name(patient.name))),
      el('dt', {}, t('console.patients.column.mrn')), el('dd', { class: 'mrn' }, bdi(patient.medicalRecordNumber)),
      patient.phone ? [el('dt', {}, t('console.patients.column.phone')), el('dd', {}, el('bdi', { dir: 'ltr' }, patient.phone))] : null),
    el('div', { class: 'actions' },
      ctx.can('appointments.write.any') ? el('a', { class: 'button primary', href: `#/patients/book/${patient.id}` }, t('console.patients.book')) : null,
      el('a', { class: 'button', href: '#/patients/new' }, t('console.patients.another'))));
}
