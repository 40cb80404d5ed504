// Settings › Group, head office: making this computer head office's. With an office server
// address (a login that is a member of branchdesk_office) the navigation gains "Group", the
// dashboard of every branch. The password goes to a private file, never the data file;
// clearing the address makes this computer a plain branch again. Managers only (the backend
// refuses others).

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { readForm, showError, clearErrors, formErrorSlot, whileBusy } from '../../lib/form.js';
import { inputField } from '../../lib/fields.js';
import { toast, toastError } from '../../lib/toast.js';
import { refreshGroupNav } from '../group/group-nav.js';

/// Builds the section; `load()` fills it from the backend.
export function buildOffice() {
  const formId = 'office-form';
  const form = el('form', { id: formId, noValidate: true },
    el('div', { class: 'field-grid' },
      inputField({
        formId, id: 'office-server', name: 'server', labelKey: 'field.officeServer', hintKey: 'office.serverHint', optional: true,
        attrs: { spellcheck: 'false', placeholder: 'postgres://office@host/database' },
      }),
      inputField({
        formId, id: 'office-password', name: 'password', labelKey: 'field.officePassword', hintKey: 'group.passwordHint',
        type: 'password', optional: true,
      })),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'office-save', class: ['button', 'button-primary'], i18n: 'common.save' })));
  const state = el('p', { id: 'office-state', class: 'muted' });
  const test = el('button', { type: 'button', id: 'office-test', class: 'button', i18n: 'group.test' });
  const result = el('p', { id: 'office-result', class: 'muted', attrs: { role: 'status' } });
  const section = el('section', { id: 'settings-office', class: ['card', 'settings-section'], attrs: { 'aria-labelledby': 'settings-office-title' } },
    el('h2', { id: 'settings-office-title', class: 'card-title', i18n: 'office.title' }),
    el('p', { class: 'muted', i18n: 'office.intro' }),
    form, state,
    el('div', { class: 'form-actions' }, test),
    result);

  function show(settings) {
    form.elements.server.value = settings.server ?? '';
    state.textContent = t(settings.server ? 'office.isOffice' : 'office.isBranch');
    test.disabled = !settings.server;
  }

  async function load() {
    try {
      show(await api.officeSettings());
    } catch (err) {
      // Only managers see this section's data; others see it explained.
      state.textContent = err?.code === 'access.denied' ? t('office.managersOnly') : '';
      form.hidden = err?.code === 'access.denied';
      test.hidden = form.hidden;
      if (err?.code !== 'access.denied') toastError(err);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = readForm(form);
    try {
      await whileBusy(form, async () => {
        show(await api.saveOfficeSettings(values.server.trim(), values.password ?? ''));
        form.elements.password.value = '';
      });
      toast(t('common.saved'));
      await refreshGroupNav();
    } catch (err) {
      showError(form, err);
    }
  });

  test.addEventListener('click', async () => {
    test.disabled = true;
    result.textContent = t('group.working');
    try {
      const count = await api.testOfficeConnection();
      result.textContent = t('office.connected', { count });
    } catch (err) {
      result.textContent = '';
      toastError(err);
    } finally {
      test.disabled = false;
    }
  });
  return { section, load };
}
