// The one visible status area: errors (with the API's problem detail) stay until closed, confirmations fade.
import { el, clear } from './dom.js';

let timer = 0;

/** Shows a message. kind: 'info' | 'error'. actions: [{ label, run }] buttons shown after the message (e.g. Undo). */
export function showStatus(message, kind = 'info', actions = []) {
  const area = document.getElementById('status');
  clearTimeout(timer);
  clear(area);
  area.className = `status status-${kind}`;
  area.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  area.append(el('span', { className: 'status-text', text: message }));
  for (const action of actions) {
    area.append(el('button', { type: 'button', className: 'link-button', text: action.label, on: { click: () => { hideStatus(); action.run(); } } }));
  }
  area.append(el('button', { className: 'icon-button close', text: '×', attrs: { type: 'button', 'aria-label': 'Close message' }, on: { click: hideStatus } }));
  area.hidden = false;
  if (kind !== 'error') timer = setTimeout(hideStatus, actions.length > 0 ? 10000 : 5000);
}

export function showError(error) {
  showStatus(error instanceof Error ? error.message : String(error), 'error');
}

export function hideStatus() {
  const area = document.getElementById('status');
  area.hidden = true;
  clear(area);
}
