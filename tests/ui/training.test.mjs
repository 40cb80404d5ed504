// The training screens' pure helpers and the exact commands and argument shapes they send.

import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../ui/js/api.js';
import {
  STEPS, CELL_STATES, parseTrainingHash, trainingHash, pick, pickBi, formatDuration, rubricTotal, isComplete, drillHasWork,
} from '../../ui/js/views/training/training-format.js';
import { trainingFileName } from '../../ui/js/views/training/training-export.js';
import en from '../../ui/js/i18n/en.js';
import zh from '../../ui/js/i18n/zh-CN.js';

const calls = [];
globalThis.window = { __TAURI__: { core: { invoke: async (cmd, args) => { calls.push([cmd, args]); return null; } } } };
beforeEach(() => { calls.length = 0; });

test('sub-routes and their hashes round-trip; unknown views are the matrix', () => {
  assert.deepEqual(parseTrainingHash('#/training'), { view: 'matrix', id: null, params: {} });
  assert.deepEqual(parseTrainingHash('#/training/person/12'), { view: 'person', id: 12, params: {} });
  assert.deepEqual(parseTrainingHash('#/training?status=overdue&position=%E5%89%8D%E5%8F%B0'), { view: 'matrix', id: null, params: { status: 'overdue', position: '前台' } });
  assert.deepEqual(parseTrainingHash('#/training/nonsense/x'), { view: 'matrix', id: null, params: {} });
  assert.equal(parseTrainingHash('#/training/person/-3').id, null);
  assert.equal(trainingHash('matrix', { status: 'due_soon', department: '' }), '#/training?status=due_soon');
  assert.equal(trainingHash('person', {}, 7), '#/training/person/7');
  assert.equal(trainingHash('drill', { scenario: 3, trainees: '1,2' }), '#/training/drill?scenario=3&trainees=1%2C2');
  const back = parseTrainingHash(trainingHash('drill', { scenario: 3, trainees: '1,2' }));
  assert.deepEqual(back.params, { scenario: '3', trainees: '1,2' });
});

test('texts in the UI language, timer, running totals and unsaved work', () => {
  assert.equal(pick('en', 'Listen', '倾听'), 'Listen');
  assert.equal(pick('zh-CN', 'Listen', '倾听'), '倾听');
  assert.equal(pickBi('en', { en: 'A', zh: '甲' }), 'A');
  assert.equal(pickBi('en', null), '');
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(65.9), '1:05');
  assert.equal(formatDuration(3725), '1:02:05');
  assert.equal(formatDuration(-5), '0:00');
  assert.deepEqual(rubricTotal({}), { total: 0, max: 33, missing: 11, percent: 0 });
  const full = Object.fromEntries(STEPS.map((step) => [step, 3]));
  assert.deepEqual(rubricTotal(full), { total: 33, max: 33, missing: 0, percent: 100 });
  assert.deepEqual(rubricTotal({ separate: 2, ask: 0, listen: 'x' }), { total: 2, max: 33, missing: 9, percent: 6 });
  assert.equal(isComplete('due_soon'), true);
  assert.equal(isComplete('overdue'), false);
  assert.equal(drillHasWork(null), false);
  assert.equal(drillHasWork({ scores: {}, notes: { ask: '  ' }, comments: '', elapsed: 0 }), false);
  assert.equal(drillHasWork({ scores: { ask: 0 }, notes: {}, comments: '', elapsed: 0 }), true);
  assert.equal(drillHasWork({ scores: {}, notes: {}, comments: '', elapsed: 4 }), true);
  assert.equal(trainingFileName(' sh01 ', '2026-11-22'), 'SH01_training_2026-11-22.xlsx');
  assert.equal(trainingFileName('', '2026-11-22'), 'BRANCH_training_2026-11-22.xlsx');
});

test('every state, step, reason and persona field the screens show has a text in both languages', () => {
  const keys = [
    ...CELL_STATES.map((s) => `training.status.${s}`),
    ...STEPS.map((s) => `training.step.${s}`),
    ...['reopened', 'low_satisfaction', 'not_accepted', 'overdue'].map((r) => `training.case.reason.${r}`),
    ...['who', 'happened', 'wants', 'angrier', 'calmer', 'opening', 'briefing'].map((f) => `training.persona.${f}`),
    ...['matrix', 'curriculum', 'scenarios', 'progress'].map((tab) => `training.tab.${tab}`),
    ...['title', 'refresherMonths', 'items', 'itemIds', 'signedOn', 'trainerId', 'traineeIds', 'durationSeconds'].map((f) => `field.${f}`),
  ];
  for (const key of keys) {
    assert.ok(en[key], `en: ${key}`);
    assert.ok(zh[key], `zh-CN: ${key}`);
  }
});

test('training commands go out with their exact names and argument shapes', async () => {
  await api.listTrainingModules();
  await api.saveTrainingModule('', { title: ' 礼仪 ', refresherMonths: '12', items: [{ lineageId: '', text: ' 微笑 ' }, { lineageId: '4', text: '问候' }] });
  await api.saveTrainingModule(3, { title: 'x', refresherMonths: '', items: [] });
  await api.moveTrainingModule(3, -1);
  await api.setTrainingModuleRetired(3, true);
  await api.assignTrainingModule(3, { staffId: '5' });
  await api.assignTrainingModule(3, { position: ' 前台 ' });
  await api.unassignTraining(9, 'wrong person');
  await api.signOffTraining({ staffId: 5, itemIds: ['1', 2], signedOn: '2026-11-01', trainerId: '' });
  await api.withdrawTrainingSignOff(4, '签错了人');
  await api.trainingMatrix({ department: '', status: 'overdue' });
  await api.trainingPerson(5);
  await api.listDrillScenarios(true);
  await api.setDrillScenarioRetired(2, false);
  await api.trainingProgress();
  await api.caseDrillSuggestion(8);
  await api.exportTraining({ lang: 'en', path: '/tmp/a.xlsx' });
  assert.deepEqual(calls, [
    ['list_training_modules', { includeRetired: false }],
    ['save_training_module', { id: null, input: { title: '礼仪', refresherMonths: 12, items: [{ lineageId: null, text: '微笑' }, { lineageId: 4, text: '问候' }] } }],
    ['save_training_module', { id: 3, input: { title: 'x', refresherMonths: null, items: [] } }],
    ['move_training_module', { id: 3, offset: -1 }],
    ['set_training_module_retired', { id: 3, retired: true }],
    ['assign_training_module', { input: { moduleId: 3, staffId: 5, position: null } }],
    ['assign_training_module', { input: { moduleId: 3, staffId: null, position: '前台' } }],
    ['unassign_training', { id: 9, reason: 'wrong person' }],
    ['sign_off_training', { input: { staffId: 5, itemIds: [1, 2], signedOn: '2026-11-01', trainerId: null } }],
    ['withdraw_training_sign_off', { id: 4, reason: '签错了人' }],
    ['training_matrix', { filter: { department: null, position: null, status: 'overdue' } }],
    ['training_person', { staffId: 5 }],
    ['list_drill_scenarios', { includeRetired: true }],
    ['set_drill_scenario_retired', { id: 2, retired: false }],
    ['training_progress', undefined],
    ['case_drill_suggestion', { caseId: 8 }],
    ['export_training', { lang: 'en', path: '/tmp/a.xlsx' }],
  ]);
});
