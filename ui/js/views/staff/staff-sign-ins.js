// The Staff page's sign-ins, for managers: who can sign in with which role, a new sign-in for
// a person on the list, a reset password for someone who forgot theirs, and the branch's
// choice of password or 6-digit PIN and idle minutes. Rust refuses all of it to other roles;
// for them the section is simply not shown.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { readForm, showError, clearErrors, formErrorSlot, whileBusy } from '../../lib/form.js';
import { inputField, selectField } from '../../lib/fields.js';
import { toastSaved, toastError } from '../../lib/toast.js';

const ROLE_OPTIONS = ['manager', 'staff', 'trainer', 'viewer'].map((role) => ({ value: role, labelKey: `role.${role}` }));

/// Renders the section into `section` (emptied and hidden when the role may not manage staff).
export async function renderSignIns(section, staff) {
  let signIns;
  let settings;
  try {
    [signIns, settings] = await Promise.all([api.listSignIns(), api.getSignInSettings()]);
  } catch (err) {
    if (err?.code !== 'access.denied') console.warn(err);
    section.replaceChildren();
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const reload = () => renderSignIns(section, staff);
  const without = staff.filter((member) => member.active && !signIns.some((s) => s.staffId === member.id));
  section.replaceChildren(
    el('h2', { class: 'form-section-title', i18n: 'signins.title' }),
    el('p', { class: 'muted', i18n: 'signins.intro' }),
    el('div', { class: 'table-wrap' },
      el('table', { id: 'signin-table', class: 'table' },
        el('thead', null, el('tr', null,
          ['field.staffName', 'signin.username', 'signins.role', 'common.actions'].map((key) => el('th', { scope: 'col', i18n: key })))),
        el('tbody', null, signIns.map((account) => signInRow(account, settings))))),
    without.length ? newSignInForm(without, settings, reload) : null,
    settingsForm(settings, reload));
}

function signInRow(account, settings) {
  const role = el('select', { class: ['input', 'input-compact', 'signin-role'], value: account.role, attrs: { 'aria-label': t('signins.roleOf', { name: account.name }) } },
    ROLE_OPTIONS.map((option) => el('option', { value: option.value, i18n: option.labelKey })));
  role.addEventListener('change', async () => {
    try {
      await api.setSignInRole(account.staffId, role.value);
      toastSaved();
    } catch (err) {
      role.value = account.role;
      toastError(err);
    }
  });
  const reset = el('form', { class: 'signin-reset', noValidate: true, hidden: true },
    el('input', { type: 'password', name: 'secret', class: ['input', 'input-compact'], attrs: { autocomplete: 'new-password', 'aria-label': t('signins.newSecretFor', { name: account.name }) } }),
    el('button', { type: 'submit', class: ['button', 'button-small', 'button-primary'], i18n: 'common.save' }),
    formErrorSlot());
  const open = el('button', { type: 'button', class: ['button', 'button-small', 'signin-reset-open'], i18n: settings.secretKind === 'pin' ? 'signins.resetPin' : 'signins.resetPassword' });
  open.addEventListener('click', () => {
    reset.hidden = false;
    reset.elements.secret.focus();
  });
  reset.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(reset);
    try {
      await whileBusy(reset, () => api.resetSignIn(account.staffId, reset.elements.secret.value));
      reset.hidden = true;
      reset.elements.secret.value = '';
      toastSaved();
    } catch (err) {
      showError(reset, err);
    }
  });
  return el('tr', { dataset: { staffId: String(account.staffId) }, class: account.active ? null : 'is-inactive' },
    el('td', null, account.name),
    el('td', { class: 'nowrap' }, account.username),
    el('td', null, role),
    el('td', { class: 'row-actions' }, open, reset));
}

function newSignInForm(without, settings, reload) {
  const FORM = 'new-signin-form';
  const form = el('form', { id: FORM, class: ['card', 'settings-card'], noValidate: true },
    el('h3', { class: 'card-title', i18n: 'signins.add' }),
    selectField({ formId: FORM, id: 'new-signin-staff', name: 'staffId', labelKey: 'field.staffName', options: [], placeholderKey: 'common.choose' }),
    inputField({ formId: FORM, id: 'new-signin-username', name: 'username', labelKey: 'signin.username', attrs: { spellcheck: 'false' } }),
    selectField({ formId: FORM, id: 'new-signin-role', name: 'role', labelKey: 'signins.role', options: ROLE_OPTIONS, value: 'staff' }),
    inputField({ formId: FORM, id: 'new-signin-secret', name: 'secret', labelKey: settings.secretKind === 'pin' ? 'signin.pin' : 'signin.password', type: 'password', attrs: { autocomplete: 'new-password' } }),
    formErrorSlot(),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', id: 'new-signin-save', class: ['button', 'button-primary'], i18n: 'signins.create' })));
  // Names are user text: option text only.
  form.elements.staffId.append(...without.map((member) => el('option', { value: String(member.id) }, member.name)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      await whileBusy(form, () => api.createSignIn(readForm(form)));
      toastSaved();
      await reload();
    } catch (err) {
      showError(form, err);
    }
  });
  return form;
}

function settingsForm(settings, reload) {
  const FORM = 'signin-settings-form';
  const form = el('form', { id: FORM, class: ['card', 'settings-card'], noValidate: true },
    el('h3', { class: 'card-title', i18n: 'signins.settings' }),
    selectField({
      formId: FORM, id: 'signin-settings-kind', name: 'secretKind', labelKey: 'signins.secretKind', value: settings.secretKind,
      options: [{ value: 'password', labelKey: 'signin.password' }, { value: 'pin', labelKey: 'signin.pin' }],
    }),
    inputField({ formId: FORM, id: 'signin-settings-idle', name: 'idleMinutes', labelKey: 'field.idleMinutes', type: 'number', value: String(settings.idleMinutes), attrs: { min: 1, max: 240 } }),
    formErrorSlot(),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', id: 'signin-settings-save', class: ['button', 'button-primary'], i18n: 'common.save' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = readForm(form);
    try {
      await whileBusy(form, () => api.updateSignInSettings({ secretKind: values.secretKind, idleMinutes: Number(values.idleMinutes) }));
      toastSaved();
      await reload();
    } catch (err) {
      showError(form, err);
    }
  });
  return form;
}
