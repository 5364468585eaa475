// The notifications inbox: newest first, marked read one by one or all at once, and live — an EventSource on
// /v1/me/notifications/stream (the access token in the query, as the contract allows for EventSource only),
// reopened with a fresh token when it closes, and the list read again on `resync`.

import { el, written } from '../common/dom.js';

export async function renderInbox(ctx, container) {
  const { t } = ctx;
  const count = el('span', { class: 'count' });
  const list = el('ul', { class: 'inbox', 'aria-labelledby': 'inbox-title', 'aria-live': 'polite' });
  const empty = el('p', { class: 'empty', hidden: true }, t('portal.inbox.empty'));
  const readAll = el('button', {
    type: 'button', onclick: async () => {
      try {
        await ctx.api.post('/v1/me/notifications/read-all', {});
        await load();
      } catch (error) {
        ctx.announce(ctx.problem(error));
      }
    },
  }, t('portal.inbox.read_all'));
  container.replaceChildren(
    el('div', { class: 'screen-head' }, el('h1', { id: 'inbox-title' }, t('portal.inbox.title'), ' ', count), readAll),
    empty, list);
  const seen = new Set();

  const showCount = (unread) => {
    count.textContent = unread ? t('portal.inbox.unread', { count: ctx.formats.number(unread) }) : '';
  };

  const item = (n) => {
    const read = el('button', {
      type: 'button', class: 'link', onclick: async () => {
        try {
          await ctx.api.post(`/v1/me/notifications/${n.id}/read`, {});
          node.classList.remove('unread');
          read.remove();
        } catch (error) {
          ctx.announce(ctx.problem(error));
        }
      },
    }, t('portal.inbox.mark_read'));
    const node = el('li', { class: n.isRead ? 'notice' : 'notice unread', 'data-id': n.id },
      el('article', { lang: n.locale || undefined },
        written('h2', n.title || n.eventType),
        n.body ? written('p', n.body) : null,
        el('p', { class: 'meta' }, el('time', { datetime: n.createdAt }, ctx.formats.dateTime(n.createdAt))),
        n.isRead ? null : read));
    return node;
  };

  const load = async () => {
    const page = await ctx.api.get('/v1/me/notifications', { limit: 50 });
    seen.clear();
    page.items.forEach((n) => seen.add(n.id));
    list.replaceChildren(...page.items.map(item));
    empty.hidden = page.items.length > 0;
    showCount(page.items.filter((n) => !n.isRead).length);
  };
  await load();

  let stream = null;
  let stopped = false;
  let retry = null;
  const open = async () => {
    if (stopped) return;
    let token;
    try {
      token = await ctx.session.accessToken();
    } catch (ended) {
      return; // the shell shows the sign-in
    }
    stream = new EventSource(`/v1/me/notifications/stream?access_token=${encodeURIComponent(token)}`);
    // EventSource cannot send Accept-Language: the event says that something came, the list is read again in
    // the language on screen
    stream.addEventListener('notification', (event) => {
      const n = JSON.parse(event.data);
      if (!seen.has(n.id)) {
        load().then(() => {
          const shown = list.querySelector(`[data-id="${n.id}"] h2`);
          ctx.announce(shown ? shown.textContent : '');
        }).catch(() => {});
      }
    });
    stream.addEventListener('unread-count', (event) => showCount(JSON.parse(event.data).unread));
    stream.addEventListener('resync', () => load().catch(() => {}));
    stream.addEventListener('error', () => {
      if (stream.readyState === EventSource.CLOSED && !stopped) {
        // refused (the token ran out) or ended: open again with a token that is good now
        retry = window.setTimeout(open, 2000);
      }
    });
  };
  open();
  return () => {
    stopped = true;
    window.clearTimeout(retry);
    if (stream) stream.close();
  };
}
