// The public contract, as any client calls it (openapi.yaml, tags reference and chatbot).

/** A refusal from the service: its status and its problem+json (localized title and detail). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  get code() {
    return this.problem.code;
  }
}

export class ChatApi {
  constructor(origin, language) {
    this.origin = origin;
    this.language = language; // () => 'ar' | 'en', sent as Accept-Language
  }

  async call(method, path, { body, token } = {}) {
    const headers = { 'Accept-Language': this.language() };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (token) {
      headers['X-Chat-Token'] = token;
    }
    // fetch rejects (TypeError) only when the network is down: the caller retries
    const response = await fetch(this.origin + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-cache',
    });
    const type = response.headers.get('Content-Type') || '';
    const payload = type.includes('json') ? await response.json() : {};
    if (!response.ok) {
      throw new ApiError(response.status, payload);
    }
    return payload;
  }

  bundle(locale) {
    return this.call('GET', `/v1/i18n/${encodeURIComponent(locale)}`);
  }

  settings() {
    return this.call('GET', '/v1/settings/public');
  }

  /** {sessionId, token, locale, replies}; the token is shown only this once. */
  openSession(locale, utm) {
    const body = { locale };
    if (utm) {
      body.utm = utm;
    }
    return this.call('POST', '/v1/chat/sessions', { body });
  }

  /** {replies, status, locale} */
  send(session, message) {
    return this.call('POST', `/v1/chat/sessions/${session.id}/messages`, { body: message, token: session.token });
  }

  /** {items: [{id, seq, direction, author, text, payload, createdAt}]}, oldest first. */
  history(session, after) {
    return this.call('GET', `/v1/chat/sessions/${session.id}/messages?after=${after}&limit=200`, { token: session.token });
  }
}

/** The host page's UTM parameters, within the contract's limits, or null when it has none. */
export function utmOf(location) {
  const params = new URLSearchParams(location.search);
  const limits = { source: 100, medium: 100, campaign: 200, content: 200, term: 200 };
  const utm = {};
  for (const [name, max] of Object.entries(limits)) {
    const value = params.get(`utm_${name}`);
    if (value) {
      utm[name] = value.slice(0, max);
    }
  }
  return Object.keys(utm).length ? utm : null;
}
