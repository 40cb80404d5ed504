import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseMonth, monthKey, addMonths, compareMonths, currentMonth, lastCompleteMonth, monthNavigation, clampMonth, monthRange, formatMonth,
} from '../../ui/js/lib/months.js';
import {
  formatKpiValue, kpiChange, formatDelta, changeText, groupKpis, KPI_GROUPS, breakdownHref, breakdownLabel,
  exportFileName, rollupFileName, rollupErrorText, baseName, monthHref, reportHref, figureHref, isCaseFigure, figureNoteText,
} from '../../ui/js/views/reports/report-format.js';
import { monthFromHash, isEmptyMonth } from '../../ui/js/views/reports/reports.js';
import { filtersFromQuery, queryForFilters } from '../../ui/js/views/cases/case-format.js';

const M = (year, month) => ({ year, month });

test('months: parse and write YYYY-MM, nothing else', () => {
  assert.deepEqual(parseMonth('2024-03'), M(2024, 3));
  for (const bad of ['2024-13', '2024-00', '2024-3', '24-03', '2024-03-01', '', null, undefined, 'x']) assert.equal(parseMonth(bad), null, String(bad));
  assert.equal(monthKey(M(2024, 3)), '2024-03');
  assert.equal(monthKey(M(987, 12)), '0987-12');
});

test('months: previous and next across the year boundary', () => {
  assert.deepEqual(addMonths(M(2024, 1), -1), M(2023, 12));
  assert.deepEqual(addMonths(M(2023, 12), 1), M(2024, 1));
  assert.deepEqual(addMonths(M(2024, 3), -12), M(2023, 3));
  assert.deepEqual(addMonths(M(2024, 3), -27), M(2021, 12));
  assert.ok(compareMonths(M(2023, 12), M(2024, 1)) < 0);
  assert.equal(compareMonths(M(2024, 1), M(2024, 1)), 0);
});

test('months: "now" and the last complete month are counted in the branch time zone', () => {
  // 2024-10-31 16:30 UTC is already 1 November in Shanghai, still 31 October in London.
  const now = new Date('2024-10-31T16:30:00Z');
  assert.deepEqual(currentMonth('Asia/Shanghai', now), M(2024, 11));
  assert.deepEqual(currentMonth('Europe/London', now), M(2024, 10));
  assert.deepEqual(lastCompleteMonth('Asia/Shanghai', now), M(2024, 10));
  assert.deepEqual(lastCompleteMonth('Europe/London', now), M(2024, 9));
  // In January the last complete month is December of the year before.
  assert.deepEqual(lastCompleteMonth('Asia/Shanghai', new Date('2025-01-15T04:00:00Z')), M(2024, 12));
});

test('months: the picker cannot go past the current month', () => {
  const now = M(2025, 1);
  assert.deepEqual(monthNavigation(M(2024, 12), now), { previous: M(2024, 11), next: M(2025, 1) });
  assert.deepEqual(monthNavigation(M(2025, 1), now), { previous: M(2024, 12), next: null });
  const fallback = M(2024, 12);
  assert.deepEqual(clampMonth(M(2025, 2), now, fallback), fallback, 'a future month in the address falls back');
  assert.deepEqual(clampMonth(null, now, fallback), fallback);
  assert.deepEqual(clampMonth(M(2020, 5), now, fallback), M(2020, 5));
  assert.deepEqual(monthFromHash('#/reports?month=2024-02'), M(2024, 2));
  assert.equal(monthFromHash('#/reports?month=2024-2'), null);
  assert.equal(monthFromHash('#/reports'), null);
});

