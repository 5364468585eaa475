// The chat widget: a launcher and a chat panel in a shadow root, talking to the web chat API. The service's
// history is the conversation (conversation.js); this decides when to send, poll, reconnect and redraw.

import { ApiError, ChatApi, utmOf } from './api.js';
import { Formats, loadBundle } from '../common/i18n.js';
import { Conversation } from './conversation.js';
import { ChatView } from './view.js';

const POLL_OPEN_MS = 4000;
const POLL_HANDED_OFF_MS = 3000;
const POLL_CLOSED_MS = 20000;
const MAX_BACKOFF_MS = 30000;

class ChatWidget {
  constructor(options) {
    this.origin = options.origin;
    this.assets = options.assets;
    this.chat = new Conversation(this.origin);
    this.locale = this.chat.state.locale || (options.locale === 'en' ? 'en' : 'ar');
    this.api = new ChatApi(this.origin, () => this.locale);
    this.unread = 0;
    this.failures = 0;
    this.timer = null;
    this.busy = false;
    this.settings = { timeZone: 'Asia/Riyadh', settings: {} };

    const host = document.createElement('div');
    host.setAttribute('data-moeen-widget', '');
    document.body.append(host);
    this.host = host;
    const shadow = host.attachShadow({ mode: 'open' });
    this.view = new ChatView(shadow, this.assets, {
      toggle: () => this.setOpen(this.view.panel.hidden),
      close: () => { this.setOpen(false); this.view.focusLauncher(); },
      send: (text) => this.submit({ text }, text),
      // the title travels too, so the transcript (and staff) read what the visitor saw; the id decides
      choose: (replyId, title) => { this.submit({ replyId, text: title }, title); this.view.focusInput(); },
      switchLanguage: () => this.switchLanguage(),
    });
    this.view.launcher.hidden = true; // until its texts are there
    window.addEventListener('online', () => this.poll(0));
    document.addEventListener('visibilitychange', () => { if (!document.hidden) this.poll(0); });
    this.loadFont();
  }

  /** The Arabic font, registered with the document (fonts declared inside a shadow root are not used). */
  loadFont() {
    if (!('FontFace' in window)) {
      return;
    }
    const face = new FontFace('Moeen Naskh', `url(${this.assets}/fonts/NotoNaskhArabic-Regular.ttf)`, {
      display: 'swap',
      unicodeRange: 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F',
    });
    document.fonts.add(face);
  }

  async start() {
    try {
      this.settings = await this.api.settings();
    } catch (error) {
      // the clinic's name and digits are nice to have; the chat works without them
    }
    await this.applyLanguage();
    this.view.launcher.hidden = false;
    if (this.chat.state.open) {
      await this.setOpen(true, false);
    } else if (this.chat.active) {
      this.poll(0);
    }
    return this;
  }

  async applyLanguage() {
    const bundle = await loadBundle(this.locale, (locale) => this.api.bundle(locale));
    const digits = this.settings.settings['clinic.digits'] || 'latin';
    const clinic = this.settings.settings['clinic.name'] || bundle.messages['app.name'] || 'Moeen';
    this.view.setLanguage(bundle, new Formats(this.locale, digits, this.settings.timeZone), clinic);
    this.view.setOpen(!this.view.panel.hidden);
    this.render();
  }

  /**
   * Flips the widget's language and layout at once, with no reload. A conversation under way is told too
   * (the bot understands «English» / «عربي» from any step and asks its last question again in that language);
   * a new one starts in it. While staff hold the conversation, nothing is sent to them.
   */
  async switchLanguage() {
    this.locale = this.locale === 'ar' ? 'en' : 'ar';
    this.persist();
    try {
      this.settings = await this.api.settings();
    } catch (error) {
      // keep the clinic's name in the language we had
    }
    await this.applyLanguage();
    if (this.chat.active && !this.chat.handedOff) {
      const word = this.view.t('widget.language_word');
      this.submit({ text: word }, word);
    }
  }

  async setOpen(open, focus = true) {
    this.view.setOpen(open);
    this.chat.state.open = open;
    this.persist();
    if (!open) {
      this.schedule();
      return;
    }
    this.unread = 0;
    this.view.setUnread(0);
    if (focus) {
      this.view.focusInput();
    }
    if (!this.chat.active) {
      await this.openSession();
    } else {
      await this.poll(0);
    }
  }

  async openSession() {
    try {
      this.view.setTyping(true);
      this.chat.started(await this.api.openSession(this.locale, utmOf(window.location)));
      this.view.setBanner(null);
      await this.poll(0);
    } catch (error) {
      this.showError(error);
    } finally {
      this.view.setTyping(false);
    }
  }

