// Pure helpers for the monthly report: how each figure is written, how it compares with last
// month and the same month last year (and whether that is better or worse), where a breakdown
// row leads in the case list, file names for exports, and roll-up refusals in words.
// No DOM at load time, so node --test can import it.

import { translate } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { monthKey, formatMonth } from '../../lib/months.js';
import { hashForFilters } from '../cases/case-format.js';

/// The report's figures in the groups the screen shows them in. A figure the backend adds later
/// and no group names still shows, under "other".
export const KPI_GROUPS = Object.freeze([
  ['volume', ['received', 'valid', 'closed', 'closure_rate', 'open_at_start', 'open_at_end']],
  ['timeliness', ['acknowledged_on_time', 'resolved_on_time', 'resolved_within_7_days', 'resolved_within_14_days',
    'mean_days_to_resolve', 'median_days_to_resolve']],
  ['satisfaction', ['follow_up_rate', 'average_satisfaction', 'satisfied_share', 'repeat_complaints']],
  ['escalation', ['crises', 'escalated_channels', 'goodwill_total']],
  ['casework', ['justified_complaints', 'fault_branch_share', 'fault_other_department_share', 'fault_third_party_share',
    'fault_customer_share', 'kept_informed_share']],
  ['prevention', ['training_completion', 'drills_held', 'plans_active', 'measures_overdue']],
]);

/// The breakdowns in the order they are shown.
export const BREAKDOWN_ORDER = Object.freeze(['category', 'channel', 'grade', 'root_cause', 'customer_type', 'department']);

/// `kpis` sorted into KPI_GROUPS: `[{group, kpis}]`, empty groups left out.
export function groupKpis(kpis) {
  const byKey = new Map((kpis ?? []).map((kpi) => [kpi.key, kpi]));
  const placed = new Set();
  const groups = [];
  for (const [group, keys] of KPI_GROUPS) {
    const found = keys.filter((key) => byKey.has(key)).map((key) => byKey.get(key));
    found.forEach((kpi) => placed.add(kpi.key));
    if (found.length) groups.push({ group, kpis: found });
  }
  const rest = (kpis ?? []).filter((kpi) => !placed.has(kpi.key));
  if (rest.length) groups.push({ group: 'other', kpis: rest });
  return groups;
}

const isNumber = (value) => value != null && value !== '' && Number.isFinite(Number(value));

