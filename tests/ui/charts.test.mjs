import { test } from 'node:test';
import assert from 'node:assert/strict';
import { niceStep, niceTicks, scaleLinear, bands, monthAxisLabels, textUnits, truncateLabel, spread, labelIndexes } from '../../ui/js/lib/charts.js';

test('nice steps are 1, 2 or 5 times a power of ten, never below 1 for counts', () => {
  assert.equal(niceStep(0.3), 1);
  assert.equal(niceStep(1.2), 2);
  assert.equal(niceStep(3), 5);
  assert.equal(niceStep(7), 10);
  assert.equal(niceStep(13), 20);
  assert.equal(niceStep(240), 500);
  assert.equal(niceStep(0.03, { integer: false }), 0.05);
});

test('nice ticks cover the maximum from zero in even steps', () => {
  assert.deepEqual(niceTicks(0), { top: 1, step: 1, ticks: [0, 1] }, 'an empty chart still has an axis');
  assert.deepEqual(niceTicks(3), { top: 3, step: 1, ticks: [0, 1, 2, 3] });
  assert.deepEqual(niceTicks(17), { top: 20, step: 5, ticks: [0, 5, 10, 15, 20] });
  assert.deepEqual(niceTicks(20), { top: 20, step: 5, ticks: [0, 5, 10, 15, 20] });
  assert.deepEqual(niceTicks(101).ticks, [0, 50, 100, 150]);
  const { top, ticks } = niceTicks(1234);
  assert.ok(top >= 1234 && ticks.length <= 6 && ticks.every(Number.isInteger));
});

test('linear scales and bands', () => {
  const y = scaleLinear([0, 20], [200, 0]);
  assert.equal(y(0), 200);
  assert.equal(y(20), 0);
  assert.equal(y(5), 150);
  assert.equal(scaleLinear([0, 0], [0, 100])(0), 0, 'a flat domain does not divide by zero');
  const b = bands(12, 480, 0.25);
  assert.equal(b.slot, 40);
  assert.equal(b.width, 30);
  assert.equal(b.start(0), 5);
  assert.equal(b.start(11), 445);
});

test('month axis labels: short names, with the year under the first month and every January', () => {
  const months = [[2023, 11], [2023, 12], [2024, 1], [2024, 2]].map(([year, month]) => ({ year, month }));
  assert.deepEqual(monthAxisLabels(months, 'zh-CN'), [
    { month: '11月', year: '2023' }, { month: '12月', year: null }, { month: '1月', year: '2024' }, { month: '2月', year: null }]);
  assert.deepEqual(monthAxisLabels(months, 'en').map((l) => l.month), ['Nov', 'Dec', 'Jan', 'Feb']);
});

test('long labels are cut by display width (Chinese characters count double)', () => {
  assert.equal(textUnits('abc'), 3);
  assert.equal(textUnits('快递'), 4);
  assert.equal(truncateLabel('Parcel lost', 24), 'Parcel lost');
  assert.equal(truncateLabel('快递延误快递延误快递延误快递延误', 12), '快递延误快…');
  assert.ok(textUnits(truncateLabel('a'.repeat(40), 24)) <= 24);
  assert.equal(truncateLabel('<img src=x onerror=alert(1)>', 12), '<img src=x …');
});

test('points over time spread edge to edge; one point sits in the middle', () => {
  assert.deepEqual(spread(0, 100), []);
  assert.deepEqual(spread(1, 100), [50]);
  assert.deepEqual(spread(3, 100), [0, 50, 100]);
});

test('axis labels thin out evenly, keeping the first and the last', () => {
  assert.deepEqual(labelIndexes(4, 6), [0, 1, 2, 3]);
  assert.deepEqual(labelIndexes(11, 6), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(labelIndexes(12, 6), [0, 3, 6, 9, 11]);
  assert.deepEqual(labelIndexes(14, 5), [0, 4, 8, 13], 'a label crowding the last one gives way');
  for (const count of [7, 12, 26, 100]) {
    const picked = labelIndexes(count, 6);
    assert.ok(picked.length <= 6, `${count}: at most 6 labels`);
    assert.equal(picked[0], 0);
    assert.equal(picked.at(-1), count - 1);
    assert.ok(picked.every((index, i) => i === 0 || index > picked[i - 1]), `${count}: in order`);
  }
});
