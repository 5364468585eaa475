// My appointments (and those of family who let me in): upcoming and past, with what the API allows on each —
// move (or ask to move when it is too close), cancel, add to a calendar.

import { bdi, el } from '../common/dom.js';

const OPEN = ['pending', 'confirmed'];

export async function renderAppointments(ctx, container) {
  const { t } = ctx;
  const now = new Date();
  const since = new Date(now.getTime() - 365 * 86_400_000);
  const [upcoming, past] = await Promise.all([
    ctx.api.all('/v1/appointments', { from: now.toISOString() }, 200),
    ctx.api.all('/v1/appointments', { from: since.toISOString(), to: now.toISOString() }, 200),
  ]);
  past.reverse();
  const book = canBook(ctx) ? el('a', { class: 'button primary', href: '#/book' }, t('portal.book.start')) : null;
  container.replaceChildren(
    el('div', { class: 'screen-head' }, el('h1', {}, t('portal.appointments.title')), book),
    el('h2', { id: 'upcoming-title' }, t('portal.appointments.upcoming')),
    list(ctx, upcoming, 'upcoming-title', t('portal.appointments.none_upcoming')),
    el('h2', { id: 'past-title' }, t('portal.appointments.past')),
    list(ctx, past, 'past-title', t('portal.appointments.none_past')));
}

function list(ctx, items, labelledBy, empty) {
  if (!items.length) {
    return el('p', { class: 'empty' }, empty);
  }
  return el('ul', { class: 'cards', 'aria-labelledby': labelledBy }, items.map((a) => el('li', {}, card(ctx, a))));
}

/** May this account book for anyone (itself, or a patient who granted appointments.write)? */
export function canBook(ctx) {
  return Boolean(ctx.me.patientId && ctx.can('appointments.write.own')) || writableFamily(ctx).length > 0;
}

export function writableFamily(ctx) {
  return (ctx.me.family || []).filter((f) => f.scopes.includes('appointments.write'));
}

function mayChange(ctx, appointment) {
  return appointment.patient.id === ctx.me.patientId && ctx.can('appointments.write.own')
    || writableFamily(ctx).some((f) => f.patientId === appointment.patient.id);
}

/** Whether a move is still the patient's own to make (else: ask the clinic), per booking.reschedule_notice_hours. */
export function mayMoveDirectly(ctx, appointment) {
  const hours = Number(ctx.settings['booking.reschedule_notice_hours'] ?? 24);
  return new Date(appointment.startsAt).getTime() - Date.now() >= hours * 3_600_000;
}

export function statusLabel(ctx, status) {
  return ctx.t(`web.status.${status}`);
}

export function card(ctx, appointment) {
  const { t, formats } = ctx;
  const future = new Date(appointment.startsAt).getTime() > Date.now();
  const actions = el('div', { class: 'actions' });
  const heading = el('h3', { id: `appt-${appointment.id}` }, appointment.service.name || '');
  if (future && OPEN.includes(appointment.status) && mayChange(ctx, appointment)) {
    const direct = mayMoveDirectly(ctx, appointment);
    actions.append(
      el('a', { class: 'button', href: `#/book/move/${appointment.id}`, 'aria-describedby': heading.id },
        t(direct ? 'portal.appointments.move' : 'portal.appointments.ask_move')),
      el('button', { type: 'button', class: 'danger', 'aria-describedby': heading.id, onclick: () => cancel(ctx, appointment) },
        t('portal.appointments.cancel')));
  }
  if (future && appointment.status !== 'cancelled') {
    actions.append(el('button', { type: 'button', class: 'link', 'aria-describedby': heading.id, onclick: () => calendar(ctx, appointment) },
      t('portal.appointments.calendar')));
  }
  const forSomeoneElse = appointment.patient.id !== ctx.me.patientId;
  return el('article', { class: `appointment status-${appointment.status}`, 'data-id': appointment.id, 'aria-labelledby': heading.id },
    heading,
    el('p', { class: 'when' }, el('time', { datetime: appointment.startsAt }, formats.date(appointment.startsAt)),
      ' · ', bdi(formats.time(appointment.startsAt))),
    el('p', {}, t('portal.appointments.with', {}), ' ', bdi(appointment.doctor.name), appointment.location.name ? ' · ' : '',
      appointment.location.name ? bdi(appointment.location.name) : ''),
    forSomeoneElse ? el('p', { class: 'for' }, t('portal.appointments.for'), ' ', bdi(appointment.patient.name)) : null,
    el('p', { class: `badge ${appointment.status}` }, statusLabel(ctx, appointment.status)),
    appointment.request ? el('p', { class: 'note' }, t(`portal.appointments.request_${appointment.request.kind}`),
      appointment.request.requestedStartsAt ? el('span', {}, ' ', bdi(formats.dateTime(appointment.request.requestedStartsAt))) : '') : null,
    actions);
}

async function cancel(ctx, appointment) {
  const { t } = ctx;
  const answer = await ctx.ask({
    title: t('portal.cancel.title'),
    body: t('portal.cancel.body', { service: appointment.service.name || '', when: ctx.formats.dateTime(appointment.startsAt) }),
    fields: [{ name: 'reason', label: t('portal.cancel.reason'), type: 'textarea' }],
    ok: t('portal.cancel.confirm'),
    danger: true,
    check: async (values) => {
      try {
        await ctx.api.call('POST', `/v1/appointments/${appointment.id}/cancel`, {
          body: values.reason ? { reason: values.reason } : {},
          headers: { 'If-Match': String(appointment.version) },
        });
        return null;
      } catch (error) {
        return ctx.problem(error);
      }
    },
  });
  if (answer) {
    ctx.announce(t('portal.cancel.done'));
    ctx.navigate('#/appointments');
  }
}

async function calendar(ctx, appointment) {
  try {
    const ics = await ctx.api.call('GET', `/v1/appointments/${appointment.id}/calendar.ics`, {
      headers: { Accept: 'text/calendar, application/problem+json' },
    });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    const link = el('a', { href: url, download: `moeen-${appointment.startsAt.slice(0, 10)}.ics`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    ctx.announce(ctx.problem(error));
  }
}
