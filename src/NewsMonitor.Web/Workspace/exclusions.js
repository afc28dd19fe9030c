// From a dismissed mention to a watchlist change: the server shows the exact edit (apply=false) and what it would have
// changed over the archive (the backtest), the analyst confirms, and only then is it applied (apply=true), validated
// like `monitor config push`.
import { api } from './api.js';
import { askText, askConfirm } from './ask.js';
import { el, highlighted, sourceLink, timeElement } from './dom.js';
import { showStatus, showError } from './status.js';

function shown(value) {
  if (value === null || value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function changeView(change) {
  const problems = change.problems ?? [];
  return el('div', { className: 'change' },
    el('p', {}, el('code', { className: 'change-line', text: change.change ?? '' })),
    el('div', { className: 'before-after' },
      el('figure', {}, el('figcaption', { text: 'Before' }), el('pre', { text: shown(change.before) })),
      el('figure', {}, el('figcaption', { text: 'After' }), el('pre', { text: shown(change.after) }))),
    problems.length > 0
      ? el('div', { className: 'problems', attrs: { role: 'alert' } }, el('p', { text: 'The watchlist would not validate:' }), el('ul', {}, problems.map((p) => el('li', { text: p }))))
      : el('p', { className: 'muted', text: 'The watchlist validates with this change. The running pipeline picks it up without a restart.' }));
}

/** The period the comparison covers: what an analyst remembers of recent coverage. */
const BacktestPeriod = '30d';

function exampleView(example) {
  const snippet = example.snippet;
  return el('li', {},
    timeElement(example.discoveredAt), ' ', el('span', { className: 'outlet', text: example.feedId }), ' ',
    sourceLink(example.url, example.title),
    snippet ? el('blockquote', { className: 'snippet' }, highlighted(snippet.text, snippet.highlights.map((h) => ({ start: h.offset, length: h.length })))) : null);
}

function comparisonView(report) {
  const changed = report.entities.filter((e) => e.gained + e.lost > 0);
  const scan = report.scan;
  return el('section', { className: 'backtest', attrs: { 'aria-label': 'Effect on the archive' } },
    el('h3', { text: 'What it would have changed over the last 30 days' }),
    changed.length === 0
      ? el('p', { className: 'backtest-none', text: 'No archived article would be matched differently.' })
      : el('table', {},
        el('thead', {}, el('tr', {}, ['Entity', 'Matches now', 'With the change', 'Gained', 'Lost'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
        el('tbody', {}, changed.map((e) => el('tr', { attrs: { 'data-entity': e.id } },
          el('th', { text: e.name, attrs: { scope: 'row' } }), el('td', { text: e.live }), el('td', { text: e.proposed }),
          el('td', { className: 'gained', text: `+${e.gained}` }), el('td', { className: 'lost', text: `−${e.lost}` }))))),
    changed.map((e) => el('div', { className: 'backtest-examples' },
      e.lostExamples.length > 0 ? [el('p', { text: `${e.name} would no longer match, for example:` }), el('ul', { className: 'lost-examples' }, e.lostExamples.map(exampleView))] : null,
      e.gainedExamples.length > 0 ? [el('p', { text: `${e.name} would newly match, for example:` }), el('ul', { className: 'gained-examples' }, e.gainedExamples.map(exampleView))] : null)),
    el('p', { className: 'muted', text: `Read ${scan.articles} archived article(s), ${scan.textMegabytes} MB of text, in ${scan.seconds} s; nothing was written.` }));
}

/** The comparison, or why there is none: a failed backtest must not stop the change from being shown. */
async function backtestView(preview) {
  if ((preview.problems ?? []).length > 0) return null;
  try {
    return comparisonView(await api.backtest(preview.after, BacktestPeriod));
  } catch (error) {
    return el('p', { className: 'problems', text: `The archive could not be compared: ${error.message}` });
  }
}

async function proposeAndApply(body) {
  try {
    const preview = await api.exclusion(body, false);
    const comparison = await backtestView(preview);
    const ok = await askConfirm({
      title: 'Change the watchlist?',
      content: el('div', {}, changeView(preview), comparison),
      confirm: 'Apply change',
      canConfirm: (preview.problems ?? []).length === 0,
    });
    if (!ok) return;
    const applied = await api.exclusion(body, true);
    showStatus(applied.applied ? `Watchlist changed: ${applied.change}` : `Not applied: ${(applied.problems ?? []).join('; ')}`, applied.applied ? 'info' : 'error');
  } catch (error) {
    showError(error);
  }
}

/** The mention's words and the word after them ("Putin" + "Street"), a likely exclude phrase to start from. */
export function suggestedPhrase(text, mention) {
  const end = mention.start + mention.length;
  const after = text.slice(end).match(/^\s+[\p{L}\p{N}'’-]+/u);
  return text.slice(mention.start, end) + (after ? after[0].replace(/\s+/g, ' ') : '');
}

export async function excludePhrase(entity, phrase) {
  const chosen = await askText({ title: `Exclude a phrase from ${entity.name}`, label: 'Phrase that is not about them', value: phrase, confirm: 'Show change' });
  if (chosen) await proposeAndApply({ entityId: entity.id, phrase: chosen });
}

export function blockOutlet(entity, feedId) {
  return proposeAndApply({ entityId: entity.id, feedId });
}
