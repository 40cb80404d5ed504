import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

// A stand-in for the page (address, history) and for Tauri's window API: it records the
// close-request listener the guard registers and lets a test "press the close button".
const page = { hash: '#/cases/new' };
globalThis.location = page;
globalThis.history = { replaceState: (_state, _title, hash) => { page.hash = hash; } };
const tauriWindow = {
  listeners: [],
  onCloseRequested(handler) {
    this.listeners.push(handler);
    return Promise.resolve(() => {
      this.listeners = this.listeners.filter((h) => h !== handler);
    });
  },
  async pressClose() {
    let prevented = false;
    for (const handler of this.listeners) await handler({ preventDefault: () => { prevented = true; } });
    return { closed: !prevented };
  },
};
globalThis.window = { __TAURI__: { window: { getCurrentWindow: () => tauriWindow } } };

const { setLeaveGuard, releaseLeaveGuard, mayLeave, hasLeaveGuard } = await import('../../ui/js/lib/leave-guard.js');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(async () => {
  setLeaveGuard(null);
  await settle();
  page.hash = '#/cases/new';
  setLeaveGuard(null);
});

test('with nothing to protect, closing the window is not intercepted', async () => {
  assert.equal(tauriWindow.listeners.length, 0);
  assert.deepEqual(await tauriWindow.pressClose(), { closed: true });
});

test('while a guard is installed the close button asks it, and staying keeps the window open', async () => {
  let asked = 0;
  setLeaveGuard(async () => { asked += 1; return false; });
  await settle();
  assert.equal(tauriWindow.listeners.length, 1, 'one listener, not one per call');
  setLeaveGuard(async () => false);
  await settle();
  assert.equal(tauriWindow.listeners.length, 1, 'a new guard reuses the listener');
  assert.deepEqual(await tauriWindow.pressClose(), { closed: false });
});

test('answering leave lets the window close; clearing the guard removes the listener', async () => {
  setLeaveGuard(async () => true);
  await settle();
  assert.deepEqual(await tauriWindow.pressClose(), { closed: true });
  setLeaveGuard(null);
  await settle();
  assert.equal(tauriWindow.listeners.length, 0);
});

test('navigating away asks; staying puts the address back, leaving clears the guard', async () => {
  let answer = false;
  setLeaveGuard(async () => answer);
  page.hash = '#/cases';
  assert.equal(await mayLeave(), false);
  assert.equal(page.hash, '#/cases/new', 'the address goes back');
  assert.ok(hasLeaveGuard());
  answer = true;
  page.hash = '#/cases';
  assert.equal(await mayLeave(), true);
  assert.equal(hasLeaveGuard(), false);
  await settle();
  assert.equal(tauriWindow.listeners.length, 0, 'and no longer asks on close');
});

test('a view releases only its own guard, never a newer one', async () => {
  const older = async () => false;
  const newer = async () => false;
  setLeaveGuard(older);
  setLeaveGuard(newer);
  releaseLeaveGuard(older);
  assert.ok(hasLeaveGuard(), 'the newer guard stays');
  releaseLeaveGuard(newer);
  assert.equal(hasLeaveGuard(), false);
});
