// Settings › Backups: what copies exist, how many are kept, "Back up now", and restoring a
// listed backup or any backup file. Restoring replaces every record, so it asks first and then
// reloads the whole app on the restored data.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { formatFileSize } from '../cases/case-format.js';
import { confirmDialog } from '../../lib/confirm.js';
import { readForm, showError, clearErrors, errorSlot, whileBusy } from '../../lib/form.js';
import { toast, toastError } from '../../lib/toast.js';

/// Builds the section; `load()` fills it from the backend. `onRestored` reloads the app.
export function buildBackups({ onRestored }) {
  const list = el('ul', { id: 'backup-list', class: 'backup-list' });
  const keepForm = el('form', { id: 'backup-keep-form', class: 'inline-form', noValidate: true },
    el('label', { for: 'backup-keep', i18n: 'backup.keep' }),
    el('input', { id: 'backup-keep', name: 'keep', type: 'number', attrs: { min: 1, max: 365, step: 1, required: true } }),
    el('button', { type: 'submit', id: 'backup-keep-save', class: 'button', i18n: 'common.save' }),
    errorSlot('backup-keep-form', 'keep', 'backup.keep'));
  const now = el('button', { type: 'button', id: 'backup-now', class: ['button', 'button-primary'], i18n: 'backup.now' });
  const fromFile = el('button', { type: 'button', id: 'backup-restore-file', class: 'button', i18n: 'backup.restoreFile' });
  const reveal = el('button', { type: 'button', id: 'backup-reveal', class: 'button', i18n: 'backup.reveal' });
  const section = el('section', { id: 'settings-backups', class: ['card', 'settings-section'], attrs: { 'aria-labelledby': 'settings-backups-title' } },
    el('h2', { id: 'settings-backups-title', class: 'card-title', i18n: 'backup.title' }),
    el('p', { class: 'muted', i18n: 'backup.intro' }),
    keepForm,
    list,
    el('div', { class: 'form-actions' }, now, fromFile, reveal));

  async function load() {
    try {
      const overview = await api.backupOverview();
      keepForm.elements.keep.value = String(overview.keep);
      list.replaceChildren(...rows(overview.backups));
    } catch (err) {
      toastError(err);
    }
  }

  function rows(backups) {
    if (!backups.length) return [el('li', { id: 'backup-none', class: 'muted', i18n: 'backup.none' })];
    const lang = getLanguage();
    return backups.map((backup) => {
      const restore = el('button', { type: 'button', class: ['button', 'button-small'], i18n: 'backup.restore' });
      restore.addEventListener('click', () => restoreWith(restore, () => api.restoreBackup(backup.path)));
      return el('li', { class: 'backup-row', dataset: { kind: backup.kind } },
        el('span', { class: 'backup-when' }, formatDateTime(backup.madeAt, lang)),
        el('span', { class: ['tag', 'tag-muted'] }, t(`backup.kind.${backup.kind}`)),
        el('span', { class: ['backup-size', 'muted'] }, formatFileSize(backup.sizeBytes, lang)),
        restore);
    });
  }

  async function restoreWith(button, run) {
    const ok = await confirmDialog({
      title: t('backup.confirm.title'), message: t('backup.confirm.body'),
      confirmLabel: t('backup.confirm.action'), danger: true,
    });
    if (!ok) return;
    button.disabled = true;
    try {
      const kept = await run();
      if (kept) {
        toast(t('backup.restored'));
        onRestored();
      }
    } catch (err) {
      toastError(err);
    } finally {
      button.disabled = false;
    }
  }

  keepForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(keepForm);
    try {
      await whileBusy(keepForm, () => api.setBackupKeep(Number(readForm(keepForm).keep)));
      await load();
      toast(t('common.saved'));
    } catch (err) {
      showError(keepForm, err);
    }
  });
  now.addEventListener('click', async () => {
    now.disabled = true;
    now.textContent = t('backup.working');
    try {
      await api.backUpNow();
      toast(t('backup.made'));
      await load();
    } catch (err) {
      toastError(err);
    } finally {
      now.disabled = false;
      now.textContent = t('backup.now');
    }
  });
  fromFile.addEventListener('click', () => restoreWith(fromFile, () => api.restoreBackupFromFile()));
  reveal.addEventListener('click', async () => {
    try {
      await api.revealBackups();
    } catch (err) {
      toastError(err);
    }
  });
  return { section, load };
}
