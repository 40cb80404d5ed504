// A view holding unsaved work (a half-scored drill, a complaint being typed) can ask before the
// user navigates away or closes the window. The router calls `mayLeave()` on every hash change;
// when the guard answers no, the address goes back to where the user was and nothing
// re-renders. While a guard is installed, closing the window asks the same question.

let guard = null;
let here = typeof location === 'undefined' ? '' : location.hash;
// The pending or resolved unlisten function of the window's close-request listener. The
// listener exists only while a guard does: once Tauri sees a close listener in the page it
// leaves every close to the page, so with nothing to protect closing stays native.
let closeListener = null;

function currentWindow() {
  return globalThis.window?.__TAURI__?.window?.getCurrentWindow?.() ?? null;
}

function watchWindowClose() {
  const win = currentWindow();
  if (!win || closeListener) return;
  closeListener = win.onCloseRequested(async (event) => {
    if (guard && !(await guard())) event.preventDefault();
  });
  // Without the listener the close is simply not asked about; the work is still guarded in-app.
  closeListener.catch(() => {
    closeListener = null;
  });
}

function unwatchWindowClose() {
  const pending = closeListener;
  closeListener = null;
  pending?.then((unlisten) => unlisten()).catch(() => {});
}

/// Installs `ask` (async, resolves true to leave) until the view clears it with null.
export function setLeaveGuard(ask) {
  if (ask === guard) return;
  guard = ask;
  here = location.hash;
  if (ask) watchWindowClose();
  else unwatchWindowClose();
}

/// Removes `ask` if it is still the installed guard (a newer view's guard stays).
export function releaseLeaveGuard(ask) {
  if (guard === ask) setLeaveGuard(null);
}

/// Whether the router may render the new hash; restores the old one when the user stays.
export async function mayLeave() {
  if (!guard || location.hash === here) {
    here = location.hash;
    return true;
  }
  const leave = await guard();
  if (!leave) {
    history.replaceState(null, '', here);
    return false;
  }
  setLeaveGuard(null);
  here = location.hash;
  return true;
}

/// Whether a guard is installed.
export function hasLeaveGuard() {
  return guard !== null;
}
