// The report's counts by dimension (category, channel, grade, root cause, customer type,
// department) as small tables, and the 12-month trend chart. Every row and bar leads to the
// case list of exactly the cases it counts.

import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { formatMonth } from '../../lib/months.js';
import { trendChart, barChart } from '../../lib/charts.js';
import {
  BREAKDOWN_NAMES, BREAKDOWN_ORDER, breakdownHref, breakdownLabel, formatKpiValue, figureHref,
} from './report-format.js';

/// The trend points of a report (or any `[{month, received, closed}]`) ready for trendChart:
/// each month's received and closed are that month's figures, and each bar opens their cases.
export function trendPoints(trend, lang) {
  return (trend ?? []).map((point) => ({
    month: point.month, received: point.received, closed: point.closed,
    label: formatMonth(point.month, lang),
    href: figureHref('received', point.month), closedHref: figureHref('closed', point.month),
  }));
}

/// The 12-month trend as a card.
export function trendSection(report, { lang, id = 'report-trend' }) {
  const points = trendPoints(report.trend, lang);
  return el('section', { id, class: ['card', 'report-trend'], attrs: { 'aria-labelledby': `${id}-title` } },
    el('h2', { id: `${id}-title`, class: 'card-title', i18n: 'reports.trend.title' }),
    points.length ? trendChart({
      id: `${id}-chart`, lang, points, width: 760,
      title: t('reports.trend.title'),
      desc: t('charts.trend.desc', { from: points[0].label, to: points[points.length - 1].label }),
    }) : el('p', { class: 'muted', i18n: 'reports.trend.none' }));
}

/// Rows of one breakdown with their display names and links.
export function breakdownRows(breakdown, month, lang, lookups) {
  return (breakdown?.rows ?? []).map((row) => ({
    key: String(row.code),
    label: breakdownLabel(breakdown.key, row, lang, lookups),
    value: Number(row.count) || 0,
    href: breakdownHref(breakdown.key, row.code, month),
  }));
}

function breakdownTable(breakdown, month, lang, lookups) {
  const rows = breakdownRows(breakdown, month, lang, lookups);
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  const titleKey = BREAKDOWN_NAMES[breakdown.key];
  const title = titleKey ? t(titleKey) : breakdown.key;
  // The first column's heading names the breakdown, so it needs no title of its own.
  return el('div', { class: 'breakdown', dataset: { breakdown: breakdown.key } },
    rows.length ? el('table', { class: ['table', 'breakdown-table'] },
      el('caption', { class: 'visually-hidden' }, t('reports.breakdown.caption', { name: title, month: formatMonth(month, lang) })),
      el('thead', null, el('tr', null,
        el('th', { scope: 'col', class: 'breakdown-heading' }, title),
        el('th', { scope: 'col', class: 'num', i18n: 'reports.breakdown.count' }),
        el('th', { scope: 'col', class: 'num', i18n: 'reports.breakdown.share' }))),
      el('tbody', null, rows.map((row) => el('tr', { dataset: { code: row.key } },
        el('th', { scope: 'row', class: 'breakdown-name' },
          row.href ? el('a', { href: row.href, class: 'breakdown-link' }, row.label) : row.label),
        el('td', { class: 'num' }, formatNumber(row.value, lang)),
        el('td', { class: ['num', 'muted'] }, formatKpiValue('share', total ? row.value / total : null, lang))))))
      : [el('h3', { class: 'breakdown-heading' }, title), el('p', { class: 'muted', i18n: 'reports.breakdown.none' })]);
}

/// Every breakdown of the report in a card, in a fixed order (unknown ones last).
export function breakdownSection(report, { lang, lookups }) {
  const known = BREAKDOWN_ORDER.map((key) => report.breakdowns?.find((b) => b.key === key)).filter(Boolean);
  const others = (report.breakdowns ?? []).filter((b) => !BREAKDOWN_ORDER.includes(b.key));
  return el('section', { id: 'report-breakdowns', class: ['card', 'report-breakdowns'], attrs: { 'aria-labelledby': 'report-breakdowns-title' } },
    el('h2', { id: 'report-breakdowns-title', class: 'card-title', i18n: 'reports.breakdown.title' }),
    el('div', { class: 'breakdown-grid' }, [...known, ...others].map((b) => breakdownTable(b, report.month, lang, lookups))));
}

/// Counts by category as a bar chart (the dashboard's "what people complain about").
export function categoryChart(report, { lang, lookups, id, limit = 8 }) {
  const breakdown = report.breakdowns?.find((b) => b.key === 'category');
  const rows = breakdownRows(breakdown, report.month, lang, lookups);
  const shown = rows.slice(0, limit);
  const rest = rows.slice(limit).reduce((sum, row) => sum + row.value, 0);
  if (rest > 0) shown.push({ key: 'others', label: t('charts.bar.others', { count: formatNumber(rows.length - limit, lang) }), value: rest, href: null });
  if (!shown.length) return null;
  return barChart({
    id, lang, rows: shown, valueHeading: t('reports.breakdown.count'),
    title: t('charts.category.title', { month: formatMonth(report.month, lang) }),
    desc: t('charts.category.desc'),
  });
}
