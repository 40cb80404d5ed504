// One customer (#/customers/<id>): who they are, the key-customer flag and its reason, notes
// on what worked with them, every case they ever raised (linked), merging another record of
// the same customer into this one, and the audit trail. Every change returns the whole page.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { readForm, showError, clearErrors, whileBusy, formErrorSlot } from '../../lib/form.js';
import { toast, toastError } from '../../lib/toast.js';
import { confirmDialog } from '../../lib/confirm.js';
import { statusBadge, gradeBadge, textareaField, checkboxField } from '../cases/case-ui.js';
import { keyBanner } from '../cases/case-customer.js';
import { auditText, keyBadge } from './customer-format.js';

const TYPES = ['passive', 'talker', 'angry', 'activist', 'unknown'];

/// Renders customer `id`.
export async function renderCustomerPage(container, ctx, id) {
  const page = { container, ctx, id, detail: await api.getCustomer(id) };
  draw(page);
}

function draw(page) {
  const { detail } = page;
  document.title = t('app.titleWithView', { view: detail.name || t('customer.noName') });
  // replaceChildren() would print a skipped (null) part as the text "null".
  page.container.replaceChildren(...[
    el('header', { class: ['page-header', 'customer-header'] },
      el('div', { class: 'page-heading' },
        el('a', { href: '#/customers', class: 'back-link', i18n: 'customers.backToList' }),
        el('h1', { id: 'customer-name', class: 'page-title', tabIndex: -1 }, detail.name || t('customer.noName'), keyBadge(detail)),
        el('p', { class: ['muted', 'customer-keys'] }, [...detail.phones, ...detail.references].join(' · ')))),
    detail.mergedInto ? el('p', { id: 'customer-merged', class: 'customer-merged', attrs: { role: 'status' } },
      t('customer.mergedInto'), ' ', el('a', { href: `#/customers/${Number(detail.mergedInto)}` }, t('customer.openKept'))) : null,
    keyBanner(detail, 'customer-key-banner'),
    el('div', { class: 'customer-layout' },
      el('div', { class: 'customer-main' }, casesCard(page), auditCard(page)),
      detail.mergedInto ? null : el('aside', { class: 'customer-side' }, detailsForm(page), keyForm(page), mergeCard(page)))].filter(Boolean));
}

function casesCard(page) {
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  const rows = page.detail.cases.map((row) => el('li', { class: 'customer-case', dataset: { caseId: String(row.id) } },
    el('a', { href: `#/cases/${Number(row.id)}` }, row.number),
    el('span', { class: 'muted' }, formatDateTime(row.receivedAt, lang, tz)),
    gradeBadge(row.grade), statusBadge(row.status)));
  return el('section', { id: 'customer-cases', class: 'card', attrs: { 'aria-labelledby': 'customer-cases-title' } },
    el('h2', { id: 'customer-cases-title', class: 'card-title' }, t('customer.cases', { count: page.detail.cases.length })),
    rows.length ? el('ul', { class: 'customer-case-list' }, rows) : el('p', { class: 'hint', i18n: 'customer.noCases' }));
}

function auditCard(page) {
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  return el('details', { id: 'customer-audit', class: 'card' },
    el('summary', { class: 'card-title', i18n: 'customer.audit' }),
    el('ul', { class: 'audit-list' }, page.detail.audit.map((line) => el('li', { dataset: { field: line.field } },
      el('span', { class: 'muted' }, formatDateTime(line.at, lang, tz)), ' ',
      el('span', null, line.actor ?? t('timeline.nobody')), ' ',
      el('span', { class: 'audit-text' }, auditText(line))))));
}

async function save(page, form, work, toastKey = 'common.saved') {
  clearErrors(form);
  try {
    page.detail = await whileBusy(form, work);
    draw(page);
    toast(t(toastKey), 'success');
  } catch (err) {
    showError(form, err);
  }
}

