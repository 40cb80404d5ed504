// A plan's measures: what will be done, of which kind, by whom, by when; where each stands,
// when it was done and the evidence. Overdue ones are marked in red and with the word
// "overdue". While formulating, suggested measures of every kind are offered: "use" copies one
// into the form. Marking a measure done asks for the day and the evidence.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { readForm, formErrorSlot } from '../../lib/form.js';
import { inputField, selectField } from '../../lib/fields.js';
import { textareaField, namedSelectField, staffChoices } from '../cases/case-ui.js';
import { MEASURE_KINDS, SUGGESTIONS_PER_KIND } from './prevention-format.js';
import { measureStatusBadge } from './prevention-ui.js';
import { renderMeasureLink, measureLinkFields, watchMeasureKind, linkedValues } from './prevention-measure-link.js';

/// The measures card of a plan page.
export function buildMeasures(page) {
  const { plan, measures } = page.detail;
  const open = plan.status === 'draft' || plan.status === 'active';
  const showSuggestions = open && (plan.phase === 'formulate' || page.ui.suggestions);
  const overdue = measures.filter((m) => m.overdue).length;
  return el('section', { id: 'plan-measures', class: ['card', 'plan-measures'], attrs: { 'aria-labelledby': 'plan-measures-title' } },
    el('div', { class: 'card-heading' },
      el('h2', { id: 'plan-measures-title', class: 'card-title', i18n: 'prevention.measures.title' }),
      open && plan.phase !== 'formulate' ? el('button', {
        type: 'button', id: 'measure-suggest-toggle', class: ['button', 'button-small', 'button-quiet', 'no-print'],
        i18n: page.ui.suggestions ? 'prevention.suggest.hide' : 'prevention.suggest.show',
        on: { click: () => { page.ui.suggestions = !page.ui.suggestions; page.redraw(); } },
      }) : null),
    overdue ? el('p', { id: 'plan-measures-overdue', class: ['note', 'measure-overdue-note'] }, t('prevention.measures.overdueNote', { count: String(overdue) })) : null,
    measures.length
      ? el('ul', { id: 'measure-list', class: 'measure-list' }, measures.map((measure) => measureItem(page, measure, open)))
      : el('p', { id: 'measure-none', class: 'muted', i18n: open ? 'prevention.measures.none' : 'prevention.measures.noneClosed' }),
    showSuggestions ? suggestions(page) : null,
    open ? addForm(page) : null);
}

function measureItem(page, measure, open) {
  const lang = getLanguage();
  const facts = [
    t(`prevention.kind.${measure.kind}`),
    measure.ownerName ?? t('prevention.owner.none'),
    t('prevention.measure.due', { date: formatDate(measure.dueDate, lang) }),
    measure.doneOn ? t('prevention.measure.doneOn', { date: formatDate(measure.doneOn, lang) }) : null,
  ].filter(Boolean);
  const change = (status, extra = {}) => page.run(() => api.setMeasureStatus(measure.id, { status, ...extra }), { toastKey: `prevention.measureStatus.toast.${status}` });
  const button = (id, key, onClick, primary) => el('button', { type: 'button', id: `measure-${measure.id}-${id}`, class: ['button', 'button-small', primary && 'button-primary'], i18n: key, on: { click: onClick } });
  const actions = [];
  if (open && measure.status === 'planned') actions.push(button('start', 'prevention.measure.start', () => change('in_progress')));
  if (open && (measure.status === 'planned' || measure.status === 'in_progress')) {
    actions.push(button('done', 'prevention.measure.markDone', () => { page.ui.completing = measure.id; page.redraw(); page.container.querySelector(`#measure-${measure.id}-done-form-doneOn`)?.focus(); }, true));
    actions.push(button('drop', 'prevention.measure.drop', () => change('dropped')));
  }
  if (open && (measure.status === 'done' || measure.status === 'dropped')) actions.push(button('reopen', 'prevention.measure.reopen', () => change('planned')));
  if (open) actions.push(button('edit', 'common.edit', () => { page.ui.editing = measure.id; page.redraw(); page.container.querySelector(`#measure-${measure.id}-edit-form-dueDate`)?.focus(); }));
  if (page.ui.editing === measure.id) {
    return el('li', { id: `measure-${measure.id}`, class: 'measure', dataset: { measureId: String(measure.id), status: measure.status } }, editForm(page, measure));
  }
  return el('li', { id: `measure-${measure.id}`, class: ['measure', measure.overdue && 'is-overdue', `measure-${measure.status}`], dataset: { measureId: String(measure.id), status: measure.status } },
    el('div', { class: 'measure-head' },
      el('p', { class: ['measure-description', 'case-text'] }, measure.description),
      measureStatusBadge(measure)),
    el('p', { class: ['measure-facts', 'muted'] }, facts.join(' · ')),
    measure.evidence ? el('p', { class: ['measure-evidence', 'case-text'] }, el('span', { class: 'measure-evidence-label', i18n: 'prevention.field.evidence' }), ' ', measure.evidence) : null,
    renderMeasureLink(measure),
    actions.length ? el('div', { class: ['measure-actions', 'no-print'] }, actions) : null,
    page.ui.completing === measure.id ? doneForm(page, measure) : null);
}

