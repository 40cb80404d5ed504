// A case's casework panel: the verdict (justified or not, cause, fault), supporting
// departments and progress updates to the customer. Each change resolves to the whole panel
// `{judgement, supports, outstanding, progress, prompt, promptAgainAfterDays}`.

import { call, emptyToNull, trimmed, toId, multiline, optionalMultiline } from './core.js';

/// Shapes the verdict form's values into a JudgementInput (`justified` is 'yes', 'no' or '').
export function judgementInput(values) {
  const choice = trimmed(values.justified);
  return {
    justified: choice === 'yes' ? true : choice === 'no' ? false : null,
    cause: trimmed(values.judgementCause),
    fault: trimmed(values.fault),
  };
}

/// Shapes a supporting-department form's values into a SupportInput.
export function supportInput(values) {
  return {
    department: trimmed(values.department),
    task: multiline(values.task),
    ownerName: emptyToNull(values.ownerName),
    ownerStaffId: toId(values.ownerStaffId),
    dueOn: emptyToNull(values.dueOn),
  };
}

/// Shapes the quick progress form's values into a ProgressInput.
export function progressInput(values) {
  return {
    method: trimmed(values.method),
    said: multiline(values.said),
    toldAt: emptyToNull(values.toldAt),
  };
}

/// The casework panel of case `id`.
export const caseCasework = (id) => call('case_casework', { id });
/// Records or corrects the verdict; changing a recorded one needs `reason`.
export const setCaseJudgement = (id, values) => call('set_case_judgement', { id, judgement: judgementInput(values), reason: optionalMultiline(values.judgementReason) });
/// Adds a supporting department.
export const addCaseSupport = (id, values) => call('add_case_support', { id, input: supportInput(values) });
/// Changes a supporting department's line.
export const updateCaseSupport = (id, lineId, values) => call('update_case_support', { id, lineId, input: supportInput(values) });
/// Marks a line done (today, by whoever is signed in) or not done again.
export const setCaseSupportDone = (id, lineId, done) => call('set_case_support_done', { id, lineId, done: Boolean(done) });
/// Removes a line entered by mistake (the audit trail keeps it).
export const removeCaseSupport = (id, lineId) => call('remove_case_support', { id, lineId });
/// Records that the customer was told how the case is going.
export const addCaseProgress = (id, values) => call('add_case_progress', { id, input: progressInput(values) });
