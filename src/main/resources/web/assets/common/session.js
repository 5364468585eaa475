// A signed-in session: the access token in memory only, the refresh token in this tab's sessionStorage (never
// localStorage, never a URL) so a reload stays signed in. Refresh tokens rotate: each is good once, so one
// refresh at a time (a second one in parallel would present a spent token and end the whole sign-in).

import { ApiError, request } from './http.js';

const KEY = 'moeen-auth';
/** Refresh this long before the access token runs out, so a request never carries a dying one. */
const MARGIN_MS = 30_000;

export class SessionEnded extends Error {
  constructor(reason) {
    super(`session ended: ${reason}`);
    this.reason = reason; // 'expired' (the service refused the refresh) or 'signed_out'
  }
}

export class Session {
  constructor(language) {
    this.language = language; // () => 'ar' | 'en'
    this.access = null;
    this.accessExpiresAt = 0;
    this.refreshing = null;
    this.onEnded = () => {};
  }

  /** Whether this tab holds a sign-in (it may still turn out expired at the next refresh). */
  get active() {
    return Boolean(this.access || read());
  }

  /** {mfaRequired: true, mfaToken} when the account asks for a code, else signed in. */
  async signIn(identifier, password) {
    const result = await request('POST', '/v1/auth/login', {
      body: { identifier, password }, language: this.language(),
    });
    if (result.mfaRequired) {
      return { mfaRequired: true, mfaToken: result.mfaToken, expiresIn: result.expiresIn };
    }
    this.keep(result);
    return { mfaRequired: false };
  }

  /** Signs up as a patient (POST /v1/auth/register): the answer is a signed-in session and the new record. */
  async register(details) {
    const result = await request('POST', '/v1/auth/register', { body: details, language: this.language() });
    this.keep(result);
    return result;
  }

  async twoFactor(mfaToken, code) {
    this.keep(await request('POST', '/v1/auth/login/two-factor', {
      body: { mfaToken, code }, language: this.language(),
    }));
  }

  /** A live access token, refreshed first when it is (nearly) out. Throws SessionEnded. */
  async accessToken() {
    if (this.access && Date.now() < this.accessExpiresAt - MARGIN_MS) {
      return this.access;
    }
    return this.refresh();
  }

  /** Exchanges the refresh token for a new pair; one exchange at a time, shared by every caller. */
  refresh() {
    if (!this.refreshing) {
      this.refreshing = this.exchange().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  async exchange() {
    const stored = read();
    if (!stored) {
      throw this.end('expired');
    }
    try {
      this.keep(await request('POST', '/v1/auth/refresh', {
        body: { refreshToken: stored.refreshToken }, language: this.language(),
      }));
      return this.access;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
        throw this.end('expired');
      }
      throw error; // the network: the sign-in is still good
    }
  }

  async signOut() {
    const stored = read();
    this.forget();
    if (stored) {
      try {
        await request('POST', '/v1/auth/logout', { body: { refreshToken: stored.refreshToken }, language: this.language() });
      } catch (ignored) {
        // signed out here either way; the token expires on its own
      }
    }
    this.onEnded('signed_out');
  }

  keep(pair) {
    this.access = pair.accessToken;
    this.accessExpiresAt = Date.now() + pair.expiresIn * 1000;
    write({ refreshToken: pair.refreshToken });
  }

  forget() {
    this.access = null;
    this.accessExpiresAt = 0;
    write(null);
  }

  end(reason) {
    const wasActive = this.active;
    this.forget();
    if (wasActive) {
      this.onEnded(reason);
    }
    return new SessionEnded(reason);
  }
}

function read() {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch (refused) {
    return null;
  }
}

function write(value) {
  try {
    if (value) {
      window.sessionStorage.setItem(KEY, JSON.stringify(value));
    } else {
      window.sessionStorage.removeItem(KEY);
    }
  } catch (refused) {
    // storage refused (private modes): the sign-in lasts as long as the page
  }
}
