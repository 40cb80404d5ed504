// The curriculum: modules in order with their checklist, refresher and assignments. Trainers
// add and edit modules (an edit becomes a new version; sign-offs already given keep their
// text), reorder and retire them, and assign them to a person or to a whole position. An
// assignment made by mistake is withdrawn with a reason and stays listed as withdrawn.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { errorMessage, formErrorSlot } from '../../lib/form.js';
import { toast, toastError } from '../../lib/toast.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { setError } from '../reports/reports-export.js';
import { moduleTitle, pick, trainingHash } from './training-format.js';
import { askWithdrawal, withdrawnNote } from './training-withdraw.js';

function itemRow(item = { lineageId: null, text: '' }) {
  return el('li', { class: 'item-row', dataset: { lineageId: item.lineageId == null ? '' : String(item.lineageId) } },
    el('input', { type: 'text', class: ['input', 'item-text'], value: item.text, attrs: { maxlength: 200, 'aria-label': t('training.curriculum.itemText') } }),
    el('button', { type: 'button', class: ['button', 'button-small'], dataset: { act: 'up' }, attrs: { 'aria-label': t('training.curriculum.itemUp') } }, '↑'),
    el('button', { type: 'button', class: ['button', 'button-small'], dataset: { act: 'down' }, attrs: { 'aria-label': t('training.curriculum.itemDown') } }, '↓'),
    el('button', { type: 'button', class: ['button', 'button-small'], dataset: { act: 'remove' }, i18n: 'training.curriculum.itemRemove' }));
}

/// The module editor (`module` null for a new one). `onSaved` gets the saved module.
function editor(module, lang, onSaved, onCancel) {
  const errorSlot = formErrorSlot();
  errorSlot.id = 'module-editor-error';
  const list = el('ol', { id: 'module-items', class: 'item-rows' },
    (module?.items ?? [{ lineageId: null, text: '' }]).map((item) => itemRow(item.id
      ? { lineageId: item.lineageId, text: pick(lang, item.textEn, item.textZh) } : item)));
  const form = el('form', { id: 'module-editor', class: ['card', 'module-editor'], noValidate: true },
    el('h2', { class: 'card-title', i18n: module ? 'training.curriculum.editTitle' : 'training.curriculum.addTitle' }),
    module ? el('p', { class: 'hint', i18n: 'training.curriculum.versionNote' }) : null,
    el('label', { class: 'field', htmlFor: 'module-title' }, el('span', { class: 'field-label', i18n: 'training.curriculum.title' }),
      el('input', { id: 'module-title', name: 'title', class: 'input', value: module ? moduleTitle(lang, module) : '', attrs: { maxlength: 100 } })),
    el('label', { class: 'field', htmlFor: 'module-refresher' }, el('span', { class: 'field-label', i18n: 'training.curriculum.refresher' }),
      el('input', { id: 'module-refresher', name: 'refresherMonths', type: 'number', class: ['input', 'input-short'], value: module?.refresherMonths ?? '', attrs: { min: 1, max: 120 } }),
      el('span', { class: 'hint', i18n: 'training.curriculum.refresherHint' })),
    el('p', { class: 'field-label', i18n: 'training.curriculum.items' }),
    list,
    el('button', { type: 'button', id: 'module-add-item', class: ['button', 'button-small'], i18n: 'training.curriculum.addItem' }),
    errorSlot,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'module-save', class: ['button', 'button-primary'], i18n: 'common.save' }),
      el('button', { type: 'button', id: 'module-cancel', class: 'button', i18n: 'common.cancel' })));
  form.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.id === 'module-add-item') {
      const row = itemRow();
      list.append(row);
      row.querySelector('input').focus();
    } else if (button.id === 'module-cancel') {
      onCancel();
    } else if (button.dataset.act) {
      const row = button.closest('li');
      if (button.dataset.act === 'remove') row.remove();
      if (button.dataset.act === 'up' && row.previousElementSibling) row.previousElementSibling.before(row);
      if (button.dataset.act === 'down' && row.nextElementSibling) row.nextElementSibling.after(row);
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setError(errorSlot, '');
    const items = [...list.querySelectorAll('li')].map((row) => ({ lineageId: row.dataset.lineageId, text: row.querySelector('input').value }));
    try {
      onSaved(await api.saveTrainingModule(module?.id ?? null, { title: form.elements.title.value, refresherMonths: form.elements.refresherMonths.value, items }));
    } catch (err) {
      setError(errorSlot, errorMessage(err));
    }
  });
  // After the row buttons' own handler, so a click is judged on the rows it left.
  guardUnsavedForm(form);
  return form;
}

function assignForm(module, staff, positions) {
  const id = `assign-${module.id}`;
  return el('form', { class: ['inline-form', 'assign-form', 'no-print'], dataset: { moduleId: String(module.id) } },
    el('label', { htmlFor: id, i18n: 'training.curriculum.assignTo' }),
    el('select', { id, name: 'target', class: ['input', 'input-compact'] },
      positions.length ? el('optgroup', { label: t('training.curriculum.positions') },
        positions.map((p) => el('option', { value: `position:${p}` }, p))) : null,
      el('optgroup', { label: t('training.curriculum.people') },
        staff.map((s) => el('option', { value: `staff:${s.id}` }, s.name)))),
    el('button', { type: 'submit', class: ['button', 'button-small'], i18n: 'training.curriculum.assign' }));
}

function assigneeText(a) {
  return a.position != null ? t('training.curriculum.positionChip', { position: a.position }) : a.staffName;
}

