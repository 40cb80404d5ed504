// Brief messages in the #toast live region ("Saved", or an error that has no form to sit in).
// The region is role="status"/aria-live="polite", so screen readers announce it without
// stealing focus.

import { t } from '../i18n/index.js';
import { errorMessage } from './form.js';

let timer = null;

/// Shows `message` for a few seconds; `kind` is 'success' or 'error' (errors stay longer).
export function toast(message, kind = 'success') {
  const region = document.getElementById('toast');
  if (!region) return;
  clearTimeout(timer);
  const bubble = document.createElement('div');
  bubble.className = `toast toast-${kind}`;
  bubble.textContent = message;
  region.replaceChildren(bubble);
  timer = setTimeout(() => region.replaceChildren(), kind === 'error' ? 7000 : 2500);
}

/// The standard confirmation after a successful save.
export function toastSaved() {
  toast(t('common.saved'), 'success');
}

/// Shows a failed call's translated message.
export function toastError(err) {
  if (!err?.code) console.error(err);
  toast(errorMessage(err), 'error');
}