function detailsForm(page) {
  const d = page.detail;
  const formId = 'customer-form';
  const form = el('form', { id: formId, class: ['card', 'form'], noValidate: true },
    el('h2', { class: 'card-title', i18n: 'customer.details' }),
    el('div', { class: 'field' },
      el('label', { htmlFor: 'customer-edit-name', class: 'field-label', i18n: 'customer.name' }),
      el('input', { id: 'customer-edit-name', name: 'name', class: 'input', value: d.name, attrs: { maxlength: 100 } })),
    el('div', { class: 'field' },
      el('label', { htmlFor: 'customer-edit-type', class: 'field-label', i18n: 'field.customerType' }),
      el('select', { id: 'customer-edit-type', name: 'customerType', class: 'input', value: d.customerType },
        TYPES.map((type) => el('option', { value: type, i18n: `customerType.${type}` })))),
    textareaField({ formId, id: 'customer-edit-notes', name: 'notes', labelKey: 'customer.notes', hintKey: 'customer.notesHint', value: d.notes, rows: 4, optional: true, maxLength: 4000 }),
    formErrorSlot(),
    el('button', { type: 'submit', class: ['button', 'button-primary'], i18n: 'common.save' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(page, form, () => api.updateCustomer(page.id, readForm(form)));
  });
  return form;
}

function keyForm(page) {
  const d = page.detail;
  const formId = 'customer-key-form';
  const form = el('form', { id: formId, class: ['card', 'form'], noValidate: true },
    el('h2', { class: 'card-title', i18n: 'customer.keyTitle' }),
    checkboxField({ formId, id: 'customer-key', name: 'keyCustomer', labelKey: 'customer.keyLabel', hintKey: 'customer.keyHint', checked: d.keyCustomer }),
    textareaField({ formId, id: 'customer-key-reason', name: 'reason', field: 'keyReason', labelKey: 'customer.keyReason', value: d.keyReason ?? '', rows: 2, maxLength: 2000 }),
    formErrorSlot(),
    el('button', { type: 'submit', class: 'button', i18n: 'common.save' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = readForm(form);
    save(page, form, () => api.setKeyCustomer(page.id, values.keyCustomer, values.reason));
  });
  return form;
}

function mergeCard(page) {
  const results = el('ul', { id: 'customer-merge-results', class: 'customer-merge-results' });
  const search = el('input', { type: 'search', id: 'customer-merge-search', class: 'input', i18nPlaceholder: 'customers.searchPlaceholder' });
  const find = async () => {
    try {
      const found = await api.listCustomers({ search: search.value, limit: 10 });
      const others = found.rows.filter((row) => row.id !== page.id);
      results.replaceChildren(...(others.length ? others.map((row) => el('li', { dataset: { customerId: String(row.id) } },
        el('span', null, [row.name || t('customer.noName'), ...row.phones, ...row.references].join(' · ')),
        el('button', { type: 'button', class: 'button', dataset: { merge: String(row.id) }, i18n: 'customer.mergeThis' })))
        : [el('li', { class: 'hint', i18n: 'customers.noneMatch' })]));
    } catch (err) {
      toastError(err);
    }
  };
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      find();
    }
  });
  results.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-merge]');
    if (!button) return;
    const ok = await confirmDialog({ title: t('customer.mergeConfirmTitle'), message: t('customer.mergeConfirm'), confirmLabel: t('customer.mergeThis') });
    if (!ok) return;
    try {
      const merged = await api.mergeCustomers(page.id, Number(button.dataset.merge));
      page.detail = await api.getCustomer(page.id);
      draw(page);
      toast(t('customer.merged', { count: merged.casesMoved }), 'success');
    } catch (err) {
      toastError(err);
    }
  });
  return el('section', { id: 'customer-merge', class: 'card' },
    el('h2', { class: 'card-title', i18n: 'customer.mergeTitle' }),
    el('p', { class: 'hint', i18n: 'customer.mergeHint' }),
    el('div', { class: 'toolbar' }, search, el('button', { type: 'button', class: 'button', i18n: 'customer.find', on: { click: find } })),
    results);
}