function doneForm(page, measure) {
  const formId = `measure-${measure.id}-done-form`;
  const form = el('form', { id: formId, class: ['inline-panel', 'measure-done-form'], noValidate: true },
    formErrorSlot(),
    el('div', { class: 'field-grid' },
      inputField({ formId, id: `${formId}-doneOn`, name: 'doneOn', labelKey: 'prevention.field.doneOn', type: 'date', value: page.detail.today })),
    textareaField({ formId, id: `${formId}-evidence`, name: 'evidence', labelKey: 'prevention.field.evidence', hintKey: 'prevention.field.evidenceHint', value: measure.evidence, rows: 2, optional: true }),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: `${formId}-save`, class: ['button', 'button-primary'], i18n: 'prevention.measure.saveDone' }),
      el('button', { type: 'button', class: 'button', dataset: { close: '' }, i18n: 'common.cancel', on: { click: () => { page.ui.completing = null; page.redraw(); } } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = readForm(form);
    page.ui.completing = null;
    page.run(() => api.setMeasureStatus(measure.id, { status: 'done', doneOn: values.doneOn, evidence: values.evidence }), { form, toastKey: 'prevention.measureStatus.toast.done' })
      .then((ok) => { if (!ok) page.ui.completing = measure.id; });
  });
  return form;
}

function suggestions(page) {
  return el('div', { id: 'measure-suggestions', class: ['measure-suggestions', 'no-print'] },
    el('h3', { class: 'subhead', i18n: 'prevention.suggest.title' }),
    el('p', { class: 'hint', i18n: 'prevention.suggest.hint' }),
    el('dl', { class: 'suggestion-list' }, MEASURE_KINDS.map((kind) => [
      el('dt', { i18n: `prevention.kind.${kind}` }),
      Array.from({ length: SUGGESTIONS_PER_KIND }, (_, i) => {
        const key = `prevention.suggest.${kind}.${i + 1}`;
        return el('dd', { class: 'suggestion-item', dataset: { kind } },
          el('span', { i18n: key }),
          el('button', {
            type: 'button', class: ['button', 'button-small', 'button-quiet', 'suggestion-use'], dataset: { suggestion: key },
            attrs: { 'aria-label': t('prevention.suggest.useNamed', { text: t(key) }) }, i18n: 'prevention.suggest.use',
            on: { click: () => useSuggestion(page, kind, t(key)) },
          }));
      }),
    ])));
}

function useSuggestion(page, kind, text) {
  const form = page.container.querySelector('#measure-add');
  if (!form) return;
  form.elements.kind.value = kind;
  form.elements.kind.dispatchEvent(new Event('change'));
  form.elements.description.value = text;
  form.elements.description.focus();
}

function addForm(page) {
  const form = measureForm(page, { formId: 'measure-add', titleKey: 'prevention.measure.add', saveKey: 'prevention.measure.addButton', values: { kind: 'training' } });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page.run(() => api.addMeasure(page.id, linkedValues(readForm(form))), { form, toastKey: 'prevention.measure.added' });
  });
  return form;
}

function editForm(page, measure) {
  const formId = `measure-${measure.id}-edit-form`;
  const form = measureForm(page, { formId, titleKey: 'prevention.measure.edit', saveKey: 'common.save', values: measure, evidence: true });
  form.querySelector('.form-actions').append(el('button', {
    type: 'button', class: 'button', dataset: { close: '' }, i18n: 'common.cancel',
    on: { click: () => { page.ui.editing = null; page.redraw(); } },
  }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page.run(() => api.updateMeasure(measure.id, linkedValues(readForm(form))), { form, reset: { ui: { ...page.ui, editing: null } } });
  });
  return form;
}

/// The fields of a measure: kind, owner, due date, what will be done, the training it relies on
/// (for training and drill kinds), and the evidence when editing.
function measureForm(page, { formId, titleKey, saveKey, values, evidence = false }) {
  const form = el('form', { id: formId, class: ['inline-panel', 'measure-form', 'no-print'], noValidate: true },
    el('h3', { class: 'subhead', i18n: titleKey }),
    formErrorSlot(),
    el('div', { class: 'field-grid' },
      selectField({ formId, id: `${formId}-kind`, name: 'kind', labelKey: 'prevention.field.kind', options: MEASURE_KINDS.map((kind) => ({ value: kind, labelKey: `prevention.kind.${kind}` })), value: values.kind }),
      namedSelectField({ formId, id: `${formId}-ownerId`, name: 'ownerId', labelKey: 'prevention.field.owner', choices: staffChoices(page.staff, values.ownerId), value: values.ownerId, noneKey: 'prevention.owner.none' }),
      inputField({ formId, id: `${formId}-dueDate`, name: 'dueDate', labelKey: 'prevention.field.dueDate', type: 'date', value: values.dueDate ?? '' })),
    textareaField({ formId, id: `${formId}-description`, name: 'description', labelKey: 'prevention.field.measure', value: values.description ?? '', rows: 2 }),
    measureLinkFields({ formId, training: page.training, values }),
    evidence ? textareaField({ formId, id: `${formId}-evidence`, name: 'evidence', labelKey: 'prevention.field.evidence', value: values.evidence ?? '', rows: 2, optional: true }) : null,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: `${formId}-save`, class: ['button', 'button-primary'], i18n: saveKey })));
  watchMeasureKind(form);
  return form;
}