test('months: date range (leap years) and names in both languages', () => {
  assert.deepEqual(monthRange(M(2024, 2)), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(monthRange(M(2023, 2)), { from: '2023-02-01', to: '2023-02-28' });
  assert.deepEqual(monthRange(M(2024, 12)), { from: '2024-12-01', to: '2024-12-31' });
  assert.equal(formatMonth(M(2024, 3), 'zh-CN'), '2024年3月');
  assert.equal(formatMonth(M(2024, 3), 'en'), 'Mar 2024');
});

test('KPI values: share, days, score, yuan, count, and a dash for null', () => {
  assert.equal(formatKpiValue('share', 0.8333, 'en'), '83.3%');
  assert.equal(formatKpiValue('share', 1, 'zh-CN'), '100.0%');
  assert.equal(formatKpiValue('share', 0, 'en'), '0.0%');
  assert.equal(formatKpiValue('days', 2.46, 'en'), '2.5');
  assert.equal(formatKpiValue('days', 12, 'zh-CN'), '12.0');
  assert.equal(formatKpiValue('score', 4.25, 'en'), '4.3');
  assert.equal(formatKpiValue('yuan', 1234.5, 'en'), '¥1,234.50');
  assert.equal(formatKpiValue('yuan', 0, 'zh-CN'), '¥0.00');
  assert.equal(formatKpiValue('count', 1234, 'en'), '1,234');
  assert.equal(formatKpiValue('count', null, 'en'), '—');
  assert.equal(formatKpiValue('share', undefined, 'zh-CN'), '—');
  assert.equal(formatKpiValue('days', Number.NaN, 'en'), '—');
});

test('KPI changes: direction, better/worse by `better`, neutral, same, and nothing to compare', () => {
  assert.deepEqual(kpiChange('share', 'higher', 0.9, 0.8), { direction: 'up', verdict: 'better', delta: 0.9 - 0.8 });
  assert.equal(kpiChange('share', 'higher', 0.7, 0.8).verdict, 'worse');
  assert.equal(kpiChange('days', 'lower', 2, 3).verdict, 'better');
  assert.equal(kpiChange('days', 'lower', 3, 2).verdict, 'worse');
  assert.deepEqual(kpiChange('count', 'neutral', 12, 10), { direction: 'up', verdict: 'neutral', delta: 2 });
  assert.equal(kpiChange('count', 'neutral', 8, 10).direction, 'down');
  assert.equal(kpiChange('count', 'lower', 5, 5).verdict, 'same');
  // A change smaller than what is shown (0.1 percentage point) is no change.
  assert.equal(kpiChange('share', 'higher', 0.83331, 0.83329).verdict, 'same');
  assert.equal(kpiChange('share', 'higher', 0.8, null).verdict, 'none');
  assert.equal(kpiChange('share', 'higher', null, 0.8).direction, 'none');
  assert.equal(kpiChange('count', 'higher', 0, 0).verdict, 'same', 'zero is a value, not a missing one');
});

test('KPI changes in words: arrows, signed deltas, points for shares, verdicts', () => {
  const kpi = (unit, better, value, previous, lastYear = null) => ({ key: 'x', unit, better, value, previous, lastYear });
  assert.equal(changeText(kpi('share', 'higher', 0.9, 0.85), 'previous', 'en').text, '▲ +5.0 pts better');
  assert.equal(changeText(kpi('share', 'higher', 0.8, 0.85), 'previous', 'zh-CN').text, '▼ −5.0 个百分点 变差');
  assert.equal(changeText(kpi('days', 'lower', 2.5, 3.1), 'previous', 'en').text, '▼ −0.6 better');
  assert.equal(changeText(kpi('count', 'neutral', 14, 10), 'previous', 'en').text, '▲ +4');
  assert.equal(changeText(kpi('count', 'lower', 3, 3), 'previous', 'en').text, '= no change');
  assert.equal(changeText(kpi('count', 'lower', 3, 3, 1), 'lastYear', 'zh-CN').text, '▲ +2 变差');
  assert.equal(changeText(kpi('count', 'lower', 3, null), 'previous', 'en').text, '—');
  assert.equal(formatDelta('yuan', 120, 'en'), '+¥120.00');
  assert.equal(formatDelta('count', -1200, 'en'), '−1,200');
});

test('KPIs: grouped in the screen order; unknown keys still shown', () => {
  const keys = KPI_GROUPS.flatMap(([, list]) => list);
  assert.equal(keys.length, 29);
  assert.equal(new Set(keys).size, 29);
  const kpis = [...keys, 'brand_new_figure'].reverse().map((key) => ({ key, unit: 'count', better: 'neutral', value: 1 }));
  const groups = groupKpis(kpis);
  assert.deepEqual(groups.map((g) => g.group), ['volume', 'timeliness', 'satisfaction', 'escalation', 'casework', 'prevention', 'other']);
  assert.deepEqual(groups[0].kpis.map((k) => k.key), ['received', 'valid', 'closed', 'closure_rate', 'open_at_start', 'open_at_end']);
  assert.deepEqual(groups[4].kpis.map((k) => k.key).slice(0, 2), ['justified_complaints', 'fault_branch_share']);
  assert.deepEqual(groups[6].kpis.map((k) => k.key), ['brand_new_figure']);
});

test('figures, breakdown rows and months lead to the list of exactly their cases', () => {
  const march = M(2024, 3);
  // Not the category filter over the month (which lists voided cases the bar leaves out):
  // the bar's own cases, picked by the backend.
  assert.equal(breakdownHref('category', '7', march), '#/cases?figure=category&figureMonth=2024-03&figureCode=7');
  assert.equal(breakdownHref('root_cause', 'delay', march), '#/cases?figure=root_cause&figureMonth=2024-03&figureCode=delay');
  assert.equal(breakdownHref('department', '客服部', march), `#/cases?figure=department&figureMonth=2024-03&figureCode=${encodeURIComponent('客服部')}`);
  assert.equal(breakdownHref('no_such_breakdown', 'x', march), null);
  assert.equal(breakdownHref('channel', '', march), null);
  // The list reads the same filters back and asks the backend for that figure.
  const filters = filtersFromQuery(breakdownHref('department', '客服部', march).split('?')[1]);
  assert.deepEqual(queryForFilters(filters, 50).figure, { month: '2024-03', key: 'department', code: '客服部', hits: false });
  assert.equal(monthHref(M(2023, 12)), '#/cases?figure=received&figureMonth=2023-12');
  assert.equal(figureHref('closed', M(2023, 12)), '#/cases?figure=closed&figureMonth=2023-12');
  assert.equal(figureHref('closure_rate', M(2023, 12), { hits: true }), '#/cases?figure=closure_rate&figureMonth=2023-12&figureHits=1');
  for (const key of ['training_completion', 'drills_held', 'plans_active', 'measures_overdue']) {
    assert.equal(figureHref(key, march), null, `${key} does not count cases`);
    assert.equal(isCaseFigure(key), false);
  }
  for (const [, keys] of KPI_GROUPS.slice(0, 4)) for (const key of keys) assert.equal(isCaseFigure(key), true, key);
  assert.equal(reportHref(M(2023, 12)), '#/reports?month=2023-12');
});

test('the case list says which figure it shows, in both languages, user text as given', () => {
  const names = { closed: 'Closed', closure_rate: 'Closure rate' };
  const opts = (lang) => ({ lang, figureName: (key) => names[key] ?? key, categoryName: (id) => (id === 7 ? '<b>快递</b>' : '') });
  const text = (query, lang = 'en') => figureNoteText(filtersFromQuery(query), opts(lang));
  assert.equal(text('status=open'), '');
  assert.match(text('figure=closed&figureMonth=2024-03'), /“Closed” in the Mar 2024 report/);
  assert.match(text('figure=closure_rate&figureMonth=2024-03&figureHits=1'), /“Closure rate” \(the part/);
  assert.match(text('figure=category&figureMonth=2024-03&figureCode=7'), /Category: <b>快递<\/b>/);
  assert.match(text('figure=channel&figureMonth=2024-03&figureCode=media', 'zh-CN'), /2024年3月.*渠道/);
  assert.match(text('figure=department&figureMonth=2024-03&figureCode=none'), /no department/i);
});

test('breakdown labels: vocabularies translated, categories by the UI name, user text untouched', () => {
  assert.equal(breakdownLabel('channel', { code: 'media', label: '' }, 'en'), 'Press / social media');
  assert.equal(breakdownLabel('grade', { code: '1', label: '' }, 'zh-CN').length > 0, true);
  assert.equal(breakdownLabel('root_cause', { code: 'delay', label: '' }, 'en'), 'Delay or slow response');
  assert.equal(breakdownLabel('customer_type', { code: 'angry', label: '' }, 'en'), 'Angry');
  const evil = '<img src=x onerror=alert(1)>';
  assert.equal(breakdownLabel('category', { code: '9', label: evil }, 'en'), evil);
  assert.equal(breakdownLabel('category', { code: '1', label: 'delivery_delay' }, 'en', { categoryName: () => 'Delivery delay' }), 'Delivery delay');
  assert.equal(breakdownLabel('department', { code: '', label: '' }, 'en'), 'No department given');
  // What the backend sends for a case without a department or a root cause.
  assert.equal(breakdownLabel('department', { code: 'none', label: '' }, 'zh-CN'), '未填写部门');
  assert.equal(breakdownLabel('root_cause', { code: 'none', label: '' }, 'en'), 'No root cause recorded');
  assert.equal(breakdownLabel('channel', { code: 'new_channel', label: '' }, 'en'), 'new_channel', 'an unknown code still shows');
});

test('file names and roll-up refusals in words', () => {
  assert.equal(exportFileName('sh01', M(2024, 3)), 'SH01_2024-03_complaints.xlsx');
  assert.equal(exportFileName('', M(2024, 3)), 'BRANCH_2024-03_complaints.xlsx');
  assert.equal(rollupFileName(M(2024, 12)), 'group_2024-12.xlsx');
  assert.equal(baseName('C:\\Users\\li\\BJ02_2024-03_complaints.xlsx'), 'BJ02_2024-03_complaints.xlsx');
  assert.equal(baseName('/home/li/BJ02.xlsx'), 'BJ02.xlsx');
  assert.equal(rollupErrorText({ code: 'export.other_month', field: 'BJ02_2024-02_complaints.xlsx' }, 'zh-CN'),
    'BJ02_2024-02_complaints.xlsx：这份报表的月份与其他文件不同，请只选择同一个月份的报表。');
  assert.equal(rollupErrorText({ code: 'export.not_branchdesk', field: '/tmp/notes.xlsx' }, 'en'),
    'notes.xlsx: This is not a monthly workbook exported by BranchDesk.');
  assert.match(rollupErrorText({ code: 'export.duplicate_branch', field: 'a.xlsx' }, 'en'), /^a\.xlsx: This branch is already included/);
  assert.equal(rollupErrorText({ code: 'io', field: null }, 'en'), 'A file could not be read or written. Check the free disk space and the file’s permissions.');
  assert.equal(rollupErrorText({ code: 'something.new', field: 'x.xlsx' }, 'en'), 'x.xlsx: Something went wrong. Please try again.');
});

test('an empty month is one where nothing was received, open or closed', () => {
  const report = (received, openAtStart, closed) => ({ kpis: [
    { key: 'received', value: received }, { key: 'open_at_start', value: openAtStart }, { key: 'closed', value: closed }] });
  assert.equal(isEmptyMonth(report(0, 0, 0)), true);
  assert.equal(isEmptyMonth(report(0, 2, 0)), false, 'cases still open from before are worth a report');
  assert.equal(isEmptyMonth(report(3, 0, 0)), false);
});
