// Pure helpers of the Training screens: the sub-route in the hash, picking a seeded text in
// the current language, cell states, durations, rubric steps. No DOM here (unit-tested).

/// The rubric's steps, in the order they are practised (same codes as the backend).
export const STEPS = Object.freeze(['separate', 'ask', 'listen', 'no_interrupt', 'confirm', 'apologise',
  'acknowledge', 'summarise', 'explain', 'thank', 'follow_up']);
/// The highest score of one step.
export const MAX_STEP = 3;
/// The matrix cell states, in the order the legend shows them.
export const CELL_STATES = Object.freeze(['not_assigned', 'assigned', 'in_progress', 'complete', 'due_soon', 'overdue']);
/// The customer types a scenario may be written for.
export const SCENARIO_TYPES = Object.freeze(['passive', 'talker', 'angry', 'activist']);
/// The industries a scenario may belong to.
export const SCENARIO_INDUSTRIES = Object.freeze(['property', 'hotel', 'postal', 'other']);

const SUBVIEWS = new Set(['matrix', 'person', 'curriculum', 'scenarios', 'drill', 'progress', 'lessons']);

/// Reads `#/training/<view>/<id>?a=b` into `{view, id, params}`; unknown views are the matrix.
export function parseTrainingHash(hash) {
  const [path, query = ''] = String(hash ?? '').replace(/^#\/?/, '').split('?');
  const [, view = 'matrix', id] = path.split('/');
  const params = Object.fromEntries(new URLSearchParams(query));
  const known = SUBVIEWS.has(view) ? view : 'matrix';
  const number = Number.parseInt(id, 10);
  return { view: known, id: Number.isSafeInteger(number) && number > 0 ? number : null, params };
}

/// The hash of a sub-view with optional query parameters (empty ones left out).
export function trainingHash(view, params = {}, id = null) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '')).toString();
  const path = view === 'matrix' ? '#/training' : `#/training/${view}${id != null ? `/${id}` : ''}`;
  return query ? `${path}?${query}` : path;
}

/// A seeded text in the UI language: `{en, zh}` objects or `xEn`/`xZh` fields.
export function pick(lang, en, zh) {
  return lang === 'en' ? en : zh;
}

/// A bilingual `{en, zh}` in the UI language.
export function pickBi(lang, bi) {
  return pick(lang, bi?.en ?? '', bi?.zh ?? '');
}

/// A module's title in the UI language.
export function moduleTitle(lang, module) {
  return pick(lang, module.titleEn, module.titleZh);
}

/// Seconds as `m:ss` (or `h:mm:ss` past an hour), for the drill timer.
export function formatDuration(seconds) {
  const total = Math.max(0, Math.floor(Number(seconds) || 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/// The running total of a score sheet `{step: score}`: points, the most possible over all
/// steps, how many steps are still unscored, and the whole percentage of the maximum.
export function rubricTotal(scores) {
  const scored = STEPS.filter((step) => Number.isInteger(scores?.[step]));
  const total = scored.reduce((sum, step) => sum + scores[step], 0);
  const max = STEPS.length * MAX_STEP;
  return { total, max, missing: STEPS.length - scored.length, percent: Math.round((total * 100) / max) };
}

/// Whether a cell counts as trained (complete, possibly with its refresher due soon).
export function isComplete(status) {
  return status === 'complete' || status === 'due_soon';
}

/// A whole percentage, or null over nothing.
export function percentText(value) {
  return value == null ? null : `${value}%`;
}

/// Whether the runner holds anything worth asking about before leaving: a score, a note,
/// a comment or a timer that ran.
export function drillHasWork(draft) {
  if (!draft) return false;
  return Object.keys(draft.scores ?? {}).length > 0 || Object.values(draft.notes ?? {}).some((n) => n.trim())
    || Boolean(draft.comments?.trim()) || (draft.elapsed ?? 0) > 0;
}
