// The plan list (#/prevention): open plans first (by review date), then finished ones. Each
// row shows the target, phase, status, owner, review date and the measures' progress; overdue
// measures are counted in red with the word "overdue", so they stand out in print too.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { pageHeader, emptyState, linkButton } from '../../lib/states.js';
import { newPlanHash, planHash } from './prevention-format.js';
import { preventionTabs, planStatusBadge, phaseBadge, targetText } from './prevention-ui.js';

const COLUMNS = ['prevention.column.plan', 'prevention.column.target', 'prevention.column.phaseStatus',
  'prevention.column.owner', 'prevention.column.review', 'prevention.column.measures'];

/// Renders the plan list.
export async function renderPlans(container) {
  const [plans, categories] = await Promise.all([api.listPlans(), api.listCategories().catch(() => [])]);
  const header = pageHeader('nav.prevention', {
    introKey: 'prevention.intro',
    actions: [el('a', { href: newPlanHash(), id: 'prevention-new-plan', class: ['button', 'button-primary'], i18n: 'prevention.plan.new' })],
  });
  if (!plans.length) {
    container.replaceChildren(header, preventionTabs('plans'), emptyState({
      id: 'prevention-empty', titleKey: 'prevention.none.title', bodyKeys: ['prevention.none.body', 'prevention.none.next'],
      actions: [linkButton('#/prevention/analysis', 'prevention.none.actionAnalysis', true), linkButton(newPlanHash(), 'prevention.plan.new')],
    }));
    return;
  }
  const lang = getLanguage();
  container.replaceChildren(header, preventionTabs('plans'),
    el('section', { class: 'card' },
      el('table', { id: 'plan-table', class: ['table', 'case-table', 'plan-table'] },
        el('thead', null, el('tr', null, COLUMNS.map((key) => el('th', { scope: 'col', i18n: key })))),
        el('tbody', null, plans.map((row) => planRow(row, categories, lang))))));
}

function planRow(row, categories, lang) {
  const progress = t('prevention.measures.progress', {
    done: formatNumber(row.measuresDone, lang), total: formatNumber(row.measuresTotal, lang),
  });
  return el('tr', { class: ['plan-row', row.measuresOverdue > 0 && 'has-overdue'], dataset: { planId: String(row.id), status: row.status } },
    el('td', null, el('a', { href: planHash(row.id), class: 'case-link plan-link' }, row.title)),
    el('td', null, targetText(row, categories)),
    el('td', { class: 'case-state' }, phaseBadge(row.phase), planStatusBadge(row.status)),
    el('td', null, row.ownerName ?? t('prevention.owner.none')),
    el('td', { class: 'nowrap' }, formatDate(row.reviewDate, lang)),
    el('td', null,
      el('span', null, progress),
      row.measuresOverdue > 0
        ? el('span', { class: ['badge', 'measure-overdue', 'plan-overdue-count'] }, t('prevention.measures.overdueCount', { count: formatNumber(row.measuresOverdue, lang) }))
        : null));
}
