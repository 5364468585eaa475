// Booking: (for whom) → service → doctor → day → slot → confirm, with the same rules as the API (the slots are
// the API's; a slot taken meanwhile comes back with the next free ones). The same steps move an appointment:
// #/book/move/<id> starts at the day with the service and doctor fixed, and asks the clinic instead when the
// appointment is too close to move (booking.reschedule_notice_hours).

import { ApiError } from '../common/api.js';
import { bdi, el, field } from '../common/dom.js';
import { Formats } from '../common/i18n.js';
import { mayMoveDirectly, writableFamily } from './appointments.js';

const WINDOW_DAYS = 7;

export async function renderBook(ctx, container, [mode, id]) {
  const state = { patientId: null, service: null, doctor: null, firstDay: ctx.formats.today(), day: null, slot: null, moving: null };
  const [services, doctors] = await Promise.all([ctx.api.get('/v1/services'), ctx.api.get('/v1/doctors')]);
  state.services = services.items.filter((s) => s.isActive && s.doctorIds.length);
  state.doctors = doctors.items.filter((d) => d.isActive);
  state.people = await people(ctx);
  if (mode === 'move' && id) {
    const appointment = await ctx.api.get(`/v1/appointments/${encodeURIComponent(id)}`);
    state.moving = appointment;
    state.patientId = appointment.patient.id;
    state.service = state.services.find((s) => s.id === appointment.service.id) || { id: appointment.service.id, name: appointment.service.name };
    state.doctor = state.doctors.find((d) => d.id === appointment.doctor.id) || { id: appointment.doctor.id, name: appointment.doctor.name };
  } else if (mode === 'for' && state.people.some((p) => p.id === id)) {
    state.patientId = id;
  } else if (state.people.length === 1) {
    state.patientId = state.people[0].id;
  }
  const view = new BookingView(ctx, container, state);
  await view.draw();
}

/** Reception booking for one patient (the console): the same steps, then back to `done`. */
export async function renderBookingFor(ctx, container, patient, done) {
  const [services, doctors] = await Promise.all([ctx.api.get('/v1/services'), ctx.api.get('/v1/doctors')]);
  const state = {
    patientId: patient.id, people: [{ id: patient.id, name: ctx.name(patient.name) }], done,
    service: null, doctor: null, firstDay: ctx.formats.today(), day: null, slot: null, moving: null,
    services: services.items.filter((s) => s.isActive && s.doctorIds.length),
    doctors: doctors.items.filter((d) => d.isActive),
  };
  await new BookingView(ctx, container, state).draw();
}

/** Whom this account may book for: itself (a patient), and family who granted appointments.write. */
async function people(ctx) {
  const list = [];
  if (ctx.me.patientId && ctx.can('appointments.write.own')) {
    list.push({ id: ctx.me.patientId, name: ctx.t('portal.book.myself') });
  }
  for (const grant of writableFamily(ctx)) {
    let name = ctx.t('portal.family.member');
    try {
      const patient = await ctx.api.get(`/v1/patients/${grant.patientId}`);
      name = ctx.name(patient.name);
    } catch (error) {
      // without patients.read the name stays general
    }
    list.push({ id: grant.patientId, name });
  }
  return list;
}

class BookingView {
  constructor(ctx, container, state) {
    this.ctx = ctx;
    this.container = container;
    this.state = state;
  }

  t(key, args) {
    return this.ctx.t(key, args);
  }

  step() {
    const s = this.state;
    if (!s.patientId) return 'person';
    if (!s.service) return 'service';
    if (!s.doctor) return 'doctor';
    if (!s.slot) return 'slot';
    return 'confirm';
  }

