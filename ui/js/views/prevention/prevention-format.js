// Pure helpers for prevention: the vocabularies, the routes under #/prevention, links from the
// analysis to the case list and to a prefilled new plan, and how rates, shares and changes
// read. No DOM at load time, so node --test can import it.

import { t } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { hashForFilters } from '../cases/case-format.js';

/// The five phases, in order.
export const PHASES = Object.freeze(['collect', 'analyse', 'formulate', 'implement', 'evaluate']);
/// Plan statuses (draft → active → done, or cancelled).
export const PLAN_STATUSES = Object.freeze(['draft', 'active', 'done', 'cancelled']);
/// Kinds of measure, as offered when formulating.
export const MEASURE_KINDS = Object.freeze(['training', 'procedure', 'inspection', 'notice', 'feedback', 'supervision', 'emergency_drill']);
/// Measure statuses.
export const MEASURE_STATUSES = Object.freeze(['planned', 'in_progress', 'done', 'dropped']);
/// The evaluation's verdicts.
export const CONCLUSIONS = Object.freeze(['effective', 'partly', 'not_effective']);
/// Suggested measures per kind (dictionary keys `prevention.suggest.<kind>.<n>`).
export const SUGGESTIONS_PER_KIND = 2;
/// The goal a new plan starts with: 30% fewer within 90 days.
export const DEFAULT_GOAL = Object.freeze({ goalPercent: 30, goalDays: 90 });

const PREFILL_KEYS = ['title', 'categoryId', 'rootCause', 'parentId', 'goalPercent', 'goalDays', 'ownerId'];

