// How long calls to the backend take, for api.js: the "waiting for the database" notice and
// the question before a call refused as locked goes out again. Kept apart so api.js stays the
// list of commands; it is still the only module that calls invoke.

/// How long a call runs before the UI says it is waiting for the database. The backend waits
/// up to 15 s for another program's write lock; that wait must never look like a frozen window.
export const WAIT_NOTICE_MS = 1000;

// Commands that wait on the user (a file dialog, the print dialog), not on the database.
const WAITS_ON_USER = new Set([
  'plugin:dialog|save', 'plugin:dialog|open', 'add_case_attachment', 'print_page', 'import_pick_file',
  'restore_backup_from_file', 'open_other_database',
]);

const waitListeners = new Set();
let lateCalls = 0;
let lockedHandler = null;

/// Calls `listener(true)` when a call has been running longer than WAIT_NOTICE_MS, and
/// `listener(false)` once no such call is left. Returns a function that stops listening.
export function onDatabaseWait(listener) {
  waitListeners.add(listener);
  return () => waitListeners.delete(listener);
}

/// Sets what happens when a call fails because another program kept the database locked past
/// the backend's wait (`write.locked`): `handler(err)` resolves to true to send the call again,
/// false to give up (the caller then gets the error). Such a call changed nothing, so sending
/// it again is safe. Without a handler the error goes straight to the caller.
export function setLockedHandler(handler) {
  lockedHandler = handler;
}

/// Whether a failed call should go out again: only `write.locked`, and only when the handler
/// (the user) says so.
export async function sendAgain(err) {
  return err.code === 'write.locked' && lockedHandler !== null && Boolean(await lockedHandler(err));
}

function notifyWait(waiting) {
  for (const listener of waitListeners) {
    try {
      listener(waiting);
    } catch (err) {
      console.error(err);
    }
  }
}

// Runs one invoke, telling the listeners when it has taken longer than the notice time.
export async function watched(command, run) {
  if (WAITS_ON_USER.has(command)) return run();
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    lateCalls += 1;
    if (lateCalls === 1) notifyWait(true);
  }, WAIT_NOTICE_MS);
  try {
    return await run();
  } finally {
    clearTimeout(timer);
    if (late) {
      lateCalls -= 1;
      if (lateCalls === 0) notifyWait(false);
    }
  }
}
