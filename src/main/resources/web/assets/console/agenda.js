// Reception's agenda: one day in the clinic's zone, a column per doctor, and on each visit what may happen next
// (check in, mark no-show, complete), as the API's status table allows.

import { dateField } from '../common/datefield.js';
import { bdi, el } from '../common/dom.js';
import { Formats } from '../common/i18n.js';

const NEXT = { pending: ['confirm'], confirmed: ['check-in', 'no-show'], checked_in: ['complete'] };
/** Steps the API allows only once the visit has started (docs/architecture.md, time rules). */
const AFTER_START = ['no-show', 'complete'];

export async function renderAgenda(ctx, container, [dayParam]) {
  const { t, formats } = ctx;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(dayParam || '') ? dayParam : formats.today();
  const [doctors, visits] = await Promise.all([
    ctx.api.get('/v1/doctors'),
    ctx.api.all('/v1/appointments', { from: formats.startOf(day), to: formats.startOf(Formats.addDays(day, 1)) }, 500),
  ]);
  // the day in the clinic's words and digits; the browser's date input would write it in the browser's order
  const picker = dateField(ctx, { label: t('console.agenda.day'), value: day, name: 'day' });
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const toolbar = el('form', { class: 'toolbar', novalidate: true },
    el('a', { class: 'button', href: `#/agenda/${Formats.addDays(day, -1)}` }, t('console.agenda.previous')),
    picker.node,
    el('button', { type: 'submit' }, t('console.agenda.show')),
    el('a', { class: 'button', href: `#/agenda/${Formats.addDays(day, 1)}` }, t('console.agenda.next')),
    day === formats.today() ? null : el('a', { class: 'button', href: '#/agenda' }, t('console.agenda.today')));
  toolbar.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = picker.value();
    if (chosen) {
      ctx.navigate(`#/agenda/${chosen}`);
    } else {
      message.hidden = false;
      message.textContent = t('web.date.invalid', { field: t('console.agenda.day') });
      picker.focus();
    }
  });
  const byDoctor = new Map();
  for (const visit of visits) {
    if (!byDoctor.has(visit.doctor.id)) byDoctor.set(visit.doctor.id, []);
    byDoctor.get(visit.doctor.id).push(visit);
  }
  const names = new Map(doctors.items.map((d) => [d.id, d.name]));
  const columns = [...byDoctor.entries()].map(([id, list]) => {
    const titleId = `doctor-${id}`;
    return el('section', { class: 'column', 'aria-labelledby': titleId, 'data-doctor': id },
      el('h2', { id: titleId }, bdi(names.get(id) || list[0].doctor.name),
        ' ', el('span', { class: 'count' }, `(${formats.number(list.length)})`)),
      el('ul', {}, list.map((visit) => el('li', {}, card(ctx, visit, message)))));
  });
  container.replaceChildren(
    el('h1', {}, t('console.agenda.title')),
    el('p', { class: 'muted' }, bdi(formats.date(formats.startOf(day)))),
    toolbar, message,
    columns.length ? el('div', { class: 'columns' }, columns) : el('p', { class: 'empty' }, t('console.agenda.empty')));
}

function card(ctx, visit, message) {
  const { t, formats } = ctx;
  const titleId = `visit-${visit.id}`;
  const mayAct = ctx.can('appointments.write.any', 'appointments.write.own');
  const started = new Date(visit.startsAt).getTime() <= Date.now();
  const steps = (NEXT[visit.status] || []).filter((action) => started || !AFTER_START.includes(action));
  const actions = mayAct ? steps.map((action) => el('button', {
    type: 'button', class: action === 'no-show' ? 'danger' : 'primary', 'aria-describedby': titleId, 'data-action': action,
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        await ctx.api.call('POST', `/v1/appointments/${visit.id}/${action}`, { headers: { 'If-Match': String(visit.version) } });
        ctx.announce(t(`console.agenda.done.${action}`, { name: visit.patient.name || '' }));
        ctx.navigate(window.location.hash || '#/agenda');
      } catch (error) {
        message.hidden = false;
        message.textContent = ctx.problem(error);
        event.target.disabled = false;
      }
    },
  }, t(`console.agenda.action.${action}`))) : [];
  return el('article', { class: `visit status-${visit.status}`, 'data-id': visit.id, 'aria-labelledby': titleId },
    el('h3', { id: titleId }, el('time', { datetime: visit.startsAt }, bdi(formats.time(visit.startsAt))), ' · ', bdi(visit.patient.name)),
    el('p', {}, visit.service.name || '', visit.patient.medicalRecordNumber ? ' · ' : '',
      visit.patient.medicalRecordNumber ? bdi(visit.patient.medicalRecordNumber) : ''),
    el('p', { class: `badge ${visit.status}` }, t(`web.status.${visit.status}`)),
    actions.length ? el('div', { class: 'actions' }, actions) : null);
}
