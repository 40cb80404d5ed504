// The complaint form, shared by intake (#/cases/new) and "edit" on the case page. Inputs are
// named exactly as the backend's CaseInput keys, so readForm() + api.caseInput() is the whole
// mapping, and the backend's `field` lands next to the right input. DOM order is tab order.

import { el } from '../../lib/dom.js';
import { formErrorSlot } from '../../lib/form.js';
import { inputField, selectField } from '../../lib/fields.js';
import { check, required, phone, intInRange, maxLength, noControlChars } from '../../lib/validate.js';
import { categoryName } from '../../lib/labels.js';
import { CUSTOMER_TYPES, GRADES, localDateTimeInput } from './case-format.js';
import { textareaField, namedSelectField, checkboxField, channelOptions, staffChoices } from './case-ui.js';
import { ariaShortcut } from '../../lib/shortcuts.js';

/// The form's id; its error slots are named after it.
export const FORM_ID = 'case-form';
/// Households accepted by the backend.
const HOUSEHOLDS = Object.freeze({ min: 1, max: 100000 });
const MAX_DESCRIPTION = 20000;

function section(titleKey, ...children) {
  return el('fieldset', { class: ['card', 'form-section'] },
    el('legend', { class: 'form-section-title', i18n: titleKey }),
    children);
}

