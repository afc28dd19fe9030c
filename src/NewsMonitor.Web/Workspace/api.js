// The HTTP API of docs/api.md, same origin only. Errors carry the problem+json detail, so the status area can say
// which parameter was wrong.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** body: an object sent as JSON, or a string sent as it is (a watchlist document, comments and layout kept). */
async function request(method, path, params, body) {
  const query = params && [...params].length > 0 ? `?${params}` : '';
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`${path}${query}`, init);
  } catch (error) {
    throw new ApiError(0, `${method} ${path}: the server cannot be reached (${error.message}) — is monitor serve still running?`);
  }
  const type = response.headers.get('Content-Type') ?? '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const detail = payload?.detail ?? payload?.title ?? `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, `${method} ${path}: ${detail}`);
  }
  return payload;
}

const segment = (id) => encodeURIComponent(id);

export const api = {
  matches: (params) => request('GET', '/api/matches', params),
  article: (id) => request('GET', `/api/matches/${segment(id)}`),
  review: (id) => request('GET', `/api/matches/${segment(id)}/review`),
  putReview: (id, body) => request('PUT', `/api/matches/${segment(id)}/review`, undefined, body),
  entities: () => request('GET', '/api/entities'),
  entity: (id) => request('GET', `/api/entities/${segment(id)}`),
  feeds: () => request('GET', '/api/feeds'),
  status: () => request('GET', '/api/status'),
  search: (params) => request('GET', '/api/search', params),
  backfills: (params) => request('GET', '/api/backfills', params),
  backtest: (watchlist, since) => request('POST', '/api/backtest', new URLSearchParams({ since }), watchlist),
  exclusion: (body, apply) => request('POST', '/api/watchlist/exclusions', new URLSearchParams({ apply: String(apply) }), body),
};
