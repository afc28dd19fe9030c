// One stored article: its text with every mention highlighted, the mentions per entity, why topics and alerts
// matched, and triage.
import { api } from './api.js';
import { el, clear, sourceLink, highlighted, timeElement, formatScore } from './dom.js';
import { excludePhrase, blockOutlet, suggestedPhrase } from './exclusions.js';
import { setKeys } from './keys.js';
import { articleHref, entityHref, visit } from './route.js';
import { showError } from './status.js';
import { triageBar } from './triage.js';

function back() {
  // Back keeps the stream's filters and position when the article was opened from it.
  if (visit.previous === 'stream') history.back();
  else location.hash = '#/';
}

function clauseTree(clause) {
  return el('li', { className: clause.matched ? 'clause matched' : 'clause unmatched' },
    el('span', { className: 'outcome', text: clause.matched ? '✓' : '✗', attrs: { 'aria-label': clause.matched ? 'matched' : 'did not match' } }),
    el('code', { text: clause.clause }),
    clause.hits > 0 ? el('span', { className: 'muted', text: ` ${clause.hits} hit${clause.hits === 1 ? '' : 's'}` }) : null,
    (clause.clauses ?? []).length > 0 ? el('ul', {}, clause.clauses.map(clauseTree)) : null);
}

function explanations(article) {
  const list = article.explanations ?? [];
  if (list.length === 0) return null;
  return el('section', { className: 'explanations', attrs: { 'aria-labelledby': 'why' } },
    el('h2', { id: 'why', text: 'Why it matched' }),
    list.map((explanation) => el('div', { className: 'explanation' },
      el('h3', {}, el('a', { text: explanation.entityId, attrs: { href: entityHref(explanation.entityId) } }), ` (${explanation.kind})`),
      el('p', {}, el('code', { text: explanation.query })),
      explanation.clause ? el('ul', { className: 'clause-tree' }, clauseTree(explanation.clause)) : null)));
}

function sameStoryElsewhere(article) {
  const others = article.alsoIn ?? [];
  if (others.length === 0) return null;
  return el('section', { className: 'also-in', attrs: { 'aria-labelledby': 'also-in-title' } },
    el('h2', { id: 'also-in-title', text: 'Same story elsewhere' }),
    el('ul', {}, others.map((other) => el('li', {},
      el('a', { text: other.title, attrs: { href: articleHref(other.articleId) } }),
      el('span', { className: 'muted', text: ` ${other.feedId}` })))));
}

function mentionRanges(article, field) {
  return (article.mentions ?? [])
    .map((mention, index) => ({ mention, index }))
    .filter(({ mention }) => mention.field === field)
    .map(({ mention, index }) => ({ start: mention.start, length: mention.length, label: `${mention.entityId}: ${mention.term}`, id: `m-${index}` }));
}

function mentionsByEntity(article, review) {
  const section = el('section', { className: 'mentions', attrs: { 'aria-labelledby': 'mentions-title' } }, el('h2', { id: 'mentions-title', text: 'Mentions' }));
  for (const entity of article.entities ?? []) {
    const mentions = (article.mentions ?? []).map((m, i) => ({ m, i })).filter(({ m }) => m.entityId === entity.id);
    const actions = [];
    if (review().state === 'dismissed' && entity.kind === 'figure') {
      const first = mentions.find(({ m }) => m.field === 'body') ?? mentions[0];
      const phrase = first ? suggestedPhrase(first.m.field === 'title' ? article.title : article.text, first.m) : entity.name;
      actions.push(
        el('button', { className: 'exclude', text: 'Exclude a phrase…', attrs: { type: 'button', title: `Add a phrase to ${entity.name}'s exclude list` }, on: { click: () => excludePhrase(entity, phrase) } }),
        el('button', { className: 'block-outlet', text: `Block ${article.feedId} for them…`, attrs: { type: 'button' }, on: { click: () => blockOutlet(entity, article.feedId) } }));
    }
    section.append(el('div', { className: 'entity-mentions' },
      el('h3', {}, el('a', { text: entity.name, attrs: { href: entityHref(entity.id) } }),
        el('span', { className: 'muted', text: ` ${entity.kind} · ${entity.count} mention${entity.count === 1 ? '' : 's'} · score ${formatScore(entity.score)}` })),
      actions.length > 0 ? el('div', { className: 'actions' }, actions) : null,
      el('ol', {}, mentions.map(({ m, i }) => el('li', {},
        el('button', {
          className: 'link-button mention-jump',
          attrs: { type: 'button', title: `Show in the ${m.field}` },
          on: { click: () => { const mark = document.querySelector(`mark[data-ranges~="m-${i}"]`); mark?.scrollIntoView({ block: 'center' }); mark?.focus(); } },
        }, highlighted(m.snippet ?? '', [{ start: m.snippetOffset, length: m.length }])))))));
  }
  return section;
}

export async function renderArticle(main, id, current) {
  let article;
  try {
    article = await api.article(id);
  } catch (error) {
    if (!current()) return;
    clear(main).append(el('p', {}, el('a', { text: '← Matches', attrs: { href: '#/' } })), el('div', { className: 'empty', text: 'This match cannot be shown.' }));
    showError(error);
    setKeys({ Escape: back });
    return;
  }

  if (!current()) return;
  const mentionsHolder = el('div');
  const triage = triageBar(article.articleId, article.review, () => mentionsHolder.replaceChildren(mentionsByEntity(article, triage.review)));
  mentionsHolder.append(mentionsByEntity(article, triage.review));
  const title = el('h1', { className: 'article-title' }, highlighted(article.title ?? '', mentionRanges(article, 'title')));
  clear(main).append(
    el('p', { className: 'back' }, el('button', { className: 'link-button', text: '← Matches', attrs: { type: 'button' }, on: { click: back } })),
    el('article', { className: 'article', attrs: { 'aria-labelledby': 'article-heading' } },
      el('header', {},
        title,
        el('p', { className: 'meta' },
          el('span', { className: 'outlet', text: article.feedId }),
          el('span', { attrs: { title: 'Published' } }, 'Published ', timeElement(article.published)),
          el('span', { attrs: { title: 'Matched' } }, 'Matched ', timeElement(article.matchedAt)),
          article.byline ? el('span', { text: `By ${article.byline}` }) : null,
          el('span', { className: 'muted', text: `Text from the ${article.textOrigin ?? 'feed'}` })),
        el('p', {}, sourceLink(article.url, 'Open the source ↗', 'source'))),
      triage.element,
      el('div', { className: 'article-layout' },
        el('div', { className: 'article-text', attrs: { lang: article.language || null } }, highlighted(article.text ?? '', mentionRanges(article, 'body'))),
        el('aside', {}, mentionsHolder, explanations(article), sameStoryElsewhere(article)))));
  title.id = 'article-heading';

  setKeys({
    Escape: back,
    r: () => triage.run('relevant'),
    d: () => triage.run('dismiss'),
    x: () => triage.run('reason'),
    s: () => triage.run('star'),
    n: () => triage.run('note'),
    u: () => triage.run('undo'),
  });
  main.focus();
}
