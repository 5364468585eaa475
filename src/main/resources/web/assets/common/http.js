// Calling the public contract: JSON in and out, problems (RFC 9457, localized by the service) as ApiError.

/** A refusal from the service: its status and problem+json (localized title and detail). */
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

/** One request (a Blob body goes as it is, with its own type; anything else as JSON); throws ApiError for a refusal and TypeError when the network is down. */
export async function request(method, path, { body, headers = {}, language, token } = {}) {
  const all = { Accept: 'application/json, application/problem+json', ...headers };
  if (language) {
    all['Accept-Language'] = language;
  }
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined && !raw) {
    all['Content-Type'] = 'application/json';
  } else if (raw) {
    all['Content-Type'] = body.type || 'application/octet-stream';
  }
  if (token) {
    all.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(path, {
    method,
    headers: all,
    body: body === undefined || raw ? body : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  const type = response.headers.get('Content-Type') || '';
  let payload = {};
  if (type.includes('json')) {
    payload = await response.json();
  } else if (response.status !== 204) {
    payload = await response.text();
  }
  if (!response.ok) {
    throw new ApiError(response.status, typeof payload === 'object' ? payload : {});
  }
  return payload;
}

/** A query string from an object; empty values are left out. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
