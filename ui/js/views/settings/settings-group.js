// Settings › Group: the head-office server this branch sends its records to, its password
// (kept in a private file, never in the data file), automatic sync, and the sync's state:
// when it last ran and how many changes wait. Syncing runs in the backend; the page only asks.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { readForm, showError, clearErrors, formErrorSlot, whileBusy } from '../../lib/form.js';
import { inputField, selectField } from '../../lib/fields.js';
import { toast, toastError } from '../../lib/toast.js';

const INTERVALS = [0, 15, 30, 60, 240].map((minutes) => ({
  value: String(minutes), labelKey: `group.interval.${minutes}`,
}));

/// Builds the section; `load()` fills it from the backend.
export function buildGroup() {
  const formId = 'group-form';
  const form = el('form', { id: formId, noValidate: true },
    el('div', { class: 'field-grid' },
      inputField({
        formId, id: 'group-server', name: 'server', labelKey: 'field.server', hintKey: 'group.serverHint',
        attrs: { spellcheck: 'false', placeholder: 'postgres://role@host/database' },
      }),
      inputField({
        formId, id: 'group-password', name: 'password', labelKey: 'field.groupPassword', hintKey: 'group.passwordHint',
        type: 'password', optional: true,
      }),
      selectField({ formId, id: 'group-interval', name: 'intervalMinutes', labelKey: 'field.intervalMinutes', options: INTERVALS })),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'group-save', class: ['button', 'button-primary'], i18n: 'common.save' })));
  const lastSync = el('dd', { id: 'group-last-sync' });
  const pending = el('dd', { id: 'group-pending' });
  const test = el('button', { type: 'button', id: 'group-test', class: 'button', i18n: 'group.test' });
  const syncNow = el('button', { type: 'button', id: 'group-sync', class: ['button', 'button-primary'], i18n: 'group.syncNow' });
  const result = el('p', { id: 'group-result', class: 'muted', attrs: { role: 'status' } });
  const section = el('section', { id: 'settings-group', class: ['card', 'settings-section'], attrs: { 'aria-labelledby': 'settings-group-title' } },
    el('h2', { id: 'settings-group-title', class: 'card-title', i18n: 'group.title' }),
    el('p', { class: 'muted', i18n: 'group.intro' }),
    form,
    el('dl', { class: 'facts' },
      el('dt', { i18n: 'group.lastSync' }), lastSync,
      el('dt', { i18n: 'group.pending' }), pending),
    el('div', { class: 'form-actions' }, test, syncNow),
    result);

  function show(overview) {
    form.elements.server.value = overview.server ?? '';
    form.elements.intervalMinutes.value = String(overview.intervalMinutes);
    if (!INTERVALS.some((i) => i.value === form.elements.intervalMinutes.value)) form.elements.intervalMinutes.value = '0';
    lastSync.textContent = overview.lastSync ? formatDateTime(overview.lastSync, getLanguage()) : t('group.never');
    pending.textContent = t('group.pendingCount', { count: overview.pending });
    syncNow.disabled = !overview.server;
    test.disabled = !overview.server;
  }

  async function load() {
    try {
      show(await api.groupOverview());
    } catch (err) {
      toastError(err);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = readForm(form);
    try {
      await whileBusy(form, async () => {
        const saved = await api.saveGroupSettings(values.server.trim(), Number(values.intervalMinutes));
        if (values.password) await api.saveGroupPassword(values.password);
        form.elements.password.value = '';
        show(saved);
      });
      toast(t('common.saved'));
    } catch (err) {
      showError(form, err);
    }
  });

  async function busy(button, run) {
    button.disabled = true;
    result.textContent = t('group.working');
    try {
      result.textContent = await run();
    } catch (err) {
      result.textContent = '';
      toastError(err);
    } finally {
      button.disabled = false;
    }
  }
  test.addEventListener('click', () => busy(test, async () => {
    const code = await api.testGroupConnection();
    return t('group.connected', { code });
  }));
  syncNow.addEventListener('click', () => busy(syncNow, async () => {
    const outcome = await api.syncGroupNow();
    const sent = Object.values(outcome.sent.sent).reduce((sum, n) => sum + n, 0);
    const taken = outcome.taken.categories + outcome.taken.modules + outcome.taken.scenarios;
    await load();
    return t('group.synced', { sent, taken });
  }));
  return { section, load };
}
