// The funnel report (GET /v1/crm/reports/summary) as a chart: a bar per stage (native <progress>, so it is read
// out as a value of a whole and needs no inline style), the rate from the stage before, and the same by source,
// time to first contact and each marketer's work. Marketers get their own leads; supervisors everyone's.

import { dateField } from '../common/datefield.js';
import { bdi, el } from '../common/dom.js';
import { Formats } from '../common/i18n.js';
import { sourceName } from './lead.js';

const STAGES = ['new', 'contacted', 'qualified', 'booked', 'converted'];

export async function renderFunnel(ctx, container, [from, to]) {
  const { t, formats } = ctx;
  const valid = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d || '');
  const period = valid(from) && valid(to) ? { from, to } : { from: Formats.addDays(formats.today(), -29), to: formats.today() };
  const report = await ctx.api.get('/v1/crm/reports/summary', period);
  const start = dateField(ctx, { label: t('console.funnel.from'), value: report.from, name: 'from' });
  const end = dateField(ctx, { label: t('console.funnel.to'), value: report.to, name: 'to' });
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const form = el('form', { class: 'toolbar', novalidate: true }, start.node, end.node,
    el('button', { type: 'submit', class: 'primary' }, t('console.funnel.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const [a, b] = [start.value(), end.value()];
    if (!a || !b) {
      message.hidden = false;
      message.textContent = t('web.date.invalid', { field: t(a ? 'console.funnel.to' : 'console.funnel.from') });
      (a ? end : start).focus();
      return;
    }
    ctx.navigate(`#/funnel/${a}/${b}`);
  });
  const funnel = report.funnel;
  const percent = (rate) => (rate === null || rate === undefined ? '—'
    : new Intl.NumberFormat(formats.tag, { style: 'percent', maximumFractionDigits: 0 }).format(rate));
  const chart = el('figure', { class: 'chart funnel', 'aria-labelledby': 'funnel-title' },
    el('figcaption', { id: 'funnel-title' }, t('console.funnel.chart', { leads: formats.number(funnel.leads) })),
    el('ol', { class: 'bars' }, STAGES.map((stage) => {
      const row = funnel.stages.find((s) => s.stage === stage) || { count: 0, rateFromPrevious: null };
      const label = t(`console.leads.stage.${stage}`);
      const id = `bar-${stage}`;
      return el('li', { 'data-stage': stage },
        el('span', { class: 'label', id }, label),
        el('progress', { max: String(Math.max(funnel.leads, 1)), value: String(row.count), 'aria-labelledby': id }),
        el('span', { class: 'value' }, bdi(formats.number(row.count)),
          stage === 'new' ? null : el('span', { class: 'muted' }, ' (', bdi(percent(row.rateFromPrevious)), ')')));
    })),
    el('p', { class: 'muted' }, t('console.funnel.summary', {
      lost: formats.number(funnel.lost), rate: percent(funnel.conversionRate),
    })));
  const bySource = report.bySource.length ? el('table', { class: 'by-source' },
    el('caption', {}, t('console.funnel.by_source')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('console.lead.source')),
      ['leads', ...STAGES.slice(1), 'lost', 'rate'].map((c) => el('th', { scope: 'col' },
        c === 'leads' ? t('console.funnel.leads') : c === 'lost' ? t('console.leads.stage.lost') : c === 'rate' ? t('console.funnel.rate')
          : t(`console.leads.stage.${c}`))))),
    el('tbody', {}, report.bySource.map((f) => el('tr', {},
      el('th', { scope: 'row' }, sourceName(ctx, f.source)),
      el('td', {}, bdi(formats.number(f.leads))),
      STAGES.slice(1).map((stage) => el('td', {}, bdi(formats.number((f.stages.find((s) => s.stage === stage) || { count: 0 }).count)))),
      el('td', {}, bdi(formats.number(f.lost))), el('td', {}, bdi(percent(f.conversionRate))))))) : null;
  const first = report.firstContact || {};
  const marketers = report.marketers.length ? el('table', { class: 'marketers' },
    el('caption', {}, t('console.funnel.marketers')),
    el('thead', {}, el('tr', {}, ['name', 'assigned', 'activities', 'conversions'].map((c) => el('th', { scope: 'col' }, t(`console.funnel.column.${c}`))))),
    el('tbody', {}, report.marketers.map((m) => el('tr', {},
      el('th', { scope: 'row' }, bdi((ctx.language === 'ar' ? m.nameAr || m.nameEn : m.nameEn || m.nameAr) || '')),
      el('td', {}, bdi(formats.number(m.leadsAssigned))), el('td', {}, bdi(formats.number(m.activities))),
      el('td', {}, bdi(formats.number(m.conversions))))))) : null;
  container.replaceChildren(el('h1', {}, t('console.funnel.title')),
    el('p', { class: 'muted' }, bdi(formats.gregorianDay(report.from)), ' – ', bdi(formats.gregorianDay(report.to))),
    form, message, el('section', { class: 'card' }, chart),
    el('section', { class: 'card' }, el('h2', {}, t('console.funnel.first_contact')),
      el('p', {}, first.medianMinutes === null || first.medianMinutes === undefined ? t('console.funnel.no_contact')
        : t('console.funnel.median', { minutes: formats.number(Math.round(first.medianMinutes)), leads: formats.number(first.contactedLeads || 0) }))),
    bySource ? el('div', { class: 'table-scroll' }, bySource) : null,
    marketers ? el('div', { class: 'table-scroll' }, marketers) : null);
}
