import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateText, parseDateTimeText, monthGrid, shiftMonth, withinBounds } from '../../ui/js/lib/date-text.js';

test('a typed date is read in the forms Chinese and English users write', () => {
  for (const text of ['2026-12-03', '2026/12/3', '2026.12.3', '2026年12月3日', '2026 年 12 月 3 日', '20261203', ' 2026-12-3 ']) {
    assert.equal(parseDateText(text), '2026-12-03', text);
  }
});

test('a blank date is empty; an impossible or foreign-order date is refused, not guessed', () => {
  assert.equal(parseDateText(''), '');
  assert.equal(parseDateText('   '), '');
  assert.equal(parseDateText(null), '');
  for (const text of ['12/03/2026', '2026-02-30', '2026-13-01', 'tomorrow', '2026-12', '<img src=x onerror=alert(1)>']) {
    assert.equal(parseDateText(text), null, text);
  }
});

test('a date and 24-hour time are read with a space or a T', () => {
  assert.equal(parseDateTimeText('2026-12-03 14:30'), '2026-12-03 14:30');
  assert.equal(parseDateTimeText('2026-12-03T14:30'), '2026-12-03 14:30');
  assert.equal(parseDateTimeText('2026年12月3日 9:05'), '2026-12-03 09:05');
  assert.equal(parseDateTimeText('2026/12/3 23：59'), '2026-12-03 23:59');
  assert.equal(parseDateTimeText(''), '');
  for (const text of ['2026-12-03', '2026-12-03 24:00', '2026-12-03 2:30 PM', '2026-12-32 10:00']) {
    assert.equal(parseDateTimeText(text), null, text);
  }
});

test('the picker lays a month out Monday first', () => {
  // 1 December 2026 is a Tuesday.
  const weeks = monthGrid(2026, 12);
  assert.deepEqual(weeks[0].slice(0, 3), [null, '2026-12-01', '2026-12-02']);
  assert.equal(weeks.length, 5);
  assert.ok(weeks.every((week) => week.length === 7));
  assert.equal(weeks.flat().filter(Boolean).length, 31);
  assert.equal(weeks.at(-1).filter(Boolean).at(-1), '2026-12-31');
  // February 2027 starts on a Monday and has 28 days: exactly four weeks.
  assert.deepEqual(monthGrid(2027, 2).map((w) => w[0]), ['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22']);
  assert.equal(monthGrid(2028, 2).flat().filter(Boolean).length, 29);
});

test('months step across year ends; bounds compare dates', () => {
  assert.deepEqual(shiftMonth({ year: 2026, month: 12 }, 1), { year: 2027, month: 1 });
  assert.deepEqual(shiftMonth({ year: 2026, month: 1 }, -1), { year: 2025, month: 12 });
  assert.equal(withinBounds('2026-12-03', '', '2026-12-03'), true);
  assert.equal(withinBounds('2026-12-04', null, '2026-12-03'), false);
  assert.equal(withinBounds('2026-01-01', '2026-01-02', null), false);
});
