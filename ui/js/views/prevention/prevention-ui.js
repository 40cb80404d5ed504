// Shared pieces of the prevention screens: the tabs, status and phase badges, a plan's
// target in words.

import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { categoryNamer } from '../../lib/labels.js';

const TABS = [
  ['plans', '#/prevention', 'prevention.tab.plans'],
  ['analysis', '#/prevention/analysis', 'prevention.tab.analysis'],
  ['emergency', '#/prevention/emergency', 'prevention.tab.emergency'],
];

/// The tabs across the prevention screens; `current` is `plans`, `analysis` or `emergency`.
export function preventionTabs(current) {
  return el('nav', { class: ['prevention-tabs', 'no-print'], attrs: { 'aria-label': t('prevention.tab.label') } },
    TABS.map(([name, href, key]) => el('a', {
      href, id: `prevention-tab-${name}`, class: 'prevention-tab', i18n: key,
      attrs: { 'aria-current': name === current ? 'page' : null },
    })));
}

/// A plan's status as a badge (colour plus the word).
export function planStatusBadge(status, id) {
  return el('span', { id, class: ['badge', 'plan-status', `plan-status-${status}`], dataset: { status } }, t(`prevention.status.${status}`));
}

/// A plan's phase as a badge: "3/5 Formulate".
export function phaseBadge(phase, id) {
  return el('span', { id, class: ['badge', 'plan-phase'], dataset: { phase } }, t(`prevention.phase.${phase}`));
}

/// A measure's status, with "overdue" spelled out when it is.
export function measureStatusBadge(measure) {
  return el('span', { class: 'measure-badges' },
    el('span', { class: ['badge', 'measure-status', `measure-status-${measure.status}`] }, t(`prevention.measureStatus.${measure.status}`)),
    measure.overdue ? el('span', { class: ['badge', 'measure-overdue'], i18n: 'prevention.measure.overdue' }) : null);
}

/// "Delivery delay · Delay or slow response": a plan's target in words.
export function targetText(plan, categories) {
  const parts = [];
  if (plan.categoryId != null) parts.push(categoryNamer(categories)(plan.categoryId) || t('prevention.target.unknownCategory'));
  if (plan.rootCause) parts.push(t(`rootCause.${plan.rootCause}`));
  return parts.join(' · ');
}
