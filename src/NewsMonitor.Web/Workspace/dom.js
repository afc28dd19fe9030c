// DOM building for untrusted text: every string from a feed or page becomes a text node, never markup, and only
// http(s) addresses become links. Nothing here uses innerHTML.

/**
 * Creates an element. props: className, text, attrs (set with setAttribute), on (event listeners), hidden.
 * Children are nodes or strings (appended as text); null and false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  if (props.hidden) node.hidden = true;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) node.addEventListener(type, listener);
  append(node, children);
  return node;
}

export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** The address when it is an absolute http(s) URL; null for javascript:, data:, relative or malformed ones. */
export function webUrl(text) {
  try {
    const url = new URL(String(text));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link to a source page opened in a new tab, or plain text when the address is not a web address. */
export function sourceLink(url, text, className = '') {
  const href = webUrl(url);
  if (href === null) {
    return el('span', { className: `${className} not-a-link`.trim(), text, attrs: { title: 'The source address is not a web link' } });
  }
  return el('a', { className, text, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } });
}

/**
 * Text with ranges wrapped in <mark>. ranges: [{ start, length, label, id }], in any order. Ranges that overlap (two
 * entities named by the same words) share one mark that carries every label, and every range's id in data-ranges, so
 * each character is shown once and every range is highlighted.
 */
export function highlighted(text, ranges) {
  const groups = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start || b.length - a.length)) {
    if (range.length <= 0 || range.start < 0 || range.start + range.length > text.length) continue;
    const last = groups[groups.length - 1];
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.start + range.length);
      last.members.push(range);
    } else {
      groups.push({ start: range.start, end: range.start + range.length, members: [range] });
    }
  }
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const group of groups) {
    if (group.start > at) fragment.append(document.createTextNode(text.slice(at, group.start)));
    const mark = el('mark', { text: text.slice(group.start, group.end) });
    const labels = [...new Set(group.members.map((m) => m.label).filter(Boolean))];
    if (labels.length > 0) mark.title = labels.join('\n');
    const ids = group.members.map((m) => m.id).filter(Boolean);
    if (ids.length > 0) {
      mark.dataset.ranges = ids.join(' ');
      mark.tabIndex = -1;
    }
    fragment.append(mark);
    at = group.end;
  }
  if (at < text.length) fragment.append(document.createTextNode(text.slice(at)));
  return fragment;
}

/** Where any of the terms occurs in the text as whole words, case-insensitive; longer terms win where they overlap. */
export function termRanges(text, terms) {
  const ranges = [];
  const sorted = [...new Set(terms.filter((t) => t && t.trim().length > 1))].sort((a, b) => b.length - a.length);
  for (const term of sorted) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
    for (const found of text.matchAll(pattern)) {
      const range = { start: found.index, length: found[0].length, label: term };
      if (!ranges.some((r) => range.start < r.start + r.length && r.start < range.start + range.length)) ranges.push(range);
    }
  }
  return ranges;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A <time> element with the local date and time, and the exact UTC time on hover. */
export function timeElement(iso) {
  if (!iso) return el('span', { className: 'muted', text: '—' });
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return el('span', { text: iso });
  return el('time', { text: dateTime.format(date), attrs: { datetime: date.toISOString(), title: date.toISOString() } });
}

export function formatTime(iso) {
  if (!iso) return 'never';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTime.format(date);
}

export function formatScore(score) {
  return typeof score === 'number' ? score.toFixed(2) : '—';
}
