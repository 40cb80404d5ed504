// Live figures: counts and deadline countdowns change with the clock, not only when someone
// saves. A view hands `keepLive` the node it rendered and a `refresh` that asks the backend
// again and patches figures in place (never re-rendering forms, so typing, the focus and the
// scroll position stay as they are). It runs every REFRESH_MS and when the window comes back
// into view, and stops for good once the node has left the page.

/// How often live figures are asked for again: a case turning overdue shows within this.
export const REFRESH_MS = 30_000;

/// Calls `refresh()` every `every` ms while `node` is on the page, and when the window is
/// shown again; one refresh at a time. Returns a function that stops it. `timers` is for tests.
export function keepLive(node, refresh, { every = REFRESH_MS, timers = globalThis, events = globalThis.document } = {}) {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (!node.isConnected) {
      stop();
      return;
    }
    if (running) return;
    running = true;
    try {
      await refresh();
    } catch (err) {
      // A missed refresh is retried at the next tick; the page keeps what it shows.
      console.warn(err);
    } finally {
      running = false;
    }
  };
  const onVisible = () => {
    if (events?.visibilityState !== 'hidden') tick();
  };
  const timer = timers.setInterval(tick, every);
  events?.addEventListener?.('visibilitychange', onVisible);
  function stop() {
    stopped = true;
    timers.clearInterval(timer);
    events?.removeEventListener?.('visibilitychange', onVisible);
  }
  return stop;
}

/// Replaces `old` with `fresh` unless they read and look the same, so unchanged figures are
/// not touched (screen readers do not re-announce them).
export function swapIfChanged(old, fresh) {
  if (!old || !fresh) return false;
  if (old.textContent === fresh.textContent && old.className === fresh.className) return false;
  old.replaceWith(fresh);
  return true;
}
