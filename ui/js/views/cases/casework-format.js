// Pure helpers for a case's casework panel: the vocabularies of the verdict and of progress
// updates, how a verdict and a supporting-department change read on the timeline, and what is
// outstanding. No DOM at load time, so node --test can import it.

import { t } from '../../i18n/index.js';

/// Causes of a justified complaint (codes shared with the backend).
export const JUSTIFIED_CAUSES = Object.freeze(['service_delay', 'damage', 'billing_error', 'staff_conduct', 'other']);
/// Causes of a valid but unjustified complaint.
export const UNJUSTIFIED_CAUSES = Object.freeze(['misunderstanding', 'unreasonable_expectation', 'mood', 'other']);
/// Where the fault lies.
export const FAULTS = Object.freeze(['branch', 'other_department', 'third_party', 'customer']);
/// How the customer was told.
export const PROGRESS_METHODS = Object.freeze(['call', 'message', 'visit']);
/// What a supporting-department timeline entry says happened.
export const SUPPORT_CHANGES = Object.freeze(['added', 'changed', 'done', 'undone', 'removed']);

/// The causes to offer for `justified` ('yes' / 'no' / true / false); none before it is chosen.
export function causesFor(justified) {
  if (justified === true || justified === 'yes') return JUSTIFIED_CAUSES;
  if (justified === false || justified === 'no') return UNJUSTIFIED_CAUSES;
  return [];
}

/// The dictionary key of a cause, which depends on whether the complaint is justified
/// ("other" means something else in each list).
export function causeKey(justified, cause) {
  return `judgement.cause.${justified ? 'justified' : 'unjustified'}.${cause}`;
}

/// A verdict in words: from `{justified, cause, fault}` or the timeline's stored
/// `justified/cause/fault` text. Unknown parts are shown as their codes, never dropped.
export function verdictText(verdict) {
  let parts = verdict;
  if (typeof verdict === 'string') {
    const [word, cause, fault] = verdict.split('/');
    parts = { justified: word === 'justified', cause, fault };
  }
  if (!parts) return '';
  const known = (key, code) => {
    const text = t(key);
    return text === key ? String(code ?? '') : text;
  };
  return t('judgement.summary', {
    verdict: t(parts.justified ? 'judgement.justified' : 'judgement.unjustified'),
    cause: known(causeKey(parts.justified, parts.cause), parts.cause),
    fault: known(`judgement.fault.${parts.fault}`, parts.fault),
  });
}

/// The headline of a casework timeline entry, or null for any other kind.
export function caseworkEntryTitle(entry) {
  switch (entry.kind) {
    case 'judgement':
      return t('timeline.judgement', { verdict: verdictText(entry.newValue ?? '') });
    case 'support':
      return SUPPORT_CHANGES.includes(entry.newValue) ? t(`timeline.support.${entry.newValue}`) : t('timeline.support.changed');
    case 'progress':
      return t('timeline.progress', { method: PROGRESS_METHODS.includes(entry.newValue) ? t(`progress.method.${entry.newValue}`) : String(entry.newValue ?? '') });
    default:
      return null;
  }
}

/// A supporting department's name: the migrated "unspecified" line reads as such.
export function departmentName(line) {
  return line.department === 'unspecified' ? t('support.unspecified') : line.department;
}

/// A supporting department's owner: the member of staff, else the name typed, else nobody.
export function ownerName(line) {
  return line.ownerStaffName || line.ownerName || t('support.noOwner');
}

/// The outstanding summary for `{open, overdue}`.
export function outstandingText({ open, overdue }) {
  if (!open) return t('support.allDone');
  return overdue ? t('support.outstandingOverdue', { open, overdue }) : t('support.outstanding', { open });
}
