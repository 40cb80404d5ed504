// Verification's verdict on a case: justified or not, its cause, and where the fault lies.
// Given when the case leaves verification (see case-transition.js); this card shows it and
// lets it be corrected later, which needs a reason.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { readForm, formErrorSlot } from '../../lib/form.js';
import { selectField } from '../../lib/fields.js';
import { textareaField } from './case-ui.js';
import { FAULTS, causesFor, causeKey, verdictText } from './casework-format.js';

/// The verdict's fields, for this card and for the move out of verification. `formId` names
/// the form they belong to; `verdict` prefills them.
export function judgementFields(formId, verdict) {
  const justified = verdict ? (verdict.justified ? 'yes' : 'no') : '';
  const causeOptions = (choice) => causesFor(choice).map((value) => ({ value, labelKey: causeKey(choice === 'yes', value) }));
  const cause = selectField({
    formId, id: `${formId}-judgementCause`, name: 'judgementCause', labelKey: 'field.judgementCause', placeholderKey: 'common.choose',
    options: causeOptions(justified), value: verdict?.cause ?? '',
  });
  const verdictSelect = selectField({
    formId, id: `${formId}-justified`, name: 'justified', labelKey: 'field.justified', placeholderKey: 'common.choose',
    options: [{ value: 'yes', labelKey: 'judgement.justified' }, { value: 'no', labelKey: 'judgement.unjustified' }], value: justified,
  });
  // The causes differ for a justified complaint and an unjustified one.
  verdictSelect.querySelector('select').addEventListener('change', (event) => {
    const fresh = selectField({
      formId, id: `${formId}-judgementCause`, name: 'judgementCause', labelKey: 'field.judgementCause', placeholderKey: 'common.choose',
      options: causeOptions(event.target.value),
    });
    cause.querySelector('select').replaceChildren(...fresh.querySelector('select').children);
  });
  return el('div', { class: ['field-grid', 'judgement-fields'] },
    verdictSelect,
    cause,
    selectField({
      formId, id: `${formId}-fault`, name: 'fault', labelKey: 'field.fault', placeholderKey: 'common.choose',
      options: FAULTS.map((value) => ({ value, labelKey: `judgement.fault.${value}` })), value: verdict?.fault ?? '',
    }));
}

/// The verdict card; none for a voided case.
export function buildJudgement(page, panel, act) {
  if (page.detail.status === 'invalid') return null;
  const verdict = panel.judgement;
  const editing = page.caseworkForm === 'judgement';
  const edit = el('button', {
    type: 'button', id: 'judgement-edit', class: ['button', 'button-small', 'no-print'], hidden: editing,
    i18n: verdict ? 'judgement.change' : 'judgement.record',
    on: { click: () => { page.caseworkForm = 'judgement'; page.redraw(); page.container.querySelector('#judgement-form-justified')?.focus(); } },
  });
  return el('section', { id: 'case-judgement', class: ['card', 'casework-card'], attrs: { 'aria-labelledby': 'case-judgement-title' } },
    el('div', { class: 'card-heading' },
      el('h2', { id: 'case-judgement-title', class: 'card-title', i18n: 'judgement.title' }),
      edit),
    el('p', { id: 'judgement-verdict', class: verdict ? 'judgement-verdict' : 'hint' }, verdict ? verdictText(verdict) : el('span', { i18n: 'judgement.none' })),
    editing ? judgementForm(page, verdict, act) : null);
}

function judgementForm(page, verdict, act) {
  const formId = 'judgement-form';
  const form = el('form', { id: formId, class: ['casework-form', 'no-print'], noValidate: true },
    judgementFields(formId, verdict),
    verdict ? textareaField({ formId, id: `${formId}-reason`, name: 'judgementReason', labelKey: 'field.judgementReason', hintKey: 'judgement.reasonHint', rows: 2 }) : null,
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: ['button', 'button-primary', 'button-small'], i18n: 'common.save' }),
      el('button', { type: 'button', class: ['button', 'button-small'], i18n: 'common.cancel', on: { click: () => { page.caseworkForm = null; page.redraw(); } } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = readForm(form);
    act(form, () => api.setCaseJudgement(page.id, values));
  });
  return form;
}
