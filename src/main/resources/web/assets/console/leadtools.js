// The lead board's tools: search and filters (kept in the address: #/leads/filter/<query>), the same leads as
// CSV (GET /v1/crm/leads.csv, saved through a blob link: no token in a URL), and a CSV import
// (POST /v1/crm/leads/imports) whose report names each refused row.

import { bdi, el, field } from '../common/dom.js';
import { sourceName } from './lead.js';

const SOURCES = ['whatsapp', 'web_chat', 'web_form', 'campaign', 'referral', 'walk_in', 'phone_call', 'social'];

export function filtersFromHash(params) {
  if (params[0] !== 'filter' || !params[1]) {
    return {};
  }
  const wanted = {};
  for (const [name, value] of new URLSearchParams(params[1])) {
    if (['q', 'source', 'owner'].includes(name) && value) wanted[name] = value;
  }
  return wanted;
}

/** A marketer's name in the language on screen. */
export function marketerName(ctx, m) {
  return (ctx.language === 'ar' ? m.nameAr || m.nameEn : m.nameEn || m.nameAr) || m.userId;
}

/** With the marketers (those who may see every lead and assign them), the owner filter names each of them. */
export function leadTools(ctx, filters, marketers) {
  const { t } = ctx;
  const q = el('input', { type: 'search', name: 'q', dir: 'auto', maxlength: '100', autocomplete: 'off' });
  q.value = filters.q || '';
  const source = el('select', { name: 'source' }, el('option', { value: '' }, t('console.leads.any_source')),
    SOURCES.map((code) => el('option', { value: code, selected: filters.source === code }, sourceName(ctx, code))));
  const owner = el('select', { name: 'owner' },
    [['', 'console.leads.owner_any'], ['me', 'console.leads.owner_me'], ['none', 'console.leads.unassigned']]
      .map(([value, key]) => el('option', { value, selected: (filters.owner || '') === value }, t(key))),
    marketers && ctx.can('leads.read.all') && marketers.length ? el('optgroup', { label: t('console.leads.owner_marketers') },
      marketers.map((m) => el('option', { value: m.userId, selected: filters.owner === m.userId }, marketerName(ctx, m)))) : null);
  const form = el('form', { class: 'toolbar filters', role: 'search', 'aria-label': t('console.leads.filters') },
    field(t('console.leads.search'), q), field(t('console.leads.filter_source'), source), field(t('console.leads.filter_owner'), owner),
    el('button', { type: 'submit', class: 'primary' }, t('console.leads.apply')),
    Object.keys(filters).length ? el('a', { class: 'button', href: '#/leads' }, t('console.leads.clear')) : null);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    if (q.value.trim()) chosen.set('q', q.value.trim());
    if (source.value) chosen.set('source', source.value);
    if (owner.value) chosen.set('owner', owner.value);
    const text = chosen.toString();
    ctx.navigate(text ? `#/leads/filter/${encodeURIComponent(text)}` : '#/leads');
  });
  const message = el('div', { role: 'status', class: 'import-report', hidden: true });
  const exportButton = el('button', { type: 'button', class: 'export', onclick: () => exportCsv(ctx, filters, message) }, t('console.leads.export'));
  const tools = el('div', { class: 'toolbar' }, exportButton, ctx.can('leads.write') ? importControl(ctx, message) : null);
  return el('div', { class: 'lead-tools' }, form, tools, message);
}

async function exportCsv(ctx, filters, message) {
  try {
    const csv = await ctx.api.call('GET', `/v1/crm/leads.csv${new URLSearchParams(filters).toString() ? `?${new URLSearchParams(filters)}` : ''}`,
      { headers: { Accept: 'text/csv, application/problem+json' } });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = el('a', { href: url, download: `leads-${ctx.formats.today()}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    ctx.announce(ctx.t('console.leads.exported'));
  } catch (error) {
    message.hidden = false;
    message.replaceChildren(el('p', { class: 'alert' }, ctx.problem(error)));
  }
}

function importControl(ctx, message) {
  const { t, formats } = ctx;
  const file = el('input', { type: 'file', name: 'csv', accept: '.csv,text/csv' });
  const send = el('button', { type: 'submit' }, t('console.leads.import'));
  const form = el('form', { class: 'import', novalidate: true }, field(t('console.leads.import_file'), file, t('console.leads.import_hint')), send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files.length) {
      message.hidden = false;
      message.replaceChildren(el('p', { class: 'alert' }, t('web.required', { field: t('console.leads.import_file') })));
      file.focus();
      return;
    }
    send.disabled = true;
    try {
      const body = new Blob([await file.files[0].arrayBuffer()], { type: 'text/csv' });
      const report = await ctx.api.post('/v1/crm/leads/imports', body);
      message.hidden = false;
      message.replaceChildren(
        el('p', { class: report.rejected.length ? 'alert' : 'success' }, t('console.leads.imported', {
          created: formats.number(report.created), merged: formats.number(report.merged), rejected: formats.number(report.rejected.length),
        })),
        report.rejected.length ? el('ul', { class: 'rejected' }, report.rejected.map((r) => el('li', {},
          t('console.leads.import_row', { row: formats.number(r.row) }), ' ', r.field ? [bdi(r.field), ': '] : null, r.reason))) : null,
        el('p', {}, el('a', { href: window.location.hash || '#/leads', class: 'button', onclick: (e) => { e.preventDefault(); ctx.navigate(window.location.hash || '#/leads'); } },
          t('console.leads.show_board'))));
      message.querySelector('p').setAttribute('tabindex', '-1');
      message.querySelector('p').focus();
    } catch (error) {
      message.hidden = false;
      message.replaceChildren(el('p', { class: 'alert' }, ctx.problem(error)));
    } finally {
      send.disabled = false;
    }
  });
  return form;
}
