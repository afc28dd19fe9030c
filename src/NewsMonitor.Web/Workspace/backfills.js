// Backfill progress: while a job fills in an entity's history from the archive, a line says how far it got, refreshed
// until it is done; a job finished within the hour says what it found. GET /api/backfills is the one source.
import { api } from './api.js';
import { el, clear } from './dom.js';
import { entityHref } from './route.js';

const number = new Intl.NumberFormat();
const whileRunningMs = 3000;
const whileIdleMs = 30000;
const recentMs = 60 * 60 * 1000;

const plural = (n, one, many) => `${number.format(n)} ${n === 1 ? one : many}`;

function named(entities) {
  return entities.flatMap((e, i) => [i > 0 ? ', ' : '', el('a', { text: e.name ?? e.id, attrs: { href: entityHref(e.id) } })]);
}

function jobLine(job, entities) {
  const found = entities.reduce((sum, e) => sum + e.added, 0);
  if (job.state === 'running') {
    return el('p', { className: 'backfill-line', attrs: { 'data-job': job.id, 'data-state': job.state } },
      // The sentence in one span: the line is a flex row, and a bare text node would be an item of its own.
      el('span', {}, 'Filling in history for ', named(entities),
        `: ${number.format(job.blocksDone)} of ${plural(job.blocksTotal, 'archive block', 'archive blocks')}, ${plural(found, 'match', 'matches')} found`),
      el('progress', { attrs: { max: Math.max(job.blocksTotal, 1), value: job.blocksDone, 'aria-hidden': 'true' } }));
  }
  return el('p', { className: 'backfill-line is-done', attrs: { 'data-job': job.id, 'data-state': job.state } },
    el('span', {}, 'History filled in for ', named(entities), `: ${plural(found, 'match', 'matches')} found by backfill`));
}

/**
 * The backfill lines of the view (only jobs that fill in entityId, when given). current(): whether the view is still
 * shown (polling stops when it is not); onDone: called once when a job shown running has finished.
 */
export function backfillProgress(current, { entityId = null, onDone = null } = {}) {
  const area = el('section', { className: 'backfill-progress', attrs: { 'aria-label': 'Backfill progress', 'aria-live': 'polite' }, hidden: true });
  let running = new Set();

  async function refresh() {
    let jobs = null;
    try {
      jobs = (await api.backfills(new URLSearchParams({ limit: '20' })))?.items ?? [];
    } catch {
      // Progress is a courtesy: a failed read leaves the lines as they were and tries again.
    }
    if (!current()) return;
    let finished = false;
    if (jobs !== null) {
      const now = Date.now();
      const shown = jobs
        .map((job) => ({ job, entities: (job.entities ?? []).filter((e) => entityId === null || e.id === entityId) }))
        .filter(({ job, entities }) => entities.length > 0
          && (job.state === 'running' || (job.finishedAt && now - Date.parse(job.finishedAt) < recentMs && entities.some((e) => e.added > 0))));
      finished = [...running].some((id) => shown.some(({ job }) => job.id === id && job.state !== 'running'));
      running = new Set(shown.filter(({ job }) => job.state === 'running').map(({ job }) => job.id));
      clear(area).append(...shown.map(({ job, entities }) => jobLine(job, entities)));
      area.hidden = shown.length === 0;
    }
    if (finished && onDone) {
      onDone();
      return;
    }
    setTimeout(refresh, running.size > 0 ? whileRunningMs : whileIdleMs);
  }

  refresh();
  return area;
}
