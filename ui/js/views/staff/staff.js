// Staff: the people on the team. Add, edit, and mark as former (never deleted: complaints,
// training records and drills will point at them).

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { readForm, showError, showErrors, clearErrors, whileBusy } from '../../lib/form.js';
import { validateStaff } from '../../lib/validate.js';
import { formatDate } from '../../lib/format.js';
import { pageHeader, emptyState, loadingState, errorState } from '../../lib/states.js';
import { toastSaved, toastError } from '../../lib/toast.js';
import { confirmDialog } from '../../lib/confirm.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { buildStaffForm, fillStaffForm } from './staff-form.js';
import { renderSignIns } from './staff-sign-ins.js';

// Kept for the session, so a language switch or a trip to another page does not reset it.
let showInactive = false;

const COLUMNS = ['field.staffName', 'field.position', 'field.department', 'field.phone', 'field.startDate', 'staff.column.status'];

/// Renders the Staff page.
export async function render(container) {
  const view = {
    container, staff: [], form: buildStaffForm(), list: el('div', { class: 'staff-list' }),
    signIns: el('section', { id: 'staff-sign-ins', class: 'staff-sign-ins', hidden: true }),
  };
  const toggle = el('input', { type: 'checkbox', id: 'staff-show-inactive', checked: showInactive });
  container.replaceChildren(
    pageHeader('nav.staff', {
      introKey: 'staff.intro',
      actions: [el('button', { type: 'button', id: 'staff-add', class: ['button', 'button-primary'], dataset: { action: 'add' }, i18n: 'staff.add' })],
    }),
    el('div', { class: 'toolbar' },
      el('label', { class: 'checkbox', htmlFor: 'staff-show-inactive' }, toggle, el('span', { i18n: 'staff.showInactive' }))),
    view.form,
    view.list,
    view.signIns);

  toggle.addEventListener('change', () => {
    showInactive = toggle.checked;
    load(view);
  });
  container.addEventListener('click', (event) => onClick(event, view));
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(view);
  });
  await load(view);
}

async function load(view, focusId) {
  if (!view.staff.length) view.list.replaceChildren(loadingState());
  try {
    view.staff = await api.listStaff(showInactive);
  } catch (err) {
    view.list.replaceChildren(errorState(err, () => load(view)));
    return;
  }
  renderList(view);
  // Managers only (Rust says who): who can sign in, with which role.
  renderSignIns(view.signIns, view.staff);
  if (focusId != null) {
    view.list.querySelector(`tr[data-staff-id="${Number(focusId)}"] .staff-edit`)?.focus();
  }
}

function renderList(view) {
  if (!view.staff.length) {
    view.list.replaceChildren(emptyState({
      id: 'staff-empty',
      titleKey: 'staff.empty.title',
      bodyKeys: ['staff.empty.body', showInactive ? null : 'staff.empty.hintInactive'].filter(Boolean),
      actions: [el('button', { type: 'button', class: ['button', 'button-primary'], dataset: { action: 'add' }, i18n: 'staff.addFirst' })],
    }));
    return;
  }
  const lang = getLanguage();
  view.list.replaceChildren(el('div', { class: 'table-wrap' },
    el('table', { id: 'staff-table', class: 'table' },
      el('caption', { class: 'visually-hidden', i18n: 'staff.tableCaption' }),
      el('thead', null, el('tr', null,
        COLUMNS.map((key) => el('th', { scope: 'col', i18n: key })),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', i18n: 'common.actions' })))),
      el('tbody', null, view.staff.map((member) => row(member, lang))))));
}

function row(member, lang) {
  const empty = t('common.none');
  return el('tr', { class: member.active ? null : 'is-inactive', dataset: { staffId: String(member.id) } },
    el('td', { class: 'staff-name' }, member.name),
    el('td', { class: 'staff-table-text' }, member.position || empty),
    el('td', { class: 'staff-table-text' }, member.department || empty),
    el('td', { class: 'nowrap' }, member.phone || empty),
    el('td', { class: 'nowrap' }, formatDate(member.startDate, lang) || empty),
    el('td', null, el('span', { class: ['tag', member.active ? 'tag-ok' : 'tag-muted'], i18n: member.active ? 'staff.status.active' : 'staff.status.inactive' })),
    el('td', { class: 'row-actions' },
      el('button', {
        type: 'button', class: ['button', 'button-small', 'staff-edit'], i18n: 'common.edit',
        attrs: { 'aria-label': t('staff.editNamed', { name: member.name }) },
      }),
      el('button', {
        type: 'button', class: ['button', 'button-small', 'button-quiet', 'staff-toggle-active'],
        i18n: member.active ? 'staff.deactivate' : 'staff.reactivate',
        attrs: { 'aria-label': t(member.active ? 'staff.deactivateNamed' : 'staff.reactivateNamed', { name: member.name }) },
      })));
}

function onClick(event, view) {
  const button = event.target.closest('button');
  if (!button || !view.container.contains(button)) return;
  if (button.dataset.action === 'add') {
    openForm(view, null);
    return;
  }
  if (button.id === 'staff-cancel') {
    closeForm(view);
    return;
  }
  const id = Number(button.closest('tr[data-staff-id]')?.dataset.staffId);
  const member = view.staff.find((candidate) => candidate.id === id);
  if (!member) return;
  if (button.classList.contains('staff-edit')) openForm(view, member);
  else if (button.classList.contains('staff-toggle-active')) toggleActive(view, member);
}

function openForm(view, member) {
  clearErrors(view.form);
  fillStaffForm(view.form, member);
  view.release = guardUnsavedForm(view.form, 'staff.unsaved');
  view.form.hidden = false;
  view.form.elements.name.focus();
}

function closeForm(view) {
  const editedId = view.form.dataset.staffId;
  view.release?.();
  view.form.hidden = true;
  clearErrors(view.form);
  // Put the focus back where the user came from.
  const back = editedId ? view.list.querySelector(`tr[data-staff-id="${Number(editedId)}"] .staff-edit`) : null;
  (back ?? view.container.querySelector('#staff-add'))?.focus();
}

async function save(view) {
  const { form } = view;
  clearErrors(form);
  const values = readForm(form);
  const problems = validateStaff(values);
  if (problems.length) {
    showErrors(form, problems);
    return;
  }
  const id = form.dataset.staffId ? Number(form.dataset.staffId) : null;
  try {
    const saved = await whileBusy(form, () => (id == null ? api.addStaff(values) : api.updateStaff(id, values)));
    view.release?.();
    form.hidden = true;
    toastSaved();
    await load(view, saved.id);
  } catch (err) {
    showError(form, err);
  }
}

async function toggleActive(view, member) {
  const leaving = member.active;
  const ok = await confirmDialog({
    title: t(leaving ? 'staff.confirmDeactivate.title' : 'staff.confirmReactivate.title', { name: member.name }),
    message: t(leaving ? 'staff.confirmDeactivate.body' : 'staff.confirmReactivate.body'),
    confirmLabel: t(leaving ? 'staff.deactivate' : 'staff.reactivate'),
  });
  if (!ok) return;
  try {
    await api.setStaffActive(member.id, !leaving);
    toastSaved();
    await load(view, member.id);
    if (!view.container.contains(document.activeElement)) view.container.querySelector('#staff-add')?.focus();
  } catch (err) {
    toastError(err);
  }
}
