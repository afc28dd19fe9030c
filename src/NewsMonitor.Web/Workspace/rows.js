// One match in a list (the stream, an entity's latest matches): headline linking to the source, outlet, time, score,
// entities, and the snippet with the mention highlighted.
import { el, sourceLink, highlighted, termRanges, timeElement, formatScore } from './dom.js';
import { entityName, highlightTerms } from './catalog.js';
import { articleHref, entityHref } from './route.js';
import { triageBar } from './triage.js';

function snippetRanges(summary, catalog) {
  const snippet = summary.snippet ?? '';
  // The index knows where the mention is; use it when the API passes it on, else find the entities' names.
  if (Number.isInteger(summary.snippetOffset) && summary.snippetLength > 0) {
    return [{ start: summary.snippetOffset, length: summary.snippetLength }];
  }
  return termRanges(snippet, highlightTerms(catalog, (summary.entities ?? []).map((e) => e.id)));
}

function entityChips(entities, catalog) {
  return el('ul', { className: 'chips', attrs: { 'aria-label': 'Entities' } },
    entities.map((entity) => el('li', {},
      el('a', {
        className: `chip kind-${entity.kind}`,
        attrs: { href: entityHref(entity.id), title: `${entity.kind}, ${entity.count} mention(s), score ${formatScore(entity.score)}` },
      }, entityName(catalog, entity.id), el('span', { className: 'chip-count', text: `×${entity.count}` })))));
}

/** The row element and its triage actions, for the keyboard. */
export function matchRow(summary, catalog, hideDismissed) {
  const item = el('li', { className: 'match', attrs: { tabindex: '-1', 'data-id': summary.articleId } });
  const setState = (review) => {
    item.dataset.review = review.state ?? 'unreviewed';
    item.classList.toggle('is-starred', Boolean(review.starred));
    item.classList.toggle('is-dismissed', hideDismissed && review.state === 'dismissed');
  };
  const triage = triageBar(summary.articleId, summary.review, setState);
  setState(triage.review());
  const time = summary.published ?? summary.matchedAt;
  item.append(
    el('div', { className: 'match-head' },
      el('h3', { className: 'headline' }, sourceLink(summary.url, summary.title || '(no headline)', 'source')),
      el('span', { className: 'score', text: formatScore(summary.entities?.[0]?.score), attrs: { title: 'Strongest entity score (0–1)' } })),
    el('div', { className: 'meta' },
      el('span', { className: 'outlet', text: summary.feedId }),
      el('span', { className: 'when', attrs: { title: summary.published ? 'Published' : 'Matched' } }, timeElement(time)),
      summary.backfilled
        ? el('span', { className: 'backfilled', text: 'found by backfill', attrs: { title: 'Found when the entity was applied to archived articles, after this one was first processed' } })
        : null,
      el('a', { className: 'open', text: 'Read stored text', attrs: { href: articleHref(summary.articleId) } })),
    el('p', { className: 'snippet' }, highlighted(summary.snippet ?? '', snippetRanges(summary, catalog))),
    entityChips(summary.entities ?? [], catalog),
    triage.element);
  return { element: item, triage, id: summary.articleId };
}
