// Reading forms and showing errors where they belong. A field error sits right under its
// input (`.field-error[data-error-for="<field>"]`) and reads "<label>: <problem>"; anything
// without a field of its own goes to the form's `.form-error`. Errors remember their code, so
// a language switch can re-translate them in place.

import { t, hasKey } from '../i18n/index.js';

/// Reads a form into `{name: value}`: text trimmed, checkboxes as booleans.
export function readForm(form) {
  const values = {};
  for (const control of form.elements) {
    if (!control.name || control.disabled) continue;
    if (control.type === 'checkbox') values[control.name] = control.checked;
    else if (control.type === 'radio') {
      if (control.checked) values[control.name] = control.value;
    } else if (control.tagName !== 'BUTTON' && control.tagName !== 'FIELDSET') {
      values[control.name] = control.value.trim();
    }
  }
  return values;
}

/// The user-facing label of a backend field name (`name`, `limits.2.resolveDays`…).
export function fieldLabel(field) {
  const limit = /^limits\.(\d+)\.(acknowledgeHours|resolveDays)$/.exec(field ?? '');
  if (limit) {
    return t(`field.limit.${limit[2]}`, { grade: t(`grade.${limit[1]}`) });
  }
  return hasKey(`field.${field}`) ? t(`field.${field}`) : '';
}

/// The translated sentence for an error code; unknown codes get a generic message.
export function errorText(code) {
  return code && hasKey(`error.${code}`) ? t(`error.${code}`) : t('error.unknown');
}

/// The full message for an error, prefixed with its field's label when it has one.
/// `labelKey` names the label shown on the form (a branch's "name" is not a person's).
export function errorMessage(err, labelKey) {
  const message = errorText(err?.code);
  let label = '';
  if (labelKey) label = t(labelKey);
  else if (err?.field) label = fieldLabel(err.field);
  return label ? t('error.withField', { field: label, message }) : message;
}

function controlFor(form, field) {
  for (const control of form.elements) {
    if (control.dataset.field === field || (control.name === field && !control.dataset.field)) return control;
  }
  return null;
}

function slotFor(form, field) {
  for (const slot of form.querySelectorAll('.field-error')) {
    if (slot.dataset.errorFor === field) return slot;
  }
  return null;
}

function fill(slot, code, field) {
  slot.dataset.errorCode = code;
  if (field) slot.dataset.errorField = field;
  else delete slot.dataset.errorField;
  slot.textContent = errorMessage({ code, field }, slot.dataset.labelKey);
  slot.hidden = false;
}

/// Shows one error (an ApiError or `{code, field}`) in `form` and returns the control it
/// concerns, if any. With `focus` the control (or the message) gets keyboard focus, so
/// people using a keyboard or a screen reader land on the problem.
export function showError(form, err, { focus = true } = {}) {
  // A programming error (TypeError…) has no code: keep its detail in the console.
  if (!err?.code) console.error(err);
  const field = err?.field ?? null;
  const slot = field ? slotFor(form, field) : null;
  const control = field ? controlFor(form, field) : null;
  if (slot) {
    fill(slot, err.code, field);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      if (slot.id && !described.includes(slot.id)) {
        control.setAttribute('aria-describedby', [...described, slot.id].join(' '));
      }
      if (focus) control.focus();
    }
    return control;
  }
  const general = form.querySelector('.form-error');
  if (general) {
    fill(general, err?.code, field);
    if (focus) general.focus();
  }
  return null;
}

/// Shows a list of `{field, code}` (from validate.js); focuses the first.
export function showErrors(form, errors) {
  errors.forEach((err, index) => showError(form, err, { focus: index === 0 }));
}

/// Hides every error in `form` and clears the invalid marks.
export function clearErrors(form) {
  for (const slot of form.querySelectorAll('.field-error, .form-error')) {
    slot.textContent = '';
    slot.hidden = true;
    delete slot.dataset.errorCode;
    delete slot.dataset.errorField;
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
  }
}

/// Clears a field's error as soon as the user fills the field in: "Name: required" must not
/// stay under a name that is now there. Other problems wait for the next save, which checks
/// again.
export function installErrorClearing(root = document) {
  const onEdit = (event) => {
    const control = event.target;
    if (control?.getAttribute?.('aria-invalid') !== 'true' || !control.form) return;
    const filled = control.type === 'checkbox' ? control.checked : String(control.value ?? '').trim() !== '';
    if (!filled) return;
    const slot = slotFor(control.form, control.dataset.field ?? control.name);
    if (slot?.dataset.errorCode !== 'invalid.required') return;
    control.removeAttribute('aria-invalid');
    slot.textContent = '';
    slot.hidden = true;
    delete slot.dataset.errorCode;
    delete slot.dataset.errorField;
  };
  root.addEventListener('input', onEdit);
  root.addEventListener('change', onEdit);
}

/// Re-translates every visible error under `root` (after a language switch).
export function refreshErrors(root) {
  for (const slot of root.querySelectorAll('.field-error[data-error-code], .form-error[data-error-code]')) {
    slot.textContent = errorMessage({ code: slot.dataset.errorCode, field: slot.dataset.errorField }, slot.dataset.labelKey);
  }
}

/// An empty, hidden error slot for `field`, with an id the input can point at; `labelKey`
/// is the label its messages start with (default: the field's generic label).
export function errorSlot(formId, field, labelKey) {
  const slot = document.createElement('p');
  slot.className = 'field-error';
  slot.id = `${formId}-error-${field.replace(/[^A-Za-z0-9]/g, '-')}`;
  slot.dataset.errorFor = field;
  if (labelKey) slot.dataset.labelKey = labelKey;
  slot.hidden = true;
  return slot;
}

/// An empty, hidden slot for errors that belong to no single field.
export function formErrorSlot() {
  const slot = document.createElement('p');
  slot.className = 'form-error';
  slot.setAttribute('role', 'alert');
  slot.tabIndex = -1;
  slot.hidden = true;
  return slot;
}

/// Disables the form's submit buttons while `work` runs, so a double click saves once.
export async function whileBusy(form, work) {
  const buttons = [...form.querySelectorAll('button[type="submit"]')];
  buttons.forEach((button) => { button.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
    form.removeAttribute('aria-busy');
  }
}
