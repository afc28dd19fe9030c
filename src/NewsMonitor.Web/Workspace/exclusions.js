// From a dismissed mention to a watchlist change: the server shows the exact edit (apply=false), the analyst confirms,
// and only then is it applied (apply=true), validated like `monitor config push`.
import { api } from './api.js';
import { askText, askConfirm } from './ask.js';
import { el } from './dom.js';
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

async function proposeAndApply(body) {
  try {
    const preview = await api.exclusion(body, false);
    const ok = await askConfirm({
      title: 'Change the watchlist?',
      content: changeView(preview),
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
