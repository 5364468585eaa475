// Reception's agenda: one day in the clinic's zone, a column per doctor or per consulting room (#/agenda/<day>/rooms),
// and on each visit its room (chosen or changed there) and what may happen next (check in, mark no-show, complete),
// as the API's status table allows.

import { dateField } from '../common/datefield.js';
import { bdi, el } from '../common/dom.js';
import { Formats } from '../common/i18n.js';

const NEXT = { pending: ['confirm'], confirmed: ['check-in', 'no-show'], checked_in: ['complete'] };
/** Steps the API allows only once the visit has started (docs/architecture.md, time rules). */
const AFTER_START = ['no-show', 'complete'];
/** Statuses that hold no room (changeset 063): their room is shown but not changed. */
const ROOMLESS = ['cancelled', 'no_show', 'completed'];

export async function renderAgenda(ctx, container, [dayParam, viewParam]) {
  const { t, formats } = ctx;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(dayParam || '') ? dayParam : formats.today();
  const byRoomView = viewParam === 'rooms';
  const suffix = byRoomView ? '/rooms' : '';
  const [doctors, visits] = await Promise.all([
    ctx.api.get('/v1/doctors'),
    ctx.api.all('/v1/appointments', { from: formats.startOf(day), to: formats.startOf(Formats.addDays(day, 1)) }, 500),
  ]);
  const rooms = await consultingRooms(ctx, visits);
  // the day in the clinic's words and digits; the browser's date input would write it in the browser's order
  const picker = dateField(ctx, { label: t('console.agenda.day'), value: day, name: 'day' });
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const toolbar = el('form', { class: 'toolbar', novalidate: true },
    el('a', { class: 'button', href: `#/agenda/${Formats.addDays(day, -1)}${suffix}` }, t('console.agenda.previous')),
    picker.node,
    el('button', { type: 'submit' }, t('console.agenda.show')),
    el('a', { class: 'button', href: `#/agenda/${Formats.addDays(day, 1)}${suffix}` }, t('console.agenda.next')),
    day === formats.today() ? null : el('a', { class: 'button', href: `#/agenda/${formats.today()}${suffix}` }, t('console.agenda.today')));
  const views = el('nav', { class: 'view-switch', 'aria-label': t('console.agenda.view') },
    el('a', { class: 'button', href: `#/agenda/${day}`, 'data-view': 'doctors', 'aria-current': byRoomView ? null : 'true' },
      t('console.agenda.by-doctor')),
    el('a', { class: 'button', href: `#/agenda/${day}/rooms`, 'data-view': 'rooms', 'aria-current': byRoomView ? 'true' : null },
      t('console.agenda.by-room')));
  toolbar.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = picker.value();
    if (chosen) {
      ctx.navigate(`#/agenda/${chosen}${suffix}`);
    } else {
      message.hidden = false;
      message.textContent = t('web.date.invalid', { field: t('console.agenda.day') });
      picker.focus();
    }
  });
  const columns = byRoomView ? roomColumns(ctx, visits, rooms, message) : doctorColumns(ctx, visits, doctors, rooms, message);
  container.replaceChildren(
    el('h1', {}, t('console.agenda.title')),
    el('p', { class: 'muted' }, bdi(formats.date(formats.startOf(day)))),
    toolbar, views, message,
    columns.length ? el('div', { class: 'columns' }, columns) : el('p', { class: 'empty' }, t('console.agenda.empty')));
}

/** The consulting rooms (not the hospital's) of each location the day's visits are at: {locationId: [Room]}. */
async function consultingRooms(ctx, visits) {
  const locations = [...new Set(visits.map((v) => v.location.id))];
  if (!ctx.can('appointments.write.any', 'schedule.manage')) {
    return new Map();
  }
  const lists = await Promise.all(locations.map((id) => ctx.api.get(`/v1/locations/${id}/rooms`, { kind: 'consulting' })
    .then((page) => page.items, () => [])));
  return new Map(locations.map((id, i) => [id, lists[i]]));
}

function column(key, kind, title, list, ctx, rooms, message) {
  const { formats } = ctx;
  const titleId = `${kind}-${key}`;
  return el('section', { class: 'column', 'aria-labelledby': titleId, [`data-${kind}`]: key },
    el('h2', { id: titleId }, title, ' ', el('span', { class: 'count' }, `(${formats.number(list.length)})`)),
    el('ul', {}, list.map((visit) => el('li', {}, card(ctx, visit, rooms, message)))));
}

