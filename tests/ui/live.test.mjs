import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepLive, REFRESH_MS } from '../../ui/js/lib/live.js';

function fakeTimers() {
  const timers = { intervals: new Map(), next: 1 };
  timers.setInterval = (fn, ms) => { timers.intervals.set(timers.next, { fn, ms }); return timers.next++; };
  timers.clearInterval = (id) => timers.intervals.delete(id);
  timers.fire = async () => { for (const { fn } of [...timers.intervals.values()]) await fn(); };
  return timers;
}

function fakeDocument() {
  const listeners = {};
  return {
    visibilityState: 'visible',
    addEventListener: (type, fn) => { listeners[type] = fn; },
    removeEventListener: (type) => { delete listeners[type]; },
    emit: (type) => listeners[type]?.(),
    listeners,
  };
}

test('figures are asked for again well within a minute', () => {
  assert.ok(REFRESH_MS <= 60_000 / 2, 'at least twice a minute, so a change shows within one');
  const timers = fakeTimers();
  keepLive({ isConnected: true }, async () => {}, { timers, events: fakeDocument() });
  assert.equal([...timers.intervals.values()][0].ms, REFRESH_MS);
});

test('each tick refreshes while the view is shown, and stops once it has left the page', async () => {
  const timers = fakeTimers();
  const events = fakeDocument();
  const node = { isConnected: true };
  let calls = 0;
  keepLive(node, async () => { calls += 1; }, { timers, events });
  await timers.fire();
  await timers.fire();
  assert.equal(calls, 2);
  events.emit('visibilitychange');
  await Promise.resolve();
  assert.equal(calls, 3, 'coming back to the window refreshes at once');
  node.isConnected = false;
  await timers.fire();
  assert.equal(calls, 3);
  assert.equal(timers.intervals.size, 0, 'the timer is gone');
  assert.equal(events.listeners.visibilitychange, undefined);
});

test('a failed refresh keeps the timer; a slow one is not overlapped', async () => {
  const timers = fakeTimers();
  let calls = 0;
  let release;
  keepLive({ isConnected: true }, () => {
    calls += 1;
    if (calls === 1) return Promise.reject(new Error('database busy'));
    return new Promise((resolve) => { release = resolve; });
  }, { timers, events: fakeDocument() });
  const warn = console.warn;
  console.warn = () => {};
  await timers.fire();
  console.warn = warn;
  assert.equal(timers.intervals.size, 1);
  const slow = timers.fire();
  await timers.fire();
  assert.equal(calls, 2, 'no second call while the first is running');
  release();
  await slow;
});
