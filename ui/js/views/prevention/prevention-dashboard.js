// The dashboard's prevention tile: active plans, and the measures past their due date (red,
// with the word "overdue"), each linking to its plan. Loads on its own so the dashboard never
// waits for it.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { planHash } from './prevention-format.js';

const LISTED = 3;

/// The tile (filled once the overview arrives).
export function preventionTile() {
  const tile = el('section', { id: 'dashboard-prevention', class: ['card', 'prevention-tile'], attrs: { 'aria-labelledby': 'dashboard-prevention-title' } },
    el('h2', { id: 'dashboard-prevention-title', class: 'card-title', i18n: 'nav.prevention' }));
  api.preventionOverview().then((overview) => fill(tile, overview)).catch((err) => {
    if (!err?.code) console.error(err);
    tile.append(el('p', { class: 'muted', i18n: 'prevention.tile.failed' }));
  });
  return tile;
}

function fill(tile, { activePlans, draftPlans, overdue }) {
  const lang = getLanguage();
  const count = overdue.length;
  // append() would print a skipped (null) part as the text "null".
  tile.append(...[
    el('div', { class: 'figures prevention-figures' },
      el('a', { href: '#/prevention', id: 'dashboard-plans-active', class: 'figure', dataset: { count: String(activePlans) } },
        el('span', { class: 'figure-value' }, formatNumber(activePlans, lang)),
        el('span', { class: 'figure-label', i18n: 'prevention.tile.active' })),
      el('a', {
        href: count ? planHash(overdue[0].planId) : '#/prevention', id: 'dashboard-measures-overdue',
        class: ['figure', 'figure-overdue', count > 0 && 'is-alert'], dataset: { count: String(count) },
      },
      el('span', { class: 'figure-value' }, formatNumber(count, lang)),
      el('span', { class: 'figure-label', i18n: 'prevention.tile.overdue' }))),
    count ? el('ul', { id: 'dashboard-overdue-measures', class: 'recent-list' }, overdue.slice(0, LISTED).map((measure) => el('li', { dataset: { measureId: String(measure.id) } },
      el('a', { href: planHash(measure.planId), class: 'recent-number' }, measure.description),
      el('span', { class: 'muted', attrs: { title: measure.planTitle } }, measure.planTitle),
      el('span', { class: ['badge', 'measure-overdue'] }, t('prevention.tile.dueOn', { date: formatDate(measure.dueDate, lang) }))))) : null,
    !activePlans && !draftPlans ? el('p', { class: 'muted' }, el('a', { href: '#/prevention/analysis', i18n: 'prevention.tile.start' })) : null,
  ].filter(Boolean));
}
