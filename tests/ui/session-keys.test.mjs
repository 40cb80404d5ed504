import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLockShortcut, idleExpired } from '../../ui/js/lib/session-keys.js';

test('Ctrl+L and Cmd+L lock; L alone or with other modifiers does not', () => {
  assert.equal(isLockShortcut({ ctrlKey: true, key: 'l' }), true);
  assert.equal(isLockShortcut({ metaKey: true, key: 'L' }), true);
  assert.equal(isLockShortcut({ key: 'l' }), false);
  assert.equal(isLockShortcut({ ctrlKey: true, shiftKey: true, key: 'L' }), false);
  assert.equal(isLockShortcut({ ctrlKey: true, altKey: true, key: 'l' }), false);
  assert.equal(isLockShortcut({ ctrlKey: true, key: 'k' }), false);
});

test('the idle clock runs out after the branch\'s minutes, and never in under one minute', () => {
  const start = 1_000_000;
  assert.equal(idleExpired(start, start + 9 * 60_000, 10), false);
  assert.equal(idleExpired(start, start + 10 * 60_000, 10), true);
  assert.equal(idleExpired(start, start + 30_000, 0), false);
  assert.equal(idleExpired(start, start + 60_000, 'nonsense'), true);
});
