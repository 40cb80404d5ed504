// The ways out of the start-up screen when the data file could not be opened: restore one of
// the backups beside it, try again (a lock may have been released), open another data file,
// or quit. Any success starts the app afresh.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { confirmDialog } from '../../lib/confirm.js';
import { toastError } from '../../lib/toast.js';

/// The next-step advice for a start-up error code (falls back to the general advice).
export function nextStepKey(code, has) {
  const key = `fatal.next.${code}`;
  return has(key) ? key : 'fatal.help';
}

/// Whether a restore may replace the file that failed with `code`: not another program's
/// database (the backend refuses that too, and the file is not ours to move).
export function offersRestore(code) {
  return code !== 'startup.not_branchdesk';
}

/// Fills `container` with the actions for the start-up error `code`; `restart()` boots the app again.
export async function renderFatalActions(container, { restart, code }) {
  const busy = async (button, work) => {
    button.disabled = true;
    try {
      if (await work()) restart();
    } catch (err) {
      toastError(err);
    } finally {
      button.disabled = false;
    }
  };
  const button = (id, key, primary, work) => {
    const node = el('button', { type: 'button', id, class: ['button', primary && 'button-primary'], i18n: key });
    node.addEventListener('click', () => busy(node, work));
    return node;
  };
  const restoreFrom = (run) => async () => {
    const ok = await confirmDialog({
      title: t('backup.confirm.title'), message: t('fatal.restoreBody'),
      confirmLabel: t('backup.confirm.action'), danger: true,
    });
    return ok && Boolean(await run());
  };

  const restores = offersRestore(code);
  let backups = [];
  try {
    if (restores) backups = (await api.backupOverview()).backups;
  } catch (err) {
    // No list is no reason to hide the other ways out.
    console.error(err);
  }
  const lang = getLanguage();
  const listed = backups.filter((b) => b.kind !== 'preRestore').slice(0, 5);
  const backupList = listed.length
    ? el('div', { id: 'fatal-backups' },
        el('h2', { class: 'fatal-subtitle', i18n: 'fatal.backupsTitle' }),
        el('ul', { class: 'backup-list' }, listed.map((backup) => el('li', { class: 'backup-row', dataset: { kind: backup.kind } },
          el('span', { class: 'backup-when' }, formatDateTime(backup.madeAt, lang)),
          el('span', { class: ['tag', 'tag-muted'] }, t(`backup.kind.${backup.kind}`)),
          button(`fatal-restore-${backup.madeAt.replace(/\D/g, '')}`, 'backup.restore', false,
            restoreFrom(() => api.restoreBackup(backup.path)))))))
    : el('p', { id: 'fatal-no-backups', class: 'muted', i18n: 'fatal.noBackups' });
  container.replaceChildren(
    ...(restores ? [backupList] : []),
    el('div', { class: 'form-actions' },
      button('fatal-retry', 'fatal.retry', true, async () => {
        await api.retryOpen();
        return true;
      }),
      restores && button('fatal-restore-file', 'backup.restoreFile', false, restoreFrom(() => api.restoreBackupFromFile())),
      button('fatal-open-other', 'fatal.openOther', false, () => api.openOtherDatabase()),
      button('fatal-quit', 'fatal.quit', false, async () => {
        await api.quitApp();
        return false;
      })));
}
