// Keyboard: one listener for the page; each view says what its keys do. Keys typed into a field stay in the field.
import { el, clear } from './dom.js';

export const keyHelp = [
  ['j', 'Next match'],
  ['k', 'Previous match'],
  ['Enter or o', 'Open the selected match'],
  ['r', 'Mark relevant (again: clear)'],
  ['d', 'Dismiss as a false positive (again: clear)'],
  ['x', 'Dismiss with a reason'],
  ['s', 'Star or unstar'],
  ['n', 'Add or edit a note'],
  ['u', 'Undo the last change'],
  ['/', 'Search words'],
  ['Escape', 'Back to the matches'],
  ['?', 'Show these keys'],
];

let handlers = {};

/** The current view's keys: { j: fn, k: fn, … }; replaced when the view changes. */
export function setKeys(map) {
  handlers = map;
}

function typing(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function showHelp() {
  const dialog = document.getElementById('keys-dialog');
  if (dialog.open) return;
  const list = clear(document.getElementById('keys-list'));
  for (const [key, action] of keyHelp) list.append(el('tr', {}, el('th', {}, el('kbd', { text: key })), el('td', { text: action })));
  dialog.showModal();
}

export function installKeys() {
  document.getElementById('keys-button').addEventListener('click', showHelp);
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (document.querySelector('dialog[open]')) return;
    if (typing(event.target)) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    // Enter on a link or button does what that control does.
    if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('a, button')) return;
    if (event.key === '?') {
      event.preventDefault();
      showHelp();
      return;
    }
    const handler = handlers[event.key === 'Enter' ? 'o' : event.key];
    if (handler) {
      event.preventDefault();
      handler();
    }
  });
}
