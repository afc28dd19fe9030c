// The matches stream: filters kept in the address, pages fetched with the API's continuation token (so "Load more"
// neither repeats nor skips), and j/k/Enter plus the triage keys on the selected row.
import { api } from './api.js';
import { backfillProgress } from './backfills.js';
import { entityCatalog } from './catalog.js';
import { el, clear, formatTime } from './dom.js';
import { setKeys } from './keys.js';
import { navigate, articleHref } from './route.js';
import { matchRow } from './rows.js';
import { showError } from './status.js';

/** The query parameters the stream passes to GET /api/matches, as they appear in the address (limit: the page size). */
const filterKeys = ['entity', 'all', 'kind', 'feed', 'category', 'from', 'to', 'minScore', 'q', 'review', 'sort', 'limit'];
const ranges = [['24h', 'Last 24 hours'], ['', 'Last 7 days'], ['30d', 'Last 30 days'], ['90d', 'Last 90 days'], ['365d', 'Last year'], ['custom', 'Custom range']];
const reviews = [['', 'Not dismissed'], ['unreviewed', 'Unreviewed'], ['relevant', 'Relevant'], ['starred', 'Starred'], ['dismissed', 'Dismissed'], ['any', 'Any']];
const kinds = [['figure', 'Figures'], ['topic', 'Topics'], ['alert', 'Alerts']];

// The stream as last shown, so coming back from an article keeps the loaded pages and the selection.
let kept = { key: null, items: [], continuation: null, selected: -1, answer: null };

function apiParams(params) {
  const out = new URLSearchParams();
  for (const key of filterKeys) for (const value of params.getAll(key)) if (value !== '') out.append(key, value);
  return out;
}

function localInput(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function select(name, label, options, value) {
  const id = `filter-${name}`;
  const control = el('select', { attrs: { name, id } }, options.map(([v, text]) => el('option', { text, attrs: { value: v, selected: v === value } })));
  return el('div', { className: 'field' }, el('label', { text: label, attrs: { for: id } }), control);
}

function checkList(name, legend, options, chosen) {
  const picked = options.filter(([value]) => chosen.includes(value)).length;
  return el('details', { className: 'check-list' },
    el('summary', { text: picked > 0 ? `${legend} (${picked})` : legend }),
    el('fieldset', {},
      el('legend', { className: 'visually-hidden', text: legend }),
      options.length === 0 ? el('p', { className: 'muted', text: 'None configured' }) : null,
      options.map(([value, text]) => el('label', { className: 'check' },
        el('input', { attrs: { type: 'checkbox', name, value, checked: chosen.includes(value) } }), ` ${text}`)),
      options.length > 0 ? el('button', { className: 'primary apply', text: 'Apply', attrs: { type: 'submit' } }) : null));
}

function filterForm(params, catalog, feeds) {
  const from = params.get('from') ?? '';
  const range = params.has('to') || !ranges.some(([value]) => value === from) ? 'custom' : from;
  const entities = [...catalog.values()].sort((a, b) => a.name.localeCompare(b.name)).map((e) => [e.id, `${e.name} (${e.kind})`]);
  const custom = el('div', { className: 'custom-range', hidden: range !== 'custom' },
    el('label', { text: 'From', attrs: { for: 'filter-from' } }),
    el('input', { attrs: { type: 'datetime-local', id: 'filter-from', name: 'fromLocal', value: localInput(from) } }),
    el('label', { text: 'To', attrs: { for: 'filter-to' } }),
    el('input', { attrs: { type: 'datetime-local', id: 'filter-to', name: 'toLocal', value: localInput(params.get('to')) } }));
  const form = el('form', { className: 'filters', attrs: { role: 'search', 'aria-label': 'Filter matches' } },
    el('div', { className: 'field words' },
      el('label', { text: 'Words', attrs: { for: 'filter-q' } }),
      el('input', { attrs: { type: 'search', name: 'q', id: 'filter-q', value: params.get('q') ?? '', placeholder: 'words in headline or snippet' } })),
    select('sort', 'Order', [['time', 'Newest first'], ['score', 'Strongest first']], params.get('sort') ?? 'time'),
    select('range', 'Time', ranges, range),
    custom,
    select('review', 'Review', reviews, params.get('review') ?? ''),
    el('div', { className: 'field' },
      el('label', { text: 'Min. score', attrs: { for: 'filter-minScore' } }),
      el('input', { attrs: { type: 'number', name: 'minScore', id: 'filter-minScore', min: 0, max: 1, step: 0.05, value: params.get('minScore') ?? '' } })),
    checkList('entity', 'Entities', entities, params.getAll('entity')),
    select('all', 'Entities must', [['', 'Any of them'], ['true', 'All of them']], params.get('all') ?? ''),
    checkList('kind', 'Kinds', kinds, params.getAll('kind')),
    checkList('feed', 'Feeds', feeds.ids.map((id) => [id, id]), params.getAll('feed')),
    // Categories are folders of feeds.json ("World/Europe"); a folder takes its subfolders. Without any, no control.
    feeds.categories.length > 0 ? checkList('category', 'Categories', feeds.categories.map((c) => [c, c]), params.getAll('category')) : null,
    el('div', { className: 'field buttons' },
      el('button', { className: 'primary', text: 'Apply', attrs: { type: 'submit' } }),
      el('a', { className: 'button', text: 'Clear', attrs: { href: '#/' } })));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const key of ['q', 'sort', 'review', 'minScore', 'all']) {
      const value = String(data.get(key) ?? '').trim();
      if (value !== '' && !(key === 'sort' && value === 'time')) next.set(key, value);
    }
    for (const key of ['entity', 'kind', 'feed', 'category']) for (const value of data.getAll(key)) next.append(key, String(value));
    if (data.getAll('entity').length < 2) next.delete('all');
    if (params.has('limit')) next.set('limit', params.get('limit'));
    const chosen = String(data.get('range'));
    if (chosen === 'custom') {
      for (const [field, key] of [['fromLocal', 'from'], ['toLocal', 'to']]) {
        const value = String(data.get(field) ?? '');
        if (value) next.set(key, new Date(value).toISOString());
      }
    } else if (chosen) {
      next.set('from', chosen);
    }
    navigate('/', next);
  });
  form.addEventListener('change', (event) => {
    if (event.target.name === 'range') {
      custom.hidden = event.target.value !== 'custom';
      if (!custom.hidden) return;
    }
    // Text, numbers, dates and check lists wait for Apply (or Enter), so several can be chosen before the stream reloads.
    if (['q', 'minScore', 'fromLocal', 'toLocal', 'entity', 'kind', 'feed', 'category'].includes(event.target.name)) return;
    form.requestSubmit();
  });
  return form;
}

