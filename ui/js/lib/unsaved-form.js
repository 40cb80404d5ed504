// Guards a form's typed-but-unsaved text: once its values differ from how it was drawn,
// navigating away or closing the window asks first (see leave-guard.js). A form that is gone
// from the page (saved and redrawn, or closed) has nothing left to lose.

import { t } from '../i18n/index.js';
import { confirmDialog } from './confirm.js';
import { readForm } from './form.js';
import { releaseLeaveGuard, setLeaveGuard } from './leave-guard.js';

const snapshot = (form) => JSON.stringify(readForm(form));

/// Starts guarding `form` against its values as they are now. Returns `release()`, to call
/// before the view itself moves on (after a save), so the user is not asked about work that
/// is safe. The question says `messageKey`'s text (a dictionary key).
export function guardUnsavedForm(form, messageKey) {
  const drawn = snapshot(form);
  const changed = () => form.isConnected && snapshot(form) !== drawn;
  const ask = async () => !changed() || confirmDialog({
    title: t('unsaved.title'),
    message: t(messageKey),
    confirmLabel: t('unsaved.discard'),
    danger: true,
  });
  const watch = () => {
    if (changed()) setLeaveGuard(ask);
  };
  form.addEventListener('input', watch);
  form.addEventListener('change', watch);
  return () => releaseLeaveGuard(ask);
}
