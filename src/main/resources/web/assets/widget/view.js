// The widget's DOM inside its shadow root. Text only ever goes in as textContent (never as HTML); what the
// visitor, the bot or staff wrote carries dir="auto", and names and numbers we place ourselves sit in <bdi>.

import { text } from '../common/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children);
  return node;
}

function bubbleIcon() {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  svg.append(path);
  return svg;
}

export class ChatView {
  constructor(shadow, assets, handlers) {
    this.handlers = handlers; // {toggle, close, send(text), choose(id, title), switchLanguage}
    this.bundle = null;
    this.formats = null;
    this.clinic = '';
    shadow.append(el('link', { rel: 'stylesheet', href: `${assets}/widget/widget.css` }));

    this.launcherLabel = el('span');
    this.badge = el('span', { class: 'badge', hidden: true });
    this.launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'moeen-chat-panel' },
      bubbleIcon(), this.launcherLabel, this.badge);
    this.launcher.addEventListener('click', () => handlers.toggle());

    this.title = el('h2', { id: 'moeen-chat-title' });
    this.subtitle = el('p');
    this.languageButton = el('button', { type: 'button', class: 'language' });
    this.languageButton.addEventListener('click', () => handlers.switchLanguage());
    this.closeButton = el('button', { type: 'button', class: 'close' }, '×');
    this.closeButton.addEventListener('click', () => handlers.close());
    const header = el('div', { class: 'header' },
      el('div', { class: 'titles' }, this.title, this.subtitle), this.languageButton, this.closeButton);

    this.banner = el('p', { class: 'banner', role: 'status', hidden: true });
    this.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' });
    this.typingText = el('span');
    this.typing = el('div', { class: 'typing', role: 'status', hidden: true }, this.typingText, el('span', { class: 'dots', 'aria-hidden': 'true' }, ' …'));

    this.input = el('input', { id: 'moeen-chat-input', type: 'text', dir: 'auto', maxlength: '4096', autocomplete: 'off' });
    this.inputLabel = el('label', { for: 'moeen-chat-input', class: 'sr-only' });
    this.sendButton = el('button', { type: 'submit' });
    this.composer = el('form', { class: 'composer' }, this.inputLabel, this.input, this.sendButton);
    this.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = this.input.value.trim();
      if (value) {
        this.input.value = '';
        handlers.send(value);
      }
    });
    this.consent = el('p', { class: 'consent' });

    this.panel = el('section', { id: 'moeen-chat-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'moeen-chat-title', hidden: true },
      header, this.banner, this.log, this.typing, this.composer, this.consent);
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        handlers.close();
      }
    });

    this.root = el('div', { class: 'root' }, this.launcher, this.panel);
    shadow.append(this.root);
  }

  t(key, args) {
    return text(this.bundle, key, args);
  }

  /** The language of everything the widget writes itself; flips the layout at once. */
  setLanguage(bundle, formats, clinic) {
    this.bundle = bundle;
    this.formats = formats;
    this.clinic = clinic;
    this.root.setAttribute('lang', bundle.locale);
    this.root.setAttribute('dir', bundle.direction);
    this.launcherLabel.textContent = this.t('widget.launcher');
    this.title.replaceChildren(el('bdi', {}, clinic));
    this.subtitle.textContent = this.t('widget.subtitle');
    // the other language named in itself («English», «العربية»), as people look for it
    const other = bundle.locale === 'ar' ? 'en' : 'ar';
    this.languageButton.replaceChildren(el('span', { lang: other }, new Intl.DisplayNames([other], { type: 'language' }).of(other)));
    this.languageButton.setAttribute('aria-label', this.t('widget.switch_language'));
    this.closeButton.setAttribute('aria-label', this.t('widget.close'));
    this.log.setAttribute('aria-label', this.t('widget.log_label'));
    this.typingText.textContent = this.t('widget.typing');
    this.inputLabel.textContent = this.t('widget.input_label');
    this.input.setAttribute('placeholder', this.t('widget.input_label'));
    this.sendButton.textContent = this.t('widget.send');
    this.consent.textContent = this.t('widget.consent');
    this.panel.setAttribute('lang', bundle.locale);
  }

  setOpen(open) {
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? this.t('widget.close') : this.t('widget.launcher'));
    if (open) {
      this.badge.hidden = true;
    }
  }

  focusInput() {
    this.input.focus();
  }

  focusLauncher() {
    this.launcher.focus();
  }

  setUnread(count) {
    this.badge.hidden = count === 0;
    this.badge.replaceChildren(el('bdi', {}, this.formats ? this.formats.number(count) : String(count)));
    this.badge.setAttribute('aria-label', this.t('widget.new_messages'));
  }

  setTyping(on) {
    this.typing.hidden = !on;
  }

  setBanner(message) {
    this.banner.hidden = !message;
    this.banner.textContent = message || '';
  }

  /**
   * The whole conversation: messages (from the history, in order), then the ones still on their way.
   * The choices of the last bot message are real buttons; older ones are gone, as the bot moved on.
   */
  render(messages, pending) {
    const nearBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
    const keep = new Map([...this.log.children].map((node) => [node.dataset.key, node]));
    const nodes = [];
    const offered = new Map(); // choice id → title, from the bot's messages so far
    let day = null;
    messages.forEach((message, index) => {
      const payload = message.payload || {};
      for (const option of payload.buttons || (payload.list && payload.list.rows) || []) {
        offered.set(option.id, option.title);
      }
      const date = new Date(message.createdAt);
      const dayKey = this.formats.day(date);
      if (dayKey !== day) {
        day = dayKey;
        nodes.push(this.daySeparator(dayKey, date, keep));
      }
      const last = index === messages.length - 1 && pending.length === 0;
      nodes.push(this.message(message, last, keep, offered));
    });
    for (const item of pending) {
      nodes.push(this.pendingMessage(item));
    }
    this.log.replaceChildren(...nodes);
    if (nearBottom || pending.length) {
      this.log.scrollTop = this.log.scrollHeight;
    }
  }

  daySeparator(dayKey, date, keep) {
    const key = `day:${dayKey}:${this.bundle.locale}`;
    if (keep.has(key)) {
      return keep.get(key);
    }
    // the Gregorian day and the Hijri day side by side, e.g. «الأحد ٦ ديسمبر ٢٠٢٦ · ١٥ جمادى الآخرة ١٤٤٨ هـ»
    const node = el('p', { class: 'day' },
      el('bdi', {}, this.formats.gregorian.format(date)), ' · ', el('bdi', {}, this.formats.hijri.format(date)));
    node.dataset.key = key;
    return node;
  }

  message(message, last, keep, offered) {
    const choices = last && message.direction === 'out' ? this.choicesOf(message) : null;
    const key = `msg:${message.seq}:${this.bundle.locale}:${choices ? 'live' : 'done'}`;
    if (keep.has(key)) {
      return keep.get(key);
    }
    const author = message.direction === 'in' ? 'user' : message.author;
    const who = this.t(author === 'user' ? 'widget.you' : author === 'staff' ? 'widget.staff' : 'widget.bot');
    const time = new Date(message.createdAt);
    const node = el('div', { class: `msg ${author}` },
      el('span', { class: 'sr-only' }, `${who}:`),
      el('p', { class: 'text', dir: 'auto' }, message.text || this.tapped(message, offered)),
      el('span', { class: 'meta' }, el('time', { datetime: message.createdAt }, el('bdi', {}, this.formats.time(time)))));
    if (choices) {
      node.append(choices);
    }
    node.dataset.key = key;
    return node;
  }

  /** A tap that came without words (another client sent only the id): the title of what was tapped. */
  tapped(message, offered) {
    const id = message.payload && message.payload.replyId;
    return (id && offered.get(id)) || id || '';
  }

  pendingMessage(item) {
    const node = el('div', { class: 'msg user pending' },
      el('span', { class: 'sr-only' }, `${this.t('widget.you')}:`),
      el('p', { class: 'text', dir: 'auto' }, item.title),
      el('span', { class: 'meta' }, item.failed ? this.t('widget.not_sent') : '…'));
    node.dataset.key = `pending:${item.key}`;
    return node;
  }

  /** Buttons (up to 3) or a list (up to 10 rows) as the bot sent them, each a real <button>. */
  choicesOf(message) {
    const payload = message.payload || {};
    const buttons = Array.isArray(payload.buttons) ? payload.buttons : null;
    const list = payload.list && Array.isArray(payload.list.rows) ? payload.list : null;
    if (!buttons && !list) {
      return null;
    }
    const group = el('div', { class: list ? 'choices list' : 'choices', role: 'group',
      'aria-label': list && list.button ? list.button : this.t('widget.options') });
    for (const option of buttons || list.rows) {
      const button = el('button', { type: 'button', 'data-reply-id': option.id },
        el('span', { dir: 'auto' }, option.title));
      if (option.description) {
        button.append(el('span', { class: 'desc', dir: 'auto' }, option.description));
      }
      button.addEventListener('click', () => {
        group.querySelectorAll('button').forEach((b) => { b.disabled = true; });
        this.handlers.choose(option.id, option.title);
      });
      group.append(button);
    }
    return group;
  }
}