  /** Sends what the visitor typed or tapped; it shows at once and stays until the service has it. */
  async submit(message, title) {
    if (!this.chat.active) {
      await this.openSession(); // the first try failed (offline, rate limit): once more, now that they write
      if (!this.chat.active) {
        return;
      }
    }
    this.chat.queue(message, title);
    this.render();
    this.flush();
  }

  async flush() {
    if (this.busy || this.chat.pending.length === 0) {
      return;
    }
    this.busy = true;
    const item = this.chat.pending[0];
    this.view.setTyping(true);
    try {
      if (item.failed && await this.chat.alreadyArrived(this.api, item)) {
        this.chat.pending.shift();
      } else {
        const turn = await this.api.send(this.chat.session(), item.message);
        this.chat.pending.shift();
        this.chat.state.status = turn.status;
        if (turn.locale && turn.locale !== this.locale) {
          // the visitor chose the other language in the conversation: the widget follows
          this.locale = turn.locale;
          await this.applyLanguage();
        }
        this.persist();
      }
      this.failures = 0;
      this.view.setBanner(null);
      await this.fetchNew();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'chat_busy') {
        await new Promise((resolve) => setTimeout(resolve, 800));
      } else if (error instanceof ApiError) {
        this.chat.pending.shift(); // refused for good (rate limit, session gone): say why, do not resend
        this.showError(error);
      } else {
        item.failed = true;
        this.showOffline();
      }
    } finally {
      this.busy = false;
      this.view.setTyping(false);
      this.render();
    }
    if (this.chat.pending.length && !this.chat.pending[0].failed) {
      this.flush();
    } else {
      this.schedule();
    }
  }

  async fetchNew() {
    const fresh = await this.chat.fetchNew(this.api);
    if (fresh.length) {
      if (this.view.panel.hidden) {
        this.unread += fresh.filter((m) => m.direction === 'out').length;
        this.view.setUnread(this.unread);
      }
      this.render();
    }
  }

  /** Asks for what arrived meanwhile (staff replies), sends what waits; on a drop, backs off and tries again. */
  async poll(delay) {
    clearTimeout(this.timer);
    if (delay > 0) {
      this.timer = setTimeout(() => this.poll(0), delay);
      return;
    }
    if (!this.chat.active || this.busy) {
      this.schedule();
      return;
    }
    try {
      await this.fetchNew();
      this.failures = 0;
      this.view.setBanner(null);
      if (this.chat.pending.length) {
        this.chat.pending.forEach((p) => { p.failed = true; });
        this.flush();
        return;
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        this.forgetSession(); // the service no longer knows this session: start afresh when opened
        if (!this.view.panel.hidden) {
          await this.openSession();
          this.view.setBanner(this.view.t('widget.restarted'));
        }
        return;
      }
      this.showOffline();
    }
    this.schedule();
  }

  /** Only staff write unasked, and only while they hold the conversation: a closed widget polls only then
   *  (or while a message still waits to be sent). */
  schedule() {
    clearTimeout(this.timer);
    const handedOff = this.chat.handedOff;
    const waiting = handedOff || this.chat.pending.length > 0;
    if (!this.chat.active || document.hidden || (this.view.panel.hidden && !waiting)) {
      return;
    }
    let delay = this.view.panel.hidden ? POLL_CLOSED_MS : handedOff ? POLL_HANDED_OFF_MS : POLL_OPEN_MS;
    if (this.failures > 0) {
      delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.failures);
    }
    this.timer = setTimeout(() => this.poll(0), delay);
  }

  forgetSession() {
    this.chat.forget();
    this.render();
  }

  showOffline() {
    this.failures += 1;
    this.view.setBanner(this.view.t('widget.offline'));
  }

  showError(error) {
    if (error instanceof ApiError) {
      this.view.setBanner(error.problem.detail || error.problem.title || this.view.t('widget.error'));
    } else {
      this.failures += 1;
      this.view.setBanner(this.view.t('widget.error'));
    }
  }

  render() {
    if (this.view.bundle) {
      this.view.render(this.chat.messages, this.chat.pending);
    }
  }

  persist() {
    this.chat.state.locale = this.locale;
    this.chat.save();
  }
}

/** Starts the widget on this page; answers a small handle (for tests and for the host page). */
export function start(options) {
  const widget = new ChatWidget(options);
  const ready = widget.start();
  return {
    ready,
    open: () => widget.setOpen(true),
    close: () => widget.setOpen(false),
    get locale() { return widget.locale; },
    get host() { return widget.host; },
  };
}
