// The add/edit panel of the Staff page: one form for both, opened above the table.

import { el } from '../../lib/dom.js';
import { formErrorSlot } from '../../lib/form.js';
import { inputField } from '../../lib/fields.js';
import { t } from '../../i18n/index.js';

const FORM_ID = 'staff-form';

/// Builds the (hidden) staff form panel. It is `data-closable`, so Escape cancels it.
export function buildStaffForm() {
  const field = (name, labelKey, extra = {}) => inputField({ formId: FORM_ID, id: `staff-${name}`, name, labelKey, ...extra });
  return el('form', {
    id: FORM_ID, class: ['card', 'panel'], noValidate: true, hidden: true,
    dataset: { closable: '' }, attrs: { 'aria-labelledby': 'staff-form-title' },
  },
  el('h2', { id: 'staff-form-title', class: 'card-title' }),
  el('div', { class: 'field-grid' },
    field('name', 'field.staffName'),
    field('position', 'field.position', { optional: true, placeholderKey: 'staff.positionPlaceholder' }),
    field('department', 'field.department', { optional: true, placeholderKey: 'staff.departmentPlaceholder' }),
    field('phone', 'field.phone', { type: 'tel', optional: true, hintKey: 'staff.phoneHint' }),
    field('startDate', 'field.startDate', { type: 'date', optional: true, placeholderKey: 'common.datePlaceholder' })),
  formErrorSlot(),
  el('div', { class: 'form-actions' },
    el('button', { type: 'submit', id: 'staff-save', class: ['button', 'button-primary'], i18n: 'common.save' }),
    el('button', { type: 'button', id: 'staff-cancel', class: 'button', dataset: { close: '' }, i18n: 'common.cancel' })));
}

/// Fills the form for adding (`member` null) or editing a staff member, and sets its title.
export function fillStaffForm(form, member) {
  const title = form.querySelector('#staff-form-title');
  title.dataset.i18n = member ? 'staff.form.editTitle' : 'staff.form.addTitle';
  title.textContent = t(title.dataset.i18n);
  form.dataset.staffId = member ? String(member.id) : '';
  form.elements.name.value = member?.name ?? '';
  form.elements.position.value = member?.position ?? '';
  form.elements.department.value = member?.department ?? '';
  form.elements.phone.value = member?.phone ?? '';
  form.elements.startDate.value = member?.startDate ?? '';
}
