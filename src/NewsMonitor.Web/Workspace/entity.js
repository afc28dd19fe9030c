// One figure, topic or alert: how it is found (names or query), its volume per day and per hour with its spikes
// marked, the outlets that name it most, and its latest matches.
import { api } from './api.js';
import { backfillProgress } from './backfills.js';
import { entityCatalog } from './catalog.js';
import { barChart } from './chart.js';
import { el, clear } from './dom.js';
import { setKeys } from './keys.js';
import { routeHref } from './route.js';
import { matchRow } from './rows.js';
import { showError } from './status.js';

const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dayLong = new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
const hour = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const hourLong = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function streamFor(id, extra = {}) {
  return routeHref('/', new URLSearchParams({ entity: id, from: '30d', ...extra }));
}

function howFound(view) {
  if (Array.isArray(view.names) && view.names.length > 0) {
    return el('div', { className: 'names' }, el('h2', { text: 'Names' }), el('ul', { className: 'chips' }, view.names.map((name) => el('li', { className: 'chip', text: name }))));
  }
  if (view.query) return el('div', { className: 'query' }, el('h2', { text: 'Query' }), el('pre', {}, el('code', { text: view.query })));
  return null;
}

export async function renderEntity(main, id, current) {
  setKeys({ Escape: () => { location.hash = '#/'; } });
  let view;
  try {
    view = await api.entity(id);
  } catch (error) {
    if (!current()) return;
    clear(main).append(el('p', {}, el('a', { text: '← Matches', attrs: { href: '#/' } })), el('div', { className: 'empty', text: 'This entity cannot be shown.' }));
    showError(error);
    return;
  }
  const catalog = await entityCatalog();
  if (!current()) return;
  const outlets = view.topOutlets ?? [];
  const marks = (view.spikes ?? []).map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end), ratio: s.ratio }));
  const latest = view.latest ?? [];
  clear(main).append(
    el('p', {}, el('a', { text: '← Matches', attrs: { href: '#/' } })),
    el('header', { className: 'entity-head' },
      el('h1', { text: view.name ?? id }),
      el('p', { className: 'muted', text: `${view.kind} · ${view.id}` }),
      el('a', { className: 'button', text: 'All its matches (30 days)', attrs: { href: streamFor(view.id) } })),
    // When its backfill finishes, the view is drawn again: its latest matches then hold what the backfill found.
    backfillProgress(current, { entityId: view.id, onDone: () => renderEntity(main, id, current) }),
    howFound(view),
    el('section', { className: 'charts', attrs: { 'aria-label': 'Mention volume' } },
      barChart({ id: 'chart-daily', title: 'Matches per day, last 30 days', points: view.daily ?? [], label: (d, long) => (long ? dayLong : day).format(d), every: 7, width: 86400000, marks }),
      barChart({ id: 'chart-hourly', title: 'Matches per hour, last 48 hours', points: view.hourly ?? [], label: (d, long) => (long ? hourLong : hour).format(d), every: 12, width: 3600000, marks })),
    el('section', { className: 'outlets', attrs: { 'aria-labelledby': 'outlets-title' } },
      el('h2', { id: 'outlets-title', text: 'Top outlets' }),
      outlets.length === 0
        ? el('p', { className: 'muted', text: 'No matches in the last 30 days.' })
        : el('table', {},
          el('thead', {}, el('tr', {}, el('th', { text: 'Outlet', attrs: { scope: 'col' } }), el('th', { text: 'Matches', attrs: { scope: 'col' } }))),
          el('tbody', {}, outlets.map((o) => el('tr', {},
            el('th', { attrs: { scope: 'row' } }, el('a', { text: o.feedId, attrs: { href: streamFor(view.id, { feed: o.feedId }) } })),
            el('td', { text: o.count })))))),
    el('section', { className: 'latest', attrs: { 'aria-labelledby': 'latest-title' } },
      el('h2', { id: 'latest-title', text: 'Latest matches' }),
      latest.length === 0
        ? el('p', { className: 'muted', text: 'None yet.' })
        : el('ol', { className: 'matches' }, latest.map((summary) => matchRow(summary, catalog, true).element))));
}