/// Builds the form. `mode` is 'new' or 'edit'; `fields` are the case's stored fields when
/// editing. The grade part (flags, suggestion, grade choice) is returned separately as
/// `gradeSection` so intake can put the suggestion panel in it.
export function buildCaseForm({ mode, categories, staff, ctx, fields = null }) {
  const f = fields ?? {};
  const editing = mode === 'edit';
  const tz = ctx.status?.branch?.timezone;
  const text = (name, labelKey, extra = {}) => inputField({ formId: FORM_ID, id: `case-${name}`, name, labelKey, value: f[name] ?? '', ...extra });

  const channel = selectField({ formId: FORM_ID, id: 'case-channel', name: 'channel', labelKey: 'field.channel', options: [], placeholderKey: 'common.choose' });
  channel.querySelector('select').append(...channelOptions());
  channel.querySelector('select').value = f.channel ?? '';
  if (!f.channel) channel.querySelector('select').selectedIndex = 0;

  const visible = categories.filter((category) => !category.hidden || category.id === f.categoryId);
  const category = namedSelectField({
    formId: FORM_ID, id: 'case-categoryId', name: 'categoryId', labelKey: 'field.categoryId',
    choices: visible.map((c) => [c.id, categoryName(c)]), value: f.categoryId ?? '',
  });
  const categorySelect = category.querySelector('select');
  categorySelect.prepend(el('option', { value: '', disabled: true, i18n: 'common.choose' }));
  if (!f.categoryId) categorySelect.selectedIndex = 0;

  // Whoever is working at this computer usually took the call.
  const takenBy = editing ? f.takenById : ctx.status?.currentStaffId;
  const received = editing
    ? null
    : inputField({
      formId: FORM_ID, id: 'case-receivedAt', name: 'receivedAt', labelKey: 'field.receivedAt', hintKey: 'intake.receivedAtHint',
      type: 'datetime-local', value: localDateTimeInput(tz), attrs: { max: localDateTimeInput(tz) },
    });

  const form = el('form', { id: FORM_ID, class: ['case-form', editing ? 'panel' : null], noValidate: true, dataset: editing ? { mode, closable: '' } : { mode } },
    section('intake.section.source',
      el('div', { class: 'field-grid' },
        channel,
        received,
        text('complainantName', 'field.complainantName', { optional: true, placeholderKey: 'intake.anonymousPlaceholder', attrs: { maxlength: 100 } }),
        text('phone', 'field.phone', { type: 'tel', optional: true, hintKey: 'staff.phoneHint' }),
        text('reference', 'field.reference', { optional: true, hintKey: 'intake.referenceHint', attrs: { maxlength: 100 } }),
        selectField({
          formId: FORM_ID, id: 'case-customerType', name: 'customerType', labelKey: 'field.customerType', hintKey: 'intake.customerTypeHint',
          options: CUSTOMER_TYPES.map((value) => ({ value, labelKey: `customerType.${value}` })), value: f.customerType ?? 'unknown',
        }))),
    section('intake.section.complaint',
      category,
      textareaField({ formId: FORM_ID, id: 'case-description', name: 'description', labelKey: 'field.description', placeholderKey: 'intake.descriptionPlaceholder', value: f.description, rows: 5, maxLength: MAX_DESCRIPTION }),
      textareaField({ formId: FORM_ID, id: 'case-customerRequest', name: 'customerRequest', labelKey: 'field.customerRequest', placeholderKey: 'intake.requestPlaceholder', value: f.customerRequest, rows: 2, optional: true, maxLength: MAX_DESCRIPTION })),
    el('div', { id: 'case-duplicate-slot' }),
    section('intake.section.grading',
      el('div', { class: 'flag-list' },
        checkboxField({ formId: FORM_ID, id: 'case-mediaExposureRisk', name: 'mediaExposureRisk', labelKey: 'field.mediaExposureRisk', checked: Boolean(f.mediaExposureRisk) }),
        checkboxField({ formId: FORM_ID, id: 'case-lawsuitRisk', name: 'lawsuitRisk', labelKey: 'field.lawsuitRisk', checked: Boolean(f.lawsuitRisk) }),
        // Once recorded, supporting departments are listed on the case page, not ticked here.
        editing ? null : checkboxField({ formId: FORM_ID, id: 'case-needsOtherDepartments', name: 'needsOtherDepartments', labelKey: 'field.needsOtherDepartments', checked: Boolean(f.needsOtherDepartments) })),
      inputField({
        formId: FORM_ID, id: 'case-households', name: 'households', labelKey: 'field.households', hintKey: 'intake.householdsHint',
        type: 'number', value: String(f.households ?? 1), attrs: { min: HOUSEHOLDS.min, max: HOUSEHOLDS.max, step: 1, inputmode: 'numeric' },
      }),
      editing ? null : el('div', { class: 'grade-choice' },
        el('div', { id: 'case-suggestion-slot' }),
        selectField({
          formId: FORM_ID, id: 'case-grade', name: 'grade', labelKey: 'field.grade',
          options: [{ value: '', labelKey: 'intake.gradeUseSuggestion' }, ...GRADES.map((g) => ({ value: String(g), labelKey: `grade.${g}` }))],
        }),
        el('div', { class: 'grade-reason', hidden: true },
          textareaField({ formId: FORM_ID, id: 'case-gradeReason', name: 'gradeReason', labelKey: 'field.gradeReason', hintKey: 'grade.reasonHint', rows: 2 })))),
    section('intake.section.handling',
      el('div', { class: 'field-grid' },
        namedSelectField({ formId: FORM_ID, id: 'case-takenById', name: 'takenById', labelKey: 'field.takenById', choices: staffChoices(staff, f.takenById), value: takenBy ?? '', noneKey: 'common.none', optional: true }),
        namedSelectField({ formId: FORM_ID, id: 'case-assigneeId', name: 'assigneeId', labelKey: 'field.assigneeId', choices: staffChoices(staff, f.assigneeId), value: f.assigneeId ?? '', noneKey: 'common.none', optional: true }),
        text('department', 'field.department', { optional: true, placeholderKey: 'staff.departmentPlaceholder', attrs: { maxlength: 100 } }))),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'case-save', class: ['button', 'button-primary'], attrs: { 'aria-keyshortcuts': ariaShortcut('S') }, i18n: editing ? 'common.save' : 'intake.save' }),
      editing
        ? el('button', { type: 'button', id: 'case-edit-cancel', class: 'button', dataset: { close: '' }, i18n: 'common.cancel' })
        : el('a', { href: '#/cases', class: 'button', i18n: 'common.cancel' }),
      el('span', { class: 'hint', i18n: 'intake.saveShortcut' })));
  return form;
}

const oneLine = (...extra) => [...extra, maxLength, noControlChars];

/// Client-side hints mirroring the backend's rules (the backend stays the authority).
export function validateCase(values) {
  return check(values, {
    channel: [required],
    complainantName: oneLine(),
    phone: [phone],
    reference: oneLine(),
    categoryId: [required],
    description: [required, (value) => maxLength(value, MAX_DESCRIPTION)],
    customerRequest: [(value) => maxLength(value, MAX_DESCRIPTION)],
    households: [(value) => (String(value ?? '').trim() === '' ? null : intInRange(value, HOUSEHOLDS.min, HOUSEHOLDS.max))],
    department: oneLine(),
  });
}
