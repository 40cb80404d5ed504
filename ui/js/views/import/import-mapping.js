// Import step 2: which column fills which case field. Each field has a select of the file's
// columns, pre-filled with the remembered or suggested choice; the two required fields must
// have one. "Check every row" runs the dry run on the backend and moves to step 3.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { errorSlot, formErrorSlot, showError, showErrors, clearErrors } from '../../lib/form.js';
import { FIELDS, REQUIRED, fieldText, missingFields } from './import-format.js';

const FORM_ID = 'import-mapping-form';

function fieldRow(field, headers, chosen) {
  const id = `import-map-${field}`;
  const required = REQUIRED.includes(field);
  const select = el('select', { id, name: field, class: 'input', value: chosen ?? '' },
    el('option', { value: '', i18n: 'import.mapping.none' }),
    headers.map((header) => el('option', { value: header }, header)));
  const slot = errorSlot(FORM_ID, field, `import.field.${field}`);
  select.setAttribute('aria-describedby', slot.id);
  if (required) select.required = true;
  return el('div', { class: ['field', 'import-map-field'], dataset: { field } },
    el('label', { htmlFor: id, class: 'field-label' },
      el('span', null, fieldText(field)),
      required ? el('span', { class: ['tag', 'tag-muted', 'import-required'], i18n: 'import.mapping.required' }) : null),
    select,
    slot);
}

/// Reads the selects and the "Other" choice back into the wizard.
function readChoices(form, wizard) {
  wizard.mapping = Object.fromEntries(FIELDS.map((field) => [field, form.elements[field].value]).filter(([, column]) => column));
  wizard.options = { ...wizard.options, unknownCategoryToOther: form.elements.unknownCategoryToOther.checked };
}

/// Builds step 2.
export function renderMappingStep(wizard) {
  const { preview, remembered, token } = wizard.picked;
  const other = el('input', { type: 'checkbox', id: 'import-other', name: 'unknownCategoryToOther', checked: wizard.options.unknownCategoryToOther });
  const back = el('button', { type: 'button', id: 'import-back', class: 'button', i18n: 'import.back' });
  const check = el('button', { type: 'submit', id: 'import-check', class: ['button', 'button-primary'], i18n: 'import.check' });
  const form = el('form', { id: FORM_ID, noValidate: true },
    el('p', { class: 'muted', i18n: 'import.mapping.intro' }),
    el('p', { id: 'import-mapping-source', class: 'hint', i18n: remembered ? 'import.mapping.remembered' : 'import.mapping.suggested' }),
    el('div', { class: ['field-grid', 'import-map-grid'] }, FIELDS.map((field) => fieldRow(field, preview.headers, wizard.mapping[field]))),
    el('div', { class: ['field', 'field-checkbox'] },
      el('label', { htmlFor: 'import-other', class: 'checkbox' }, other, el('span', { i18n: 'import.mapping.other' })),
      el('p', { class: 'hint', i18n: 'import.mapping.otherHint' })),
    formErrorSlot(),
    el('div', { class: ['form-actions', 'wizard-actions'] }, back, check));

  back.addEventListener('click', () => {
    readChoices(form, wizard);
    wizard.go('file');
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    readChoices(form, wizard);
    const missing = missingFields(wizard.mapping);
    if (missing.length) {
      showErrors(form, missing.map((field) => ({ code: 'invalid.required', field })));
      return;
    }
    check.disabled = true;
    check.textContent = t('import.checking');
    try {
      wizard.report = await api.importDryRun(token, wizard.mapping, wizard.options);
      wizard.go('check');
    } catch (err) {
      showError(form, err);
      check.disabled = false;
      check.textContent = t('import.check');
    }
  });
  return el('section', { id: 'import-mapping-step', class: 'card', attrs: { 'aria-labelledby': 'import-mapping-title' } },
    el('h2', { id: 'import-mapping-title', class: 'card-title', i18n: 'import.step.mapping' }),
    form);
}