function fixed(value, digits, lang) {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/// A figure as written on screen: share 0.8333 → "83.3%", days → "2.5", score → "4.2",
/// yuan → "¥1,234.50", count → "1,234"; a missing value → "—".
export function formatKpiValue(unit, value, lang) {
  if (!isNumber(value)) return translate(lang, 'common.none');
  const number = Number(value);
  switch (unit) {
    case 'share': return `${fixed(number * 100, 1, lang)}%`;
    case 'days':
    case 'score': return fixed(number, 1, lang);
    case 'yuan': return `${number < 0 ? '-' : ''}¥${fixed(Math.abs(number), 2, lang)}`;
    default: return formatNumber(Math.round(number), lang);
  }
}

/// How a figure moved against a reference (last month or last year):
/// `{direction: 'up'|'down'|'same'|'none', verdict: 'better'|'worse'|'same'|'neutral'|'none', delta}`.
/// A change too small to show at the figure's precision counts as the same.
export function kpiChange(unit, better, value, reference) {
  if (!isNumber(value) || !isNumber(reference)) return { direction: 'none', verdict: 'none', delta: null };
  const delta = Number(value) - Number(reference);
  if (roundToShown(unit, delta) === 0) return { direction: 'same', verdict: 'same', delta: 0 };
  const direction = delta > 0 ? 'up' : 'down';
  if (better === 'higher') return { direction, verdict: direction === 'up' ? 'better' : 'worse', delta };
  if (better === 'lower') return { direction, verdict: direction === 'down' ? 'better' : 'worse', delta };
  return { direction, verdict: 'neutral', delta };
}

// A difference rounded to what the screen shows (0.1 percentage point, 0.1 day, 1 fen, 1 case).
function roundToShown(unit, delta) {
  const scale = { share: 1000, days: 10, score: 10, yuan: 100 }[unit] ?? 1;
  return Math.round(Math.abs(delta) * scale) / scale;
}

/// A signed difference at the figure's precision: "+3", "−2.5", "+5.0 pts" (percentage points
/// for shares), "+¥120.00".
export function formatDelta(unit, delta, lang) {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  const size = Math.abs(delta);
  switch (unit) {
    case 'share': return translate(lang, 'reports.delta.points', { delta: `${sign}${fixed(size * 100, 1, lang)}` });
    case 'days':
    case 'score': return `${sign}${fixed(size, 1, lang)}`;
    case 'yuan': return `${sign}¥${fixed(size, 2, lang)}`;
    default: return `${sign}${formatNumber(Math.round(size), lang)}`;
  }
}

const ARROWS = { up: '▲', down: '▼', same: '=' };

/// A comparison cell's words: `{arrow, delta, verdict, verdictText, text}`; `text` is the
/// whole thing ("▲ +3 better") so it reads the same on screen, in print and aloud.
export function changeText(kpi, which, lang) {
  const reference = which === 'lastYear' ? kpi.lastYear : kpi.previous;
  const change = kpiChange(kpi.unit, kpi.better, kpi.value, reference);
  if (change.direction === 'none') {
    return { ...change, arrow: '', deltaText: translate(lang, 'common.none'), verdictText: '', text: translate(lang, 'common.none') };
  }
  const arrow = ARROWS[change.direction];
  const deltaText = change.direction === 'same' ? '' : formatDelta(kpi.unit, change.delta, lang);
  const verdictText = change.verdict === 'neutral' ? '' : translate(lang, `reports.verdict.${change.verdict}`);
  const text = [arrow, deltaText, verdictText].filter(Boolean).join(' ');
  return { ...change, arrow, deltaText, verdictText, text };
}

// Figures that count something other than cases (training, prevention): no case list.
const NOT_CASE_FIGURES = new Set(['training_completion', 'drills_held', 'plans_active', 'measures_overdue']);

/// Whether the case list can show the cases behind figure `key`.
export function isCaseFigure(key) {
  return typeof key === 'string' && /^[a-z_0-9]+$/.test(key) && !NOT_CASE_FIGURES.has(key);
}

/// The case-list hash of the cases behind figure `key` of `month`, by the report's own
/// definition (the backend picks them): for a share, `hits` lists only the part it counts.
/// Null for a figure that does not count cases.
export function figureHref(key, month, { hits = false } = {}) {
  if (!isCaseFigure(key)) return null;
  return hashForFilters({ figure: key, figureMonth: monthKey(month), figureHits: hits });
}

/// The case-list hash of the cases counted in breakdown row `code` of `month`: exactly the
/// cases the row counts (valid ones only; for root causes, those closed at the month's end).
export function breakdownHref(key, code, month) {
  const value = String(code ?? '');
  if (!BREAKDOWN_ORDER.includes(key) || value === '') return null;
  return hashForFilters({ figure: key, figureMonth: monthKey(month), figureCode: value });
}

/// The case list of every case received in `month`, voided ones included: the `received` figure.
export function monthHref(month) {
  return figureHref('received', month);
}

/// The dictionary key of each breakdown's name: its title on the Reports screen and in the case
/// list's note (the list's own filter names where it has one).
export const BREAKDOWN_NAMES = {
  category: 'cases.filter.category',
  channel: 'cases.filter.channel',
  grade: 'cases.filter.grade',
  root_cause: 'field.rootCause',
  customer_type: 'field.customerType',
  department: 'field.department',
};

/// `{year, month}` of a `YYYY-MM` key.
export function monthOfKey(key) {
  return { year: Number(String(key).slice(0, 4)), month: Number(String(key).slice(5, 7)) };
}

/// The case list's note for list `filters` that name a figure ("the complaints behind “Closed”
/// in the October 2026 report"), or '' without one. `figureName(key)` names a figure (from the
/// glossary), `categoryName(id)` a category.
export function figureNoteText(filters, { lang, figureName, categoryName }) {
  if (!filters?.figure || !filters.figureMonth) return '';
  const month = formatMonth(monthOfKey(filters.figureMonth), lang);
  if (BREAKDOWN_ORDER.includes(filters.figure) && filters.figureCode) {
    const row = { code: filters.figureCode, label: filters.figureCode };
    const name = breakdownLabel(filters.figure, row, lang, { categoryName });
    return translate(lang, 'cases.figure.breakdown', { group: translate(lang, BREAKDOWN_NAMES[filters.figure]), name, month });
  }
  return translate(lang, filters.figureHits ? 'cases.figure.hits' : 'cases.figure.kpi', { name: figureName(filters.figure), month });
}

/// The reports screen at `month`.
export function reportHref(month) {
  return `#/reports?month=${monthKey(month)}`;
}

const VOCABULARY = { channel: 'channel.', grade: 'grade.', root_cause: 'rootCause.', customer_type: 'customerType.' };

/// What a breakdown row is called: vocabularies translated, categories by the UI's own name
/// (`categoryName(id)`, so seeded names follow the language), then the report's label, then the code.
export function breakdownLabel(key, row, lang, { categoryName } = {}) {
  const code = String(row?.code ?? '');
  if (Object.hasOwn(VOCABULARY, key)) {
    const dictKey = `${VOCABULARY[key]}${code}`;
    const text = translate(lang, dictKey);
    if (text !== dictKey) return text;
  }
  if (key === 'category') {
    const name = categoryName?.(Number(code));
    if (name) return name;
  }
  // Cases without a department or (closed without) a root cause come as `none`.
  if (code === '' || code === 'none') {
    if (key === 'department') return translate(lang, 'reports.breakdown.noDepartment');
    if (key === 'root_cause') return translate(lang, 'reports.breakdown.noRootCause');
  }
  if (row?.label) return row.label;
  return code;
}

/// The suggested name of a branch's workbook: `SH01_2024-03_complaints.xlsx`.
export function exportFileName(branchCode, month) {
  const code = String(branchCode ?? '').replace(/[^A-Za-z0-9]/g, '').toUpperCase() || 'BRANCH';
  return `${code}_${monthKey(month)}_complaints.xlsx`;
}

/// The suggested name of a group roll-up: `group_2024-03.xlsx`.
export function rollupFileName(month) {
  return `group_${monthKey(month)}.xlsx`;
}

/// The file name at the end of a path (either slash).
export function baseName(path) {
  const parts = String(path ?? '').split(/[\\/]/);
  return parts[parts.length - 1] || String(path ?? '');
}

/// A refused roll-up in words: "BJ02_2024-02_complaints.xlsx：不是 BranchDesk 导出的月报"
/// when the backend names the file (`field`), else the reason alone.
export function rollupErrorText(err, lang) {
  const key = `error.${err?.code}`;
  const known = err?.code && translate(lang, key) !== key;
  const reason = translate(lang, known ? key : 'error.unknown');
  return err?.field ? translate(lang, 'reports.rollup.fileError', { file: baseName(err.field), reason }) : reason;
}
