// Settings › Categories: order, rename, hide/show, delete and add complaint categories.
// The list re-renders from the backend's answer after every change, so what is shown is
// always what is stored.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { readForm, showError, showErrors, clearErrors, errorMessage, errorSlot, formErrorSlot, whileBusy } from '../../lib/form.js';
import { inputField } from '../../lib/fields.js';
import { validateCategoryName } from '../../lib/validate.js';
import { categoryName } from '../../lib/labels.js';
import { loadingState, errorState } from '../../lib/states.js';
import { toast, toastSaved, toastError } from '../../lib/toast.js';
import { confirmDialog } from '../../lib/confirm.js';

/// Builds the categories section; call `load()` to fill it.
export function buildCategories() {
  const state = { items: [], renamingId: null };
  const list = el('ul', { id: 'category-list', class: 'category-list' });
  const holder = el('div', { class: 'category-holder' }, loadingState());
  const addForm = el('form', { id: 'category-add-form', class: 'inline-form', noValidate: true },
    inputField({ formId: 'category-add-form', id: 'category-new-name', name: 'name', labelKey: 'settings.categories.addLabel' }),
    el('button', { type: 'submit', id: 'category-add', class: 'button', i18n: 'settings.categories.add' }),
    formErrorSlot());
  const section = el('section', { id: 'settings-categories', class: ['card', 'settings-section'], attrs: { 'aria-labelledby': 'settings-categories-title' } },
    el('h2', { id: 'settings-categories-title', class: 'card-title', i18n: 'settings.categories.title' }),
    el('p', { class: 'muted', i18n: 'settings.categories.intro' }),
    holder,
    addForm);

  const view = { state, list, holder, addForm };
  list.addEventListener('click', (event) => onClick(event, view));
  list.addEventListener('submit', (event) => {
    event.preventDefault();
    rename(view, event.target);
  });
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    add(view);
  });

  const load = async () => {
    try {
      state.items = await api.listCategories();
      holder.replaceChildren(list);
      renderList(view);
    } catch (err) {
      holder.replaceChildren(errorState(err, load));
    }
  };
  return { section, load };
}

function renderList(view, focus) {
  const { items, renamingId } = view.state;
  view.list.replaceChildren(...items.map((cat, index) => item(cat, index, items.length, cat.id === renamingId)));
  if (focus) {
    const li = view.list.querySelector(`li[data-category-id="${Number(focus.id)}"]`);
    const target = li?.querySelector(`${focus.selector}:not(:disabled)`) ?? li?.querySelector('button:not(:disabled)');
    target?.focus();
  }
}

function item(cat, index, count, renaming) {
  const name = categoryName(cat);
  const button = (cls, key, labelKey, disabled = false) => el('button', {
    type: 'button', class: ['button', 'button-small', 'button-quiet', cls], disabled, i18n: key,
    attrs: { 'aria-label': t(labelKey, { name }) },
  });
  const main = renaming
    ? renameForm(cat, name)
    : el('span', { class: 'category-label' },
      el('span', { class: 'category-name' }, name),
      cat.hidden ? el('span', { class: ['tag', 'tag-muted'], i18n: 'settings.categories.hiddenTag' }) : null);
  return el('li', { class: ['category-item', cat.hidden && 'is-hidden'], dataset: { categoryId: String(cat.id) } },
    el('div', { class: 'category-row' },
      main,
      renaming ? null : el('div', { class: 'category-actions' },
        button('category-up', 'settings.categories.up', 'settings.categories.upNamed', index === 0),
        button('category-down', 'settings.categories.down', 'settings.categories.downNamed', index === count - 1),
        button('category-rename', 'settings.categories.rename', 'settings.categories.renameNamed'),
        button('category-hide', cat.hidden ? 'settings.categories.show' : 'settings.categories.hide',
          cat.hidden ? 'settings.categories.showNamed' : 'settings.categories.hideNamed'),
        button('category-delete', 'common.delete', 'settings.categories.deleteNamed'))),
    el('p', { class: 'category-error', hidden: true, attrs: { role: 'alert' } }));
}

