// Import steps 3 and 4: the dry run's report (every bad row with its row number, field and
// reason, and the category names not found), then the import itself and its result.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { toastError } from '../../lib/toast.js';
import { SHOWN_PROBLEMS, fieldText, reasonText } from './import-format.js';

const count = (value) => formatNumber(value, getLanguage());

/// How the first rows' times of receipt were read: as written, and as stored in the branch's
/// time zone (a time with its own offset or Z is that instant; any other is local).
function timesRead(report) {
  if (!report.times?.length) return null;
  return el('div', { id: 'import-times', class: 'import-times' },
    el('p', { class: 'hint' }, t('import.report.times', { zone: report.timezone })),
    el('ul', { class: 'import-times-list' }, report.times.map((time) => el('li', { dataset: { row: String(time.row) } },
      t('import.report.timeRead', { row: String(time.row), written: time.written, local: time.local })))));
}

/// The report's summary line, how times were read and, for bad rows, the table of problems.
function reportBody(report) {
  const summary = el('p', { id: 'import-summary', class: 'import-summary' },
    t('import.report.summary', { rows: count(report.rows), ready: count(report.ready), bad: count(report.badRows) }));
  if (!report.badRows) {
    return [summary, timesRead(report),
      el('p', { id: 'import-clean', class: 'import-clean' }, t('import.report.clean')),
      report.closed ? el('p', { class: 'hint' }, t('import.report.closed', { closed: count(report.closed) })) : null];
  }
  const shown = report.problems.slice(0, SHOWN_PROBLEMS);
  return [summary, timesRead(report),
    el('p', { id: 'import-fix', class: 'import-fix', attrs: { role: 'alert' } }, t('import.report.fix')),
    report.unknownCategories.length
      ? el('p', { id: 'import-unknown', class: 'import-unknown' }, t('import.report.unknownCategories', { names: report.unknownCategories.join(', ') }))
      : null,
    el('div', { class: ['table-wrap', 'import-problems-wrap'] },
      el('table', { id: 'import-problems', class: ['table', 'import-table'] },
        el('caption', { class: 'visually-hidden', i18n: 'import.report.caption' }),
        el('thead', null, el('tr', null, ['import.report.row', 'import.report.field', 'import.report.reason']
          .map((key) => el('th', { scope: 'col', i18n: key })))),
        el('tbody', null, shown.map((problem) => el('tr', { dataset: { row: String(problem.row), field: problem.field, code: problem.code } },
          el('td', { class: 'import-row-number' }, String(problem.row)),
          el('td', null, fieldText(problem.field)),
          el('td', null, reasonText(problem.code))))))),
    report.problems.length > shown.length
      ? el('p', { class: 'hint' }, t('import.report.more', { count: count(report.problems.length - shown.length) }))
      : null];
}

/// Builds step 3.
export function renderCheckStep(wizard) {
  const { report } = wizard;
  const back = el('button', { type: 'button', id: 'import-back', class: 'button', i18n: 'import.back' });
  const again = el('button', { type: 'button', id: 'import-recheck', class: 'button', i18n: 'import.checkAgain' });
  const run = report.badRows ? null
    : el('button', { type: 'button', id: 'import-run', class: ['button', 'button-primary'] }, t('import.run', { count: count(report.ready) }));
  back.addEventListener('click', () => wizard.go('mapping'));
  // The file is read afresh: fix it in the spreadsheet, save, and check again.
  again.addEventListener('click', async () => {
    again.disabled = true;
    again.textContent = t('import.checking');
    try {
      wizard.report = await api.importDryRun(wizard.picked.token, wizard.mapping, wizard.options);
      wizard.go('check');
    } catch (err) {
      toastError(err);
      again.disabled = false;
      again.textContent = t('import.checkAgain');
    }
  });
  run?.addEventListener('click', () => wizard.go('import'));
  return el('section', { id: 'import-check-step', class: 'card', attrs: { 'aria-labelledby': 'import-check-title' } },
    el('h2', { id: 'import-check-title', class: 'card-title', i18n: 'import.step.check' }),
    reportBody(report),
    el('div', { class: ['form-actions', 'wizard-actions'] }, back, again, run));
}

/// Builds step 4 and starts the import: a progress line while it runs (one transaction, a
/// few seconds for tens of thousands of rows), then the result or the rows that now fail.
export function renderImportStep(wizard) {
  const status = el('div', { id: 'import-status', class: 'import-status', attrs: { role: 'status' } },
    el('progress', { id: 'import-progress', class: 'import-progress' }),
    el('p', null, t('import.running', { count: count(wizard.report.ready) })));
  const section = el('section', { id: 'import-run-step', class: 'card', attrs: { 'aria-labelledby': 'import-run-title' } },
    el('h2', { id: 'import-run-title', class: 'card-title', i18n: 'import.step.import' }),
    status);
  api.importRun(wizard.picked.token, wizard.mapping, wizard.options)
    .then((outcome) => {
      if (outcome.report.badRows) {
        wizard.report = outcome.report;
        status.replaceChildren(el('p', { class: 'import-fix' }, t('error.import.bad_rows')), reportBody(outcome.report));
        const back = el('button', { type: 'button', id: 'import-back', class: 'button', i18n: 'import.back' });
        back.addEventListener('click', () => wizard.go('check'));
        section.append(el('div', { class: ['form-actions', 'wizard-actions'] }, back));
        return;
      }
      const another = el('button', { type: 'button', id: 'import-again', class: 'button', i18n: 'import.done.another' });
      another.addEventListener('click', () => {
        wizard.picked = null;
        wizard.report = null;
        wizard.go('file');
      });
      status.replaceChildren(
        el('p', { id: 'import-done', class: 'import-done' }, t('import.done', { count: count(outcome.imported) })),
        el('div', { class: ['form-actions', 'wizard-actions'] },
          el('a', { id: 'import-open-cases', href: '#/cases', class: ['button', 'button-primary'], i18n: 'import.done.open' }),
          another));
      status.querySelector('a')?.focus();
    })
    .catch((err) => {
      toastError(err);
      wizard.go('check');
    });
  return section;
}
