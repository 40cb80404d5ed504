// The app itself: start-up state, branch and language, menu and backend events, categories,
// time limits, files the app wrote, backups, the log and the window.

import { call, toApiError, trimmed } from './core.js';

/// The app's state at start: `{initialized, branch, language, dbPath, osTimezone,
/// schemaVersion, sqliteVersion, startupError}`.
export const appStatus = () => call('app_status');

/// First-run setup; resolves to the new AppStatus.
export const setupBranch = ({ name, code, industry, timezone, language }) =>
  call('setup_branch', { input: { name: trimmed(name), code: trimmed(code).toUpperCase(), industry, timezone: trimmed(timezone), language } });

/// Saves the branch details; resolves to the Branch.
export const updateBranch = ({ name, code, industry, timezone }) =>
  call('update_branch', { input: { name: trimmed(name), code: trimmed(code).toUpperCase(), industry, timezone: trimmed(timezone) } });

/// Stores the UI language (`zh-CN` or `en`).
export const setLanguage = (language) => call('set_language', { language });
export const setTheme = (theme) => call('set_theme', { theme });
export const reminderSettings = () => call('reminder_settings');
export const setReminderSettings = (settings) => call('set_reminder_settings', { settings });

/// Calls `callback(payload)` for each backend event `name` (`reminder`, `reminder-open`);
/// outside the app (a plain browser) there are none.
export function onBackendEvent(name, callback) {
  const listen = globalThis.window?.__TAURI__?.event?.listen;
  if (typeof listen !== 'function') return;
  listen(name, (event) => callback(event.payload)).catch((err) => console.warn(err));
}

/// Rebuilds the native menu in the language the UI shows (`zh-CN` or `en`).
export const setMenuLanguage = (language) => call('set_menu_language', { language });

/// Hears the native menu: `action(id)` for an item the window carries out, `failed(err)` (an
/// ApiError) when one the backend carries out could not be done. Resolves to whether the
/// events can be heard at all (not outside the app).
export async function onMenu({ action, failed }) {
  const listen = globalThis.window?.__TAURI__?.event?.listen;
  if (typeof listen !== 'function') return false;
  await Promise.all([
    listen('menu-action', (event) => action(String(event.payload))),
    listen('menu-failed', (event) => failed(toApiError(event.payload))),
  ]);
  return true;
}

let timezones = null;
/// IANA time-zone names. The list never changes while the app runs, so it is fetched once.
export function listTimezones() {
  timezones ??= call('list_timezones').catch((err) => {
    timezones = null;
    throw err;
  });
  return timezones;
}

/// Complaint categories in display order.
export const listCategories = () => call('list_categories');
/// Adds a category at the end; resolves to it.
export const addCategory = (name) => call('add_category', { name: trimmed(name) });
/// Renames a category; resolves to it.
export const renameCategory = (id, name) => call('rename_category', { id, name: trimmed(name) });
/// Moves a category up (-1) or down (1); resolves to the whole reordered list.
export const moveCategory = (id, offset) => call('move_category', { id, offset });
/// Hides or shows a category; resolves to it.
export const setCategoryHidden = (id, hidden) => call('set_category_hidden', { id, hidden });
/// Deletes a category; rejects with `in_use` when cases still use it.
export const deleteCategory = (id) => call('delete_category', { id });

/// Time limits per grade, `[{grade, acknowledgeHours, resolveDays}]`.
export const getTimeLimits = () => call('get_time_limits');
/// Saves all time limits; resolves to the stored list.
export const updateTimeLimits = (limits) =>
  call('update_time_limits', {
    limits: limits.map(({ grade, acknowledgeHours, resolveDays }) => ({
      grade: Number(grade),
      acknowledgeHours: Number(acknowledgeHours),
      resolveDays: Number(resolveDays),
    })),
  });


/// Opens a file the app wrote (an export) in the system's default program.
export const openPath = (path) => call('open_path', { path });
/// Shows a file the app wrote in the system file manager.
export const revealPath = (path) => call('reveal_path', { path });

const xlsxFilter = (name) => [{ name, extensions: ['xlsx'] }];

/// The native "save as" dialog for an .xlsx file; resolves to the chosen path, or null when
/// the user cancels. `filterName` is the file type's name shown in the dialog.
export async function chooseSavePath({ defaultPath, filterName }) {
  const path = await call('plugin:dialog|save', { options: { defaultPath, filters: xlsxFilter(filterName) } });
  return path || null;
}

/// The native "open" dialog for one or more .xlsx files; resolves to the chosen paths
/// (empty when the user cancels).
export async function chooseXlsxFiles({ filterName }) {
  const chosen = await call('plugin:dialog|open', { options: { multiple: true, directory: false, filters: xlsxFilter(filterName) } });
  if (chosen == null) return [];
  return (Array.isArray(chosen) ? chosen : [chosen]).filter(Boolean);
}

/// Opens the folder holding the database file in the system file manager.
export const revealDatabase = () => call('reveal_database');
/// The backups beside the database, how many are kept, and their folder.
export const backupOverview = () => call('backup_overview');
/// Makes a backup now.
export const backUpNow = () => call('back_up_now');
/// Sets how many backups are kept (1–365); older ones are deleted.
export const setBackupKeep = (keep) => call('set_backup_keep', { keep });
/// Restores a listed backup (by its path); resolves to true once restored.
export const restoreBackup = (path) => call('restore_backup', { path });
/// Lets the user pick any backup file (the backend opens the dialog) and restores it; false if cancelled.
export const restoreBackupFromFile = () => call('restore_backup_from_file');
/// Opens the backups folder in the system file manager.
export const revealBackups = () => call('reveal_backups');
/// The version and the log's location: `{version, logFolder, logFile}` (logFile null before
/// anything was logged).
export const about = () => call('about');
/// Shows the log file in the system file manager.
export const revealLog = () => call('reveal_log');
/// The name of the program holding the data file locked, when the system says; else null.
export const databaseLockHolder = () => call('database_lock_holder');
/// Opens the data file again (the start-up screen's "Try again").
export const retryOpen = () => call('retry_open');
/// Lets the user pick another data file (the backend opens the dialog); false if cancelled.
export const openOtherDatabase = () => call('open_other_database');
/// Closes the app.
export const quitApp = () => call('quit_app');

/// Shows the main window, which starts hidden to avoid a white flash.
export const showWindow = () => call('show_window');
