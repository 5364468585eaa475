// The conversation as the service has it, and what this page still has to send. What is kept across page
// loads (session id and token, status, language, whether the panel was open) goes to storage; the messages
// are read again from the service's history.

import { loadState, saveState } from './storage.js';

export class Conversation {
  constructor(origin) {
    this.origin = origin;
    this.state = loadState(origin);
    this.messages = []; // from the history, in seq order
    this.pending = []; // typed or tapped here, not yet known to the service
    this.lastSeq = 0;
  }

  get active() {
    return Boolean(this.state.sessionId);
  }

  get handedOff() {
    return this.state.status === 'handed_off';
  }

  session() {
    return { id: this.state.sessionId, token: this.state.token };
  }

  started(session) {
    this.state.sessionId = session.sessionId;
    this.state.token = session.token;
    this.messages = [];
    this.lastSeq = 0;
    this.save();
  }

  queue(message, title) {
    this.pending.push({ key: `${Date.now()}-${Math.random()}`, message, title, failed: false });
  }

  /** The messages after the last one we have; answers the new ones. */
  async fetchNew(api) {
    const page = await api.history(this.session(), this.lastSeq);
    const fresh = page.items.filter((m) => m.seq > this.lastSeq);
    if (fresh.length) {
      this.messages.push(...fresh);
      this.lastSeq = fresh[fresh.length - 1].seq;
    }
    return fresh;
  }

  /** After a drop mid-send the service may have the message already: then it is not sent twice. */
  async alreadyArrived(api, item) {
    const page = await api.history(this.session(), this.lastSeq);
    return page.items.some((m) => m.direction === 'in' && (m.text === item.title || m.text === item.message.text));
  }

  /** The service no longer knows the session: start afresh. */
  forget() {
    delete this.state.sessionId;
    delete this.state.token;
    delete this.state.status;
    this.messages = [];
    this.pending = [];
    this.lastSeq = 0;
    this.save();
  }

  save() {
    saveState(this.origin, this.state);
  }
}
