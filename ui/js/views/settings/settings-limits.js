// Settings › Time limits: for each grade, how many hours to acknowledge a complaint and how
// many days to resolve it. Deadlines on cases are computed from these.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { showError, showErrors, clearErrors, errorSlot, fieldLabel, formErrorSlot, whileBusy } from '../../lib/form.js';
import { validateLimits, ACK_HOURS, RESOLVE_DAYS } from '../../lib/validate.js';
import { toastSaved } from '../../lib/toast.js';

const FORM_ID = 'limits-form';
const GRADES = [1, 2, 3, 4];

/// Builds the time-limits section; call `load()` to fill it.
export function buildLimits() {
  const form = el('form', { id: FORM_ID, noValidate: true },
    el('div', { class: 'table-wrap' },
      el('table', { class: ['table', 'limits-table'] },
        el('thead', null, el('tr', null,
          el('th', { scope: 'col', i18n: 'settings.limits.grade' }),
          el('th', { scope: 'col', i18n: 'field.acknowledgeHours' }),
          el('th', { scope: 'col', i18n: 'field.resolveDays' }))),
        el('tbody', null, GRADES.map(gradeRow)))),
    el('p', { class: 'hint' }, t('settings.limits.rangeHint', {
      ackMin: ACK_HOURS.min, ackMax: ACK_HOURS.max, resolveMin: RESOLVE_DAYS.min, resolveMax: RESOLVE_DAYS.max,
    })),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'limits-save', class: ['button', 'button-primary'], disabled: true, i18n: 'common.save' })));

  const section = el('section', { id: 'settings-limits', class: ['card', 'settings-section'], attrs: { 'aria-labelledby': 'settings-limits-title' } },
    el('h2', { id: 'settings-limits-title', class: 'card-title', i18n: 'settings.limits.title' }),
    el('p', { class: 'muted', i18n: 'settings.limits.intro' }),
    form);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(form);
  });

  const load = async () => {
    clearErrors(form);
    try {
      fill(form, await api.getTimeLimits());
      form.querySelector('#limits-save').disabled = false;
    } catch (err) {
      // Keep Save off: saving blank inputs would only produce errors.
      showError(form, err, { focus: false });
    }
  };
  return { section, load };
}

function gradeRow(grade) {
  const cell = (prefix, field, what, range) => {
    const id = `${prefix}-${grade}`;
    const slot = errorSlot(FORM_ID, field);
    return el('td', null,
      el('label', { htmlFor: id, class: 'visually-hidden' }, fieldLabel(field)),
      el('div', { class: 'input-with-unit' },
        el('input', {
          id, name: id, type: 'number', class: ['input', 'input-number'], dataset: { field },
          attrs: { min: range.min, max: range.max, step: 1, inputmode: 'numeric', 'aria-describedby': slot.id },
        }),
        el('span', { class: 'unit', attrs: { 'aria-hidden': 'true' }, i18n: what })),
      slot);
  };
  return el('tr', { dataset: { grade: String(grade) } },
    el('th', { scope: 'row' },
      el('span', { class: ['grade-badge', `grade-${grade}`], i18n: `grade.${grade}` }),
      el('span', { class: 'hint', i18n: `gradeHint.${grade}` })),
    cell('ack', `limits.${grade}.acknowledgeHours`, 'settings.limits.hoursUnit', ACK_HOURS),
    cell('resolve', `limits.${grade}.resolveDays`, 'settings.limits.daysUnit', RESOLVE_DAYS));
}

function fill(form, limits) {
  for (const limit of limits) {
    const ack = form.elements[`ack-${limit.grade}`];
    const resolve = form.elements[`resolve-${limit.grade}`];
    if (ack) ack.value = String(limit.acknowledgeHours);
    if (resolve) resolve.value = String(limit.resolveDays);
  }
}

function read(form) {
  // A number input holding something unparsable reports '' as its value; keep it
  // non-empty so the hint says "out of range" rather than "required".
  const value = (input) => (input.validity?.badInput ? 'NaN' : input.value.trim());
  return GRADES.map((grade) => ({
    grade,
    acknowledgeHours: value(form.elements[`ack-${grade}`]),
    resolveDays: value(form.elements[`resolve-${grade}`]),
  }));
}

async function save(form) {
  clearErrors(form);
  const limits = read(form);
  const problems = validateLimits(limits);
  if (problems.length) {
    showErrors(form, problems);
    return;
  }
  try {
    fill(form, await whileBusy(form, () => api.updateTimeLimits(limits)));
    toastSaved();
  } catch (err) {
    showError(form, err);
  }
}
