// The plan form: a new plan (#/prevention/plans/new, prefilled from the analysis or from a
// finished plan's "follow-on") and editing a plan on its page. The backend checks every rule
// (a target, a goal of 1–100% within 1–730 days, a review date after the start) and its errors
// land next to the field concerned; the review date may be left blank (start + goal days).

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { todayIso } from '../../lib/format.js';
import { categoryName } from '../../lib/labels.js';
import { readForm, clearErrors, showError, whileBusy, errorSlot, formErrorSlot } from '../../lib/form.js';
import { inputField, selectField } from '../../lib/fields.js';
import { pageHeader } from '../../lib/states.js';
import { toast } from '../../lib/toast.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { ROOT_CAUSES } from '../cases/case-format.js';
import { textareaField, namedSelectField, staffChoices } from '../cases/case-ui.js';
import { DEFAULT_GOAL, planHash } from './prevention-format.js';
import { preventionTabs } from './prevention-ui.js';
import { ariaShortcut } from '../../lib/shortcuts.js';

/// Renders the new-plan form with `prefill` (`{title, categoryId, rootCause, parentId, goalPercent, goalDays, ownerId}`).
export async function renderNewPlan(container, ctx, prefill = {}) {
  const [categories, staff, parent] = await Promise.all([
    api.listCategories(), api.listStaff(true),
    prefill.parentId ? api.getPlan(Number(prefill.parentId)).catch(() => null) : null,
  ]);
  const values = { ...DEFAULT_GOAL, startDate: todayIso(ctx.status?.branch?.timezone), ...prefill };
  const form = buildPlanForm({ formId: 'plan-new', values, categories, staff, parentTitle: parent?.plan?.title });
  const release = guardUnsavedForm(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const detail = await whileBusy(form, () => api.createPlan(readForm(form)));
      toast(t('prevention.plan.created'), 'success');
      release();
      location.hash = planHash(detail.plan.id);
    } catch (err) {
      showError(form, err);
    }
  });
  form.querySelector('[data-close]').addEventListener('click', () => history.back());
  container.replaceChildren(
    pageHeader('prevention.plan.newTitle', { introKey: 'prevention.plan.newIntro' }),
    preventionTabs('plans'),
    form);
  form.querySelector('#plan-new-title').focus();
}

/// The plan form (`formId` prefixes every id). `values` uses the plan's field names.
export function buildPlanForm({ formId, values, categories, staff, parentTitle }) {
  const field = (name, labelKey, options = {}) => inputField({ formId, id: `${formId}-${name}`, name, labelKey, value: values[name] ?? '', ...options });
  const categoryChoices = categories
    .filter((category) => !category.hidden || String(category.id) === String(values.categoryId))
    .map((category) => [category.id, categoryName(category)]);
  const target = el('fieldset', { class: ['form-section', 'plan-target'] },
    el('legend', { class: 'form-section-title', i18n: 'prevention.plan.target' }),
    el('p', { class: 'hint', i18n: 'prevention.plan.targetHint' }),
    el('div', { class: 'field-grid' },
      namedSelectField({ formId, id: `${formId}-categoryId`, name: 'categoryId', labelKey: 'prevention.field.category', choices: categoryChoices, value: values.categoryId, noneKey: 'prevention.plan.anyCategory' }),
      selectField({
        formId, id: `${formId}-rootCause`, name: 'rootCause', labelKey: 'field.rootCause', value: values.rootCause ?? '',
        options: [{ value: '', labelKey: 'prevention.plan.anyCause' }, ...ROOT_CAUSES.map((cause) => ({ value: cause, labelKey: `rootCause.${cause}` }))],
      })),
    errorSlot(formId, 'target', 'prevention.plan.target'));
  const form = el('form', { id: formId, class: ['case-form', 'panel', 'plan-form'], noValidate: true },
    formErrorSlot(),
    field('title', 'prevention.field.title', { attrs: { maxlength: 120 } }),
    parentTitle ? el('p', { id: `${formId}-parent`, class: 'note' }, t('prevention.plan.followsOn', { title: parentTitle })) : null,
    el('input', { type: 'hidden', name: 'parentId', value: values.parentId ?? '' }),
    target,
    el('fieldset', { class: 'form-section' },
      el('legend', { class: 'form-section-title', i18n: 'prevention.plan.goal' }),
      el('div', { class: 'field-grid' },
        field('goalPercent', 'prevention.field.goalPercent', { type: 'number', attrs: { min: 1, max: 100, step: 1 }, hintKey: 'prevention.field.goalPercentHint' }),
        field('goalDays', 'prevention.field.goalDays', { type: 'number', attrs: { min: 1, max: 730, step: 1 } }))),
    el('div', { class: 'field-grid' },
      namedSelectField({ formId, id: `${formId}-ownerId`, name: 'ownerId', labelKey: 'prevention.field.owner', choices: staffChoices(staff, Number(values.ownerId)), value: values.ownerId, noneKey: 'prevention.owner.none' }),
      field('startDate', 'prevention.field.startDate', { type: 'date' }),
      field('reviewDate', 'prevention.field.reviewDate', { type: 'date', hintKey: 'prevention.field.reviewDateHint', optional: true })),
    textareaField({ formId, id: `${formId}-notes`, name: 'notes', labelKey: 'prevention.field.notes', hintKey: 'prevention.field.notesHint', value: values.notes ?? '', rows: 4, optional: true }),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: ['button', 'button-primary'], attrs: { 'aria-keyshortcuts': ariaShortcut('S') }, i18n: 'common.save' }),
      el('button', { type: 'button', class: 'button', dataset: { close: '' }, i18n: 'common.cancel' })));
  return form;
}
