// Boot and routing. Asks the backend for the app's state, then shows one of four screens:
// the fatal screen (the database could not be opened), the first-run welcome, the sign-in
// (also the locked screen: the view's DOM is emptied first), or the shell (header, nav, and
// the current view chosen by the URL hash, e.g. #/staff).

import * as api from './api.js';
import { t, hasKey, setLanguage, translateTree, onLanguageChange, setDefaultParams } from './i18n/index.js';
import { errorText, refreshErrors, installErrorClearing } from './lib/form.js';
import { installShortcuts, shortcutParams } from './lib/shortcuts.js';
import { menuTarget, needsNavigation } from './lib/menu-actions.js';
import { toastError } from './lib/toast.js';
import { installDateFields } from './lib/date-field.js';
import { applyTheme } from './lib/theme.js';
import { installSearchShortcut } from './lib/search-shortcut.js';
import { showReminderNotice, isAppRoute } from './lib/reminder-notice.js';
import { isConfirmOpen } from './lib/confirm.js';
import { installDatabaseWait, lockedMessage } from './lib/db-wait.js';
import { mayLeave } from './lib/leave-guard.js';
import { errorState } from './lib/states.js';
import * as welcome from './views/shell/welcome.js';
import * as dashboard from './views/dashboard/dashboard.js';
import * as cases from './views/cases/cases.js';
import * as training from './views/training/training.js';
import * as prevention from './views/prevention/prevention.js';
import * as reports from './views/reports/reports.js';
import * as staff from './views/staff/staff.js';
import * as settings from './views/settings/settings.js';
import * as importer from './views/import/import.js';
import * as group from './views/group/group.js';
import { refreshGroupNav } from './views/group/group-nav.js';
import * as customers from './views/customers/customers.js';
import { renderSignIn, renderFirstManager, whoLabel } from './views/shell/signin.js';
import { installSessionKeys } from './lib/session-keys.js';
import { renderFatalActions, nextStepKey } from './views/shell/fatal-actions.js';

const ROUTES = { dashboard, cases, customers, training, prevention, reports, staff, settings, import: importer, group };
const DEFAULT_ROUTE = 'dashboard';
// How long the hidden window waits for the first view's data before showing anyway.
const FIRST_VIEW_WAIT_MS = 1500;

const byId = (id) => document.getElementById(id);

const state = {
  screen: null, // 'fatal' | 'welcome' | 'signin' | 'shell'
  status: null,
  session: null, // the SessionStatus Rust last reported
  fatal: null, // {error, dbPath} while the fatal screen shows
  focusAfterRender: null, // the id a menu item asked to bring into view once its page is up
  pendingMenu: null, // a page item chosen on the sign-in screen, carried out once signed in
};

/// What views receive: the current AppStatus and ways to update the shell.
const ctx = {
  get status() {
    return state.status;
  },
  /// Called after the branch was saved, so the header shows the new name at once.
  setBranch(branch) {
    state.status = { ...state.status, branch };
    fillHeader();
  },
  navigate(route) {
    location.hash = `#/${route}`;
  },
};

/// Ctrl/Cmd+N opens a new complaint from anywhere in the app (the webview would otherwise try
/// to open a new window). Already on intake, it just puts the cursor in the first field.
function installNewCaseShortcut() {
  document.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'n') return;
    event.preventDefault();
    if (state.screen !== 'shell' || isConfirmOpen()) return;
    if (location.hash === '#/cases/new') byId('case-channel')?.focus();
    else location.hash = '#/cases/new';
  });
}

/// A native menu item (File, View, Help) the window carries out: go to its page and bring its
/// part into view. Like Ctrl+N, nothing happens before the branch is set up or over a dialog.
function handleMenuAction(id) {
  const target = menuTarget(id);
  if (!target) return;
  // On the sign-in (or locked) screen the page waits until someone has signed in.
  if (state.screen === 'signin') state.pendingMenu = id;
  if (state.screen !== 'shell' || isConfirmOpen()) return;
  if (needsNavigation(location.hash, target.hash)) {
    state.focusAfterRender = target.focus;
    location.hash = target.hash;
  } else {
    bringIntoView(target.focus);
  }
}

/// Scrolls to the element `id` and puts the focus on it or its first control.
function bringIntoView(id) {
  const target = id ? byId(id) : null;
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  const control = target.matches('input, select, textarea, button')
    ? target
    : target.querySelector('input:not([type=hidden]), select, textarea, button');
  control?.focus({ preventScroll: true });
}

/// Keeps the native menu in the language the UI shows.
function syncMenuLanguage(lang) {
  api.setMenuLanguage(lang).catch((err) => console.warn(err));
}

function showScreen(name) {
  state.screen = name;
  byId('app-shell').hidden = name !== 'shell';
  byId('welcome').hidden = name !== 'welcome';
  byId('fatal').hidden = name !== 'fatal';
  byId('signin').hidden = name !== 'signin';
}

