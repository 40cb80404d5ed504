// Cases attached to a plan as evidence (attach by case number here, or from a case page),
// and the plan's history: who changed what and when.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { readForm } from '../../lib/form.js';
import { inputField } from '../../lib/fields.js';
import { categoryNamer } from '../../lib/labels.js';
import { statusBadge } from '../cases/case-ui.js';

/// The evidence card of a plan page.
export function buildEvidence(page) {
  const { plan, cases } = page.detail;
  const open = plan.status === 'draft' || plan.status === 'active';
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  const name = categoryNamer(page.categories);
  return el('section', { id: 'plan-evidence', class: 'card', attrs: { 'aria-labelledby': 'plan-evidence-title' } },
    el('h2', { id: 'plan-evidence-title', class: 'card-title', i18n: 'prevention.evidence.title' }),
    cases.length ? el('ul', { id: 'plan-cases', class: 'history-list' }, cases.map((row) => el('li', { dataset: { caseId: String(row.id) } },
      el('a', { href: `#/cases/${Number(row.id)}` }, row.number),
      el('span', { class: 'muted' }, formatDateTime(row.receivedAt, lang, tz)),
      el('span', null, name(row.categoryId)),
      statusBadge(row.status),
      open ? el('button', {
        type: 'button', class: ['button', 'button-small', 'button-quiet', 'no-print', 'evidence-detach'],
        attrs: { 'aria-label': t('prevention.evidence.detachNamed', { number: row.number }) }, i18n: 'prevention.evidence.detach',
        on: { click: () => page.run(() => api.detachPlanCase(page.id, row.id), { toastKey: 'prevention.evidence.detached' }) },
      }) : null)))
      : el('p', { id: 'plan-cases-none', class: 'muted', i18n: 'prevention.evidence.none' }),
    open ? attachForm(page) : null);
}

function attachForm(page) {
  const formId = 'plan-attach';
  const form = el('form', { id: formId, class: ['composer-row', 'evidence-form', 'no-print'], noValidate: true },
    inputField({ formId, id: `${formId}-caseNumber`, name: 'caseNumber', labelKey: 'prevention.evidence.number', placeholderKey: 'prevention.evidence.placeholder', attrs: { maxlength: 40 } }),
    el('button', { type: 'submit', id: `${formId}-save`, class: 'button', i18n: 'prevention.evidence.attach' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { caseNumber } = readForm(form);
    page.run(() => api.attachPlanCase(page.id, { caseNumber }), { form, toastKey: 'prevention.evidence.attached' });
  });
  return form;
}

/// The history card of a plan page, newest first.
export function buildHistory(page) {
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  return el('section', { id: 'plan-history', class: 'card', attrs: { 'aria-labelledby': 'plan-history-title' } },
    el('h2', { id: 'plan-history-title', class: 'card-title', i18n: 'prevention.history.title' }),
    el('table', { class: ['table', 'audit-table'] },
      el('thead', null, el('tr', null, ['prevention.history.when', 'prevention.history.who', 'prevention.history.what'].map((key) => el('th', { scope: 'col', i18n: key })))),
      el('tbody', null, page.detail.history.map((line) => el('tr', { dataset: { field: line.field } },
        el('td', { class: 'nowrap' }, formatDateTime(line.at, lang, tz)),
        el('td', null, line.actorName ?? t('timeline.nobody')),
        el('td', null, historyText(line, lookups(page))))))));
}

function lookups(page) {
  const category = categoryNamer(page.categories);
  return {
    categoryName: (id) => category(Number(id)) || String(id),
    staffName: (id) => page.staff.find((member) => member.id === Number(id))?.name ?? String(id),
  };
}

/// A history line in words: "Phase: Analyse → Formulate", "Measure added: …". `lookups`
/// names staff and categories by id.
export function historyText(line, { categoryName = String, staffName = String } = {}) {
  const field = line.field.startsWith('measure.') && line.field !== 'measure.added'
    ? `measure.${line.field.split('.').pop()}` : line.field;
  const value = (text) => {
    if (text == null || text === '') return t('common.none');
    if (field === 'phase') return t(`prevention.phase.${text}`);
    if (field === 'status') return t(`prevention.status.${text}`);
    if (field === 'measure.status') return t(`prevention.measureStatus.${text}`);
    if (field === 'conclusion') return t(`prevention.conclusion.${text}`);
    if (field === 'rootCause') return t(`rootCause.${text}`);
    if (field === 'categoryId') return categoryName(text);
    if (field === 'ownerId') return staffName(text);
    return text;
  };
  const label = t(`prevention.history.field.${field}`);
  if (line.oldValue == null) return t('prevention.history.set', { field: label, value: value(line.newValue) });
  if (line.newValue == null) return t('prevention.history.removed', { field: label, value: value(line.oldValue) });
  return t('prevention.history.changed', { field: label, old: value(line.oldValue), new: value(line.newValue) });
}
