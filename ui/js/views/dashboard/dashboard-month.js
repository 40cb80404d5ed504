// The dashboard's "this month" part: complaints received, how many of them are valid, closure
// rate and average satisfaction so far this month (counted in the branch's time zone), the
// 12-month trend and what people complained about. Every bar and figure opens the list of
// exactly the cases it counts, by the report's own definitions.

import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { formatMonth } from '../../lib/months.js';
import { trendChart } from '../../lib/charts.js';
import { formatKpiValue, figureHref, reportHref } from '../reports/report-format.js';
import { trendPoints, categoryChart } from '../reports/reports-breakdowns.js';

// Received counts voided complaints too; valid is what the category bars below add up to.
// Each opens exactly the cases it is computed over (a rate: the valid cases it divides by).
const MONTH_FIGURES = [
  { key: 'received', labelKey: 'dashboard.month.received' },
  { key: 'valid', labelKey: 'dashboard.month.valid' },
  { key: 'closure_rate', labelKey: 'dashboard.month.closureRate' },
  { key: 'average_satisfaction', labelKey: 'dashboard.month.satisfaction' },
];

/// This month's figures as links, or null without a report.
export function monthFigures(report, lang) {
  if (!report) return null;
  const kpi = (key) => report.kpis?.find((k) => k.key === key);
  return el('section', { id: 'dashboard-month', class: 'month-figures', attrs: { 'aria-label': t('dashboard.month.title', { month: formatMonth(report.month, lang) }) } },
    el('h2', { class: ['subhead', 'month-figures-title'] }, t('dashboard.month.title', { month: formatMonth(report.month, lang) })),
    el('div', { class: ['figures', 'figures-month'] }, MONTH_FIGURES.map((figure) => {
      const found = kpi(figure.key);
      return el('a', { href: figureHref(figure.key, report.month), id: `dashboard-month-${figure.key.replace(/_/g, '-')}`, class: ['figure', 'figure-month'] },
        el('span', { class: 'figure-value' }, formatKpiValue(found?.unit ?? 'count', found?.value ?? null, lang)),
        el('span', { class: 'figure-label', i18n: figure.labelKey }));
    })));
}

/// The trend and category charts side by side; a small error note if the report failed.
export function monthCharts(report, { lang, lookups, error }) {
  if (!report) {
    return error ? el('p', { id: 'dashboard-charts-error', class: ['muted', 'dashboard-charts-error'], i18n: 'dashboard.charts.failed' }) : null;
  }
  const points = trendPoints(report.trend, lang);
  const categories = categoryChart(report, { lang, lookups, id: 'dashboard-categories-chart' });
  return el('div', { id: 'dashboard-charts', class: 'chart-grid' },
    el('section', { id: 'dashboard-trend', class: ['card', 'chart-card'], attrs: { 'aria-labelledby': 'dashboard-trend-title' } },
      el('div', { class: 'card-heading' },
        el('h2', { id: 'dashboard-trend-title', class: 'card-title', i18n: 'dashboard.trend.title' }),
        el('a', { href: reportHref(report.month), class: 'card-link', i18n: 'dashboard.trend.report' })),
      points.length ? trendChart({
        id: 'dashboard-trend-chart', lang, points, title: t('dashboard.trend.title'),
        desc: t('charts.trend.desc', { from: points[0].label, to: points[points.length - 1].label }),
      }) : el('p', { class: 'muted', i18n: 'reports.trend.none' })),
    el('section', { id: 'dashboard-categories', class: ['card', 'chart-card'], attrs: { 'aria-labelledby': 'dashboard-categories-title' } },
      el('h2', { id: 'dashboard-categories-title', class: 'card-title' }, t('dashboard.categories.title', { month: formatMonth(report.month, lang) })),
      categories ?? el('p', { class: 'muted', i18n: 'dashboard.categories.none' })));
}
