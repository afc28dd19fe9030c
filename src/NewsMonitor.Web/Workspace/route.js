// Views and their filters live in the address's hash (#/path?query), so a view can be bookmarked and shared, and
// back/forward move between views; the server serves one page whatever the hash.

/** The view shown before the current one, so an article's Back can return to the stream as it was. */
export const visit = { previous: null };

/** The current view: { view: 'stream' | 'article' | 'entity' | 'feeds' | 'search', id, params }. */
export function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const mark = hash.indexOf('?');
  const path = mark < 0 ? hash : hash.slice(0, mark);
  const params = new URLSearchParams(mark < 0 ? '' : hash.slice(mark + 1));
  const [view = 'stream', id = ''] = path.split('/').filter(Boolean);
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // A hand-edited address with a stray %: use it as it is.
  }
  return { view, id: decoded, params };
}

export function routeHref(path, params) {
  const query = params ? params.toString() : '';
  return `#${path}${query ? `?${query}` : ''}`;
}

export function articleHref(id) {
  return routeHref(`/article/${encodeURIComponent(id)}`);
}

export function entityHref(id) {
  return routeHref(`/entity/${encodeURIComponent(id)}`);
}

export function navigate(path, params) {
  location.hash = routeHref(path, params);
}
