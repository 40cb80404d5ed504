// The grade card: the current grade, what the rules suggest today and why, and (while the case
// is open) a control to change it. Raising is free; going below the suggestion needs a reason,
// so the reason box appears only then.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { readForm, showErrors, clearErrors, formErrorSlot } from '../../lib/form.js';
import { selectField } from '../../lib/fields.js';
import { GRADES, OPEN_STATUSES } from './case-format.js';
import { gradeBadge, textareaField, firedRules } from './case-ui.js';

const FORM_ID = 'case-grade-form';

/// Builds the grade card.
export function buildGradeCard(page) {
  const { detail } = page;
  const f = detail.fields;
  const { suggestion } = detail;
  const open = OPEN_STATUSES.includes(detail.status);
  return el('section', { id: 'case-grade-card', class: ['card', 'grade-card'], attrs: { 'aria-labelledby': 'case-grade-card-title' } },
    el('h2', { id: 'case-grade-card-title', class: 'card-title', i18n: 'case.grade.title' }),
    el('p', { class: 'grade-current' }, gradeBadge(f.grade), ' ', t(`grade.${f.grade}`)),
    f.gradeReason ? el('p', { class: ['hint', 'case-text'] }, t('case.grade.reasonShown', { reason: f.gradeReason })) : null,
    el('div', { class: 'grade-suggestion', dataset: { grade: String(suggestion.grade) } },
      el('p', null, t('case.grade.suggested', { grade: t(`gradeShort.${suggestion.grade}`) })),
      firedRules(suggestion)),
    open ? gradeForm(page) : null);
}

function gradeForm(page) {
  const { detail } = page;
  const current = String(detail.fields.grade);
  const reason = el('div', { class: 'grade-reason', hidden: true },
    textareaField({ formId: FORM_ID, id: 'case-grade-reason', name: 'gradeReason', labelKey: 'field.gradeReason', hintKey: 'grade.reasonHint', rows: 2 }));
  const save = el('button', { type: 'submit', id: 'case-grade-save', class: ['button', 'button-small'], disabled: true, i18n: 'case.grade.save' });
  const form = el('form', { id: FORM_ID, class: ['grade-form', 'no-print'], noValidate: true },
    selectField({
      formId: FORM_ID, id: 'case-grade-select', name: 'grade', labelKey: 'case.grade.change',
      options: GRADES.map((g) => ({ value: String(g), labelKey: `grade.${g}` })), value: current,
    }),
    reason,
    formErrorSlot(),
    el('div', { class: 'form-actions' }, save));
  const lower = () => Number(form.elements.grade.value) > detail.suggestion.grade;
  form.elements.grade.addEventListener('change', () => {
    reason.hidden = !lower();
    save.disabled = form.elements.grade.value === current;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = readForm(form);
    if (values.grade === current) return;
    if (lower() && !values.gradeReason) {
      showErrors(form, [{ field: 'gradeReason', code: 'invalid.reason_required' }]);
      return;
    }
    page.run(() => api.setCaseGrade(page.id, values.grade, lower() ? values.gradeReason : null), { form });
  });
  return form;
}
