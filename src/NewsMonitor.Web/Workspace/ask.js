// Small modal questions built from DOM nodes (window.prompt cannot be styled, labelled or tested well).
import { el } from './dom.js';

/** Asks for one text. Resolves to the text (possibly empty) or null when cancelled. */
export function askText({ title, label, value = '', multiline = false, confirm = 'Save' }) {
  return new Promise((resolve) => {
    const input = multiline
      ? el('textarea', { attrs: { rows: 4, id: 'ask-input' } })
      : el('input', { attrs: { type: 'text', id: 'ask-input', autocomplete: 'off' } });
    input.value = value;
    const form = el('form', { attrs: { method: 'dialog' } },
      el('h2', { text: title }),
      el('label', { text: label, attrs: { for: 'ask-input' } }),
      input,
      el('div', { className: 'dialog-buttons' },
        el('button', { text: 'Cancel', attrs: { type: 'button', value: 'cancel' }, on: { click: () => dialog.close('cancel') } }),
        el('button', { className: 'primary', text: confirm, attrs: { type: 'submit', value: 'ok' } })));
    const dialog = el('dialog', { className: 'ask', attrs: { 'aria-label': title } }, form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok' ? input.value.trim() : null);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}

/** Shows content with Confirm and Cancel. Resolves true when confirmed. */
export function askConfirm({ title, content, confirm = 'Confirm', canConfirm = true }) {
  return new Promise((resolve) => {
    const dialog = el('dialog', { className: 'ask', attrs: { 'aria-label': title } },
      el('h2', { text: title }),
      content,
      el('div', { className: 'dialog-buttons' },
        el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => dialog.close('cancel') } }),
        el('button', { className: 'primary', text: confirm, attrs: { type: 'button', disabled: !canConfirm }, on: { click: () => dialog.close('ok') } })));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
