// Every configured feed's health as `monitor feeds` shows it, failing ones first, and the configuration files the
// pipeline rejected.
import { api } from './api.js';
import { el, clear, sourceLink, timeElement } from './dom.js';
import { setKeys } from './keys.js';
import { showError } from './status.js';

const order = { failing: 0, 'never polled': 1, ok: 2 };

function problems(list) {
  if (list.length === 0) return null;
  return el('section', { className: 'config-problems', attrs: { role: 'alert', 'aria-labelledby': 'problems-title' } },
    el('h2', { id: 'problems-title', text: 'Configuration problems' }),
    list.map((problem) => el('div', { className: 'config-problem' },
      el('h3', { text: `${problem.file}: ${problem.source}` }),
      el('p', {
        text: problem.inUseSince
          ? `Rejected since ${new Date(problem.since).toLocaleString()}; the version loaded ${new Date(problem.inUseSince).toLocaleString()} stays in use until it is fixed.`
          : `Rejected since ${new Date(problem.since).toLocaleString()}; there is no valid version yet, and work that needs it waits.`,
      }),
      el('ul', {}, (problem.problems ?? []).map((text) => el('li', { text }))))));
}

export async function renderFeeds(main, current) {
  setKeys({ Escape: () => { location.hash = '#/'; } });
  let answer;
  try {
    answer = await api.feeds();
  } catch (error) {
    if (!current()) return;
    clear(main).append(el('h1', { text: 'Feeds' }), el('div', { className: 'empty', text: 'Feed health cannot be read.' }));
    showError(error);
    return;
  }
  if (!current()) return;
  const feeds = [...(answer.items ?? [])].sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3) || b.consecutiveFailures - a.consecutiveFailures || a.id.localeCompare(b.id));
  const failing = feeds.filter((f) => f.status === 'failing').length;
  clear(main).append(
    el('h1', { text: 'Feeds' }),
    problems(answer.configurationProblems ?? []),
    feeds.length === 0
      ? el('div', { className: 'empty' }, el('p', { text: 'No feeds configured.' }), el('p', { className: 'muted' }, 'Add feeds to the feed list and upload it with ', el('code', { text: 'monitor config push' }), '.'))
      : el('div', {},
        el('p', { className: 'muted', text: `${feeds.length} feed${feeds.length === 1 ? '' : 's'}, ${failing} failing` }),
        el('div', { className: 'table-scroll' },
          el('table', { className: 'feeds' },
            el('thead', {}, el('tr', {}, ['Status', 'Feed', 'Last success', 'Last poll', 'Failures', 'Next poll', 'Items seen', 'Last error'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
            el('tbody', {}, feeds.map((feed) => el('tr', { className: `feed status-${feed.status.replace(/\s+/g, '-')}` },
              el('td', {}, el('span', { className: 'badge', text: feed.status })),
              el('th', { attrs: { scope: 'row' } }, el('span', { className: 'feed-id', text: feed.id }), el('br'), sourceLink(feed.url, feed.url, 'feed-url')),
              el('td', {}, timeElement(feed.lastSuccessAt)),
              el('td', {}, timeElement(feed.lastPolledAt)),
              el('td', { text: feed.consecutiveFailures }),
              el('td', {}, timeElement(feed.nextPollAt)),
              el('td', { text: feed.itemsSeen }),
              el('td', { className: 'error-text', text: feed.lastError ?? '' }))))))));
}