/// Which prevention screen a hash names: `{view: 'plans'|'analysis'|'emergency'}`,
/// `{view: 'new', prefill}` or `{view: 'plan', id}`.
export function parsePreventionHash(hash) {
  const text = String(hash ?? '').replace(/^#\/?/, '');
  const [path, query = ''] = text.split('?');
  const parts = path.split('/').slice(1);
  if (parts[0] === 'analysis') return { view: 'analysis' };
  if (parts[0] === 'emergency') return { view: 'emergency' };
  if (parts[0] === 'plans' && parts[1] === 'new') return { view: 'new', prefill: prefillFromQuery(query) };
  if (parts[0] === 'plans' && /^\d+$/.test(parts[1] ?? '')) return { view: 'plan', id: Number(parts[1]) };
  return { view: 'plans' };
}

/// A new plan's prefilled values from a hash query; unknown keys and malformed ids are dropped.
export function prefillFromQuery(query) {
  const params = new URLSearchParams(query);
  const prefill = {};
  for (const key of PREFILL_KEYS) {
    const value = (params.get(key) ?? '').trim();
    if (!value) continue;
    if (key === 'title') prefill.title = value.slice(0, 120);
    else if (key === 'rootCause') prefill.rootCause = value;
    else if (/^\d+$/.test(value)) prefill[key] = value;
  }
  return prefill;
}

/// The hash of the new-plan form with `prefill`.
export function newPlanHash(prefill = {}) {
  const params = new URLSearchParams();
  for (const key of PREFILL_KEYS) {
    const value = prefill[key];
    if (value != null && String(value) !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `#/prevention/plans/new?${query}` : '#/prevention/plans/new';
}

/// The plan page's hash.
export const planHash = (id) => `#/prevention/plans/${Number(id)}`;

/// The first and last local day of the analysis windows, `YYYY-MM-DD`.
export function windowDays(windows) {
  const first = ({ year, month }) => `${year}-${String(month).padStart(2, '0')}-01`;
  const last = ({ year, month }) => {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
  };
  return {
    from: first(windows.first), to: last(windows.last),
    previousFrom: first(windows.previousFirst), previousTo: last(windows.previousLast),
  };
}

/// The case list behind an analysis figure: `{categoryId | rootCause | reference}` in the window.
export function casesHref(filter, windows, { previous = false } = {}) {
  const days = windowDays(windows);
  return hashForFilters({
    categoryId: filter.categoryId != null ? String(filter.categoryId) : '',
    rootCause: filter.rootCause === undefined ? '' : (filter.rootCause ?? 'none'),
    reference: filter.reference ?? '',
    from: previous ? days.previousFrom : days.from,
    to: previous ? days.previousTo : days.to,
  });
}

/// "38.5%" from a share 0–1; "—" when unknown.
export function percentText(share, lang, digits = 1) {
  if (share == null || !Number.isFinite(share)) return t('common.none');
  return `${formatNumber(Math.round(share * 100 * 10 ** digits) / 10 ** digits, lang)}%`;
}

/// A change against before, as words and a direction: `{text, direction}` with direction
/// `up`, `down`, `same` or `new` (nothing before to compare with).
export function changeText(change, lang) {
  if (change == null) return { text: t('prevention.change.new'), direction: 'new' };
  const percent = Math.round(change * 100);
  if (percent === 0) return { text: t('prevention.change.same'), direction: 'same' };
  const amount = `${formatNumber(Math.abs(percent), lang)}%`;
  return percent > 0
    ? { text: t('prevention.change.up', { amount }), direction: 'up' }
    : { text: t('prevention.change.down', { amount }), direction: 'down' };
}

/// A rate per 30 days with one decimal ("4.5").
export function rateText(rate, lang) {
  if (rate == null || !Number.isFinite(rate)) return t('common.none');
  return formatNumber(Math.round(rate * 10) / 10, lang);
}

/// Fewer days than this since the start are too few to judge the effect by.
export const EARLY_DAYS = 30;

/// What the effect allows one to say, as a dictionary key and its values.
export function effectVerdict(effect, goalPercent, lang) {
  switch (effect?.state) {
    case 'not_started': return { key: 'prevention.effect.state.not_started', values: {} };
    case 'no_baseline': return { key: 'prevention.effect.state.no_baseline', values: {} };
    case 'no_complaints_before': return { key: 'prevention.effect.state.no_complaints_before', values: {} };
    case 'measured': {
      const change = Math.round((effect.change ?? 0) * -100);
      const values = { change: formatNumber(Math.abs(change), lang), goal: formatNumber(goalPercent, lang) };
      // A few days say little: one complaint more or less swings the rate.
      if ((effect.since?.days ?? 0) < EARLY_DAYS) {
        return { key: 'prevention.effect.state.early', values: { days: formatNumber(effect.since?.days ?? 0, lang), goal: values.goal } };
      }
      if (effect.goalMet) return { key: 'prevention.effect.state.met', values };
      return { key: change > 0 ? 'prevention.effect.state.fewer' : 'prevention.effect.state.not_fewer', values };
    }
    default: return { key: 'prevention.effect.state.unknown', values: {} };
  }
}

/// The conclusion the numbers suggest for the evaluation (the user decides).
export function suggestedConclusion(effect) {
  if (effect?.state !== 'measured') return '';
  if (effect.goalMet) return 'effective';
  return (effect.change ?? 0) < 0 ? 'partly' : 'not_effective';
}

/// `YYYY-MM-DD` plus `days`.
export function addDays(iso, days) {
  const [year, month, day] = String(iso).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day + Number(days)));
  return date.toISOString().slice(0, 10);
}

/// The values a follow-on plan starts with: the parent's target, goal and owner (it starts today).
export function followOnPrefill(plan) {
  return {
    title: t('prevention.followOn.title', { title: plan.title }).slice(0, 120),
    categoryId: plan.categoryId ?? '', rootCause: plan.rootCause ?? '',
    goalPercent: plan.goalPercent, goalDays: plan.goalDays, ownerId: plan.ownerId ?? '',
    parentId: plan.id,
  };
}

/// "Phase 3 of 5".
export function phaseIndex(phase) {
  return PHASES.indexOf(phase) + 1;
}
