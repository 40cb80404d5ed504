// Dashboard: the branch at a glance. Four figures (open, overdue, due today, crisis), each a
// link to the case list already filtered; this month's received count, closure rate and
// satisfaction; the 12-month trend and this month's categories as charts whose bars open the
// matching cases; the most recent complaints; and the training and prevention tiles
// (refreshers due, drills this month; active plans, overdue measures). A report that fails to
// load leaves the rest of the page working.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { categoryNamer } from '../../lib/labels.js';
import { monthKey, currentMonth } from '../../lib/months.js';
import { pageHeader, emptyState, linkButton } from '../../lib/states.js';
import { gradeBadge, statusBadge, deadlineBadge, whenText } from '../cases/case-ui.js';
import { monthFigures, monthCharts } from './dashboard-month.js';
import { trainingTile } from '../training/training-tile.js';
import { preventionTile } from '../prevention/prevention-dashboard.js';
import { ariaShortcut } from '../../lib/shortcuts.js';
import { keepLive, swapIfChanged } from '../../lib/live.js';

// Each figure and the list it opens.
const FIGURES = [
  { key: 'open', href: '#/cases?status=open', labelKey: 'dashboard.figure.open' },
  { key: 'overdue', href: '#/cases?overdue=1', labelKey: 'dashboard.figure.overdue' },
  { key: 'dueToday', href: '#/cases?dueToday=1', labelKey: 'dashboard.figure.dueToday' },
  { key: 'crisis', href: '#/cases?status=open&grade=1', labelKey: 'dashboard.figure.crisis' },
];
const RECENT = 8;

/// Renders the dashboard.
export async function render(container, ctx) {
  const month = currentMonth(ctx.status?.branch?.timezone);
  let reportError = null;
  const [counts, recent, report, categories] = await Promise.all([
    api.caseCounts(),
    api.listCases({ sort: 'newest', page: 0, pageSize: RECENT }),
    api.monthlyReport(monthKey(month)).catch((err) => {
      if (!err?.code) console.error(err);
      reportError = err;
      return null;
    }),
    api.listCategories().catch(() => []),
  ]);
  const lookups = { categoryName: categoryNamer(categories) };
  const lang = getLanguage();
  const header = pageHeader('nav.dashboard', {
    introKey: 'dashboard.intro',
    actions: [el('a', { href: '#/cases/new', id: 'dashboard-new-case', class: ['button', 'button-primary'], attrs: { 'aria-keyshortcuts': ariaShortcut('N') }, i18n: 'cases.new' })],
  });
  if (!recent.total) {
    container.replaceChildren(header,
      emptyState({
        id: 'dashboard-empty', titleKey: 'dashboard.none.title', bodyKeys: ['dashboard.none.body', 'cases.first.shortcut'],
        actions: [linkButton('#/cases/new', 'cases.first.action', true), linkButton('#/staff', 'dashboard.empty.actionStaff'), linkButton('#/settings', 'dashboard.empty.actionSettings')],
      }),
      areaTiles());
    return;
  }
  container.replaceChildren(header,
    el('div', { id: 'dashboard-figures', class: 'figures' }, FIGURES.map((figure) => {
      const value = counts[figure.key] ?? 0;
      return el('a', {
        href: figure.href, id: `dashboard-${figure.key}`,
        class: ['figure', `figure-${figure.key}`, value > 0 && figure.key !== 'open' && 'is-alert'], dataset: { count: String(value) },
      },
      el('span', { class: 'figure-value' }, formatNumber(value, lang)),
      el('span', { class: 'figure-label', i18n: figure.labelKey }));
    })),
    monthFigures(report, lang),
    monthCharts(report, { lang, lookups, error: reportError }),
    el('section', { id: 'dashboard-recent', class: 'card', attrs: { 'aria-labelledby': 'dashboard-recent-title' } },
      el('div', { class: 'card-heading' },
        el('h2', { id: 'dashboard-recent-title', class: 'card-title', i18n: 'dashboard.recent.title' }),
        el('a', { href: '#/cases', class: 'card-link', i18n: 'dashboard.recent.all' })),
      el('ul', { class: 'recent-list' }, recent.rows.map((row) => el('li', { dataset: { caseId: String(row.id) } },
        el('a', { href: `#/cases/${Number(row.id)}`, class: 'recent-number' }, row.number),
        el('span', { class: 'recent-name' }, row.complainantName || t('case.anonymous')),
        el('span', { class: ['recent-when', 'muted'] }, whenText(row.receivedAt, ctx)),
        el('span', { class: 'recent-badges' }, gradeBadge(row.grade), statusBadge(row.status),
          row.deadline ? deadlineBadge(row.deadline, row.acknowledgeOverdue) : null))))),
    areaTiles());
  keepLive(container, () => refreshFigures(container));
}

/// Asks again for the four figures and the recent cases' countdowns and patches them in place.
async function refreshFigures(container) {
  const [counts, recent] = await Promise.all([
    api.caseCounts(),
    api.listCases({ sort: 'newest', page: 0, pageSize: RECENT }),
  ]);
  const lang = getLanguage();
  for (const figure of FIGURES) {
    const link = container.querySelector(`#dashboard-${figure.key}`);
    if (!link) continue;
    const value = counts[figure.key] ?? 0;
    link.dataset.count = String(value);
    link.classList.toggle('is-alert', value > 0 && figure.key !== 'open');
    const shown = link.querySelector('.figure-value');
    if (shown.textContent !== formatNumber(value, lang)) shown.textContent = formatNumber(value, lang);
  }
  for (const row of recent.rows) {
    const badges = container.querySelector(`#dashboard-recent li[data-case-id="${Number(row.id)}"] .recent-badges`);
    if (!badges) continue;
    swapIfChanged(badges.querySelector('.status-badge'), statusBadge(row.status));
    const old = badges.querySelector('.deadline');
    const fresh = row.deadline ? deadlineBadge(row.deadline, row.acknowledgeOverdue) : null;
    if (old && fresh) swapIfChanged(old, fresh);
    else if (old) old.remove();
    else if (fresh) badges.append(fresh);
  }
}

/// The training and prevention tiles, side by side.
function areaTiles() {
  return el('div', { class: 'area-tiles' },
    trainingTile(),
    preventionTile());
}
