// Triage of one match: relevant, dismissed (with an optional reason), starred, a note, and undo — each a PUT of the
// match's review state; undo PUTs the previous entry of its history.
import { api } from './api.js';
import { askText } from './ask.js';
import { el, clear, formatTime } from './dom.js';
import { showStatus, showError } from './status.js';

const nothing = { state: null, starred: false, reason: null, note: null };

/** The review of a summary or article; the unreviewed state when the API gave none. */
export function reviewOf(item) {
  return { ...nothing, ...(item?.review ?? {}) };
}

function writable(entry) {
  return { state: entry.state ?? null, starred: Boolean(entry.starred), reason: entry.reason ?? null, note: entry.note ?? null };
}

/** The entry undo goes back to: the one before the current, or nothing at all; null when nothing was done yet. */
export function previousEntry(review) {
  if (!review.at) return null;
  const history = review.history ?? [];
  const start = history.length > 0 && history[0].at === review.at ? 1 : 0;
  return writable(history[start] ?? nothing);
}

/** Describes a review in a few words: "Dismissed: wrong Trump · starred · note". */
export function describeReview(review) {
  const parts = [];
  if (review.state === 'relevant') parts.push('Relevant');
  if (review.state === 'dismissed') parts.push(review.reason ? `Dismissed: ${review.reason}` : 'Dismissed');
  if (review.starred) parts.push('Starred');
  if (review.note) parts.push(`Note: ${review.note}`);
  return parts.join(' · ');
}

/** The body an action PUTs, or null when the action was cancelled. */
async function bodyFor(action, review) {
  const current = writable(review);
  switch (action) {
    case 'relevant':
      return { ...current, state: review.state === 'relevant' ? null : 'relevant', reason: null };
    case 'dismiss':
      return review.state === 'dismissed' ? { ...current, state: null, reason: null } : { ...current, state: 'dismissed' };
    case 'reason': {
      const reason = await askText({ title: 'Dismiss as a false positive', label: 'Reason (optional)', value: review.reason ?? '', confirm: 'Dismiss' });
      return reason === null ? null : { ...current, state: 'dismissed', reason: reason || null };
    }
    case 'star':
      return { ...current, starred: !review.starred };
    case 'note': {
      const note = await askText({ title: 'Note', label: 'Note on this match', value: review.note ?? '', multiline: true });
      return note === null ? null : { ...current, note: note || null };
    }
    case 'undo':
      return previousEntry(review);
    default:
      throw new Error(`unknown triage action ${action}`);
  }
}

const labels = { relevant: 'Marked relevant', dismiss: 'Dismissed', reason: 'Dismissed', star: 'Star changed', note: 'Note saved', undo: 'Undone' };

/**
 * Triage buttons for one match. onChange(review) is called after each stored change. Returns { element, run(action) }
 * so the keyboard can run the same actions.
 */
export function triageBar(articleId, initial, onChange = () => {}) {
  let review = reviewOf({ review: initial });
  let busy = false;
  const element = el('div', { className: 'triage', attrs: { role: 'group', 'aria-label': 'Triage' } });

  async function run(action) {
    if (busy) return;
    // A listing carries only the state and star; undo needs the history, so read the whole review first.
    if (action === 'undo' && !review.at && (review.state || review.starred)) {
      try {
        review = reviewOf({ review: await api.review(articleId) });
      } catch (error) {
        showError(error);
        return;
      }
    }
    const body = await bodyFor(action, review);
    if (body === null) {
      if (action === 'undo') showStatus('Nothing to undo on this match yet.');
      return;
    }
    busy = true;
    try {
      review = reviewOf({ review: await api.putReview(articleId, body) });
      render();
      onChange(review);
      const actions = action === 'undo' ? [] : [{ label: 'Undo', run: () => run('undo') }];
      if (action === 'dismiss' && review.state === 'dismissed') actions.unshift({ label: 'Add reason', run: () => run('reason') });
      showStatus(`${labels[action]}${describeReview(review) ? ` — ${describeReview(review)}` : ''}`, 'info', actions);
    } catch (error) {
      showError(error);
    } finally {
      busy = false;
    }
  }

  function button(action, text, key, pressed) {
    return el('button', {
      className: `triage-${action}`,
      text,
      attrs: { type: 'button', 'aria-pressed': pressed === undefined ? null : String(pressed), 'aria-keyshortcuts': key, title: `${text} (${key})` },
      on: { click: () => run(action) },
    });
  }

  function render() {
    clear(element);
    element.dataset.state = review.state ?? 'unreviewed';
    element.append(
      button('relevant', 'Relevant', 'r', review.state === 'relevant'),
      button('dismiss', 'Dismiss', 'd', review.state === 'dismissed'),
      button('star', review.starred ? '★ Starred' : '☆ Star', 's', review.starred),
      button('note', review.note ? 'Edit note' : 'Note', 'n'),
      el('button', { className: 'triage-undo', text: 'Undo', attrs: { type: 'button', 'aria-keyshortcuts': 'u', title: 'Undo the last change (u)', disabled: !review.at && !review.state && !review.starred }, on: { click: () => run('undo') } }));
    const said = describeReview(review);
    if (said || review.at) {
      element.append(el('span', { className: 'review-state', text: `${said || 'Unreviewed'}${review.by ? ` — ${review.by}, ${formatTime(review.at)}` : ''}` }));
    }
  }

  render();
  return { element, run, review: () => review };
}
