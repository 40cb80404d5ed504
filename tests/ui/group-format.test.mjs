// The group dashboard's pure helpers: its routes (a hand-typed hash never reaches the backend
// unchecked), the order of branches by the ranks Rust gave, and the months offered.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGroupHash, groupHash, rankedBranches, rankChoices, monthChoices, COLUMNS } from '../../ui/js/views/group/group-format.js';

test('group routes are read and written back, malformed parts dropped', () => {
  assert.deepEqual(parseGroupHash('#/group'), { code: null, id: null, month: null, rank: null });
  assert.deepEqual(parseGroupHash('#/group/SH01?month=2026-11'), { code: 'SH01', id: null, month: '2026-11', rank: null });
  assert.deepEqual(parseGroupHash('#/group/SH01/42?month=2026-11'), { code: 'SH01', id: 42, month: '2026-11', rank: null });
  assert.deepEqual(parseGroupHash('#/group?month=2026-11&rank=crises'), { code: null, id: null, month: '2026-11', rank: 'crises' });
  assert.deepEqual(parseGroupHash('#/group/<img>/x?month=11-2026&rank=a;b'), { code: null, id: null, month: null, rank: null });
  assert.equal(parseGroupHash('#/group/sh01/1').code, null, 'codes are upper-case');
  for (const route of [{}, { month: '2026-11' }, { month: '2026-11', rank: 'crises' }, { code: 'SH01', month: '2026-11' }, { code: 'SH01', id: 7, month: '2026-11' }]) {
    const back = parseGroupHash(groupHash(route));
    for (const [key, value] of Object.entries(route)) assert.equal(back[key], value, `${key} of ${JSON.stringify(route)}`);
  }
  assert.equal(groupHash({ code: 'SH01', month: '2026-11', rank: 'crises' }), '#/group/SH01?month=2026-11', 'the rank belongs to the dashboard');
});

const branch = (code, ranks) => ({ code, ranks, kpis: COLUMNS.map((key) => ({ key })) });

test('branches are ordered by the rank Rust gave: ties by code, unranked last', () => {
  const branches = [branch('SH01', { crises: 2 }), branch('BJ02', {}), branch('AH03', { crises: 2 }), branch('GZ04', { crises: 1 })];
  assert.deepEqual(rankedBranches(branches, 'crises').map(({ branch: b, rank }) => [b.code, rank]),
    [['GZ04', 1], ['AH03', 2], ['SH01', 2], ['BJ02', null]]);
  assert.deepEqual(rankedBranches(branches, 'unknown').map(({ branch: b }) => b.code), ['AH03', 'BJ02', 'GZ04', 'SH01']);
});

test('only figures some branch is ranked by are offered, the table’s first', () => {
  const branches = [branch('A', { crises: 1, received: 1 }), branch('B', { drills_held: 1 })];
  branches[1].kpis.push({ key: 'drills_held' });
  branches[0].kpis.push({ key: 'drills_held' });
  assert.deepEqual(rankChoices(branches), ['received', 'crises', 'drills_held']);
  assert.deepEqual(rankChoices([]), []);
});

test('the month picker offers the months back from the chosen one, across years', () => {
  assert.deepEqual(monthChoices('2026-02', 4), ['2026-02', '2026-01', '2025-12', '2025-11']);
  assert.equal(monthChoices('2026-11').length, 24);
});