/// Shows the sign-in (or, before any sign-in exists, the first manager's) screen. The views'
/// DOM is emptied first, so a locked window holds nothing of the data.
async function showSignIn({ upgraded = false } = {}) {
  byId('view').replaceChildren();
  byId('signed-in-as').textContent = '';
  byId('app-shell').hidden = true;
  document.title = t('app.name');
  let session = state.session;
  try {
    session = await api.sessionStatus();
  } catch (err) {
    console.error(err);
  }
  state.session = session;
  // Shown with its form in the same task, so the screen never appears empty.
  showScreen('signin');
  const container = byId('signin');
  if (session && !session.hasSignIns) {
    renderFirstManager(container, { session, upgraded, onSignedIn: signedIn });
  } else {
    renderSignIn(container, { session, onSignedIn: signedIn });
  }
}

async function signedIn(session) {
  state.session = session;
  byId('signin').replaceChildren();
  state.status = await api.appStatus();
  setLanguage(state.status.language);
  await showShell();
  byId('view').focus({ preventScroll: true });
}

/// Locks the window: Rust refuses data commands from now on, and the screen shows nothing.
async function lockNow() {
  if (state.screen !== 'shell') return;
  try {
    await api.lockSession();
  } finally {
    await showSignIn();
  }
}

async function switchUser() {
  try {
    await api.signOut();
  } finally {
    state.session = null;
    await showSignIn();
  }
}

function showFatal(error, dbPath) {
  state.fatal = { error, dbPath };
  showScreen('fatal');
  fillFatal();
}

function fillFatal() {
  const { error, dbPath } = state.fatal;
  document.title = t('app.name');
  byId('fatal-message').textContent = errorText(error?.code);
  byId('fatal-db-path').textContent = dbPath || t('fatal.dbPathUnknown');
  byId('fatal-code').textContent = error?.code || 'unknown';
  byId('fatal-next').textContent = t(nextStepKey(error?.code, hasKey));
  if (error?.code === 'startup.locked') nameLockHolder();
  renderFatalActions(byId('fatal-actions'), { restart: () => window.location.reload(), code: error?.code });
}

// Adds which program holds the data file, when the system says, to the locked screen's advice.
async function nameLockHolder() {
  try {
    const program = await api.databaseLockHolder();
    if (program) byId('fatal-next').textContent = `${lockedMessage(program)} ${t('fatal.next.startup.locked')}`;
  } catch (err) {
    console.error(err);
  }
}

async function showWelcome() {
  showScreen('welcome');
  document.title = t('app.name');
  await welcome.render(byId('welcome'), {
    status: state.status,
    async onDone(status) {
      state.status = status;
      setLanguage(status.language);
      history.replaceState(null, '', `#/${DEFAULT_ROUTE}`);
      // The branch is set up; its manager's sign-in comes next.
      byId('welcome').replaceChildren();
      await showSignIn();
    },
  });
}

async function showShell(route) {
  showScreen('shell');
  // The first-run form is done with; drop it so its ids and inputs are gone for good.
  byId('welcome').replaceChildren();
  fillHeader();
  refreshGroupNav();
  if (route && currentRoute() !== route) history.replaceState(null, '', `#/${route}`);
  await renderRoute();
  const pending = state.pendingMenu;
  state.pendingMenu = null;
  if (pending) handleMenuAction(pending);
}

function fillHeader() {
  const branch = state.status?.branch;
  byId('branch-name').textContent = branch?.name ?? '';
  byId('branch-code').textContent = branch?.code ?? '';
  byId('branch-code').hidden = !branch?.code;
  byId('signed-in-as').textContent = whoLabel(state.session?.account);
}

function currentRoute() {
  const name = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return Object.hasOwn(ROUTES, name) ? name : null;
}

/// Renders the view named by the hash into a fresh container. A render that is overtaken by
/// a newer one keeps writing into its own detached container, so it can never clobber the
/// page the user has moved on to.
async function renderRoute({ toTop = true } = {}) {
  let name = currentRoute();
  if (!name) {
    name = DEFAULT_ROUTE;
    history.replaceState(null, '', `#/${name}`);
  }
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = t('app.titleWithView', { view: t(`nav.${name}`) });
  // A full-window view (the drill runner) hides the header and nav only while it shows.
  byId('app-shell').classList.remove('is-full-window');
  const container = document.createElement('div');
  container.className = `view-root view-${name}`;
  byId('view').replaceChildren(container);
  const focus = state.focusAfterRender;
  state.focusAfterRender = null;
  // A page opens at its top, not where the previous page was scrolled to.
  if (toTop) byId('view').scrollTop = 0;
  try {
    await ROUTES[name].render(container, ctx);
  } catch (err) {
    container.replaceChildren(errorState(err, () => renderRoute()));
  }
  if (focus && byId('view').contains(container)) bringIntoView(focus);
}

