// The notification outbox (GET /v1/admin/notifications), newest first, by status and channel; a failed or dead
// message is sent again with a reason (POST …/retry), which the service keeps in its retry history.

import { bdi, el, field, written } from '../common/dom.js';

const STATUSES = ['pending', 'sending', 'sent', 'delivered', 'read', 'failed', 'dead'];
const CHANNELS = ['in_app', 'whatsapp', 'sms', 'email'];

export async function renderOutbox(ctx, container, [filter]) {
  const { t, formats } = ctx;
  const wanted = {};
  for (const [name, value] of new URLSearchParams(filter || '')) {
    if ((name === 'status' && STATUSES.includes(value)) || (name === 'channel' && CHANNELS.includes(value))) wanted[name] = value;
  }
  const page = await ctx.api.get('/v1/admin/notifications', { ...wanted, limit: 100 });
  const status = el('select', { name: 'status' }, el('option', { value: '' }, t('console.outbox.any')),
    STATUSES.map((s) => el('option', { value: s, selected: wanted.status === s }, t(`console.outbox.status.${s}`))));
  const channel = el('select', { name: 'channel' }, el('option', { value: '' }, t('console.outbox.any')),
    CHANNELS.map((c) => el('option', { value: c, selected: wanted.channel === c }, t(`portal.messages.channel.${c}`))));
  const form = el('form', { class: 'toolbar', role: 'search' },
    field(t('console.outbox.filter_status'), status), field(t('console.outbox.filter_channel'), channel),
    el('button', { type: 'submit', class: 'primary' }, t('console.leads.apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    if (status.value) chosen.set('status', status.value);
    if (channel.value) chosen.set('channel', channel.value);
    ctx.navigate(chosen.toString() ? `#/outbox/${encodeURIComponent(chosen.toString())}` : '#/outbox');
  });
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const rows = page.items.map((n) => {
    const retryable = n.status === 'failed' || n.status === 'dead';
    const to = n.recipient.phone || n.recipient.email || n.recipient.userId || '';
    return el('tr', { 'data-id': n.id, 'data-status': n.status },
      el('td', {}, el('time', { datetime: n.createdAt }, bdi(formats.dateTime(n.createdAt)))),
      el('td', {}, el('code', {}, n.eventType)),
      el('td', {}, t(`portal.messages.channel.${n.channel}`)),
      el('td', {}, el('bdi', { dir: 'ltr' }, to)),
      el('td', {}, el('span', { class: `badge outbox-${n.status}` }, t(`console.outbox.status.${n.status}`)),
        n.retries ? el('span', { class: 'muted' }, ' ', t('console.outbox.retried', { count: formats.number(n.retries) })) : null),
      el('td', {}, bdi(formats.number(n.attempts))),
      el('td', {}, n.lastError ? written('span', n.lastError) : ''),
      el('td', {}, retryable ? el('button', {
        type: 'button', class: 'primary', 'data-retry': n.id,
        onclick: async () => {
          const answer = await ctx.ask({
            title: t('console.outbox.retry_title'),
            fields: [{ name: 'reason', label: t('console.outbox.reason'), type: 'textarea' }],
            ok: t('console.outbox.retry'),
          });
          if (!answer) return;
          try {
            await ctx.api.post(`/v1/admin/notifications/${n.id}/retry`, answer.reason ? { reason: answer.reason } : {});
            ctx.announce(t('console.outbox.retried_now'));
            ctx.navigate(window.location.hash || '#/outbox');
          } catch (error) {
            message.hidden = false;
            message.textContent = ctx.problem(error);
          }
        },
      }, t('console.outbox.retry')) : null));
  });
  container.replaceChildren(el('h1', {}, t('console.outbox.title')), form, message,
    rows.length ? el('div', { class: 'table-scroll' }, el('table', { class: 'outbox' },
      el('caption', { class: 'sr-only' }, t('console.outbox.title')),
      el('thead', {}, el('tr', {}, ['when', 'event', 'channel', 'to', 'status', 'attempts', 'error', 'actions']
        .map((c) => el('th', { scope: 'col' }, t(`console.outbox.column.${c}`))))),
      el('tbody', {}, rows)))
      : el('p', { class: 'empty' }, t('console.outbox.empty')));
}
