// One lead (#/leads/lead/<id>): who, where from, the first-contact wait, the score and the rules that gave it,
// the timeline (GET …/activities), and logging a call, message, meeting or note (POST …/activities).

import { bdi, el, field, written } from '../common/dom.js';

const LOGGED = ['call', 'whatsapp', 'sms', 'email', 'meeting', 'note'];

export function sourceName(ctx, code) {
  const key = `console.leads.source_name.${code}`;
  const text = ctx.t(key);
  return text === key ? code : text;
}

export function ruleName(ctx, rule) {
  if (rule.startsWith('source.')) {
    return ctx.t('console.lead.rule.source', { source: sourceName(ctx, rule.slice('source.'.length)) });
  }
  const key = `console.lead.rule.${rule}`;
  const text = ctx.t(key);
  return text === key ? rule : text;
}

/**
 * The first-contact SLA as the service counts it (lead.sla: working minutes in the team's hours): waiting,
 * overdue (the owner was told), escalated (the supervisor was told), met or missed; null once closed.
 */
export function firstContact(ctx, lead) {
  const { t, formats } = ctx;
  const sla = lead.sla;
  if (!sla || sla.state === 'closed') {
    return null;
  }
  const minutes = sla.workingMinutes ?? 0;
  // past two working hours the wait reads in hours: "250 working hours", not "15,010 working minutes"
  const amount = minutes < 120 ? t('console.lead.sla.amount_minutes', { n: formats.number(minutes) })
    : t('console.lead.sla.amount_hours', { n: formats.number(Math.floor(minutes / 60)) });
  const told = [
    sla.ownerNotifiedAt ? t('console.lead.sla.owner_told', { time: formats.dateTime(sla.ownerNotifiedAt) }) : null,
    sla.escalatedAt ? t('console.lead.sla.supervisor_told', { time: formats.dateTime(sla.escalatedAt) }) : null,
  ].filter(Boolean);
  return {
    state: sla.state,
    text: t(`console.lead.sla.${sla.state}`, { amount, limit: formats.number(sla.limitMinutes) }),
    due: sla.state === 'waiting' ? t('console.lead.sla.due', { time: formats.dateTime(sla.dueAt) }) : null,
    told,
  };
}