/// Language switch: everything static re-translates in place; the current view re-renders,
/// keeping what the user had typed and where the focus was.
async function handleLanguageChange(lang) {
  translateTree(document);
  refreshErrors(document);
  syncMenuLanguage(lang);
  if (state.status) state.status = { ...state.status, language: lang };
  if (state.screen === 'fatal') fillFatal();
  if (state.screen === 'welcome' || state.screen === 'signin') document.title = t('app.name');
  if (state.screen === 'shell') fillHeader();
  if (state.screen !== 'shell') return;
  const view = byId('view');
  const focusedId = view.contains(document.activeElement) ? document.activeElement.id : '';
  const drafts = [...view.querySelectorAll('input[id], textarea[id]')]
    .filter((control) => !['checkbox', 'radio', 'file', 'hidden'].includes(control.type))
    .map((control) => [control.id, control.value]);
  await renderRoute({ toTop: false });
  for (const [id, value] of drafts) {
    const control = byId(id);
    if (control && view.contains(control) && control.value !== value) control.value = value;
  }
  if (focusedId) byId(focusedId)?.focus();
}

function activeRoot() {
  if (state.screen === 'shell') return byId('view');
  if (state.screen === 'welcome') return byId('welcome');
  return null;
}

// Two frames means the first paint has been committed. A hidden window may never run
// animation frames on some webviews, so a short timer stands in for them.
function afterFirstPaint() {
  const frames = new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const fallback = new Promise((resolve) => setTimeout(resolve, 300));
  return Promise.race([frames, fallback]);
}

let windowShown = false;
async function revealWindow() {
  if (windowShown) return;
  windowShown = true;
  await afterFirstPaint();
  try {
    await api.showWindow();
  } catch (err) {
    // Outside the app (a plain browser) there is no window to show.
    console.warn(err);
  }
}

async function boot() {
  setDefaultParams(shortcutParams());
  // Heard before the window shows, so no menu click is missed.
  await api.onMenu({ action: handleMenuAction, failed: toastError }).catch((err) => console.warn(err));
  installDatabaseWait(byId('db-wait'));
  installShortcuts(activeRoot);
  installDateFields();
  installErrorClearing();
  // Follow the OS until the stored choice arrives (also on the fatal screen).
  applyTheme('system');
  installNewCaseShortcut();
  installSearchShortcut(() => state.screen === 'shell' && !isConfirmOpen());
  const openRoute = (route) => {
    if (state.screen === 'shell' && isAppRoute(route)) location.hash = route;
  };
  // Nothing of a reminder shows on the sign-in or locked screen.
  api.onBackendEvent('reminder', (reminder) => {
    if (state.screen === 'shell') showReminderNotice(reminder, openRoute);
  });
  api.onBackendEvent('reminder-open', (reminder) => openRoute(reminder.route));
  installSessionKeys({
    lock: lockNow,
    idleMinutes: () => state.session?.settings?.idleMinutes ?? 10,
    active: () => state.screen === 'shell',
  });
  byId('lock-now').addEventListener('click', lockNow);
  byId('switch-user').addEventListener('click', switchUser);
  api.onAccessLost(() => {
    if (state.screen === 'shell') showSignIn();
  });
  onLanguageChange(handleLanguageChange);
  window.addEventListener('hashchange', async () => {
    if (state.screen !== 'shell') return;
    // A view with unsaved work (the drill runner) may ask the user to stay.
    if (!(await mayLeave())) {
      state.focusAfterRender = null;
      return;
    }
    // A view that placed the focus itself (intake's first field) keeps it.
    renderRoute().then(() => {
      const view = byId('view');
      if (!view.contains(document.activeElement)) view.focus({ preventScroll: true });
    });
  });

  let status;
  try {
    status = await api.appStatus();
  } catch (err) {
    translateTree(document);
    showFatal(err, null);
    return;
  }
  state.status = status;
  applyTheme(status.theme);
  setLanguage(status.language);
  syncMenuLanguage(status.language);
  translateTree(document);
  if (status.startupError) {
    showFatal(status.startupError, status.dbPath);
  } else if (!status.initialized) {
    await showWelcome();
  } else {
    state.session = await api.sessionStatus();
    if (state.session.account && !state.session.locked) {
      const wait = new Promise((resolve) => setTimeout(resolve, FIRST_VIEW_WAIT_MS));
      await Promise.race([showShell(), wait]);
    } else {
      // A database from before sign-ins asks its manager for one; history stays as it was.
      await showSignIn({ upgraded: !state.session.hasSignIns });
    }
  }
}

boot()
  .catch((err) => {
    console.error(err);
    if (state.screen !== 'fatal') showFatal(err, state.status?.dbPath);
  })
  .finally(revealWindow);

