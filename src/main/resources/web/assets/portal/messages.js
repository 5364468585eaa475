// Messages: which channels each kind of message may use (GET/PUT /v1/me/notification-preferences), quiet hours,
// and marketing consent per channel (GET/POST /v1/me/consents) with the service's own wording, sent back as
// shown. Only the kinds of message a patient receives are listed (the service also knows staff ones).

import { bdi, el, field } from '../common/dom.js';

const PATIENT_EVENTS = ['appointment_booked', 'appointment_reminder', 'appointment_rescheduled', 'appointment_cancelled',
  'appointment_reschedule_requested', 'appointment_cancel_requested'];
const EVERY = '*';

export async function renderMessages(ctx, container) {
  const { t } = ctx;
  const [preferences, consents] = await Promise.all([
    ctx.api.get('/v1/me/notification-preferences'),
    ctx.api.get('/v1/me/consents'),
  ]);
  container.replaceChildren(el('h1', {}, t('portal.messages.title')),
    preferencesForm(ctx, preferences), consentsCard(ctx, consents.items));
}

function preferencesForm(ctx, preferences) {
  const { t, formats } = ctx;
  const channels = preferences.channelNames;
  const events = [EVERY, ...PATIENT_EVENTS.filter((e) => preferences.eventTypes.includes(e))];
  const switches = preferences.channels || {};
  const on = (event, channel) => {
    const own = switches[event] && switches[event][channel];
    if (own !== undefined) return own;
    const every = switches[EVERY] && switches[EVERY][channel];
    return every === undefined ? true : every;
  };
  const boxes = {};
  const rows = events.map((event) => {
    const name = t(event === EVERY ? 'portal.messages.every' : `portal.messages.event.${event}`);
    const rowId = `event-${event === EVERY ? 'every' : event}`;
    boxes[event] = {};
    return el('tr', { 'data-event': event },
      el('th', { scope: 'row', id: rowId }, name),
      channels.map((channel) => {
        const box = el('input', {
          type: 'checkbox', name: `${event}:${channel}`, checked: on(event, channel),
          'aria-label': t('portal.messages.switch_label', { event: name, channel: t(`portal.messages.channel.${channel}`) }),
        });
        boxes[event][channel] = box;
        if (event === EVERY) {
          // "all messages" sets the column; a kind may then differ from it
          box.addEventListener('change', () => events.slice(1).forEach((kind) => { boxes[kind][channel].checked = box.checked; }));
        }
        return el('td', {}, box);
      }));
  });
  const table = el('table', { class: 'switches' },
    el('caption', {}, t('portal.messages.caption')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('portal.messages.kind')),
      channels.map((c) => el('th', { scope: 'col' }, t(`portal.messages.channel.${c}`))))),
    el('tbody', {}, rows));
  const quiet = preferences.quietHours;
  const hours = [];
  for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
    hours.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
  }
  const clock = (name, value) => el('select', { name },
    el('option', { value: '', selected: !value }, t('portal.messages.clinic_default')),
    hours.map((h) => el('option', { value: h, selected: value === h }, formats.clock(h))));
  const start = clock('quietStart', quiet && quiet.start);
  const end = clock('quietEnd', quiet && quiet.end);
  const effective = preferences.effective.quietHours;
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const save = el('button', { type: 'submit', class: 'primary' }, t('portal.messages.save'));
  const form = el('form', { class: 'card', novalidate: true, 'aria-labelledby': 'switches-title' },
    el('h2', { id: 'switches-title' }, t('portal.messages.switches_title')),
    el('p', { class: 'muted' }, t('portal.messages.switches_intro')),
    el('div', { class: 'table-scroll' }, table),
    el('h3', {}, t('portal.messages.quiet_title')),
    effective ? el('p', { class: 'muted' }, t('portal.messages.quiet_now', {
      start: formats.clock(effective.start), end: formats.clock(effective.end),
    })) : null,
    el('div', { class: 'toolbar' }, field(t('portal.messages.quiet_start'), start), field(t('portal.messages.quiet_end'), end)),
    message, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.hidden = true;
    if (Boolean(start.value) !== Boolean(end.value)) {
      message.hidden = false;
      message.textContent = t('portal.messages.quiet_both');
      (start.value ? end : start).focus();
      return;
    }
    const every = Object.fromEntries(channels.map((c) => [c, boxes[EVERY][c].checked]));
    const chosen = { [EVERY]: every };
    for (const kind of events.slice(1)) {
      const differs = channels.filter((c) => boxes[kind][c].checked !== every[c]);
      if (differs.length) {
        chosen[kind] = Object.fromEntries(differs.map((c) => [c, boxes[kind][c].checked]));
      }
    }
    // kinds this screen does not list keep what they had
    for (const [kind, value] of Object.entries(switches)) {
      if (kind !== EVERY && !events.includes(kind)) {
        chosen[kind] = value;
      }
    }
    save.disabled = true;
    try {
      const saved = await ctx.api.put('/v1/me/notification-preferences', {
        channels: chosen,
        quietHours: start.value ? { start: start.value, end: end.value } : null,
        timeZone: preferences.timeZone,
      });
      Object.assign(preferences, saved);
      ctx.announce(t('portal.messages.saved'));
      message.hidden = false;
      message.className = 'success';
      message.setAttribute('role', 'status');
      message.textContent = t('portal.messages.saved');
    } catch (error) {
      message.hidden = false;
      message.className = 'alert';
      message.setAttribute('role', 'alert');
      message.textContent = ctx.problem(error);
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

function consentsCard(ctx, items) {
  const { t, formats } = ctx;
  const list = el('ul', { class: 'plain consents' });
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const draw = () => list.replaceChildren(...items.map((consent, index) => {
    const channel = t(`portal.messages.channel.${consent.channel}`);
    const button = el('button', {
      type: 'button', class: consent.optedIn ? '' : 'primary', 'data-channel': consent.channel,
      'aria-pressed': String(consent.optedIn),
      onclick: async () => {
        button.disabled = true;
        message.hidden = true;
        try {
          const answer = await ctx.api.post('/v1/me/consents', consent.optedIn
            ? { channel: consent.channel, optIn: false }
            : { channel: consent.channel, optIn: true, wording: consent.wording });
          items[index] = { ...consent, ...answer, wording: consent.wording, locale: consent.locale };
          ctx.announce(t(answer.optedIn ? 'portal.messages.opted_in' : 'portal.messages.opted_out', { channel }));
          draw();
          list.querySelector(`button[data-channel="${consent.channel}"]`).focus();
        } catch (error) {
          message.hidden = false;
          message.textContent = ctx.problem(error);
          button.disabled = false;
        }
      },
    }, t(consent.optedIn ? 'portal.messages.opt_out' : 'portal.messages.opt_in', { channel }));
    return el('li', { class: 'consent', 'data-channel': consent.channel },
      el('h3', {}, channel, ' · ', el('span', { class: `badge ${consent.optedIn ? 'confirmed' : 'cancelled'}` },
        t(consent.optedIn ? 'portal.messages.agreed' : 'portal.messages.not_agreed'))),
      el('p', { class: 'wording', lang: consent.locale, dir: 'auto' }, consent.wording),
      consent.since ? el('p', { class: 'muted' }, t('portal.messages.since'), ' ', bdi(formats.dateTime(consent.since))) : null,
      el('div', { class: 'actions' }, button));
  }));
  draw();
  return el('section', { class: 'card', 'aria-labelledby': 'consents-title' },
    el('h2', { id: 'consents-title' }, t('portal.messages.consents_title')),
    el('p', { class: 'muted' }, t('portal.messages.consents_intro')), message, list);
}