function doctorColumns(ctx, visits, doctors, rooms, message) {
  const byDoctor = new Map();
  for (const visit of visits) {
    if (!byDoctor.has(visit.doctor.id)) byDoctor.set(visit.doctor.id, []);
    byDoctor.get(visit.doctor.id).push(visit);
  }
  const names = new Map(doctors.items.map((d) => [d.id, d.name]));
  return [...byDoctor.entries()].map(([id, list]) =>
    column(id, 'doctor', bdi(names.get(id) || list[0].doctor.name), list, ctx, rooms, message));
}

/** A column for the visits without a room, then one per consulting room of the day's locations (free ones too). */
function roomColumns(ctx, visits, rooms, message) {
  const { t } = ctx;
  const severalPlaces = new Set(visits.map((v) => v.location.id)).size > 1;
  const places = new Map(visits.map((v) => [v.location.id, v.location.name]));
  const byRoom = new Map();
  for (const [locationId, list] of rooms) {
    for (const room of list.filter((r) => r.isActive)) {
      byRoom.set(room.id, { name: room.name, locationId, visits: [] });
    }
  }
  const roomless = [];
  for (const visit of visits) {
    if (!visit.room) {
      roomless.push(visit);
      continue;
    }
    if (!byRoom.has(visit.room.id)) byRoom.set(visit.room.id, { name: visit.room.name, locationId: visit.location.id, visits: [] });
    byRoom.get(visit.room.id).visits.push(visit);
  }
  const columns = [...byRoom.entries()].map(([id, room]) => column(id, 'room', [bdi(room.name),
    severalPlaces ? el('span', { class: 'muted' }, ' · ', bdi(places.get(room.locationId) || '')) : null], room.visits, ctx, rooms, message));
  // the visits still waiting for a room come first: that is reception's work
  if (roomless.length) {
    columns.unshift(column('none', 'room', t('console.agenda.no-room'), roomless, ctx, rooms, message));
  }
  return columns;
}

function card(ctx, visit, rooms, message) {
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
  const choices = rooms.get(visit.location.id);
  const picker = mayAct && choices && !ROOMLESS.includes(visit.status) ? roomPicker(ctx, visit, choices, message) : null;
  return el('article', { class: `visit status-${visit.status}`, 'data-id': visit.id, 'aria-labelledby': titleId },
    el('h3', { id: titleId }, el('time', { datetime: visit.startsAt }, bdi(formats.time(visit.startsAt))), ' · ', bdi(visit.patient.name)),
    el('p', {}, visit.service.name || '', visit.patient.medicalRecordNumber ? ' · ' : '',
      visit.patient.medicalRecordNumber ? bdi(visit.patient.medicalRecordNumber) : ''),
    el('p', { class: 'room' }, t('console.agenda.room'), ': ', visit.room ? bdi(visit.room.name) : t('console.agenda.no-room')),
    el('p', { class: `badge ${visit.status}` }, t(`web.status.${visit.status}`)),
    picker,
    actions.length ? el('div', { class: 'actions' }, actions) : null);
}

/** Choose or change the visit's room (the API checks it is free then: a refusal names the other visit's time). */
function roomPicker(ctx, visit, choices, message) {
  const { t } = ctx;
  const current = visit.room ? visit.room.id : '';
  const offered = choices.filter((room) => room.isActive || room.id === current);
  const select = el('select', { name: 'room', 'aria-label': t('console.agenda.room-for', { name: visit.patient.name || '' }) },
    el('option', { value: '' }, t('console.agenda.no-room')),
    offered.map((room) => el('option', { value: room.id, selected: room.id === current }, room.name)));
  select.addEventListener('change', async () => {
    select.disabled = true;
    const roomId = select.value || null;
    try {
      await ctx.api.call('PUT', `/v1/appointments/${visit.id}/room`, {
        body: { roomId }, headers: { 'If-Match': String(visit.version) },
      });
      const chosen = offered.find((room) => room.id === roomId);
      ctx.announce(chosen ? t('console.agenda.done.room', { name: visit.patient.name || '', room: chosen.name })
        : t('console.agenda.done.no-room', { name: visit.patient.name || '' }));
      ctx.navigate(window.location.hash || '#/agenda');
    } catch (error) {
      message.hidden = false;
      message.textContent = ctx.problem(error);
      select.value = current;
      select.disabled = false;
    }
  });
  return select;
}
