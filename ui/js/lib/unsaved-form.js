// Guards typed-but-unsaved text in forms: once any guarded form on the page differs from how
// it was drawn, navigating away or closing the window asks first (see leave-guard.js). One
// question covers every guarded form on the page (a case page has several). A form that is
// gone from the page (saved and redrawn, or closed) has nothing left to lose.

import { t } from '../i18n/index.js';
import { confirmDialog } from './confirm.js';
import { releaseLeaveGuard, setLeaveGuard } from './leave-guard.js';

// Each guarded form with its values as drawn and the dictionary key of its question.
const watched = new Map();
// Forms already listened to: a form filled again and again (the staff form) is guarded anew
// each time without a second set of listeners.
const listening = new WeakSet();

// Every field's value in order, named or not, so a list of unnamed rows (a module's checklist
// items) counts too, and so does reordering or removing a row.
const snapshot = (form) => JSON.stringify([...form.elements]
  .filter((control) => control.tagName !== 'BUTTON' && control.tagName !== 'FIELDSET')
  .map((control) => (control.type === 'checkbox' || control.type === 'radio' ? control.checked : control.value)));

function changedForms() {
  const changed = [];
  for (const [form, watch] of watched) {
    if (!form.isConnected) watched.delete(form);
    else if (snapshot(form) !== watch.drawn) changed.push(watch);
  }
  return changed;
}

async function ask() {
  const [first] = changedForms();
  return !first || confirmDialog({
    title: t('unsaved.title'),
    message: t(first.messageKey),
    confirmLabel: t('unsaved.discard'),
    danger: true,
  });
}

/// Starts guarding `form` against its values as they are now (again, for a form refilled in
/// place); `messageKey` names the question's text. Returns `release()`, to call before the
/// view itself moves on (after a save, or when a form that stays on the page is put away), so
/// the user is not asked about work that is safe.
export function guardUnsavedForm(form, messageKey = 'unsaved.body') {
  watched.set(form, { drawn: snapshot(form), messageKey });
  if (!listening.has(form)) {
    listening.add(form);
    const watch = () => {
      if (watched.has(form) && changedForms().length) setLeaveGuard(ask);
    };
    form.addEventListener('input', watch);
    form.addEventListener('change', watch);
    // Adding, moving or removing a row is a click, not an input.
    form.addEventListener('click', watch);
  }
  return () => {
    watched.delete(form);
    if (!changedForms().length) releaseLeaveGuard(ask);
  };
}
