import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage } from '../../ui/js/i18n/index.js';
import {
  parsePreventionHash, prefillFromQuery, newPlanHash, planHash, windowDays, casesHref, percentText, changeText,
  rateText, effectVerdict, suggestedConclusion, addDays, followOnPrefill, PHASES, MEASURE_KINDS, PLAN_STATUSES,
  MEASURE_STATUSES, CONCLUSIONS, SUGGESTIONS_PER_KIND,
} from '../../ui/js/views/prevention/prevention-format.js';
import { historyText } from '../../ui/js/views/prevention/prevention-evidence.js';
import en from '../../ui/js/i18n/en.js';
import zh from '../../ui/js/i18n/zh-CN.js';

const windows = {
  first: { year: 2025, month: 12 }, last: { year: 2026, month: 2 },
  previousFirst: { year: 2025, month: 9 }, previousLast: { year: 2025, month: 11 },
};

test('the hash names the prevention screen', () => {
  assert.deepEqual(parsePreventionHash('#/prevention'), { view: 'plans' });
  assert.deepEqual(parsePreventionHash('#/prevention/analysis'), { view: 'analysis' });
  assert.deepEqual(parsePreventionHash('#/prevention/emergency'), { view: 'emergency' });
  assert.deepEqual(parsePreventionHash('#/prevention/plans/12'), { view: 'plan', id: 12 });
  assert.deepEqual(parsePreventionHash('#/prevention/plans/x'), { view: 'plans' });
  assert.deepEqual(parsePreventionHash('#/prevention/plans/new?title=A&categoryId=3&rootCause=delay&parentId=x'),
    { view: 'new', prefill: { title: 'A', categoryId: '3', rootCause: 'delay' } });
});

test('a prefilled new plan survives the round trip through its hash', () => {
  const prefill = { title: '减少投诉：快递延误 & <b>', categoryId: 4, rootCause: 'delay', goalPercent: 30, goalDays: 90, parentId: 7 };
  const hash = newPlanHash(prefill);
  assert.ok(hash.startsWith('#/prevention/plans/new?'));
  assert.deepEqual(parsePreventionHash(hash).prefill, {
    title: prefill.title, categoryId: '4', rootCause: 'delay', goalPercent: '30', goalDays: '90', parentId: '7',
  });
  assert.equal(newPlanHash(), '#/prevention/plans/new');
  assert.equal(prefillFromQuery(`title=${'x'.repeat(300)}`).title.length, 120);
  assert.equal(planHash('5'), '#/prevention/plans/5');
});

test('analysis figures link to their cases in the window, across the year and month ends', () => {
  assert.deepEqual(windowDays(windows), { from: '2025-12-01', to: '2026-02-28', previousFrom: '2025-09-01', previousTo: '2025-11-30' });
  assert.equal(casesHref({ categoryId: 3 }, windows), '#/cases?categoryId=3&from=2025-12-01&to=2026-02-28');
  assert.equal(casesHref({ rootCause: 'delay' }, windows, { previous: true }), '#/cases?rootCause=delay&from=2025-09-01&to=2025-11-30');
  assert.equal(casesHref({ rootCause: null }, windows), '#/cases?rootCause=none&from=2025-12-01&to=2026-02-28', 'unclassified');
  assert.equal(casesHref({ reference: '3-502' }, windows), '#/cases?reference=3-502&from=2025-12-01&to=2026-02-28');
  const leap = { ...windows, last: { year: 2024, month: 2 } };
  assert.equal(windowDays(leap).to, '2024-02-29');
});

test('shares, changes and rates read as words, in both languages', () => {
  setLanguage('en');
  assert.equal(percentText(0.385, 'en'), '38.5%');
  assert.equal(percentText(null, 'en'), '—');
  assert.deepEqual(changeText(0.25, 'en'), { text: '↑ 25% more', direction: 'up' });
  assert.deepEqual(changeText(-0.1, 'en'), { text: '↓ 10% fewer', direction: 'down' });
  assert.equal(changeText(0.001, 'en').direction, 'same');
  assert.equal(changeText(null, 'en').direction, 'new');
  assert.equal(rateText(16.666, 'en'), '16.7');
  setLanguage('zh-CN');
  assert.equal(changeText(-0.5, 'zh-CN').text, '↓ 减少 50%');
});