export async function renderLead(ctx, container, id) {
  const { t, formats } = ctx;
  const [lead, activities] = await Promise.all([
    ctx.api.get(`/v1/crm/leads/${encodeURIComponent(id)}`),
    ctx.api.all(`/v1/crm/leads/${encodeURIComponent(id)}/activities`, {}, 200),
  ]);
  const wait = firstContact(ctx, lead);
  const facts = el('dl', { class: 'facts' },
    el('dt', {}, t('console.lead.stage')), el('dd', {}, el('span', { class: `badge lead-${lead.status}` }, t(`console.leads.stage.${lead.status}`))),
    lead.phone ? [el('dt', {}, t('console.lead.phone')), el('dd', {}, el('bdi', { dir: 'ltr' }, lead.phone))] : null,
    lead.email ? [el('dt', {}, t('console.lead.email')), el('dd', {}, el('bdi', { dir: 'ltr' }, lead.email))] : null,
    el('dt', {}, t('console.lead.source')), el('dd', {}, sourceName(ctx, lead.source),
      lead.utm && lead.utm.campaign ? [' · ', bdi(lead.utm.campaign)] : null),
    lead.interestedIn ? [el('dt', {}, t('console.lead.interested_in')), el('dd', {}, written('span', lead.interestedIn))] : null,
    el('dt', {}, t('console.lead.created')), el('dd', {}, bdi(formats.dateTime(lead.createdAt))),
    wait ? [el('dt', {}, t('console.lead.first_contact')), el('dd', { class: `sla sla-${wait.state}`, 'data-sla': wait.state }, wait.text,
      wait.due ? [el('br'), el('span', { class: 'muted' }, wait.due)] : null,
      wait.told.map((line) => [el('br'), el('span', { class: 'muted' }, line)]))] : null,
    lead.tags.length ? [el('dt', {}, t('console.lead.tags')), el('dd', {}, lead.tags.map((tag) => el('span', { class: 'tag' }, bdi(tag))))] : null,
    lead.lostReason ? [el('dt', {}, t('console.lead.lost_reason')), el('dd', {}, written('span', lead.lostReason))] : null,
    lead.notes ? [el('dt', {}, t('console.lead.notes')), el('dd', {}, written('span', lead.notes))] : null);
  const score = el('section', { class: 'card score', 'aria-labelledby': 'score-title' },
    el('h2', { id: 'score-title' }, t('console.lead.score_title', { score: formats.number(lead.score) })),
    lead.scoreBreakdown.length ? el('table', { class: 'breakdown' },
      el('caption', { class: 'sr-only' }, t('console.lead.score_caption')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('console.lead.rule_column')), el('th', { scope: 'col' }, t('console.lead.points')))),
      el('tbody', {}, lead.scoreBreakdown.map((part) => el('tr', { 'data-rule': part.rule },
        el('th', { scope: 'row' }, ruleName(ctx, part.rule)),
        el('td', { class: part.points < 0 ? 'minus' : 'plus' }, bdi(`${part.points > 0 ? '+' : ''}${formats.number(part.points)}`))))))
      : el('p', { class: 'empty' }, t('console.lead.no_points')));
  const timeline = el('section', { class: 'card', 'aria-labelledby': 'timeline-title' },
    el('h2', { id: 'timeline-title' }, t('console.lead.timeline')),
    ctx.can('leads.write') ? activityForm(ctx, lead) : null,
    activities.length ? el('ol', { class: 'timeline' }, activities.map((a) => el('li', { class: `activity ${a.type}`, 'data-type': a.type },
      el('p', { class: 'meta' }, el('span', { class: 'kind' }, t(`console.lead.activity.${a.type}`)), ' · ',
        el('time', { datetime: a.createdAt }, bdi(formats.dateTime(a.createdAt)))),
      a.fromStatus || a.toStatus ? el('p', {}, t('console.lead.moved', {
        from: a.fromStatus ? t(`console.leads.stage.${a.fromStatus}`) : '—', to: a.toStatus ? t(`console.leads.stage.${a.toStatus}`) : '—',
      })) : null,
      a.body ? written('p', a.body) : null,
      a.dueAt ? el('p', { class: 'muted' }, t('console.lead.due'), ' ', bdi(formats.dateTime(a.dueAt))) : null)))
      : el('p', { class: 'empty' }, t('console.lead.no_activities')));
  container.replaceChildren(
    el('p', {}, el('a', { href: '#/leads' }, t('console.lead.back'))),
    el('h1', {}, bdi(lead.fullName)),
    el('div', { class: 'lead-detail' }, el('section', { class: 'card', 'aria-label': t('console.lead.about') }, facts), score),
    timeline);
}

function activityForm(ctx, lead) {
  const { t } = ctx;
  const type = el('select', { name: 'type' }, LOGGED.map((code) => el('option', { value: code }, t(`console.lead.activity.${code}`))));
  const body = el('textarea', { name: 'body', rows: '2', maxlength: '4000', dir: 'auto' });
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', class: 'primary' }, t('console.lead.log'));
  const form = el('form', { class: 'log-activity', novalidate: true },
    el('div', { class: 'toolbar' }, field(t('console.lead.activity_type'), type)),
    field(t('console.lead.activity_body'), body), message, el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await ctx.api.post(`/v1/crm/leads/${lead.id}/activities`, { type: type.value, ...(body.value.trim() ? { body: body.value.trim() } : {}) });
      ctx.announce(t('console.lead.logged'));
      ctx.navigate(window.location.hash);
    } catch (error) {
      message.hidden = false;
      message.textContent = ctx.problem(error);
      submit.disabled = false;
    }
  });
  return form;
}