async function feedsOrNone() {
  try {
    const view = await api.feeds();
    return { ids: (view?.items ?? []).map((feed) => feed.id), categories: view?.categories ?? [] };
  } catch {
    return { ids: [], categories: [] };
  }
}

async function emptyState(params) {
  const filtered = filterKeys.some((key) => key !== 'sort' && key !== 'limit' && params.has(key));
  if (filtered) {
    return el('div', { className: 'empty' },
      el('p', { text: 'No matches for these filters.' }),
      el('a', { className: 'button', text: 'Clear filters', attrs: { href: '#/' } }));
  }
  let poll = '';
  try {
    const status = await api.status();
    poll = status.lastPollAt ? ` Last poll at ${formatTime(status.lastPollAt)}.` : ' No feed has been polled yet.';
  } catch {
    poll = '';
  }
  return el('div', { className: 'empty' },
    el('p', { text: `No matches yet — is the pipeline running?${poll}` }),
    el('p', { className: 'muted' }, 'Start it with ', el('code', { text: 'monitor run' }), ' (or try ', el('code', { text: 'monitor demo' }), '), and see ', el('a', { text: 'Feeds', attrs: { href: '#/feeds' } }), ' for their health.'));
}

/** current() says whether this view is still the one asked for (the address may have changed meanwhile). */
export async function renderStream(main, params, current) {
  const key = apiParams(params).toString();
  const hideDismissed = !params.has('review');
  const [catalog, feeds] = await Promise.all([entityCatalog(), feedsOrNone()]);
  if (!current()) return;
  const list = el('ol', { className: 'matches', attrs: { 'aria-label': 'Matches' } });
  const summary = el('p', { className: 'result-line muted', attrs: { 'aria-live': 'polite' } });
  const more = el('button', { className: 'more', text: 'Load more', attrs: { type: 'button' }, hidden: true });
  const empty = el('div');
  clear(main).append(el('h1', { className: 'visually-hidden', text: 'Matches' }), backfillProgress(current), filterForm(params, catalog, feeds), summary, list, empty, more);

  if (kept.key !== key) kept = { key, items: [], continuation: null, selected: -1, answer: null };
  const rows = [];

  function describe() {
    const answer = kept.answer;
    summary.textContent = answer
      ? `${kept.items.length} match${kept.items.length === 1 ? '' : 'es'}${kept.continuation ? ' so far' : ''} · ${formatTime(answer.from)} – ${formatTime(answer.to)}`
      : '';
  }

  function show(items) {
    for (const item of items) {
      const row = matchRow(item, catalog, hideDismissed);
      row.element.addEventListener('click', (event) => {
        if (!event.target.closest('a, button')) select(rows.indexOf(row), false);
      });
      rows.push(row);
      list.append(row.element);
    }
  }

  async function load() {
    more.disabled = true;
    try {
      const query = apiParams(params);
      if (kept.continuation) query.set('continuation', kept.continuation);
      const answer = await api.matches(query);
      if (!current()) return;
      kept.answer = answer;
      kept.items.push(...answer.items);
      kept.continuation = answer.continuation ?? null;
      show(answer.items);
      if (kept.items.length === 0) empty.replaceWith(await emptyState(params));
    } catch (error) {
      showError(error);
    } finally {
      more.disabled = false;
      more.hidden = !kept.continuation;
      describe();
    }
  }

  function select(index, focus = true) {
    if (index < 0 || index >= rows.length) return;
    rows[kept.selected]?.element.classList.remove('selected');
    rows[kept.selected]?.element.removeAttribute('aria-current');
    kept.selected = index;
    const row = rows[index].element;
    row.classList.add('selected');
    row.setAttribute('aria-current', 'true');
    if (focus) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  async function next() {
    if (kept.selected + 1 >= rows.length && kept.continuation) await load();
    select(Math.min(kept.selected + 1, rows.length - 1));
  }

  const onSelected = (action) => () => rows[kept.selected]?.triage.run(action);
  more.addEventListener('click', load);
  setKeys({
    j: next,
    k: () => select(Math.max(kept.selected - 1, 0)),
    o: () => { if (rows[kept.selected]) location.hash = articleHref(rows[kept.selected].id); },
    r: onSelected('relevant'),
    d: onSelected('dismiss'),
    x: onSelected('reason'),
    s: onSelected('star'),
    n: onSelected('note'),
    u: onSelected('undo'),
    '/': () => document.getElementById('filter-q').focus(),
  });

  if (kept.items.length > 0) {
    show(kept.items);
    more.hidden = !kept.continuation;
    describe();
    select(kept.selected);
  } else {
    await load();
  }
}
