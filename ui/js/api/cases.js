// Complaint cases.

import { call, emptyToNull, trimmed, toId, toInt, multiline, optionalMultiline } from './core.js';
import { judgementInput } from './casework.js';

/// Shapes the intake form's values (`readForm` output) into the backend's CaseInput.
export function caseInput(values) {
  return {
    receivedAt: emptyToNull(values.receivedAt),
    channel: trimmed(values.channel),
    complainantName: emptyToNull(values.complainantName),
    phone: emptyToNull(values.phone),
    reference: emptyToNull(values.reference),
    customerType: trimmed(values.customerType) || 'unknown',
    // 0 is no category: the backend answers `invalid.required` on categoryId.
    categoryId: toId(values.categoryId) ?? 0,
    description: multiline(values.description),
    customerRequest: optionalMultiline(values.customerRequest),
    takenById: toId(values.takenById),
    assigneeId: toId(values.assigneeId),
    department: emptyToNull(values.department),
    mediaExposureRisk: Boolean(values.mediaExposureRisk),
    lawsuitRisk: Boolean(values.lawsuitRisk),
    households: toInt(values.households),
    needsOtherDepartments: Boolean(values.needsOtherDepartments),
    grade: toId(values.grade),
    gradeReason: optionalMultiline(values.gradeReason),
    ...customerChoice(values.customerPick),
  };
}

/// The intake form's customer choice (`auto`, `new` or a record's id) as CaseInput fields.
export function customerChoice(pick) {
  if (pick === 'new') return { customerId: null, newCustomer: true };
  return { customerId: toId(pick), newCustomer: false };
}

/// Shapes a status change: `resolution` and `followUp` are sent only when given;
/// `escalationReason` says why a crisis closes with crisis steps not done; `judgement` is the
/// verdict form's values when the case leaves verification.
export function statusChange({ to, reason, resolution, followUp, escalationReason, judgement }) {
  return {
    to,
    judgement: judgement ? judgementInput(judgement) : null,
    reason: optionalMultiline(reason),
    escalationReason: optionalMultiline(escalationReason),
    resolution: resolution ? {
      actionTaken: multiline(resolution.actionTaken),
      customerAccepted: Boolean(resolution.customerAccepted),
      goodwill: emptyToNull(resolution.goodwill),
      rootCause: trimmed(resolution.rootCause),
    } : null,
    followUp: followUp ? {
      unreachable: Boolean(followUp.unreachable),
      unreachableNote: optionalMultiline(followUp.unreachableNote),
      calledOn: emptyToNull(followUp.calledOn),
      satisfaction: toInt(followUp.satisfaction),
      comment: optionalMultiline(followUp.comment),
    } : null,
  };
}

/// The grade the rules suggest for an unsaved complaint and likely duplicates:
/// `{suggestion: {grade, fired, customerCase?}, likelyDuplicates: [CaseRow + {matchedBy, sameCategory}]}`.
export const checkCaseIntake = (values) => call('check_case_intake', { input: caseInput(values) });
/// Records a new complaint; resolves to its CaseDetail.
export const createCase = (values) => call('create_case', { input: caseInput(values) });
/// One page of the case list: `{rows, total, statusCounts, page, pageSize}`.
export const listCases = (query) => call('list_cases', { query });
/// The dashboard figures `{open, overdue, dueToday, crisis}`.
export const caseCounts = () => call('case_counts');
/// Everything the case page shows.
export const getCase = (id) => call('get_case', { id });
/// Saves edited intake fields (the received time and the grade are not changed here).
export const updateCase = (id, values) => call('update_case', { id, input: caseInput(values) });
/// Moves a case to another status; see statusChange() for the shape.
export const changeCaseStatus = (id, change) => call('change_case_status', { id, change: statusChange(change) });
/// Sets the grade; going below the suggestion needs a reason.
export const setCaseGrade = (id, grade, reason) => call('set_case_grade', { id, grade: Number(grade), reason: optionalMultiline(reason) });
/// Stops the resolve clock while the case waits on the customer.
export const pauseCase = (id, reason) => call('pause_case', { id, reason: multiline(reason) });
/// Restarts the resolve clock.
export const resumeCase = (id) => call('resume_case', { id });
/// Adds a note, call or visit to the timeline.
export const addCaseEntry = (id, kind, body) => call('add_case_entry', { id, kind, body: multiline(body) });
/// Ticks an item of the crisis checklist.
export const tickCaseEscalation = (id, item) => call('tick_case_escalation', { id, item });
/// Lets the user pick a photo or PDF (the backend opens the file dialog) and attaches it.
export const addCaseAttachment = (id) => call('add_case_attachment', { id });
/// Opens an attachment in the system's viewer.
export const openCaseAttachment = (attachmentId) => call('open_case_attachment', { attachmentId });
/// Opens the system print dialog for the page shown (print, or save as PDF).
export const printPage = () => call('print_page');
/// Case `id` as the print sheet shows it: personal data masked unless `includePersonal` is
/// ticked and the signed-in role may see it (the backend decides).
export const casePrintRecord = (id, includePersonal) => call('case_print_record', { id, includePersonal: Boolean(includePersonal) });
