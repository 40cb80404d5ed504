// One branch case, read-only, as head office sees it: its fields, timeline and audit, with
// names, phones and references masked. A manager may show them: an explicit button, and the
// backend records who saw which case and when before it answers.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { errorMessage } from '../../lib/form.js';
import { loadingState } from '../../lib/states.js';
import { categoryName } from '../../lib/labels.js';
import { gradeBadge, statusBadge, deadlineBadge, channelLabel } from '../cases/case-ui.js';
import { auditFieldLabel, auditValue, changeText, label, formatMoney, satisfactionText } from '../cases/case-format.js';
import { failedState, trail } from './group-ui.js';

// The fields the record lists, in order, with their labels; personal ones first.
const PERSONAL = [['complainantName', 'field.complainantName'], ['phone', 'field.phone'], ['reference', 'field.reference']];
const TEXT_FIELDS = [
  ['categoryName', 'field.categoryId'], ['department', 'field.department'], ['description', 'field.description'],
  ['customerRequest', 'field.customerRequest'], ['actionTaken', 'field.actionTaken'], ['rootCause', 'field.rootCause'],
  ['goodwillFen', 'field.goodwill'], ['satisfaction', 'field.satisfaction'], ['followUpComment', 'field.comment'],
];

/// Renders case `route.id` of branch `route.code`.
export async function renderCase(container, ctx, route) {
  const top = el('header', { class: 'page-header' }, el('div', { class: 'page-heading' }, trail(route), el('h1', { class: 'page-title' }, route.code)));
  container.replaceChildren(top, loadingState());
  let record;
  try {
    record = await api.groupCase(route.code, route.id);
  } catch (err) {
    container.replaceChildren(top, failedState(err, () => renderCase(container, ctx, route)));
    return;
  }
  show(container, route, record);
}

function fieldValue(key, value, lang, fields) {
  if (key === 'categoryName') return categoryName({ name: value, seedKey: fields.categorySeedKey });
  if (value == null || value === '') return t('common.none');
  if (key === 'rootCause') return label('rootCause.', value);
  if (key === 'goodwillFen') return formatMoney(value, lang);
  if (key === 'satisfaction') return satisfactionText(value, lang);
  return String(value);
}

function show(container, route, record) {
  const lang = getLanguage();
  const f = record.fields;
  const number = String(f.number ?? '');
  const top = el('header', { class: 'page-header' }, el('div', { class: 'page-heading' },
    trail({ ...route, number }),
    el('h1', { class: 'page-title', id: 'group-case-title' }, t('groupView.caseTitle', { code: record.code, number }))));
  const revealError = el('p', { id: 'group-reveal-error', class: 'field-error', hidden: true, attrs: { role: 'alert' } });
  const reveal = record.masked && record.canShowPersonal
    ? el('button', { type: 'button', id: 'group-reveal', class: 'button', i18n: 'groupView.reveal' })
    : null;
  reveal?.addEventListener('click', async () => {
    reveal.disabled = true;
    revealError.hidden = true;
    try {
      show(container, route, await api.groupCasePersonal(record.code, route.id));
      document.getElementById('group-privacy')?.focus();
    } catch (err) {
      reveal.disabled = false;
      revealError.textContent = errorMessage(err);
      revealError.hidden = false;
    }
  });
  const privacy = el('div', { id: 'group-privacy', class: ['note', record.masked ? null : 'note-warn'], tabIndex: -1, dataset: { masked: String(record.masked) } },
    el('p', null, t(record.masked ? (record.canShowPersonal ? 'groupView.masked' : 'groupView.maskedNoRole') : 'groupView.shown')),
    reveal, revealError);
  const facts = el('dl', { id: 'group-case-facts', class: 'facts' },
    el('dt', { i18n: 'field.receivedAt' }), el('dd', null, formatDateTime(f.receivedAt, lang)),
    el('dt', { i18n: 'field.channel' }), el('dd', null, channelLabel(f.channel)),
    el('dt', { i18n: 'field.grade' }), el('dd', null, gradeBadge(f.grade)),
    el('dt', { i18n: 'groupView.col.status' }), el('dd', null, statusBadge(record.status)),
    el('dt', { i18n: 'groupView.col.deadline' }), el('dd', null, deadlineBadge(record.deadline, record.acknowledgeOverdue)),
    PERSONAL.map(([key, labelKey]) => [el('dt', { i18n: labelKey }), el('dd', { dataset: { field: key }, class: 'group-personal' }, fieldValue(key, f[key], lang, f))]),
    TEXT_FIELDS.map(([key, labelKey]) => [el('dt', { i18n: labelKey }), el('dd', { dataset: { field: key }, class: 'case-text' }, fieldValue(key, f[key], lang, f))]));
  const timeline = el('ol', { id: 'group-case-timeline', class: 'timeline' }, record.timeline.map((entry) => el('li', { class: 'timeline-entry', dataset: { kind: entry.kind } },
    el('div', { class: 'timeline-meta' },
      el('time', { dateTime: entry.at }, formatDateTime(entry.at, lang)),
      el('span', { class: 'timeline-author' }, entry.authorName || t('timeline.nobody'))),
    el('p', { class: 'timeline-title' }, entry.kind === 'status' || entry.kind === 'grade'
      ? changeText(entry.kind, entry.oldValue, entry.newValue, lang)
      : label('timeline.kind.', entry.kind)),
    entry.body ? el('p', { class: ['timeline-body', 'case-text'] }, entry.body) : null)));
  const audit = el('table', { id: 'group-case-audit', class: ['table', 'audit-table'] },
    el('thead', null, el('tr', null, ['audit.column.at', 'audit.column.who', 'audit.column.field', 'audit.column.change'].map((key) => el('th', { scope: 'col', i18n: key })))),
    el('tbody', null, record.audit.map((entry) => el('tr', { dataset: { field: entry.field } },
      el('td', { class: 'nowrap' }, formatDateTime(entry.at, lang)),
      el('td', null, entry.actorName || t('timeline.nobody')),
      el('td', null, auditFieldLabel(entry.field, lang)),
      el('td', { class: 'audit-change' }, auditValue(entry.field, entry.oldValue, { lang }), ' → ', auditValue(entry.field, entry.newValue, { lang }))))));
  container.replaceChildren(top, privacy,
    el('section', { class: 'card', attrs: { 'aria-labelledby': 'group-case-facts-title' } },
      el('h2', { id: 'group-case-facts-title', class: 'card-title', i18n: 'groupView.record' }), facts),
    el('section', { class: 'card', attrs: { 'aria-labelledby': 'group-case-timeline-title' } },
      el('h2', { id: 'group-case-timeline-title', class: 'card-title', i18n: 'timeline.title' }), timeline),
    el('section', { class: 'card', attrs: { 'aria-labelledby': 'group-case-audit-title' } },
      el('h2', { id: 'group-case-audit-title', class: 'card-title', i18n: 'audit.title' }),
      record.audit.length ? el('div', { class: 'table-wrap' }, audit) : el('p', { class: 'hint', i18n: 'audit.none' })));
}
