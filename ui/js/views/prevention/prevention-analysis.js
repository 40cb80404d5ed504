// The analysis (#/prevention/analysis): the branch's valid complaints of the last 3 complete
// months by category and by root cause (count, share, the 3 months before, change), and the
// references complaints keep coming from. Every count opens the cases behind it; every row
// can start a prevention plan, opening the new-plan form with its title and target filled in.

import * as api from '../../api.js';
import { buildSurveyTargets } from '../surveys/survey-cards.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatNumber, formatDateTime } from '../../lib/format.js';
import { formatMonth } from '../../lib/months.js';
import { categoryNamer } from '../../lib/labels.js';
import { barChart } from '../../lib/charts.js';
import { pageHeader, emptyState, linkButton } from '../../lib/states.js';
import { casesHref, changeText, newPlanHash, percentText } from './prevention-format.js';
import { preventionTabs } from './prevention-ui.js';

const TOP_BARS = 8;

/// Renders the analysis.
export async function renderAnalysis(container, ctx) {
  const [analysis, categories] = await Promise.all([api.preventionAnalysis(), api.listCategories().catch(() => [])]);
  const lang = getLanguage();
  const name = categoryNamer(categories);
  const w = analysis.windows;
  const period = t('prevention.analysis.window', {
    from: formatMonth(w.first, lang), to: formatMonth(w.last, lang),
    previousFrom: formatMonth(w.previousFirst, lang), previousTo: formatMonth(w.previousLast, lang),
  });
  const header = pageHeader('nav.prevention', { introKey: 'prevention.analysis.intro' });
  const windowNote = el('p', { id: 'analysis-window', class: ['note', 'analysis-window'] }, period);
  if (!analysis.total) {
    container.replaceChildren(header, preventionTabs('analysis'), windowNote, emptyState({
      id: 'analysis-empty', titleKey: 'prevention.analysis.none.title', bodyKeys: ['prevention.analysis.none.body'],
      actions: [linkButton('#/cases', 'prevention.analysis.none.action', true)],
    }));
    return;
  }
  const categoryRows = analysis.categories.map((row) => ({
    ...row, label: name(row.key), filter: { categoryId: row.key },
    prefill: { title: t('prevention.analysis.planTitle', { target: name(row.key) }), categoryId: row.key },
  }));
  const causeRows = analysis.rootCauses.map((row) => {
    const label = row.key ? t(`rootCause.${row.key}`) : t('prevention.analysis.unclassified');
    return {
      ...row, label, filter: { rootCause: row.key },
      prefill: row.key ? { title: t('prevention.analysis.planTitle', { target: label }), rootCause: row.key } : null,
    };
  });
  container.replaceChildren(header, preventionTabs('analysis'), windowNote,
    el('p', { id: 'analysis-total', class: 'analysis-total' }, t('prevention.analysis.total', {
      count: formatNumber(analysis.total, lang), previous: formatNumber(analysis.previousTotal, lang),
    })),
    el('div', { class: 'analysis-grid' },
      rankingCard({ id: 'analysis-categories', titleKey: 'prevention.analysis.byCategory', headKey: 'prevention.analysis.category', rows: categoryRows, windows: w, lang }),
      rankingCard({ id: 'analysis-causes', titleKey: 'prevention.analysis.byCause', headKey: 'prevention.analysis.cause', rows: causeRows, windows: w, lang })),
    hotSpotCard(analysis.hotSpots, { windows: w, lang, name, ctx }),
    buildSurveyTargets());
}

function startButton(prefill, label) {
  if (!prefill) return el('span', { class: 'muted', i18n: 'prevention.analysis.classifyFirst' });
  return el('a', {
    href: newPlanHash(prefill), class: ['button', 'button-small', 'start-plan'],
    attrs: { 'aria-label': t('prevention.analysis.startFor', { target: label }) }, i18n: 'prevention.analysis.start',
  });
}

function rankingCard({ id, titleKey, headKey, rows, windows, lang }) {
  const chart = barChart({
    id: `${id}-chart`, title: t(titleKey), desc: t('prevention.analysis.chartDesc'), lang, width: 560,
    valueHeading: t('prevention.analysis.count'),
    rows: rows.slice(0, TOP_BARS).map((row) => ({ label: row.label, value: row.count, href: casesHref(row.filter, windows), key: row.key ?? 'none' })),
  });
  const heads = [headKey, 'prevention.analysis.count', 'prevention.analysis.share', 'prevention.analysis.before', 'prevention.analysis.trend', 'common.actions'];
  return el('section', { id, class: ['card', 'analysis-card'], attrs: { 'aria-labelledby': `${id}-title` } },
    el('h2', { id: `${id}-title`, class: 'card-title', i18n: titleKey }),
    chart,
    el('table', { class: ['table', 'case-table', 'analysis-table'] },
      el('thead', null, el('tr', null, heads.map((key) => el('th', { scope: 'col', i18n: key })))),
      el('tbody', null, rows.map((row) => {
        const change = changeText(row.change, lang);
        return el('tr', { dataset: { key: String(row.key ?? 'none') } },
          el('th', { scope: 'row' }, row.label),
          el('td', null, el('a', { href: casesHref(row.filter, windows), class: 'analysis-count' }, formatNumber(row.count, lang))),
          el('td', null, percentText(row.share, lang)),
          el('td', null, el('a', { href: casesHref(row.filter, windows, { previous: true }), class: 'analysis-previous' }, formatNumber(row.previous, lang))),
          el('td', null, el('span', { class: ['trend', `trend-${change.direction}`] }, change.text)),
          el('td', null, startButton(row.prefill, row.label)));
      }))));
}

function hotSpotCard(spots, { windows, lang, name, ctx }) {
  const tz = ctx.status?.branch?.timezone;
  const heads = ['prevention.hotSpot.reference', 'prevention.analysis.count', 'prevention.hotSpot.category', 'prevention.hotSpot.last', 'common.actions'];
  return el('section', { id: 'analysis-hot-spots', class: ['card', 'analysis-card'], attrs: { 'aria-labelledby': 'analysis-hot-spots-title' } },
    el('h2', { id: 'analysis-hot-spots-title', class: 'card-title', i18n: 'prevention.hotSpot.title' }),
    el('p', { class: 'hint', i18n: 'prevention.hotSpot.hint' }),
    spots.length ? el('table', { class: ['table', 'case-table', 'analysis-table'] },
      el('thead', null, el('tr', null, heads.map((key) => el('th', { scope: 'col', i18n: key })))),
      el('tbody', null, spots.map((spot) => el('tr', { dataset: { key: spot.key } },
        el('th', { scope: 'row' }, spot.reference),
        el('td', null, el('a', { href: casesHref({ reference: spot.key }, windows), class: 'analysis-count' }, formatNumber(spot.count, lang))),
        el('td', null, spot.categories > 1
          ? t('prevention.hotSpot.mixed', { name: name(spot.mainCategoryId), count: formatNumber(spot.categories, lang) })
          : name(spot.mainCategoryId)),
        el('td', { class: 'nowrap' }, formatDateTime(spot.lastReceivedAt, lang, tz)),
        el('td', null, startButton({
          title: t('prevention.hotSpot.planTitle', { reference: spot.reference }).slice(0, 120), categoryId: spot.mainCategoryId,
        }, spot.reference)))))) : el('p', { id: 'analysis-no-hot-spots', class: 'muted', i18n: 'prevention.hotSpot.none' }));
}
