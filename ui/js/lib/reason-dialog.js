// Asks for a written reason before an action that needs one (withdrawing a sign-off or an
// assignment), in the same modal look as confirm.js: Escape or Cancel closes it, focus
// returns to whatever had it before, and the action's errors appear inside the dialog so
// the typed reason is not lost.

import { el } from './dom.js';
import { t } from '../i18n/index.js';
import { errorMessage } from './form.js';

/// The longest reason the backend takes, in characters.
export const MAX_REASON_CHARS = 2000;

function dialogNode() {
  let dialog = document.getElementById('reason-dialog');
  if (!dialog) {
    dialog = el('dialog', { id: 'reason-dialog', class: ['confirm-dialog', 'reason-dialog'], attrs: { 'aria-labelledby': 'reason-title', 'aria-describedby': 'reason-message' } });
    document.body.append(dialog);
  }
  return dialog;
}

/// Asks for a reason and runs `submit(reason)` with it (trimmed). Resolves with what `submit`
/// returned, or null when cancelled. `title`, `message`, `label`, `confirmLabel` and `items`
/// (a list shown under the message, e.g. what is left undone) are already translated;
/// `describeError(err)` turns a refusal into a sentence (by default the error's own message).
export function reasonDialog({ title, message, items = [], label, confirmLabel, submit, describeError = errorMessage }) {
  const dialog = dialogNode();
  if (dialog.hasAttribute('open')) return Promise.resolve(null);
  const errorSlot = el('p', { id: 'reason-error', class: 'form-error', hidden: true, attrs: { role: 'alert' } });
  const reason = el('textarea', { id: 'reason-text', name: 'reason', class: 'input', rows: 3, required: true, attrs: { maxlength: MAX_REASON_CHARS, 'aria-describedby': 'reason-error' } });
  const ok = el('button', { type: 'submit', id: 'reason-ok', class: ['button', 'button-danger'] }, confirmLabel);
  const cancel = el('button', { type: 'button', id: 'reason-cancel', class: 'button', i18n: 'common.cancel' });
  const form = el('form', { method: 'dialog', noValidate: true },
    el('h2', { id: 'reason-title', class: 'dialog-title' }, title),
    el('p', { id: 'reason-message', class: 'dialog-message' }, message ?? ''),
    items.length ? el('ul', { id: 'reason-items', class: 'reason-items' }, items.map((item) => el('li', null, item))) : null,
    el('label', { class: 'field', htmlFor: 'reason-text' }, el('span', { class: 'field-label' }, label), reason),
    errorSlot,
    el('div', { class: 'dialog-actions' }, cancel, ok));
  dialog.replaceChildren(form);
  const returnTo = document.activeElement;
  const showError = (text) => {
    errorSlot.textContent = text;
    errorSlot.hidden = false;
    reason.setAttribute('aria-invalid', 'true');
    reason.focus();
  };

  reason.addEventListener('input', () => {
    errorSlot.hidden = true;
    reason.removeAttribute('aria-invalid');
  });

  return new Promise((resolve) => {
    const finish = (answer) => {
      dialog.removeEventListener('cancel', onCancel);
      if (typeof dialog.close === 'function') dialog.close();
      dialog.removeAttribute('open');
      if (returnTo && returnTo.isConnected) returnTo.focus();
      resolve(answer);
    };
    const onCancel = (event) => {
      event.preventDefault();
      if (!ok.disabled) finish(null);
    };
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = reason.value.trim();
      if (!text) return showError(errorMessage({ code: 'invalid.reason_required' }));
      ok.disabled = true;
      try {
        finish(await submit(text));
      } catch (err) {
        showError(describeError(err));
      } finally {
        ok.disabled = false;
      }
    });
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    reason.focus();
  });
}
