// Ctrl/Cmd+F, or / when the user is not typing, goes to the case search from anywhere and puts
// the cursor in it (the webview's own find bar would only search the page shown). Already on
// the list, it selects what is in the box, so typing replaces the old search.

const SEARCH_ID = 'case-search';
const LIST_HASH = '#/cases';
const WAIT_MS = 3000;

/// Whether `event` asks for the case search: Ctrl/Cmd+F anywhere, `/` outside text fields.
export function isSearchKey(event) {
  if (event.altKey) return false;
  const mod = event.ctrlKey || event.metaKey;
  if (mod) return !event.shiftKey && String(event.key).toLowerCase() === 'f';
  return event.key === '/' && !isTyping(event.target);
}

function isTyping(target) {
  if (!target || typeof target !== 'object') return false;
  if (target.isContentEditable) return true;
  const tag = String(target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(String(target.type).toLowerCase());
}

/// Installs the shortcut. `ready()` says whether the app shell is up and no dialog is open.
export function installSearchShortcut(ready) {
  document.addEventListener('keydown', (event) => {
    if (!isSearchKey(event)) return;
    event.preventDefault();
    if (!ready()) return;
    const box = document.getElementById(SEARCH_ID);
    if (box && location.hash.split('?')[0] === LIST_HASH) {
      focusBox(box);
      return;
    }
    location.hash = LIST_HASH;
    whenShown(focusBox);
  });
}

function focusBox(box) {
  box.focus();
  box.select();
}

// The list renders after the address changes: focus the box once it is there.
function whenShown(then) {
  const started = Date.now();
  const look = () => {
    const box = document.getElementById(SEARCH_ID);
    if (box && box.isConnected && box.offsetParent !== null) then(box);
    else if (Date.now() - started < WAIT_MS) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