function renameForm(cat, name) {
  const id = `category-rename-${cat.id}`;
  // Escape cancels through the global shortcut: the form is closable, cancel is data-close.
  const slot = errorSlot(id, 'name', 'field.categoryName');
  return el('form', { class: ['inline-form', 'category-rename-form'], noValidate: true, dataset: { closable: '' } },
    el('label', { htmlFor: id, class: 'visually-hidden', i18n: 'settings.categories.renameLabel' }),
    el('input', { id, name: 'name', class: 'input', value: name, attrs: { autocomplete: 'off', 'aria-describedby': slot.id } }),
    el('button', { type: 'submit', class: ['button', 'button-small', 'button-primary', 'category-rename-save'], i18n: 'common.save' }),
    el('button', { type: 'button', class: ['button', 'button-small', 'category-rename-cancel'], dataset: { close: '' }, i18n: 'common.cancel' }),
    slot,
    formErrorSlot());
}

function onClick(event, view) {
  const button = event.target.closest('button');
  const li = button?.closest('li[data-category-id]');
  if (!li) return;
  const id = Number(li.dataset.categoryId);
  const cat = view.state.items.find((candidate) => candidate.id === id);
  if (!cat) return;
  const has = (cls) => button.classList.contains(cls);
  if (has('category-up')) move(view, cat, -1, '.category-up');
  else if (has('category-down')) move(view, cat, 1, '.category-down');
  else if (has('category-rename')) startRenaming(view, cat);
  else if (has('category-rename-cancel')) stopRenaming(view);
  else if (has('category-hide')) toggleHidden(view, cat);
  else if (has('category-delete')) remove(view, cat, li);
}

async function move(view, cat, offset, selector) {
  try {
    view.state.items = await api.moveCategory(cat.id, offset);
    renderList(view, { id: cat.id, selector });
    toastSaved();
  } catch (err) {
    toastError(err);
  }
}

function startRenaming(view, cat) {
  view.state.renamingId = cat.id;
  renderList(view);
  const input = view.list.querySelector(`#category-rename-${Number(cat.id)}`);
  input?.focus();
  input?.select();
}

function stopRenaming(view) {
  const id = view.state.renamingId;
  view.state.renamingId = null;
  renderList(view, id == null ? null : { id, selector: '.category-rename' });
}

async function rename(view, form) {
  if (!form.classList.contains('category-rename-form')) return;
  clearErrors(form);
  const { name } = readForm(form);
  const problems = validateCategoryName(name);
  if (problems.length) {
    showErrors(form, problems);
    return;
  }
  const id = view.state.renamingId;
  try {
    const saved = await whileBusy(form, () => api.renameCategory(id, name));
    view.state.items = view.state.items.map((cat) => (cat.id === saved.id ? saved : cat));
    view.state.renamingId = null;
    renderList(view, { id: saved.id, selector: '.category-rename' });
    toastSaved();
  } catch (err) {
    showError(form, err);
  }
}

async function toggleHidden(view, cat) {
  try {
    const saved = await api.setCategoryHidden(cat.id, !cat.hidden);
    view.state.items = view.state.items.map((item) => (item.id === saved.id ? saved : item));
    renderList(view, { id: saved.id, selector: '.category-hide' });
    toastSaved();
  } catch (err) {
    toastError(err);
  }
}

async function remove(view, cat, li) {
  const name = categoryName(cat);
  const ok = await confirmDialog({
    title: t('settings.categories.confirmDelete.title', { name }),
    message: t('settings.categories.confirmDelete.body'),
    confirmLabel: t('common.delete'),
    danger: true,
  });
  if (!ok) return;
  try {
    await api.deleteCategory(cat.id);
    view.state.items = view.state.items.filter((item) => item.id !== cat.id);
    renderList(view);
    view.addForm.elements.name.focus();
    toast(t('common.deleted'));
  } catch (err) {
    const note = li.querySelector('.category-error');
    if (!note) return toastError(err);
    note.textContent = err?.code === 'in_use' ? t('settings.categories.inUse') : errorMessage(err);
    note.hidden = false;
  }
}

async function add(view) {
  const form = view.addForm;
  clearErrors(form);
  const { name } = readForm(form);
  const problems = validateCategoryName(name);
  if (problems.length) {
    showErrors(form, problems);
    return;
  }
  try {
    const saved = await whileBusy(form, () => api.addCategory(name));
    view.state.items = [...view.state.items, saved];
    renderList(view);
    form.elements.name.value = '';
    form.elements.name.focus();
    toastSaved();
  } catch (err) {
    showError(form, err);
  }
}
