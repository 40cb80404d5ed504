// The sign-in screens: signing in (also to unlock or switch user), a manager's recovery with
// the code shown at set-up, and the first manager's sign-in (first run, or the first start
// after an upgrade from a version without sign-ins). The session itself lives in Rust; these
// forms only ask for it. Nothing of the branch's data is on these screens.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { readForm, showError, clearErrors, formErrorSlot, whileBusy } from '../../lib/form.js';
import { inputField, selectField } from '../../lib/fields.js';

/// The input type and hint for the branch's choice of password or 6-digit PIN.
function secretAttrs(settings, autocomplete) {
  const pin = settings?.secretKind === 'pin';
  return {
    type: 'password',
    // No length limit when signing in: a password set before the branch chose PINs still
    // works until a manager resets it.
    attrs: pin && autocomplete === 'new-password'
      ? { inputmode: 'numeric', maxlength: 6, autocomplete }
      : { autocomplete, maxlength: 128, inputmode: pin ? 'numeric' : null },
    labelKey: pin ? 'signin.pin' : 'signin.password',
  };
}

/// The sign-in form. `session` is the SessionStatus (its account, when locked, is offered
/// as the user name); `onSignedIn(session)` runs once Rust has signed someone in.
export function renderSignIn(container, { session, onSignedIn }) {
  const FORM = 'signin-form';
  const secret = secretAttrs(session?.settings, 'current-password');
  const form = el('form', { id: FORM, class: ['card', 'signin-form'], noValidate: true, attrs: { 'aria-labelledby': 'signin-title' } },
    el('h1', { id: 'signin-title', class: 'card-title', i18n: session?.locked && session?.account ? 'signin.lockedTitle' : 'signin.title' }),
    el('p', { class: 'muted', i18n: 'signin.intro' }),
    inputField({ formId: FORM, id: 'signin-username', name: 'username', labelKey: 'signin.username', value: session?.account?.username ?? '', attrs: { autocomplete: 'username', spellcheck: 'false' } }),
    inputField({ formId: FORM, id: 'signin-secret', name: 'secret', labelKey: secret.labelKey, type: secret.type, attrs: secret.attrs }),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'signin-submit', class: ['button', 'button-primary'], i18n: 'signin.submit' }),
      el('button', { type: 'button', id: 'signin-forgot', class: 'button', i18n: 'signin.forgot' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const { username, secret: typed } = readForm(form);
    try {
      const next = await whileBusy(form, () => api.signIn(username, typed));
      await onSignedIn(next);
    } catch (err) {
      form.elements.secret.value = '';
      showError(form, err);
    }
  });
  form.querySelector('#signin-forgot').addEventListener('click', () => {
    renderRecovery(container, { session, onDone: () => renderSignIn(container, { session, onSignedIn }) });
  });
  container.replaceChildren(el('div', { class: 'signin-layout' }, form));
  (form.elements.username.value ? form.elements.secret : form.elements.username).focus();
}

/// A manager who forgot their password: the recovery code shown at set-up resets it, and a
/// new code is shown once in its place. Staff ask a manager instead (the screen says so).
function renderRecovery(container, { session, onDone }) {
  const FORM = 'recovery-form';
  const secret = secretAttrs(session?.settings, 'new-password');
  const form = el('form', { id: FORM, class: ['card', 'signin-form'], noValidate: true, attrs: { 'aria-labelledby': 'recovery-title' } },
    el('h1', { id: 'recovery-title', class: 'card-title', i18n: 'signin.recoveryTitle' }),
    el('p', { class: 'muted', i18n: 'signin.recoveryIntro' }),
    inputField({ formId: FORM, id: 'recovery-code', name: 'code', labelKey: 'signin.recoveryCode', attrs: { spellcheck: 'false', autocapitalize: 'characters' } }),
    inputField({ formId: FORM, id: 'recovery-username', name: 'username', labelKey: 'signin.username', attrs: { autocomplete: 'username', spellcheck: 'false' } }),
    inputField({ formId: FORM, id: 'recovery-secret', name: 'secret', labelKey: secret.labelKey, type: secret.type, attrs: secret.attrs }),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: ['button', 'button-primary'], i18n: 'signin.recoverySubmit' }),
      el('button', { type: 'button', id: 'recovery-back', class: 'button', i18n: 'common.cancel' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const code = await whileBusy(form, () => api.recoverSignIn(readForm(form)));
      showRecoveryCode(container, { code, titleKey: 'signin.recoveryDone', onDone });
    } catch (err) {
      showError(form, err);
    }
  });
  form.querySelector('#recovery-back').addEventListener('click', onDone);
  container.replaceChildren(el('div', { class: 'signin-layout' }, form));
  form.elements.code.focus();
}