test('the effect is described honestly: not started, no baseline, nothing before, early, met, missed', () => {
  setLanguage('en');
  const since = (days) => ({ days, count: 1, per30Days: 1 });
  assert.equal(effectVerdict({ state: 'not_started' }, 30, 'en').key, 'prevention.effect.state.not_started');
  assert.equal(effectVerdict({ state: 'no_baseline' }, 30, 'en').key, 'prevention.effect.state.no_baseline');
  assert.equal(effectVerdict({ state: 'no_complaints_before' }, 30, 'en').key, 'prevention.effect.state.no_complaints_before');
  assert.equal(effectVerdict({ state: 'measured', change: -1, goalMet: true, since: since(3) }, 30, 'en').key, 'prevention.effect.state.early');
  const met = effectVerdict({ state: 'measured', change: -0.4, goalMet: true, since: since(60) }, 30, 'en');
  assert.deepEqual(met, { key: 'prevention.effect.state.met', values: { change: '40', goal: '30' } });
  assert.equal(effectVerdict({ state: 'measured', change: -0.1, goalMet: false, since: since(60) }, 30, 'en').key, 'prevention.effect.state.fewer');
  assert.equal(effectVerdict({ state: 'measured', change: 0.2, goalMet: false, since: since(60) }, 30, 'en').key, 'prevention.effect.state.not_fewer');
  assert.equal(suggestedConclusion({ state: 'measured', goalMet: true }), 'effective');
  assert.equal(suggestedConclusion({ state: 'measured', goalMet: false, change: -0.1 }), 'partly');
  assert.equal(suggestedConclusion({ state: 'measured', goalMet: false, change: 0 }), 'not_effective');
  assert.equal(suggestedConclusion({ state: 'no_baseline' }), '');
});

test('a follow-on plan keeps the target and goal and points at its parent', () => {
  setLanguage('en');
  const prefill = followOnPrefill({ id: 9, title: 'Fewer delays', categoryId: 2, rootCause: null, goalPercent: 25, goalDays: 60, ownerId: 4 });
  assert.deepEqual(prefill, { title: 'Follow-on: Fewer delays', categoryId: 2, rootCause: '', goalPercent: 25, goalDays: 60, ownerId: 4, parentId: 9 });
  assert.equal(addDays('2026-02-27', 2), '2026-03-01');
  assert.equal(addDays('2026-01-10', -10), '2025-12-31');
});

test('history lines read as words, with staff and categories named', () => {
  setLanguage('en');
  assert.equal(historyText({ field: 'phase', oldValue: 'collect', newValue: 'analyse' }), 'Phase: Collect → Analyse');
  assert.equal(historyText({ field: 'measure.12.status', oldValue: 'planned', newValue: 'done' }), 'Measure: Planned → Done');
  assert.equal(historyText({ field: 'ownerId', oldValue: '1', newValue: '2' }, { staffName: (id) => `#${id}` }), 'Owner: #1 → #2');
  assert.equal(historyText({ field: 'case', oldValue: 'SH01-1', newValue: null }), 'Case removed: SH01-1');
});

test('every vocabulary code and suggestion has a text in both dictionaries', () => {
  const keys = [
    ...PHASES.flatMap((p) => [`prevention.phase.${p}`, `prevention.phase.hint.${p}`]),
    ...PLAN_STATUSES.map((s) => `prevention.status.${s}`),
    ...MEASURE_STATUSES.flatMap((s) => [`prevention.measureStatus.${s}`, `prevention.measureStatus.toast.${s}`]),
    ...CONCLUSIONS.map((c) => `prevention.conclusion.${c}`),
    ...MEASURE_KINDS.flatMap((k) => [`prevention.kind.${k}`,
      ...Array.from({ length: SUGGESTIONS_PER_KIND }, (_, i) => `prevention.suggest.${k}.${i + 1}`)]),
    ...['status', 'phase', 'parent', 'title', 'categoryId', 'rootCause', 'goalPercent', 'goalDays', 'ownerId', 'startDate',
      'reviewDate', 'notes', 'conclusion', 'nextStep', 'measure.added', 'measure.status', 'measure.edited', 'case']
      .map((f) => `prevention.history.field.${f}`),
  ];
  for (const key of keys) {
    assert.ok(en[key] && zh[key], `${key} missing`);
  }
});
