// Turning a lesson into a drill scenario or a prevention measure: the backend drafts either
// from the lesson (persona card and briefing from the case's customer type, category and the
// lesson; the measure from what to do differently), the trainer or manager reviews it here and
// saves, and the lesson links to what it became.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { readForm, formErrorSlot, errorSlot, showError, clearErrors, whileBusy } from '../../lib/form.js';
import { toast } from '../../lib/toast.js';
import { textareaField } from '../cases/case-ui.js';
import { SCENARIO_INDUSTRIES, SCENARIO_TYPES } from '../training/training-format.js';
import { PERSONA } from '../training/training-scenarios.js';
import { MEASURE_KINDS } from '../prevention/prevention-format.js';

const TEXTS = ['title', ...PERSONA, 'briefing'];

function select(formId, name, labelKey, values, label, value, withBlank = false) {
  const options = values.map((v) => el('option', { value: v }, label(v)));
  if (withBlank) options.unshift(el('option', { value: '', i18n: 'lesson.convert.choose' }));
  return el('div', { class: 'field' },
    el('label', { class: 'field-label', htmlFor: `${formId}-${name}`, i18n: labelKey }),
    el('select', { id: `${formId}-${name}`, name, class: 'input', value }, options),
    errorSlot(formId, name, labelKey));
}

async function submit(form, work, onDone, toastKey) {
  clearErrors(form);
  try {
    const lesson = await whileBusy(form, work);
    toast(t(toastKey), 'success');
    onDone(lesson);
  } catch (err) {
    showError(form, err);
  }
}

/// The drill scenario review form for lesson `lesson`, pre-filled from the backend's draft.
export async function scenarioForm(lesson, onDone, onCancel) {
  const draft = await api.lessonScenarioDraft(lesson.id, getLanguage());
  const formId = 'lesson-scenario';
  const form = el('form', { id: formId, class: ['card', 'lesson-convert'], noValidate: true, attrs: { 'aria-labelledby': `${formId}-title` } },
    el('h2', { id: `${formId}-title`, class: 'card-title', i18n: 'lesson.convert.scenarioTitle' }),
    el('p', { class: 'hint', i18n: 'lesson.convert.scenarioHint' }),
    formErrorSlot(),
    el('div', { class: 'field-row' },
      select(formId, 'industry', 'training.scenarios.industry', SCENARIO_INDUSTRIES, (v) => t(`industry.${v}`), draft.industry),
      select(formId, 'customerType', 'training.scenarios.customerType', SCENARIO_TYPES, (v) => t(`customerType.${v}`), draft.customerType, !draft.customerType)),
    TEXTS.map((name) => textareaField({
      formId, id: `${formId}-${name}`, name,
      labelKey: name === 'title' ? 'training.scenarios.titleField' : `training.persona.${name}`,
      value: draft[name], rows: name === 'title' ? 1 : 2,
    })),
    el('div', { class: 'form-actions' },
      el('button', { type: 'button', id: `${formId}-cancel`, class: 'button', i18n: 'common.cancel', on: { click: onCancel } }),
      el('button', { type: 'submit', id: `${formId}-save`, class: ['button', 'button-primary'], i18n: 'lesson.convert.saveScenario' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form, () => api.lessonToScenario(lesson.id, readForm(form)), onDone, 'lesson.convert.scenarioSaved');
  });
  return form;
}

/// The measure review form for lesson `lesson`: pick an open plan, check the pre-filled measure.
export async function measureForm(lesson, onDone, onCancel) {
  const [draft, plans] = await Promise.all([api.lessonMeasureDraft(lesson.id), api.listPlans()]);
  const open = plans.filter((p) => p.status === 'draft' || p.status === 'active');
  const formId = 'lesson-measure';
  const form = el('form', { id: formId, class: ['card', 'lesson-convert'], noValidate: true, attrs: { 'aria-labelledby': `${formId}-title` } },
    el('h2', { id: `${formId}-title`, class: 'card-title', i18n: 'lesson.convert.measureTitle' }),
    open.length ? null : el('p', { id: `${formId}-no-plan`, class: 'note', i18n: 'lesson.convert.noPlan' }),
    formErrorSlot(),
    el('div', { class: 'field' },
      el('label', { class: 'field-label', htmlFor: `${formId}-planId`, i18n: 'lesson.convert.plan' }),
      el('select', { id: `${formId}-planId`, name: 'planId', class: 'input' }, open.map((p) => el('option', { value: String(p.id) }, p.title)))),
    textareaField({ formId, id: `${formId}-description`, name: 'description', labelKey: 'prevention.field.measure', value: draft.description, rows: 3 }),
    el('div', { class: 'field-row' },
      select(formId, 'kind', 'prevention.field.kind', MEASURE_KINDS, (v) => t(`prevention.kind.${v}`), draft.kind),
      el('div', { class: 'field' },
        el('label', { class: 'field-label', htmlFor: `${formId}-dueDate`, i18n: 'prevention.field.dueDate' }),
        el('input', { type: 'date', id: `${formId}-dueDate`, name: 'dueDate', class: 'input', value: draft.dueDate ?? '' }),
        errorSlot(formId, 'dueDate', 'prevention.field.dueDate'))),
    el('div', { class: 'form-actions' },
      el('button', { type: 'button', id: `${formId}-cancel`, class: 'button', i18n: 'common.cancel', on: { click: onCancel } }),
      el('button', { type: 'submit', id: `${formId}-save`, class: ['button', 'button-primary'], disabled: !open.length, i18n: 'lesson.convert.saveMeasure' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = readForm(form);
    submit(form, () => api.lessonToMeasure(lesson.id, values.planId, values), onDone, 'lesson.convert.measureSaved');
  });
  return form;
}
