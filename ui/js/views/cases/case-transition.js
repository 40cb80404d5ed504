// What each move that needs more than a click asks for:
//   follow_up: the resolution (what was done, accepted?, goodwill ¥, root cause);
//   closed:    the follow-up call (date, satisfaction, comment) or "could not be reached" + note,
//              and the resolution too if none was recorded before;
//   resolving (from investigating): the verdict (justified or not, cause, fault);
//   invalid:   why it is not a valid complaint;  reopened: an optional reason.

import { el } from '../../lib/dom.js';
import { inputField, selectField } from '../../lib/fields.js';
import { check, required } from '../../lib/validate.js';
import { todayIso } from '../../lib/format.js';
import { ROOT_CAUSES } from './case-format.js';
import { textareaField, checkboxField } from './case-ui.js';
import { judgementFields } from './case-judgement.js';

const FORM_ID = 'transition-form';
// Yuan as people type them: 120, 120.5, 120.50, optionally after ¥.
const YUAN = /^[¥￥]?\s*\d+(\.\d{1,2})?$/;

/// Leaving verification records the verdict (prefilled when one is stored).
function needsJudgement(page, to) {
  return to === 'resolving' && page.detail.status === 'investigating';
}

function needsResolution(page, to) {
  return to === 'follow_up' || (to === 'closed' && !page.detail.fields.actionTaken);
}

function resolutionFields() {
  return el('div', { class: 'transition-group' },
    textareaField({ formId: FORM_ID, id: 'transition-actionTaken', name: 'actionTaken', labelKey: 'field.actionTaken', placeholderKey: 'transition.actionPlaceholder', rows: 3 }),
    checkboxField({ formId: FORM_ID, id: 'transition-customerAccepted', name: 'customerAccepted', labelKey: 'field.customerAccepted' }),
    el('div', { class: 'field-grid' },
      inputField({ formId: FORM_ID, id: 'transition-goodwill', name: 'goodwill', labelKey: 'field.goodwill', hintKey: 'transition.goodwillHint', optional: true, attrs: { inputmode: 'decimal', maxlength: 20 } }),
      selectField({
        formId: FORM_ID, id: 'transition-rootCause', name: 'rootCause', labelKey: 'field.rootCause', placeholderKey: 'common.choose',
        options: ROOT_CAUSES.map((value) => ({ value, labelKey: `rootCause.${value}` })),
      })));
}

function followUpFields(page) {
  const today = todayIso(page.ctx.status?.branch?.timezone);
  const unreachable = checkboxField({ formId: FORM_ID, id: 'transition-unreachable', name: 'unreachable', labelKey: 'field.unreachable' });
  const called = el('div', { class: 'call-fields' },
    el('div', { class: 'field-grid' },
      inputField({ formId: FORM_ID, id: 'transition-calledOn', name: 'calledOn', labelKey: 'field.calledOn', type: 'date', value: today, attrs: { max: today } }),
      selectField({
        formId: FORM_ID, id: 'transition-satisfaction', name: 'satisfaction', labelKey: 'field.satisfaction', placeholderKey: 'common.choose',
        options: ['5', '4', '3', '2', '1'].map((value) => ({ value, labelKey: `satisfaction.${value}` })),
      })),
    textareaField({ formId: FORM_ID, id: 'transition-comment', name: 'comment', labelKey: 'field.comment', optional: true, rows: 2 }));
  const note = el('div', { class: 'unreachable-fields', hidden: true },
    textareaField({ formId: FORM_ID, id: 'transition-unreachableNote', name: 'unreachableNote', labelKey: 'field.unreachableNote', hintKey: 'transition.unreachableHint', rows: 2 }));
  // A customer who could not be reached has no call date or score: swap the fields over.
  unreachable.querySelector('input').addEventListener('change', (event) => {
    called.hidden = event.target.checked;
    note.hidden = !event.target.checked;
    called.querySelectorAll('input, select, textarea').forEach((control) => { control.disabled = event.target.checked; });
  });
  return el('div', { class: 'transition-group' }, el('h4', { class: 'subhead', i18n: 'transition.followUpHeading' }), unreachable, called, note);
}

/// The fields of the form for moving to `to`.
export function transitionFields(page, to) {
  const parts = [];
  if (needsJudgement(page, to)) {
    parts.push(el('h4', { class: 'subhead', i18n: 'judgement.heading' }), judgementFields(FORM_ID, page.casework?.panel?.judgement));
  }
  if (needsResolution(page, to)) {
    if (to === 'closed') parts.push(el('h4', { class: 'subhead', i18n: 'transition.resolutionHeading' }));
    parts.push(resolutionFields());
  }
  if (to === 'closed') parts.push(followUpFields(page));
  if (to === 'invalid') {
    parts.push(textareaField({ formId: FORM_ID, id: 'transition-reason', name: 'reason', field: 'invalidReason', labelKey: 'field.invalidReason', hintKey: 'transition.invalidHint', rows: 3 }));
  }
  if (to === 'reopened') {
    parts.push(textareaField({ formId: FORM_ID, id: 'transition-reason', name: 'reason', labelKey: 'field.reopenReason', optional: true, rows: 2 }));
  }
  return parts;
}

/// Client-side hints for the move (the backend checks again).
export function validateTransition(page, to, values) {
  const rules = {};
  if (needsJudgement(page, to)) Object.assign(rules, { justified: [required], judgementCause: [required], fault: [required] });
  if (needsResolution(page, to)) {
    rules.actionTaken = [required];
    rules.goodwill = [(value) => (!value || YUAN.test(value.trim()) ? null : 'invalid.money')];
    rules.rootCause = [required];
  }
  if (to === 'closed') {
    if (values.unreachable) rules.unreachableNote = [required];
    else Object.assign(rules, { calledOn: [required], satisfaction: [required] });
  }
  if (to === 'invalid') rules.invalidReason = [(value) => (value ? null : 'invalid.reason_required')];
  return check({ ...values, invalidReason: values.reason }, rules);
}

/// The status change to send for the form's `values`.
export function transitionChange(page, to, values) {
  return {
    to,
    reason: values.reason,
    resolution: needsResolution(page, to) ? values : null,
    followUp: to === 'closed' ? values : null,
    judgement: needsJudgement(page, to) ? values : null,
  };
}