  async draw(focus = true) {
    const step = this.step();
    const title = this.state.moving ? this.t('portal.move.title') : this.t('portal.book.title');
    const body = el('div', { class: 'step', 'data-step': step });
    this.container.replaceChildren(el('h1', {}, title), this.summary(), body);
    await this[`draw_${step}`](body);
    if (focus) {
      const heading = body.querySelector('h2');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
  }

  /** What is chosen so far, each with a way back to change it. */
  summary() {
    const s = this.state;
    const rows = [];
    const change = (what, reset) => el('button', {
      type: 'button', class: 'link', 'aria-label': this.t('portal.book.change_label', { what: this.t(`portal.book.${what}`) }),
      onclick: () => { reset(); this.draw(); },
    }, this.t('portal.book.change'));
    if (s.moving) {
      rows.push(el('li', {}, this.t('portal.move.current'), ' ', bdi(this.ctx.formats.dateTime(s.moving.startsAt))));
    }
    if (s.patientId && (s.people.length > 1 || s.patientId !== this.ctx.me.patientId) && !s.moving) {
      const person = s.people.find((p) => p.id === s.patientId);
      rows.push(el('li', {}, this.t('portal.book.person'), ': ', bdi(person ? person.name : ''), ' ',
        s.people.length > 1 ? change('person', () => { s.patientId = null; s.slot = null; }) : null));
    }
    if (s.service) {
      rows.push(el('li', {}, this.t('portal.book.service'), ': ', bdi(s.service.name), ' ',
        s.moving ? null : change('service', () => { s.service = null; s.doctor = null; s.slot = null; })));
    }
    if (s.doctor) {
      rows.push(el('li', {}, this.t('portal.book.doctor'), ': ', bdi(s.doctor.name), ' ',
        s.moving ? null : change('doctor', () => { s.doctor = null; s.slot = null; })));
    }
    if (s.slot) {
      rows.push(el('li', {}, this.t('portal.book.slot'), ': ', bdi(this.ctx.formats.dateTime(s.slot.startsAt)), ' ',
        change('slot', () => { s.slot = null; })));
    }
    return rows.length ? el('ul', { class: 'chosen' }, rows) : el('div');
  }

  choices(label, items, render, choose) {
    return el('ul', { class: 'choices', 'aria-label': label }, items.map((item) => el('li', {},
      el('button', { type: 'button', class: 'choice', onclick: () => { choose(item); this.draw(); } }, ...render(item)))));
  }

  async draw_person(body) {
    const heading = this.t('portal.book.choose_person');
    body.append(el('h2', {}, heading), this.choices(heading, this.state.people, (p) => [bdi(p.name)], (p) => {
      this.state.patientId = p.id;
    }));
  }

  async draw_service(body) {
    const { formats } = this.ctx;
    const heading = this.t('portal.book.choose_service');
    body.append(el('h2', {}, heading), this.choices(heading, this.state.services, (s) => [
      el('span', { class: 'name' }, s.name),
      el('span', { class: 'detail' }, this.t('portal.book.service_detail', {
        minutes: formats.number(s.durationMinutes), price: formats.number(s.price), currency: s.currency,
      })),
    ], (s) => { this.state.service = s; }));
  }

  async draw_doctor(body) {
    const heading = this.t('portal.book.choose_doctor');
    const offering = this.state.doctors.filter((d) => this.state.service.doctorIds.includes(d.id));
    body.append(el('h2', {}, heading), this.choices(heading, offering, (d) => [
      el('span', { class: 'name' }, bdi(d.name)),
      el('span', { class: 'detail' }, d.specialty || ''),
    ], (d) => { this.state.doctor = d; }));
  }

  async draw_slot(body) {
    const { ctx, state } = this;
    const { formats } = ctx;
    const heading = this.t('portal.book.choose_slot');
    const from = state.firstDay;
    const to = Formats.addDays(from, WINDOW_DAYS);
    const page = await ctx.api.get('/v1/slots', { serviceId: state.service.id, doctorId: state.doctor.id, from, to });
    const byDay = new Map();
    for (const slot of page.items) {
      const day = formats.day(slot.startsAt);
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(slot);
    }
    if (!state.day || !byDay.has(state.day)) {
      state.day = byDay.keys().next().value || null;
    }
    const earlier = el('button', {
      type: 'button', disabled: from <= formats.today(),
      onclick: () => { state.firstDay = Formats.addDays(from, -WINDOW_DAYS); state.day = null; this.draw(); },
    }, this.t('portal.book.earlier'));
    const later = el('button', {
      type: 'button', onclick: () => { state.firstDay = to; state.day = null; this.draw(); },
    }, this.t('portal.book.later'));
    const range = el('p', { class: 'range' }, bdi(formats.date(formats.startOf(from))), ' – ',
      bdi(formats.date(formats.startOf(Formats.addDays(to, -1)))));
    body.append(el('h2', {}, heading), range);
    if (!byDay.size) {
      body.append(el('p', { class: 'empty' }, this.t('portal.book.no_slots')), el('div', { class: 'actions' }, earlier, later));
      return;
    }
    const days = el('div', { class: 'days', role: 'group', 'aria-label': this.t('portal.book.days') },
      [...byDay.keys()].map((day) => el('button', {
        type: 'button', class: 'day', 'aria-pressed': String(day === state.day), 'data-day': day,
        onclick: () => { state.day = day; this.draw(false).then(() => this.container.querySelector(`[data-day="${day}"]`).focus()); },
      }, formats.shortDay.format(new Date(formats.startOf(day))))));
    const slotsLabel = this.t('portal.book.slots_on', { day: formats.date(formats.startOf(state.day)) });
    const slots = el('ul', { class: 'slots', 'aria-label': slotsLabel }, byDay.get(state.day).map((slot) => el('li', {},
      el('button', { type: 'button', class: 'slot', 'data-starts-at': slot.startsAt, onclick: () => { state.slot = slot; this.draw(); } },
        bdi(formats.time(slot.startsAt))))));
    body.append(days, el('h3', {}, slotsLabel), slots, el('div', { class: 'actions' }, earlier, later));
  }

  async draw_confirm(body) {
    const { ctx, state } = this;
    const moving = state.moving;
    const direct = !moving || mayMoveDirectly(ctx, moving);
    const heading = moving ? this.t(direct ? 'portal.move.confirm_title' : 'portal.move.ask_title') : this.t('portal.book.confirm_title');
    const notes = el('textarea', { rows: '3', maxlength: '500', dir: 'auto' });
    const message = el('div', { class: 'alert', role: 'alert', hidden: true });
    const submit = el('button', { type: 'submit', class: 'primary' },
      moving ? this.t(direct ? 'portal.move.confirm' : 'portal.move.ask') : this.t('portal.book.confirm'));
    const form = el('form', { class: 'card', novalidate: true },
      el('h2', {}, heading),
      moving && !direct ? el('p', { class: 'note' }, this.t('portal.move.too_close', {
        hours: ctx.formats.number(Number(ctx.settings['booking.reschedule_notice_hours'] ?? 24)),
      })) : null,
      el('p', { class: 'when' }, bdi(ctx.formats.dateTime(state.slot.startsAt))),
      field(this.t('portal.book.notes'), notes),
      message, el('div', { class: 'actions' }, submit));
    const key = crypto.randomUUID();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const result = await this.send(direct, notes.value.trim(), key);
        ctx.announce(result);
        ctx.navigate(typeof state.done === 'function' ? state.done(state) : state.done || '#/appointments');
      } catch (error) {
        this.refused(error, message, direct);
      } finally {
        submit.disabled = false;
      }
    });
    body.append(form);
  }

  async send(direct, notes, key) {
    const { ctx, state } = this;
    const moving = state.moving;
    if (!moving) {
      await ctx.api.post('/v1/appointments', {
        patientId: state.patientId, serviceId: state.service.id, doctorId: state.doctor.id,
        locationId: state.slot.locationId, startsAt: state.slot.startsAt, ...(notes ? { notes } : {}),
      }, { 'Idempotency-Key': key });
      return this.t('portal.book.done');
    }
    const headers = { 'If-Match': String(moving.version) };
    if (direct) {
      await ctx.api.call('POST', `/v1/appointments/${moving.id}/reschedule`, {
        body: { startsAt: state.slot.startsAt, ...(notes ? { notes } : {}) }, headers,
      });
      return this.t('portal.move.done');
    }
    await ctx.api.call('POST', `/v1/appointments/${moving.id}/reschedule-request`, {
      body: { requestedStartsAt: state.slot.startsAt, ...(notes ? { notes } : {}) }, headers,
    });
    return this.t('portal.move.asked');
  }

  /** A refusal in the service's words; a taken slot offers the next free ones; too late to move offers asking. */
  refused(error, message, direct) {
    const { ctx, state } = this;
    message.hidden = false;
    message.replaceChildren(el('p', {}, ctx.problem(error)));
    if (error instanceof ApiError && error.code === 'slot_taken' && Array.isArray(error.problem.alternatives)) {
      const alternatives = error.problem.alternatives;
      if (alternatives.length) {
        message.append(el('p', {}, this.t('portal.book.alternatives')), el('ul', { class: 'slots' }, alternatives.map((slot) => el('li', {},
          el('button', { type: 'button', class: 'slot', onclick: () => { state.slot = { ...state.slot, ...slot }; this.draw(); } },
            bdi(ctx.formats.dateTime(slot.startsAt)))))));
      }
    } else if (error instanceof ApiError && error.code === 'reschedule_too_late' && direct) {
      message.append(el('button', {
        type: 'button', onclick: async () => {
          try {
            ctx.announce(await this.send(false, '', null));
            ctx.navigate('#/appointments');
          } catch (again) {
            this.refused(again, message, false);
          }
        },
      }, this.t('portal.move.ask')));
    }
  }
}
