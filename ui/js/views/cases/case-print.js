// The case history report: a sheet built for paper (A4) from the record the backend returns for
// printing, masked unless the user ticked "include personal data" in the small dialog before
// printing. The sheet sits in the case page, hidden on screen; while it exists the print style
// sheet prints it alone (ui/css/cases/print.css). Customer text is always set as text.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { errorMessage } from '../../lib/form.js';
import { toastError } from '../../lib/toast.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { auditFieldLabel, auditValue, formatMoney, satisfactionText } from './case-format.js';
import { entryTitle } from './case-timeline.js';

const SHEET_ID = 'case-print-sheet';

function dialogNode() {
  let dialog = document.getElementById('print-dialog');
  if (!dialog) {
    dialog = el('dialog', { id: 'print-dialog', class: ['confirm-dialog', 'print-dialog', 'no-print'], attrs: { 'aria-labelledby': 'print-dialog-title' } });
    document.body.append(dialog);
  }
  return dialog;
}

/// Asks whether to include personal data, then prints the case history report of `page`.
export function openCasePrint(page) {
  const dialog = dialogNode();
  if (dialog.hasAttribute('open')) return;
  const personal = el('input', { type: 'checkbox', id: 'print-personal', name: 'personal' });
  const errorSlot = el('p', { id: 'print-error', class: 'form-error', hidden: true, attrs: { role: 'alert' } });
  const ok = el('button', { type: 'submit', id: 'print-ok', class: ['button', 'button-primary'], i18n: 'print.go' });
  const cancel = el('button', { type: 'button', id: 'print-cancel', class: 'button', i18n: 'common.cancel' });
  const form = el('form', { method: 'dialog', noValidate: true },
    el('h2', { id: 'print-dialog-title', class: 'dialog-title', i18n: 'print.case.title' }),
    el('p', { class: 'dialog-message', i18n: 'print.case.message' }),
    el('label', { class: 'checkbox', htmlFor: 'print-personal' }, personal, el('span', { i18n: 'print.personal' })),
    el('p', { class: 'hint', i18n: 'print.personalHint' }),
    errorSlot,
    el('div', { class: 'dialog-actions' }, cancel, ok));
  dialog.replaceChildren(form);
  const returnTo = document.activeElement;
  const finish = () => {
    if (typeof dialog.close === 'function') dialog.close();
    dialog.removeAttribute('open');
    if (returnTo && returnTo.isConnected) returnTo.focus();
  };
  cancel.addEventListener('click', finish);
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); finish(); }, { once: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    ok.disabled = true;
    try {
      const record = await api.casePrintRecord(page.id, personal.checked);
      placeSheet(page, record);
      finish();
      await api.printPage();
    } catch (err) {
      if (dialog.hasAttribute('open')) {
        errorSlot.textContent = errorMessage(err);
        errorSlot.hidden = false;
      } else {
        toastError(err);
      }
    } finally {
      ok.disabled = false;
    }
  });
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  personal.focus();
}

/// Puts the sheet for `record` into the case page, replacing an earlier one.
function placeSheet(page, record) {
  page.container.querySelector(`#${SHEET_ID}`)?.remove();
  page.container.append(buildCaseSheet(record, { ctx: page.ctx }));
}

function facts(rows) {
  return el('dl', { class: 'print-facts' },
    rows.filter(Boolean).map(([labelKey, value, id]) => [
      el('dt', { i18n: labelKey }),
      el('dd', { id }, value == null || value === '' ? t('common.none') : String(value)),
    ]));
}

function section(id, titleKey, ...children) {
  return el('section', { id, class: 'print-section' }, el('h2', { class: 'print-heading', i18n: titleKey }), ...children);
}

function text(id, value) {
  return el('p', { id, class: 'print-text' }, value || t('common.none'));
}

