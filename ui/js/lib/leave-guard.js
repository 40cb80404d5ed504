// A view holding unsaved work (a half-scored drill) can ask before the user navigates away.
// The router calls `mayLeave()` on every hash change; when the guard answers no, the address
// goes back to where the user was and nothing re-renders.

let guard = null;
let here = typeof location === 'undefined' ? '' : location.hash;

/// Installs `ask` (async, resolves true to leave) until the view clears it with null.
export function setLeaveGuard(ask) {
  guard = ask;
  here = location.hash;
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
  guard = null;
  here = location.hash;
  return true;
}

/// Whether a guard is installed.
export function hasLeaveGuard() {
  return guard !== null;
}