// Assignments taken back stay on the module's record, struck through, with when, who and why.
function withdrawnList(module, lang, tz) {
  if (!module.withdrawnAssignments?.length) return null;
  return el('div', { class: 'withdrawn-assignments' },
    el('p', { class: 'muted', i18n: 'training.curriculum.withdrawnHeading' }),
    el('ul', { class: 'withdrawn-list' }, module.withdrawnAssignments.map((a) => el('li', { class: 'is-withdrawn', dataset: { assignmentId: String(a.id) } },
      el('span', { class: 'struck' }, assigneeText(a)), ' ', withdrawnNote(a.withdrawn, lang, tz)))));
}

function moduleCard(module, lang, staff, positions, tz) {
  return el('li', { class: ['card', 'module-card', module.retired && 'is-retired'], dataset: { moduleId: String(module.id) } },
    el('div', { class: 'card-heading' },
      el('h3', { class: 'card-title' }, moduleTitle(lang, module)),
      el('span', { class: ['tag', 'tag-muted'] }, t('training.curriculum.version', { n: module.version })),
      module.retired ? el('span', { class: ['tag', 'tag-muted'], i18n: 'training.curriculum.retired' }) : null),
    el('p', { class: 'hint' }, module.refresherMonths ? t('training.person.refresher', { n: module.refresherMonths }) : t('training.curriculum.noRefresher')),
    el('ol', { class: 'module-items' }, module.items.map((item) => el('li', null, pick(lang, item.textEn, item.textZh)))),
    el('div', { class: 'assignments' },
      el('span', { class: 'muted', i18n: 'training.curriculum.assignedTo' }),
      module.assignments.length ? module.assignments.map((a) => el('span', { class: 'chip' },
        assigneeText(a),
        el('button', { type: 'button', class: ['chip-remove', 'no-print'], dataset: { act: 'unassign', assignmentId: String(a.id) }, attrs: { 'aria-label': t('training.curriculum.unassign') } }, '×')))
        : el('span', { class: 'hint', i18n: 'training.curriculum.nobody' })),
    withdrawnList(module, lang, tz),
    module.retired ? null : assignForm(module, staff, positions),
    el('div', { class: ['form-actions', 'no-print'] },
      el('button', { type: 'button', class: ['button', 'button-small'], dataset: { act: 'edit' }, i18n: 'common.edit' }),
      el('button', { type: 'button', class: ['button', 'button-small'], dataset: { act: 'up' }, i18n: 'training.curriculum.moveUp' }),
      el('button', { type: 'button', class: ['button', 'button-small'], dataset: { act: 'down' }, i18n: 'training.curriculum.moveDown' }),
      el('button', { type: 'button', class: ['button', 'button-small'], dataset: { act: 'retire' }, i18n: module.retired ? 'training.curriculum.restore' : 'training.curriculum.retire' })));
}

/// Renders the curriculum.
export async function renderCurriculum(body, ctx, route) {
  const lang = getLanguage();
  const showRetired = route.params.retired === '1';
  const tz = ctx.status?.branch?.timezone;
  const [modules, staff] = await Promise.all([api.listTrainingModules(showRetired), api.listStaff()]);
  const positions = [...new Set(staff.map((s) => s.position).filter(Boolean))].sort();
  const slot = el('div', { class: 'editor-slot' });
  const reload = () => renderCurriculum(body, ctx, route);
  const list = el('ul', { id: 'module-list', class: 'module-list' }, modules.map((m) => moduleCard(m, lang, staff, positions, tz)));
  const openEditor = (module) => {
    slot.replaceChildren(editor(module, lang, (saved) => { toast(t('training.curriculum.saved'), 'success'); slot.replaceChildren(); reload().then(() => document.querySelector(`li[data-module-id="${saved.id}"]`)?.scrollIntoView({ block: 'center' })); }, () => slot.replaceChildren()));
    slot.querySelector('#module-title').focus();
  };
  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-act]');
    if (!button) return;
    const module = modules.find((m) => m.id === Number(button.closest('li[data-module-id]').dataset.moduleId));
    try {
      if (button.dataset.act === 'edit') return openEditor(module);
      if (button.dataset.act === 'up' || button.dataset.act === 'down') await api.moveTrainingModule(module.id, button.dataset.act === 'up' ? -1 : 1);
      if (button.dataset.act === 'retire') await api.setTrainingModuleRetired(module.id, !module.retired);
      if (button.dataset.act === 'unassign') {
        const assignment = module.assignments.find((a) => a.id === Number(button.dataset.assignmentId));
        const done = await askWithdrawal('assignment', assigneeText(assignment), (reason) => api.unassignTraining(assignment.id, reason));
        if (!done) return;
        toast(t('training.withdraw.assignmentDone'), 'success');
      }
      await reload();
    } catch (err) {
      toastError(err);
    }
  });
  list.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const [kind, value] = form.elements.target.value.split(/:(.*)/s);
    try {
      await api.assignTrainingModule(Number(form.dataset.moduleId), kind === 'staff' ? { staffId: value } : { position: value });
      toast(t('training.curriculum.assigned'), 'success');
      await reload();
    } catch (err) {
      toastError(err);
    }
  });
  body.replaceChildren(
    el('div', { class: ['toolbar', 'no-print'] },
      el('button', { type: 'button', id: 'module-add', class: ['button', 'button-primary'], i18n: 'training.curriculum.add', on: { click: () => openEditor(null) } }),
      el('a', { href: trainingHash('curriculum', showRetired ? {} : { retired: '1' }), id: 'module-show-retired', class: 'button', i18n: showRetired ? 'training.curriculum.hideRetired' : 'training.curriculum.showRetired' })),
    slot,
    modules.length ? list : el('p', { class: 'note', i18n: 'training.curriculum.none' }));
}
