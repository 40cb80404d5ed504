// What the window shows while the database keeps it waiting: a "waiting for the database…"
// status once a call has run longer than a second, and, when another program kept the data
// file locked past the backend's wait, a question naming that program (when the system says)
// with "Try again", instead of a silent freeze followed by a generic failure.

import * as api from '../api.js';
import { t } from '../i18n/index.js';
import { confirmDialog } from './confirm.js';

/// The message for a call refused because the data file was locked; `program` is the holder's
/// name or null.
export function lockedMessage(program) {
  return program ? t('dbWait.lockedBy', { program }) : t('dbWait.lockedUnknown');
}

/// Shows the waiting status in `region` (a role="status" element) and asks before a locked
/// call is sent again.
export function installDatabaseWait(region) {
  api.onDatabaseWait((waiting) => {
    region.textContent = waiting ? t('dbWait.waiting') : '';
    region.hidden = !waiting;
  });
  api.setLockedHandler(async () => {
    let program = null;
    try {
      program = await api.databaseLockHolder();
    } catch (err) {
      console.error(err);
    }
    return confirmDialog({
      title: t('dbWait.lockedTitle'),
      message: lockedMessage(program),
      confirmLabel: t('common.retry'),
    });
  });
}
