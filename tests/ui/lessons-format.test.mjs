// The lessons library's pure helpers: its hash and filters round-trip, the per-person
// "new since last drill" rows, and a lesson's category in both languages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage } from '../../ui/js/i18n/index.js';
import { lessonCategory, lessonFilters, lessonsHash, sinceDrillRows } from '../../ui/js/views/lessons/lesson-format.js';
import { parseTrainingHash } from '../../ui/js/views/training/training-format.js';

test('the library hash carries its filters and reads them back', () => {
  const hash = lessonsHash({ text: '排队', categoryId: 3, customerType: 'angry' });
  assert.equal(hash, '#/training/lessons?text=%E6%8E%92%E9%98%9F&category=3&type=angry');
  const route = parseTrainingHash(hash);
  assert.equal(route.view, 'lessons');
  assert.deepEqual(lessonFilters(route.params), { text: '排队', categoryId: 3, customerType: 'angry' });
  assert.deepEqual(lessonFilters({ category: 'x' }), { text: '', categoryId: null, customerType: '' });
  assert.equal(lessonsHash(), '#/training/lessons');
});

test('people with new lessons come first, the most first; the rest are left out', () => {
  const rows = sinceDrillRows([
    { staffId: 1, name: '张伟', lastDrillAt: '2026-10-01T02:00:00Z', lessonIds: [4] },
    { staffId: 2, name: '李娜', lastDrillAt: null, lessonIds: [4, 3, 2] },
    { staffId: 3, name: '王芳', lastDrillAt: '2026-11-01T02:00:00Z', lessonIds: [] },
  ]);
  assert.deepEqual(rows.map((r) => [r.staffId, r.count]), [[2, 3], [1, 1]]);
});

test('a lesson names its category in the chosen language, or the branch’s own name', () => {
  setLanguage('en');
  assert.equal(lessonCategory({ categoryKey: 'parcel_loss', categoryName: null }), 'Lost parcel');
  setLanguage('zh-CN');
  assert.equal(lessonCategory({ categoryKey: 'parcel_loss', categoryName: null }), '快件丢失');
  assert.equal(lessonCategory({ categoryKey: null, categoryName: '<b>自定义</b>' }), '<b>自定义</b>');
});
