// Desktop keyboard manners: Ctrl/Cmd+S saves the form in front of the user, Escape closes an
// open form panel. One listener on the document; forms opt in through markup
// (`data-closable` on a panel, `data-close` on its cancel button). Also how a shortcut is
// written for the user: `Ctrl+S` on Windows and Linux, `⌘S` on a Mac.

import { isShown } from './dom.js';
import { isConfirmOpen } from './confirm.js';

/// Whether the webview runs on a Mac, where the Command key takes Ctrl's part.
export function isMac(nav = globalThis.navigator) {
  const platform = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /^mac/i.test(platform) || /Macintosh|Mac OS X/.test(nav?.userAgent ?? '');
}

/// A Ctrl/Cmd shortcut as the user reads it: `Ctrl+S`, or `⌘S` on a Mac.
export function shortcutLabel(key, mac = isMac()) {
  return mac ? `\u2318${key}` : `Ctrl+${key}`;
}

/// The same shortcut for `aria-keyshortcuts`: `Control+S`, or `Meta+S` on a Mac.
export function ariaShortcut(key, mac = isMac()) {
  return `${mac ? 'Meta' : 'Control'}+${key}`;
}

/// The dictionary parameters that name shortcuts (`{newCaseKeys}`, `{saveKeys}`), for
/// `setDefaultParams`.
export function shortcutParams(mac = isMac()) {
  return { newCaseKeys: shortcutLabel('N', mac), saveKeys: shortcutLabel('S', mac), searchKeys: shortcutLabel('F', mac) };
}

/// Installs the global shortcuts. `activeRoot()` returns the element holding the current
/// screen (the view or the welcome page), so hidden screens are never acted on.
export function installShortcuts(activeRoot) {
  document.addEventListener('keydown', (event) => {
    // The modal confirm dialog handles its own Enter/Escape.
    if (isConfirmOpen()) return;
    const root = activeRoot();
    if (!root) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
      // Always swallow it: the webview's own "save page" makes no sense in an app.
      event.preventDefault();
      submitVisibleForm(root);
    } else if (event.key === 'Escape' && !event.defaultPrevented) {
      if (closeOpenPanel(root)) event.preventDefault();
    }
  });
}

/// Picks the form to save: the one holding the focus, else an open panel, else the only
/// form on screen. With several forms and no focus (Settings) nothing is guessed.
export function submitVisibleForm(root) {
  const focused = document.activeElement?.closest?.('form');
  const forms = [...root.querySelectorAll('form')].filter(isShown);
  let form = null;
  if (focused && root.contains(focused) && isShown(focused)) form = focused;
  else form = forms.find((candidate) => candidate.matches('[data-closable]')) ?? (forms.length === 1 ? forms[0] : null);
  if (!form) return false;
  if (typeof form.requestSubmit === 'function') form.requestSubmit();
  else form.querySelector('[type="submit"]')?.click();
  return true;
}

/// Closes the open panel holding the focus, else the first open one; true if one closed.
export function closeOpenPanel(root) {
  const focused = document.activeElement?.closest?.('[data-closable]');
  const panel = focused && root.contains(focused) && isShown(focused)
    ? focused
    : [...root.querySelectorAll('[data-closable]')].find(isShown);
  const closer = panel?.querySelector('[data-close]');
  if (!closer) return false;
  closer.click();
  return true;
}