/// The recovery code, shown once: the person confirms they have written it down.
function showRecoveryCode(container, { code, titleKey, onDone }) {
  const done = el('button', { type: 'button', id: 'recovery-code-done', class: ['button', 'button-primary'], i18n: 'signin.codeKept' });
  done.addEventListener('click', () => onDone());
  container.replaceChildren(el('div', { class: 'signin-layout' },
    el('section', { class: ['card', 'signin-form'], attrs: { 'aria-labelledby': 'recovery-code-title' } },
      el('h1', { id: 'recovery-code-title', class: 'card-title', i18n: titleKey }),
      el('p', { i18n: 'signin.codeExplain' }),
      el('p', { id: 'recovery-code-value', class: 'recovery-code' }, code),
      el('div', { class: 'form-actions' }, done))));
  done.focus();
}

/// The first manager's sign-in. On a database from before sign-ins, `session.firstRunStaff`
/// lists the people already on record, so the manager can take their own (and its history).
export function renderFirstManager(container, { session, upgraded, onSignedIn }) {
  const FORM = 'first-manager-form';
  const secret = secretAttrs(session?.settings, 'new-password');
  const staff = session?.firstRunStaff ?? [];
  const form = el('form', { id: FORM, class: ['card', 'signin-form'], noValidate: true, attrs: { 'aria-labelledby': 'first-manager-title' } },
    el('h1', { id: 'first-manager-title', class: 'card-title', i18n: 'signin.firstTitle' }),
    el('p', { class: 'muted', i18n: upgraded ? 'signin.upgradedIntro' : 'signin.firstIntro' }),
    staff.length
      ? selectField({
        formId: FORM, id: 'first-manager-staff', name: 'staffId', labelKey: 'signin.who',
        options: [{ value: '', labelKey: 'signin.newPerson' }],
      })
      : null,
    inputField({ formId: FORM, id: 'first-manager-name', name: 'name', labelKey: 'field.name', attrs: { autocomplete: 'name' } }),
    inputField({ formId: FORM, id: 'first-manager-username', name: 'username', field: 'username', labelKey: 'signin.username', attrs: { autocomplete: 'username', spellcheck: 'false' } }),
    inputField({ formId: FORM, id: 'first-manager-secret', name: 'secret', field: 'secret', labelKey: secret.labelKey, type: secret.type, attrs: secret.attrs }),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'first-manager-submit', class: ['button', 'button-primary'], i18n: 'signin.firstSubmit' })));
  const picker = form.elements.staffId;
  if (picker) {
    // Staff names are user text: added as option text, never markup.
    picker.append(...staff.map((member) => el('option', { value: String(member.id) }, member.name)));
    picker.addEventListener('change', () => {
      form.elements.name.closest('.field').hidden = picker.value !== '';
    });
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const first = await whileBusy(form, () => api.createFirstManager(readForm(form)));
      showRecoveryCode(container, { code: first.recoveryCode, titleKey: 'signin.firstDone', onDone: () => onSignedIn(first.session) });
    } catch (err) {
      showError(form, err);
    }
  });
  container.replaceChildren(el('div', { class: 'signin-layout' }, form));
  (picker ?? form.elements.name).focus();
}

/// "李娜 · Staff" for the header.
export function whoLabel(account) {
  return account ? `${account.name} · ${t(`role.${account.role}`)}` : '';
}
