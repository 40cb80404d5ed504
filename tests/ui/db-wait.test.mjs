import { test, mock } from 'node:test';
import assert from 'node:assert/strict';

// A stand-in for Tauri's bridge: each call waits until the test settles it.
const pending = [];
globalThis.window = {
  __TAURI__: {
    core: {
      invoke: (command, args) => new Promise((resolve, reject) => pending.push({ command, args, resolve, reject })),
    },
  },
};
const api = await import('../../ui/js/api.js');

const flush = () => new Promise((resolve) => setImmediate(resolve));

test('a call running past a second says the window is waiting for the database, and stops saying it when done', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const seen = [];
  const stop = api.onDatabaseWait((waiting) => seen.push(waiting));
  try {
    const first = api.addCategory('a');
    const second = api.listCategories();
    mock.timers.tick(api.WAIT_NOTICE_MS - 1);
    assert.deepEqual(seen, [], 'a quick call shows nothing');
    mock.timers.tick(1);
    assert.deepEqual(seen, [true], 'shown once, however many calls wait');
    pending.shift().resolve({ id: 1 });
    await first;
    assert.deepEqual(seen, [true], 'still shown while another call waits');
    pending.shift().resolve([]);
    await second;
    assert.deepEqual(seen, [true, false]);

    // A call that waits on the user (a file dialog) is not waiting for the database.
    const picked = api.importPickFile();
    mock.timers.tick(5 * api.WAIT_NOTICE_MS);
    pending.shift().resolve(null);
    await picked;
    assert.deepEqual(seen, [true, false]);
  } finally {
    stop();
    mock.timers.reset();
  }
});

test('a save refused because the data file stayed locked is sent again when the user says so', async () => {
  const asked = [];
  const answers = [true, false];
  api.setLockedHandler(async (err) => {
    asked.push(err.code);
    return answers.shift();
  });
  try {
    const locked = { code: 'write.locked', message: 'locked', field: null };
    const saving = api.addCategory('新分类');
    pending.shift().reject(locked);
    await flush();
    // "Try again": the same command with the same arguments goes out once more…
    const retry = pending.shift();
    assert.deepEqual([retry.command, retry.args], ['add_category', { name: '新分类' }]);
    retry.reject(locked);
    // …and "Cancel" hands the error to the caller.
    await assert.rejects(saving, (err) => err.code === 'write.locked');
    assert.deepEqual(asked, ['write.locked', 'write.locked']);

    // Any other error is not retried.
    const other = api.addCategory('x');
    pending.shift().reject({ code: 'write.read_only', message: '', field: null });
    await assert.rejects(other, (err) => err.code === 'write.read_only');
    assert.equal(asked.length, 2);
    assert.equal(pending.length, 0);
  } finally {
    api.setLockedHandler(null);
  }
});
