// The group dashboard: pick a month (the last complete one at first), every branch's figures
// for it in one table ranked by a chosen figure (the rank shown in its own column), when each
// branch's data last arrived (stale ones marked), and the group workbook exported from here
// with its progress. Ordering is by the ranks Rust computed; the page renders and asks.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { loadingState, pageHeader } from '../../lib/states.js';
import { currentMonth, formatMonth, monthKey, parseMonth } from '../../lib/months.js';
import { formatKpiValue, rollupFileName } from '../reports/report-format.js';
import { setError, withProgress, fileResult } from '../reports/reports-export.js';
import { errorMessage, formErrorSlot } from '../../lib/form.js';
import { COLUMNS, DEFAULT_RANK, figure, groupHash, monthChoices, rankChoices, rankedBranches } from './group-format.js';
import { failedState, figureNames } from './group-ui.js';

// The export's progress events go to whichever export is running (one listener for the app).
let onProgress = null;
let listening = false;
function listenForProgress() {
  if (listening) return;
  listening = true;
  api.onBackendEvent('group-export-progress', (progress) => onProgress?.(progress));
}

/// Renders the dashboard of `route.month` (null: the backend's default month).
export async function renderDashboard(container, ctx, route) {
  const lang = getLanguage();
  const header = pageHeader('groupView.title', { introKey: 'groupView.intro' });
  container.replaceChildren(header, loadingState());
  let shown;
  let names;
  try {
    [shown, names] = await Promise.all([api.groupDashboard(route.month, lang), figureNames(lang)]);
  } catch (err) {
    container.replaceChildren(header, failedState(err, () => renderDashboard(container, ctx, route)));
    return;
  }
  const choices = rankChoices(shown.branches);
  let rank = choices.includes(route.rank) ? route.rank : (choices.includes(DEFAULT_RANK) ? DEFAULT_RANK : choices[0]);
  const name = (key) => names.get(key) ?? key;

  // Back from the current month (so far), whichever month is shown.
  const current = monthKey(currentMonth(ctx.status?.branch?.timezone));
  const monthSelect = el('select', { id: 'group-month', name: 'month' },
    monthChoices(current > shown.month ? current : shown.month).map((m) => el('option', { value: m, selected: m === shown.month }, formatMonth(parseMonth(m), lang))));
  monthSelect.value = shown.month;
  monthSelect.addEventListener('change', () => {
    location.hash = groupHash({ month: monthSelect.value, rank });
  });
  const rankSelect = el('select', { id: 'group-rank', name: 'rank' },
    choices.map((key) => el('option', { value: key, selected: key === rank }, name(key))));
  rankSelect.addEventListener('change', () => {
    rank = rankSelect.value;
    history.replaceState(null, '', groupHash({ month: shown.month, rank }));
    tbody.replaceChildren(...rows());
    rankHeading.textContent = t('groupView.rankBy', { figure: name(rank) });
  });
  const controls = el('div', { class: ['group-controls', 'card'] },
    el('div', { class: 'field' }, el('label', { htmlFor: 'group-month', i18n: 'groupView.month' }), monthSelect),
    el('div', { class: 'field' }, el('label', { htmlFor: 'group-rank', i18n: 'groupView.rankLabel' }), rankSelect),
    el('p', { id: 'group-summary', class: 'muted' }, t('groupView.summary', {
      count: shown.branches.length, at: formatDateTime(shown.computedAt, lang),
    })));

  const rankHeading = el('th', { scope: 'col', class: 'group-rank' }, t('groupView.rankBy', { figure: name(rank) }));
  const rows = () => rankedBranches(shown.branches, rank).map(({ branch, rank: place }) => el('tr', { dataset: { code: branch.code }, class: branch.stale ? 'is-stale' : null },
    el('td', { class: 'group-rank' }, place == null ? t('common.none') : String(place)),
    el('th', { scope: 'row', class: 'group-branch' },
      el('a', { href: groupHash({ code: branch.code, month: shown.month }), class: 'group-branch-link' },
        el('span', { class: 'branch-code' }, branch.code), ' ', el('span', { class: 'group-branch-name' }, branch.name))),
    COLUMNS.map((key) => {
      const kpi = figure(branch, key);
      return el('td', { class: ['num', key === rank ? 'is-ranked' : null], dataset: { key } }, formatKpiValue(kpi?.unit, kpi?.value, lang));
    }),
    el('td', { class: 'group-as-of' },
      branch.lastReceived ? formatDateTime(branch.lastReceived, lang) : t('group.never'),
      branch.stale ? el('span', { class: ['tag', 'tag-stale'], attrs: { title: t('groupView.staleHint') }, i18n: 'groupView.stale' }) : null)));
  const tbody = el('tbody', null, rows());
  const table = el('div', { class: ['table-wrap', 'card'] },
    el('table', { id: 'group-table', class: ['table', 'group-table'] },
      el('caption', { class: 'visually-hidden' }, t('groupView.caption', { month: formatMonth(parseMonth(shown.month), lang) })),
      el('thead', null, el('tr', null,
        rankHeading,
        el('th', { scope: 'col', i18n: 'groupView.branch' }),
        COLUMNS.map((key) => el('th', { scope: 'col', class: 'num', dataset: { key } }, name(key))),
        el('th', { scope: 'col', i18n: 'groupView.asOf' }))),
      tbody));
  container.replaceChildren(header, controls, table, exportCard(shown.month));
}

// The group workbook of `month`, written from the server: the same file `group-report` makes.
function exportCard(month) {
  listenForProgress();
  const errorSlot = formErrorSlot();
  errorSlot.id = 'group-export-error';
  const button = el('button', { type: 'button', id: 'group-export', class: ['button', 'button-primary'], i18n: 'groupView.export.button' });
  const progress = el('p', { id: 'group-export-progress', class: 'muted', attrs: { role: 'status', 'aria-live': 'polite' } });
  const result = el('div', { class: 'file-result-slot' });
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    setError(errorSlot, '');
    result.replaceChildren();
    try {
      const path = await api.chooseSavePath({ defaultPath: rollupFileName(parseMonth(month)), filterName: t('reports.file.xlsxFilter') });
      if (!path) return;
      onProgress = ({ stage, branches }) => {
        progress.textContent = t(`groupView.export.stage.${stage}`, { count: branches });
      };
      const codes = await withProgress(button, 'groupView.export.busy', () => api.exportGroupWorkbook({ month, lang: getLanguage(), path }));
      progress.textContent = '';
      result.replaceChildren(fileResult({
        id: 'group-export-done', messageKey: 'groupView.export.done',
        messageParams: { count: codes.length, ranked: codes.join(', ') }, path, errorSlot,
      }));
    } catch (err) {
      progress.textContent = '';
      if (!err?.code) console.error(err);
      setError(errorSlot, errorMessage(err));
    } finally {
      onProgress = null;
    }
  });
  return el('section', { id: 'group-export-card', class: ['card', 'group-export'], attrs: { 'aria-labelledby': 'group-export-title' } },
    el('h2', { id: 'group-export-title', class: 'card-title', i18n: 'groupView.export.title' }),
    el('p', { class: 'muted', i18n: 'groupView.export.intro' }),
    el('div', { class: 'form-actions' }, button),
    progress, errorSlot, result);
}
