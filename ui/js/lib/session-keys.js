// Locking the window: Ctrl/Cmd+L at once, and after the branch's idle minutes without a key
// or pointer. Rust also locks an idle session on its own (its clock is the one that counts);
// this only makes the screen follow without waiting for the next refused call.

/// How often the idle clock is looked at.
const IDLE_CHECK_MS = 15_000;

/// Whether `event` is the lock shortcut (Ctrl+L, or Cmd+L on a Mac).
export function isLockShortcut(event) {
  const mod = Boolean(event.ctrlKey || event.metaKey);
  return mod && !event.altKey && !event.shiftKey && String(event.key).toLowerCase() === 'l';
}

/// Whether `minutes` have passed since `lastUsed` at `now` (both in ms).
export function idleExpired(lastUsed, now, minutes) {
  return now - lastUsed >= Math.max(1, Number(minutes) || 0) * 60_000;
}

/// Installs the shortcut and the idle clock. `lock()` locks; `idleMinutes()` is the branch's
/// setting; `active()` says whether the shell (and so anything to hide) is showing.
export function installSessionKeys({ lock, idleMinutes, active, now = () => Date.now() }) {
  let lastUsed = now();
  const touch = () => { lastUsed = now(); };
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
    document.addEventListener(type, touch, { capture: true, passive: true });
  }
  document.addEventListener('keydown', (event) => {
    if (!isLockShortcut(event)) return;
    // Swallowed everywhere: the webview has no address bar to focus.
    event.preventDefault();
    if (active()) lock();
  });
  return setInterval(() => {
    if (active() && idleExpired(lastUsed, now(), idleMinutes())) {
      touch();
      lock();
    }
  }, IDLE_CHECK_MS);
}
