// Supporting departments of a case: what each is asked to do, who owns it, when it is due and
// whether it is done. The heading says how many are outstanding; overdue lines stand out.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { readForm, formErrorSlot } from '../../lib/form.js';
import { inputField } from '../../lib/fields.js';
import { formatDate } from '../../lib/format.js';
import { textareaField, namedSelectField, staffChoices } from './case-ui.js';
import { departmentName, ownerName, outstandingText } from './casework-format.js';

/// The supporting-departments card.
export function buildSupport(page, panel, act) {
  const open = page.detail.status !== 'invalid';
  const adding = page.caseworkForm === 'support';
  const lang = getLanguage();
  const add = el('button', {
    type: 'button', id: 'support-add', class: ['button', 'button-small', 'no-print'], hidden: adding || !open, i18n: 'support.add',
    on: { click: () => { page.caseworkForm = 'support'; page.redraw(); page.container.querySelector('#support-form-department')?.focus(); } },
  });
  const rows = panel.supports.map((line) => {
    const done = Boolean(line.doneOn);
    const status = done
      ? t('support.doneOn', { day: formatDate(line.doneOn, lang), name: line.doneByName || t('timeline.nobody') })
      : line.overdue ? t('support.overdue') : t('support.notDone');
    return el('li', { class: ['support-line', line.overdue ? 'is-overdue' : null, done ? 'is-done' : null], dataset: { lineId: String(line.id) } },
      el('div', { class: 'support-head' },
        el('strong', { class: 'support-department' }, departmentName(line)),
        el('span', { class: ['tag', 'support-status', line.overdue ? 'tag-danger' : null] }, status)),
      line.task ? el('p', { class: ['support-task', 'case-text'] }, line.task) : null,
      el('p', { class: ['support-meta', 'muted'] },
        t('support.ownerDue', { owner: ownerName(line), due: line.dueOn ? formatDate(line.dueOn, lang) : t('support.noDue') })),
      open ? el('div', { class: ['support-actions', 'no-print'] },
        el('button', {
          type: 'button', class: ['button', 'button-small', 'support-done'], i18n: done ? 'support.markUndone' : 'support.markDone',
          on: { click: () => act(null, () => api.setCaseSupportDone(page.id, line.id, !done)) },
        }),
        el('button', {
          type: 'button', class: ['button', 'button-small', 'button-quiet', 'support-remove'], i18n: 'common.delete',
          attrs: { 'aria-label': t('support.removeNamed', { department: departmentName(line) }) },
          on: { click: () => { if (window.confirm(t('support.removeConfirm'))) act(null, () => api.removeCaseSupport(page.id, line.id)); } },
        })) : null);
  });
  return el('section', { id: 'case-support', class: ['card', 'casework-card'], attrs: { 'aria-labelledby': 'case-support-title' } },
    el('div', { class: 'card-heading' },
      el('h2', { id: 'case-support-title', class: 'card-title', i18n: 'support.title' }),
      add),
    panel.supports.length
      ? el('p', { id: 'support-outstanding', class: ['support-outstanding', panel.outstanding.overdue ? 'is-overdue' : null], attrs: { role: 'status' } }, outstandingText(panel.outstanding))
      : el('p', { class: 'hint', i18n: 'support.none' }),
    panel.supports.length ? el('ul', { id: 'support-list', class: 'support-list' }, rows) : null,
    adding ? supportForm(page, act) : null);
}

function supportForm(page, act) {
  const formId = 'support-form';
  const form = el('form', { id: formId, class: ['casework-form', 'no-print'], noValidate: true },
    el('div', { class: 'field-grid' },
      inputField({ formId, id: `${formId}-department`, name: 'department', labelKey: 'field.supportDepartment', attrs: { maxlength: 100 } }),
      inputField({ formId, id: `${formId}-dueOn`, name: 'dueOn', labelKey: 'field.dueOn', type: 'date', optional: true }),
      namedSelectField({ formId, id: `${formId}-ownerStaffId`, name: 'ownerStaffId', labelKey: 'field.ownerStaffId', choices: staffChoices(page.staff), noneKey: 'common.none', optional: true }),
      inputField({ formId, id: `${formId}-ownerName`, name: 'ownerName', labelKey: 'field.ownerName', hintKey: 'support.ownerNameHint', optional: true, attrs: { maxlength: 100 } })),
    textareaField({ formId, id: `${formId}-task`, name: 'task', labelKey: 'field.task', rows: 2 }),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: ['button', 'button-primary', 'button-small'], i18n: 'support.save' }),
      el('button', { type: 'button', class: ['button', 'button-small'], i18n: 'common.cancel', on: { click: () => { page.caseworkForm = null; page.redraw(); } } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = readForm(form);
    act(form, () => api.addCaseSupport(page.id, values));
  });
  return form;
}
