// The marketers' lead board: a column per stage; a lead moves by drag and drop or, with the keyboard, by its
// "move to" list; moving to lost asks the reason. Those who may assign leads pick the owner on the card.

import { bdi, el } from '../common/dom.js';
import { firstContact, renderLead, sourceName } from './lead.js';
import { filtersFromHash, leadTools, marketerName } from './leadtools.js';

const STAGES = ['new', 'contacted', 'qualified', 'booked', 'converted', 'lost'];
const OPEN = ['new', 'contacted', 'qualified', 'booked'];

/** Where a lead may go from its stage (the API has the last word). */
function targets(status) {
  if (status === 'lost') return OPEN;
  if (!OPEN.includes(status)) return [];
  return [...OPEN.slice(OPEN.indexOf(status) + 1), 'lost'];
}

export async function renderLeads(ctx, container, params) {
  if (params[0] === 'lead' && params[1]) {
    return renderLead(ctx, container, params[1]);
  }
  const { t } = ctx;
  const filters = filtersFromHash(params);
  const [pages, marketers] = await Promise.all([
    Promise.all(STAGES.map((status) => ctx.api.get('/v1/crm/leads', { ...filters, status, limit: 50 }))),
    ctx.can('leads.assign') ? ctx.api.get('/v1/crm/marketers').then((m) => m.items) : Promise.resolve(null),
  ]);
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const board = { ctx, marketers, message, leads: new Map() };
  const columns = STAGES.map((status, i) => {
    const titleId = `stage-${status}`;
    const list = el('ul', {}, pages[i].items.map((lead) => {
      board.leads.set(lead.id, lead);
      return el('li', {}, card(board, lead));
    }));
    const column = el('section', { class: 'column', 'aria-labelledby': titleId, 'data-stage': status },
      el('h2', { id: titleId }, t(`console.leads.stage.${status}`), ' ',
        el('span', { class: 'count' }, `(${ctx.formats.number(pages[i].items.length)})`)), list);
    column.addEventListener('dragover', (event) => {
      const lead = board.leads.get(board.dragging);
      if (lead && targets(lead.status).includes(status)) {
        event.preventDefault();
        column.classList.add('drop-target');
      }
    });
    column.addEventListener('dragleave', () => column.classList.remove('drop-target'));
    column.addEventListener('drop', (event) => {
      event.preventDefault();
      column.classList.remove('drop-target');
      const lead = board.leads.get(event.dataTransfer.getData('text/plain') || board.dragging);
      if (lead) move(board, lead, status);
    });
    return column;
  });
  container.replaceChildren(el('h1', {}, t('console.leads.title')), leadTools(ctx, filters, marketers),
    el('p', { class: 'muted' }, t('console.leads.hint')), message, el('div', { class: 'columns' }, columns));
}

function card(board, lead) {
  const { ctx } = board;
  const { t } = ctx;
  const titleId = `lead-${lead.id}`;
  const next = targets(lead.status);
  const mayWrite = ctx.can('leads.write');
  let mover = null;
  if (mayWrite && next.length) {
    const select = el('select', { 'aria-label': t('console.leads.move_label', { name: lead.fullName }), 'data-move': lead.id },
      el('option', { value: '' }, t('console.leads.move_to')), next.map((s) => el('option', { value: s }, t(`console.leads.stage.${s}`))));
    mover = el('div', { class: 'move' }, select, el('button', {
      type: 'button', 'data-move-button': lead.id, 'aria-label': t('console.leads.move_label', { name: lead.fullName }),
      onclick: () => { if (select.value) move(board, lead, select.value); },
    }, t('console.leads.move')));
  }
  const owner = board.marketers ? el('select', {
    'aria-label': t('console.leads.owner_label', { name: lead.fullName }), 'data-owner': lead.id,
    onchange: (event) => assign(board, lead, event.target.value),
  }, el('option', { value: '', selected: !lead.ownerId }, t('console.leads.unassigned')),
  board.marketers.map((m) => el('option', { value: m.userId, selected: m.userId === lead.ownerId },
    marketerName(ctx, m)))) : null;
  const node = el('article', {
    class: 'lead', 'data-id': lead.id, 'aria-labelledby': titleId, draggable: mayWrite && next.length ? 'true' : null,
  },
  el('h3', { id: titleId }, el('a', { href: `#/leads/lead/${lead.id}` }, bdi(lead.fullName))),
  lead.phone ? el('p', {}, el('bdi', { dir: 'ltr' }, lead.phone)) : null,
  el('p', { class: 'muted' }, t(`console.leads.source`), ' ', sourceName(ctx, lead.source), ' · ', t('console.leads.score'), ' ', bdi(ctx.formats.number(lead.score))),
  sla(ctx, lead),
  lead.lostReason ? el('p', { class: 'note', dir: 'auto' }, lead.lostReason) : null,
  mover, owner);
  node.addEventListener('dragstart', (event) => {
    board.dragging = lead.id;
    event.dataTransfer.setData('text/plain', lead.id);
    event.dataTransfer.effectAllowed = 'move';
  });
  return node;
}

async function move(board, lead, to) {
  const { ctx } = board;
  const { t } = ctx;
  let reason = null;
  if (to === 'lost') {
    const answer = await ctx.ask({
      title: t('console.leads.lost_title', { name: lead.fullName }),
      fields: [{ name: 'reason', label: t('console.leads.lost_reason'), type: 'textarea', required: true }],
      ok: t('console.leads.lost_confirm'),
      danger: true,
    });
    if (!answer) {
      ctx.navigate(window.location.hash || '#/leads');
      return;
    }
    reason = answer.reason;
  }
  try {
    await ctx.api.call('POST', `/v1/crm/leads/${lead.id}/transitions`, {
      body: reason ? { to, reason } : { to }, headers: { 'If-Match': String(lead.version) },
    });
    ctx.announce(t('console.leads.moved', { name: lead.fullName, stage: t(`console.leads.stage.${to}`) }));
  } catch (error) {
    board.message.hidden = false;
    board.message.textContent = ctx.problem(error);
    return;
  }
  ctx.navigate(window.location.hash || '#/leads');
}

/** A lead not contacted yet says where it stands against the first-contact SLA (in working minutes). */
function sla(ctx, lead) {
  const wait = firstContact(ctx, lead);
  return wait && ['waiting', 'overdue', 'escalated'].includes(wait.state)
    ? el('p', { class: `sla sla-${wait.state}`, 'data-sla': wait.state }, wait.text) : null;
}

async function assign(board, lead, ownerId) {
  const { ctx } = board;
  if (!ownerId) return;
  try {
    await ctx.api.put(`/v1/crm/leads/${lead.id}/assignment`, { ownerId });
    ctx.announce(ctx.t('console.leads.assigned', { name: lead.fullName }));
    lead.ownerId = ownerId;
  } catch (error) {
    board.message.hidden = false;
    board.message.textContent = ctx.problem(error);
  }
}
