// The contract as a signed-in client calls it: the bearer token on every call, one refresh and retry when the
// service answers 401 (the access token ran out between our check and its arrival).

import { ApiError, query, request } from './http.js';
import { SessionEnded } from './session.js';

export { ApiError, query, SessionEnded };

export class Api {
  constructor(session, language) {
    this.session = session;
    this.language = language;
  }

  async call(method, path, { body, headers } = {}) {
    let token = await this.session.accessToken();
    try {
      return await request(method, path, { body, headers, token, language: this.language() });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) {
        throw error;
      }
    }
    token = await this.session.refresh();
    try {
      return await request(method, path, { body, headers, token, language: this.language() });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw this.session.end('expired');
      }
      throw error;
    }
  }

  get(path, params = {}) {
    return this.call('GET', path + query(params));
  }

  post(path, body, headers) {
    return this.call('POST', path, { body, headers });
  }

  put(path, body) {
    return this.call('PUT', path, { body });
  }

  patch(path, body) {
    return this.call('PATCH', path, { body });
  }

  delete(path) {
    return this.call('DELETE', path);
  }

  /** Every page of a keyset-paged list, up to `max` items. */
  async all(path, params = {}, max = 500) {
    const items = [];
    let cursor;
    do {
      const page = await this.get(path, { ...params, cursor, limit: params.limit || 100 });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && items.length < max);
    return items;
  }
}
