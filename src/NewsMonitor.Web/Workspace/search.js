// Search the archive: any query of the watchlist language over every stored article, matched or not (GET /api/search),
// newest first, each with the sentences that hold a hit; "More" continues from the page's cursor.
import { api } from './api.js';
import { el, clear, highlighted, sourceLink, timeElement } from './dom.js';
import { navigate } from './route.js';
import { setKeys } from './keys.js';
import { showError } from './status.js';

function hitView(hit) {
  return el('li', { className: 'search-hit', attrs: { 'data-id': hit.articleId } },
    el('div', { className: 'headline' }, sourceLink(hit.url, hit.title, 'source')),
    el('div', { className: 'muted' }, timeElement(hit.discoveredAt), ' · ', el('span', { className: 'outlet', text: hit.feedId }), ` · ${hit.mentions} hit${hit.mentions === 1 ? '' : 's'}`),
    hit.snippets.map((s) => el('blockquote', { className: `snippet field-${s.field}` }, highlighted(s.text, s.highlights.map((h) => ({ start: h.offset, length: h.length }))))));
}

function scanLine(page) {
  const scan = page.scan;
  const window = scan.complete ? 'the whole period' : 'until the page was full';
  return `Read ${scan.blocks} block(s), ${scan.articles} archived article(s), ${scan.textMegabytes} MB of text, in ${scan.seconds} s — ${window}.`;
}

export async function renderSearch(main, params, current) {
  setKeys({ Escape: () => { location.hash = '#/'; } });
  const q = params.get('q') ?? '';
  const since = params.get('since') ?? '7d';
  const input = el('input', { attrs: { type: 'search', id: 'search-q', name: 'q', autocomplete: 'off', placeholder: '"graham nkosi" OR @vladimir-putin', 'aria-describedby': 'search-help' } });
  input.value = q;
  const sinceSelect = el('select', { attrs: { id: 'search-since', name: 'since' } }, ['24h', '7d', '30d', '90d'].map((v) => el('option', { text: v, attrs: { value: v, selected: v === since } })));
  const form = el('form', { className: 'search-form', attrs: { role: 'search' } },
    el('label', { text: 'Search the archive', attrs: { for: 'search-q' } }), input,
    el('label', { text: 'since', attrs: { for: 'search-since' } }), sinceSelect,
    el('button', { className: 'primary', text: 'Search', attrs: { type: 'submit' } }),
    el('p', { className: 'muted', attrs: { id: 'search-help' }, text: 'Every stored article, matched or not, in the watchlist\'s query language: "phrases", AND, OR, NOT, NEAR/n, prefix*, title:, @figure.' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/search', new URLSearchParams({ q: input.value.trim(), since: sinceSelect.value }));
  });
  const results = el('ol', { className: 'search-results' });
  const footer = el('div', { className: 'search-footer' });
  clear(main).append(el('h1', { text: 'Search' }), form, results, footer);
  input.focus();
  if (q.trim() === '') return;

  async function page(cursor) {
    const query = new URLSearchParams({ q, since });
    if (cursor) query.set('cursor', cursor);
    let answer;
    try {
      answer = await api.search(query);
    } catch (error) {
      if (!current()) return;
      clear(footer).append(el('p', { className: 'problems', attrs: { role: 'alert' }, text: error.message }));
      showError(error);
      return;
    }
    if (!current()) return;
    results.append(...answer.items.map(hitView));
    clear(footer).append(
      results.children.length === 0 ? el('p', { className: 'empty', text: 'No archived article matches in this period.' }) : null,
      el('p', { className: 'muted scan', text: scanLine(answer) }),
      answer.nextCursor ? el('button', { className: 'more', text: 'More', attrs: { type: 'button' }, on: { click: () => page(answer.nextCursor) } }) : null);
  }

  await page(null);
}
