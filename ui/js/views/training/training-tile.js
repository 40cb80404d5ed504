// The dashboard's training tile: refreshers due soon and overdue, and drills held this month,
// each a link to the matrix (or progress) filtered accordingly. It fills itself in when the
// figures arrive, so the rest of the dashboard never waits for it.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { getLanguage } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { trainingHash } from './training-format.js';

const FIGURES = [
  { key: 'dueSoon', href: trainingHash('matrix', { status: 'due_soon' }), labelKey: 'training.tile.dueSoon', alert: false },
  { key: 'overdue', href: trainingHash('matrix', { status: 'overdue' }), labelKey: 'training.tile.overdue', alert: true },
  { key: 'drillsThisMonth', href: trainingHash('progress'), labelKey: 'training.tile.drills', alert: false },
];

/// The tile, as a card.
export function trainingTile() {
  const figures = el('div', { class: ['figures', 'training-figures'] });
  const card = el('section', { id: 'dashboard-training', class: ['card', 'training-tile'], attrs: { 'aria-labelledby': 'dashboard-training-title' } },
    el('div', { class: 'card-heading' },
      el('h2', { id: 'dashboard-training-title', class: 'card-title', i18n: 'nav.training' }),
      el('a', { href: trainingHash('matrix'), class: 'card-link', i18n: 'training.tile.matrix' })),
    figures);
  api.trainingProgress().then((progress) => {
    const lang = getLanguage();
    figures.replaceChildren(...FIGURES.map((figure) => {
      const value = progress[figure.key] ?? 0;
      return el('a', { href: figure.href, id: `dashboard-training-${figure.key}`, class: ['figure', figure.alert && 'figure-overdue', figure.alert && value > 0 && 'is-alert'], dataset: { count: String(value) } },
        el('span', { class: 'figure-value' }, formatNumber(value, lang)),
        el('span', { class: 'figure-label', i18n: figure.labelKey }));
    }));
  }).catch((err) => console.warn(err));
  return card;
}
