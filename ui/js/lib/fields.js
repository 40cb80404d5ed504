// Labelled form fields with their hint and error slot, built the same way everywhere:
// <div class="field"><label for=id>…</label><input id=id name=…><p class="hint">…</p>
// <p class="field-error" data-error-for=…></p></div>. The input is described by both the
// hint and the error, so screen readers read the problem with the field.

import { el } from './dom.js';
import { errorSlot } from './form.js';

function wrap({ formId, id, name, field = name, labelKey, hintKey, control, optional }) {
  const slot = errorSlot(formId, field, labelKey);
  const hint = hintKey ? el('p', { class: 'hint', id: `${id}-hint`, i18n: hintKey }) : null;
  control.setAttribute('aria-describedby', [hint?.id, slot.id].filter(Boolean).join(' '));
  if (field !== name) control.dataset.field = field;
  const label = el('label', { htmlFor: id, class: 'field-label' },
    el('span', { i18n: labelKey }),
    optional ? el('span', { class: 'optional', i18n: 'common.optional' }) : null);
  return el('div', { class: ['field', `field-${name}`] }, label, control, hint, slot);
}

/// A labelled text-like input (`type` text, date, number, tel…). `attrs` adds attributes
/// such as maxlength or list; `placeholderKey` a translated placeholder.
export function inputField({ formId, id, name, field, labelKey, hintKey, type = 'text', value = '', attrs = {}, placeholderKey, optional }) {
  const control = el('input', {
    id, name, type, value: value ?? '', class: 'input',
    i18nPlaceholder: placeholderKey,
    attrs: { autocomplete: 'off', ...attrs },
  });
  return wrap({ formId, id, name, field, labelKey, hintKey, control, optional });
}

/// A labelled select; `options` are `{value, labelKey}`. `placeholderKey` adds an empty,
/// unselectable first choice so nothing is picked for the user by accident.
export function selectField({ formId, id, name, field, labelKey, hintKey, options, value = '', placeholderKey }) {
  const choices = options.map((option) => el('option', { value: option.value, i18n: option.labelKey }));
  if (placeholderKey) {
    choices.unshift(el('option', { value: '', disabled: true, i18n: placeholderKey }));
  }
  const control = el('select', { id, name, class: 'input', value: value ?? '' }, choices);
  if (placeholderKey && !value) control.selectedIndex = 0;
  return wrap({ formId, id, name, field, labelKey, hintKey, control });
}

/// Fills a <datalist> with time-zone names once they arrive (they come from the backend).
export function timezoneList(id, loadTimezones) {
  const list = el('datalist', { id });
  loadTimezones()
    .then((zones) => list.replaceChildren(...zones.map((zone) => el('option', { value: zone }))))
    .catch((err) => console.warn(err));
  return list;
}

/// The industries as select options.
export const INDUSTRY_OPTIONS = ['property', 'hotel', 'postal', 'other']
  .map((value) => ({ value, labelKey: `industry.${value}` }));

/// The languages as select options (each name is written in its own language).
export const LANGUAGE_OPTIONS = [
  { value: 'zh-CN', labelKey: 'language.zh-CN' },
  { value: 'en', labelKey: 'language.en' },
];

/// Forces a branch code input to upper case as people type, keeping the caret in place.
export function upperCaseInput(input) {
  input.addEventListener('input', () => {
    const { selectionStart, selectionEnd } = input;
    const upper = input.value.toUpperCase();
    if (upper !== input.value) {
      input.value = upper;
      input.setSelectionRange(selectionStart, selectionEnd);
    }
  });
}

