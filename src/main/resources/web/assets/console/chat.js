// The chat desk: conversations waiting for a person, the transcript, a reply, and release back to the bot. Live
// without polling: an EventSource on /v1/chat/handoffs/live (the token in the query, as for the inbox) says which
// conversation changed; the queue, and that transcript when it is on screen, are read again in the language on
// screen. A closed stream (the token ran out) reopens with a fresh token. The visitor's widget shows staff replies
// by itself.

import { bdi, el, field, written } from '../common/dom.js';

const REOPEN_MS = 2000;

export async function renderChat(ctx, container, [selected]) {
  const { t } = ctx;
  const list = el('ul', { class: 'plain', 'aria-labelledby': 'waiting-title' });
  const pane = el('div', { class: 'card conversation' });
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  container.replaceChildren(el('h1', {}, t('console.chat.title')), message,
    el('div', { class: 'desk' },
      el('section', { 'aria-labelledby': 'waiting-title' }, el('h2', { id: 'waiting-title' }, t('console.chat.waiting')), list),
      pane));
  let current = selected || null;

  const showList = async () => {
    const handoffs = (await ctx.api.get('/v1/chat/handoffs', { limit: 100 })).items;
    list.replaceChildren(...(handoffs.length ? handoffs.map((h) => el('li', {},
      el('button', {
        type: 'button', 'data-id': h.id, 'aria-current': String(h.id === current),
        onclick: () => ctx.navigate(`#/chat/${h.id}`),
      }, el('span', { class: 'name' }, h.phone ? el('bdi', { dir: 'ltr' }, h.phone) : t('console.chat.visitor')),
      ' · ', bdi(ctx.formats.time(h.lastMessageAt)),
      h.lastMessage ? el('span', { class: 'detail' }, ' — ', written('span', h.lastMessage.slice(0, 60))) : null)))
      : [el('li', { class: 'empty' }, t('console.chat.none'))]));
    return handoffs;
  };

  const showConversation = async () => {
    if (!current) {
      pane.replaceChildren(el('p', { class: 'muted' }, t('console.chat.pick')));
      return;
    }
    const messages = (await ctx.api.get(`/v1/chat/conversations/${current}/messages`)).items;
    const transcript = el('ol', { class: 'transcript', 'aria-label': t('console.chat.transcript'), 'aria-live': 'polite' },
      messages.map((m) => el('li', { class: m.direction },
        el('span', { class: 'who' }, t(`console.chat.author.${m.author}`), ' · ', bdi(ctx.formats.time(m.createdAt))),
        written('span', m.text))));
    const input = el('textarea', { rows: '2', dir: 'auto', maxlength: '4096', name: 'reply' });
    const send = el('button', { type: 'submit', class: 'primary' }, t('console.chat.send'));
    const form = el('form', { novalidate: true }, field(t('console.chat.reply'), input), el('div', { class: 'actions' }, send,
      el('button', {
        type: 'button', class: 'release', onclick: async () => {
          try {
            await ctx.api.post(`/v1/chat/conversations/${current}/release`, {});
            ctx.announce(t('console.chat.released'));
            ctx.navigate('#/chat');
          } catch (error) {
            show(error);
          }
        },
      }, t('console.chat.release'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (!value) return;
      send.disabled = true;
      try {
        await ctx.api.post(`/v1/chat/conversations/${current}/replies`, { text: value });
        ctx.announce(t('console.chat.sent'));
        await showConversation();
        pane.querySelector('textarea').focus();
      } catch (error) {
        show(error);
      } finally {
        send.disabled = false;
      }
    });
    pane.replaceChildren(el('h2', {}, t('console.chat.conversation')), transcript, form);
    transcript.scrollTop = transcript.scrollHeight;
  };

  const show = (error) => {
    message.hidden = false;
    message.textContent = ctx.problem(error);
  };

  await showList();
  await showConversation();
  pane.dataset.live = 'opening';
  let stream = null;
  let stopped = false;
  let retry = null;
  const changed = async (event) => {
    const { conversationId } = JSON.parse(event.data);
    try {
      await showList();
      if (conversationId === current) {
        const typing = pane.querySelector('textarea');
        const draft = typing ? typing.value : '';
        const focused = document.activeElement === typing;
        await showConversation();
        const again = pane.querySelector('textarea');
        if (again) {
          again.value = draft;
          if (focused) again.focus();
        }
      }
    } catch (error) {
      // the next event, or the reopened stream, reads again
    }
  };
  const open = async () => {
    if (stopped) return;
    let token;
    try {
      token = await ctx.session.accessToken();
    } catch (ended) {
      return; // the shell shows the sign-in
    }
    stream = new EventSource(`/v1/chat/handoffs/live?access_token=${encodeURIComponent(token)}`);
    stream.addEventListener('open', () => {
      pane.dataset.live = 'open';
      // anything that changed while the stream was closed
      showList().catch(() => {});
    });
    stream.addEventListener('handoff', changed);
    stream.addEventListener('error', () => {
      if (stream.readyState === EventSource.CLOSED && !stopped) {
        pane.dataset.live = 'closed';
        retry = window.setTimeout(open, REOPEN_MS);
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
