// The timeline (what happened, oldest first, with a composer for notes, calls and visits) and
// the audit trail (every stored change: who, when, field, old → new), collapsed by default
// but always printed in full.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { readForm, showErrors, clearErrors, formErrorSlot } from '../../lib/form.js';
import { formatDateTime } from '../../lib/format.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { selectField } from '../../lib/fields.js';
import { ENTRY_KINDS, changeText, auditFieldLabel, auditValue, label } from './case-format.js';
import { textareaField, categoryLabel } from './case-ui.js';
import { caseworkEntryTitle } from './casework-format.js';

const COMPOSER_ID = 'case-entry-form';

/// The headline of a timeline entry; the free text (note, reason) goes under it.
export function entryTitle(entry, lang) {
  switch (entry.kind) {
    case 'status':
    case 'grade':
      return changeText(entry.kind, entry.oldValue, entry.newValue, lang);
    case 'escalation':
      return t('timeline.escalation', { item: label('escalation.', entry.newValue) });
    case 'attachment':
      return t('timeline.attachment', { name: entry.body });
    default:
      return caseworkEntryTitle(entry) ?? label('timeline.kind.', entry.kind);
  }
}

/// Builds the timeline card with its composer.
export function buildTimeline(page) {
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  const entries = page.detail.timeline.map((entry) => el('li', { class: 'timeline-entry', dataset: { kind: entry.kind } },
    el('div', { class: 'timeline-meta' },
      el('time', { dateTime: entry.at }, formatDateTime(entry.at, lang, tz)),
      el('span', { class: 'timeline-author' }, entry.authorName || t('timeline.nobody'))),
    el('p', { class: 'timeline-title' }, entryTitle(entry, lang)),
    entry.body && entry.kind !== 'attachment' ? el('p', { class: ['timeline-body', 'case-text'] }, entry.body) : null));
  return el('section', { id: 'case-timeline-card', class: 'card', attrs: { 'aria-labelledby': 'case-timeline-title' } },
    el('h2', { id: 'case-timeline-title', class: 'card-title', i18n: 'timeline.title' }),
    el('ol', { id: 'case-timeline', class: 'timeline' }, entries),
    composer(page));
}

function composer(page) {
  const form = el('form', { id: COMPOSER_ID, class: ['composer', 'no-print'], noValidate: true },
    el('div', { class: 'composer-row' },
      selectField({
        formId: COMPOSER_ID, id: 'case-entry-kind', name: 'kind', labelKey: 'timeline.composer.kind',
        options: ENTRY_KINDS.map((kind) => ({ value: kind, labelKey: `timeline.kind.${kind}` })), value: 'note',
      }),
      textareaField({ formId: COMPOSER_ID, id: 'case-entry-body', name: 'body', labelKey: 'timeline.composer.body', placeholderKey: 'timeline.composer.placeholder', rows: 2 })),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'case-entry-add', class: ['button', 'button-small'], i18n: 'timeline.composer.add' })));
  guardUnsavedForm(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const { kind, body } = readForm(form);
    if (!body) {
      showErrors(form, [{ field: 'body', code: 'invalid.required' }]);
      return;
    }
    page.run(() => api.addCaseEntry(page.id, kind, body), { form, toastKey: 'timeline.added', reset: { clearComposer: true } })
      .then((ok) => { if (ok) page.container.querySelector('#case-entry-body')?.focus(); });
  });
  return form;
}

/// Builds the audit card: a toggle and a table of every change.
export function buildAudit(page) {
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  const staffName = (id) => page.staff.find((member) => member.id === id)?.name;
  const lookup = { staffName, categoryName: (id) => categoryLabel(page.categories, id) || undefined };
  // Search keys are derived from the phone and reference; their own lines would only repeat them.
  const rows = page.detail.audit.filter((entry) => !entry.field.endsWith('_key'));
  const toggle = el('button', {
    type: 'button', id: 'case-audit-toggle', class: ['button', 'button-small', 'button-quiet', 'no-print'],
    attrs: { 'aria-expanded': String(page.auditOpen), 'aria-controls': 'case-audit-body' },
  }, t(page.auditOpen ? 'audit.hide' : 'audit.show', { count: rows.length }));
  toggle.addEventListener('click', () => {
    page.auditOpen = !page.auditOpen;
    page.redraw();
  });
  const cellValue = (entry, value) => el('span', { class: 'audit-value' }, auditValue(entry.field, value, { lang, timeZone: tz, lookup }));
  return el('section', { id: 'case-audit', class: ['card', 'collapsible', page.auditOpen ? null : 'is-collapsed'], attrs: { 'aria-labelledby': 'case-audit-title' } },
    el('div', { class: 'card-heading' },
      el('h2', { id: 'case-audit-title', class: 'card-title', i18n: 'audit.title' }),
      toggle),
    el('div', { id: 'case-audit-body', class: 'collapsible-body' },
      rows.length ? null : el('p', { class: 'hint', i18n: 'audit.none' }),
      rows.length === 0 ? null : el('div', { class: 'table-wrap' },
        el('table', { class: ['table', 'audit-table'] },
          el('thead', null, el('tr', null,
            ['audit.column.at', 'audit.column.who', 'audit.column.field', 'audit.column.change'].map((key) => el('th', { scope: 'col', i18n: key })))),
          el('tbody', null, rows.map((entry) => el('tr', { dataset: { field: entry.field } },
            el('td', { class: 'nowrap' }, formatDateTime(entry.at, lang, tz)),
            el('td', null, entry.actorName || t('timeline.nobody')),
            el('td', null, auditFieldLabel(entry.field, lang)),
            el('td', { class: 'audit-change' }, cellValue(entry, entry.oldValue), el('span', { class: 'arrow', attrs: { 'aria-hidden': 'true' } }, ' → '), el('span', { class: 'visually-hidden', i18n: 'audit.becomes' }), cellValue(entry, entry.newValue)))))))));
}
