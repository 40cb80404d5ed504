import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, todayIso, formatNumber } from '../../ui/js/lib/format.js';

test('calendar dates in each language', () => {
  assert.equal(formatDate('2024-03-05', 'zh-CN'), '2024年3月5日');
  assert.equal(formatDate('2024-03-05', 'en'), '5 Mar 2024');
  assert.equal(formatDate('2024-12-31', 'zh-CN'), '2024年12月31日');
  assert.equal(formatDate('2024-09-01', 'en'), '1 Sep 2024');
});

test('missing or impossible dates format as empty, not "Invalid Date"', () => {
  for (const value of [null, undefined, '', '2024-02-30', 'garbage', '2024-13-01']) {
    assert.equal(formatDate(value, 'zh-CN'), '', String(value));
    assert.equal(formatDate(value, 'en'), '', String(value));
  }
});

test('instants are shown in the branch time zone, not the computer’s', () => {
  // 15:30 UTC on 31 October is 23:30 in Shanghai, still 31 October.
  assert.equal(formatDateTime('2024-10-31T15:30:00Z', 'zh-CN', 'Asia/Shanghai'), '2024年10月31日 23:30');
  // 16:30 UTC is already 1 November in Shanghai.
  assert.equal(formatDateTime('2024-10-31T16:30:00Z', 'zh-CN', 'Asia/Shanghai'), '2024年11月1日 00:30');
  assert.equal(formatDateTime('2024-10-31T16:30:00Z', 'en', 'Europe/London'), '31 Oct 2024, 16:30');
  // Daylight saving: London is UTC+1 in July.
  assert.equal(formatDateTime('2024-07-01T08:05:00Z', 'en', 'Europe/London'), '1 Jul 2024, 09:05');
});

test('unknown zones fall back to UTC; unreadable instants to empty', () => {
  assert.equal(formatDateTime('2024-01-02T03:04:00Z', 'en', 'Not/AZone'), '2 Jan 2024, 03:04');
  assert.equal(formatDateTime('2024-01-02T03:04:00Z', 'en', ''), '2 Jan 2024, 03:04');
  assert.equal(formatDateTime('yesterday', 'en', 'UTC'), '');
  assert.equal(formatDateTime(null, 'zh-CN', 'UTC'), '');
});

test('today in a zone', () => {
  const now = new Date('2024-10-31T16:30:00Z');
  assert.equal(todayIso('Asia/Shanghai', now), '2024-11-01');
  assert.equal(todayIso('America/New_York', now), '2024-10-31');
});

test('numbers get digit grouping', () => {
  assert.equal(formatNumber(1234567, 'en'), '1,234,567');
  assert.equal(formatNumber(1234567, 'zh-CN'), '1,234,567');
  assert.equal(formatNumber('x', 'en'), '');
});