/// The sheet: header, customer and complaint, timeline, audit summary, outcome, under a head
/// line with the branch and case number (a table header: engines that repeat table headers
/// print it on every page; WebKitGTK 2.50 prints it on the first only).
export function buildCaseSheet(record, { ctx }) {
  const f = record.fields;
  const lang = getLanguage();
  const tz = ctx.status?.branch?.timezone;
  const when = (instant) => (instant ? formatDateTime(instant, lang, tz) : null);
  const branch = ctx.status?.branch;
  const branchText = branch ? `${branch.name} (${branch.code})` : '';
  const head = el('thead', null, el('tr', null, el('th', { class: 'print-running-head' },
    el('span', null, branchText), el('span', { class: 'print-running-number' }, f.number))));
  // One table row per part and per timeline entry, none cut by a page break (print.css).
  const rows = [
    el('header', { class: 'print-header' },
      el('h1', { id: 'print-case-number', class: 'print-title' }, t('print.case.heading', { number: f.number })),
      el('p', { class: 'print-meta' }, t('print.case.meta', { branch: branchText, time: formatDateTime(new Date().toISOString(), lang, tz) })),
      facts([
        ['print.case.grade', t(`grade.${f.grade}`), 'print-grade'],
        ['print.case.status', t(`status.${record.status}`), 'print-status'],
        ['print.case.category', f.categoryName ?? t(`category.${f.categorySeedKey}`)],
        ['print.case.channel', t(`channel.${f.channel}`)],
        ['print.case.received', when(f.receivedAt)],
        ['case.fields.acknowledgedAt', when(f.acknowledgedAt)],
        ['case.outcome.resolvedAt', when(f.resolvedAt)],
        ['case.outcome.closedAt', when(f.closedAt)],
      ])),
    section('print-customer', 'print.case.customer',
      facts([
        ['field.complainantName', f.complainantName || t('case.anonymous'), 'print-complainant'],
        ['field.phone', f.phone, 'print-phone'],
        ['field.reference', f.reference],
        ['field.customerType', t(`customerType.${f.customerType}`)],
      ]),
      el('h3', { class: 'print-subhead', i18n: 'field.description' }),
      text('print-description', f.description),
      el('h3', { class: 'print-subhead', i18n: 'field.customerRequest' }),
      text('print-request', f.customerRequest)),
    el('h2', { id: 'print-timeline', class: ['print-heading', 'print-section'], i18n: 'timeline.title' }),
    ...timeline(record, lang, tz),
    section('print-audit', 'print.case.audit', auditSummary(record, lang, tz)),
    section('print-outcome', 'case.outcome.title', outcome(record, lang, tz)),
    el('p', { id: 'print-privacy', class: 'print-privacy' }, t(record.personalDataMasked ? 'print.masked' : 'print.unmasked')),
  ];
  const body = el('tbody', null, rows.map((row) => el('tr', { class: 'print-row' }, el('td', null, row))));
  return el('section', { id: SHEET_ID, class: 'print-sheet', lang, attrs: { 'aria-hidden': 'true' } },
    el('table', { class: 'print-frame' }, head, body));
}

/// The timeline's entries, one row each.
function timeline(record, lang, tz) {
  if (!record.timeline.length) return [el('p', { class: 'print-text', i18n: 'common.none' })];
  return record.timeline.map((entry) => el('div', { class: 'print-entry' },
    el('p', { class: 'print-entry-meta' }, `${formatDateTime(entry.at, lang, tz)} · ${entry.authorName || t('timeline.nobody')}`),
    el('p', { class: 'print-entry-title' }, entryTitle(entry, lang)),
    entry.body && entry.kind !== 'attachment' ? el('p', { class: 'print-text' }, entry.body) : null));
}

/// How many changes, by whom, to which fields, then the changes themselves in a compact table.
function auditSummary(record, lang, tz) {
  const rows = record.audit.filter((entry) => !entry.field.endsWith('_key'));
  if (!rows.length) return el('p', { class: 'print-text', i18n: 'audit.none' });
  const people = new Set(rows.map((entry) => entry.actorName || t('timeline.nobody')));
  const fields = [...new Set(rows.map((entry) => auditFieldLabel(entry.field, lang)))];
  return [
    el('p', { id: 'print-audit-summary', class: 'print-text' }, t('print.case.auditSummary', { count: rows.length, people: people.size, fields: fields.join(t('common.listSeparator')) })),
    el('table', { class: 'print-table' },
      el('thead', null, el('tr', null, ['audit.column.at', 'audit.column.who', 'audit.column.field', 'audit.column.change'].map((key) => el('th', { i18n: key })))),
      el('tbody', null, rows.map((entry) => el('tr', null,
        el('td', null, formatDateTime(entry.at, lang, tz)),
        el('td', null, entry.actorName || t('timeline.nobody')),
        el('td', null, auditFieldLabel(entry.field, lang)),
        el('td', null, `${auditValue(entry.field, entry.oldValue, { lang, timeZone: tz })} → ${auditValue(entry.field, entry.newValue, { lang, timeZone: tz })}`))))),
  ];
}

function outcome(record, lang, tz) {
  const f = record.fields;
  const parts = [];
  if (f.invalidReason && record.status === 'invalid') parts.push(el('h3', { class: 'print-subhead', i18n: 'case.outcome.invalid' }), text('print-invalid', f.invalidReason));
  if (f.actionTaken) {
    parts.push(el('h3', { class: 'print-subhead', i18n: 'case.outcome.resolution' }), text('print-resolution', f.actionTaken),
      facts([
        ['case.outcome.accepted', t(f.customerAccepted ? 'common.yes' : 'common.no')],
        ['case.outcome.goodwill', f.goodwillFen ? formatMoney(f.goodwillFen, lang) : t('case.outcome.noGoodwill')],
        ['field.rootCause', f.rootCause ? t(`rootCause.${f.rootCause}`) : null],
      ]));
  }
  if (f.followUpKind) {
    parts.push(el('h3', { class: 'print-subhead', i18n: 'case.outcome.followUp' }),
      f.followUpKind === 'called'
        ? facts([
          ['field.calledOn', f.calledOn ? formatDate(f.calledOn, lang) : null],
          ['field.satisfaction', satisfactionText(f.satisfaction, lang), 'print-satisfaction'],
          ['field.comment', f.followUpComment],
        ])
        : el('p', { class: 'print-text', i18n: 'case.outcome.unreachable' }));
  }
  return parts.length ? parts : el('p', { class: 'print-text', i18n: 'print.case.noOutcome' });
}
