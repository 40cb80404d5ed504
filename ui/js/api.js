// The only module that talks to the Rust backend. One async function per Tauri command;
// argument keys are camelCase as Tauri expects. Every failure becomes an ApiError whose
// `code` the views branch on and translate (`error.<code>`).

/// A refused or failed backend call: `code` is stable (e.g. `invalid.required`, `in_use`),
/// `field` names the input it concerns (or is null), `message` is English detail for logs.
export class ApiError extends Error {
  constructor(code, message, field = null) {
    super(message || code);
    this.name = 'ApiError';
    this.code = code;
    this.field = field ?? null;
  }
}

/// Turns whatever `invoke` rejected with into an ApiError. The backend sends
/// `{code, message, field}`; Tauri itself rejects with a plain string for a missing command
/// or a denied permission, which we report as `internal`.
export function toApiError(raw) {
  if (raw instanceof ApiError) return raw;
  if (raw && typeof raw === 'object' && typeof raw.code === 'string') {
    return new ApiError(raw.code, raw.message, raw.field);
  }
  const detail = raw && typeof raw === 'object' && 'message' in raw ? raw.message : raw;
  return new ApiError('internal', String(detail ?? ''), null);
}

async function call(command, args) {
  const invoke = globalThis.window?.__TAURI__?.core?.invoke ?? globalThis.__TAURI__?.core?.invoke;
  if (typeof invoke !== 'function') {
    // Opened outside the app window (e.g. in a plain browser): nothing to talk to.
    throw new ApiError('internal', 'the Tauri bridge is not available', null);
  }
  try {
    return await invoke(command, args);
  } catch (raw) {
    throw toApiError(raw);
  }
}

const emptyToNull = (value) => {
  if (value == null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
};
const trimmed = (value) => String(value ?? '').trim();

/// Shapes staff form values for the backend: optional phone and start date go as null when empty.
export function staffInput(values) {
  return {
    name: trimmed(values.name),
    position: trimmed(values.position),
    department: trimmed(values.department),
    phone: emptyToNull(values.phone),
    startDate: emptyToNull(values.startDate),
  };
}

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

/// Staff, current ones only unless `includeInactive`.
export const listStaff = (includeInactive = false) => call('list_staff', { includeInactive: Boolean(includeInactive) });
/// Adds a staff member; resolves to the stored record.
export const addStaff = (values) => call('add_staff', { input: staffInput(values) });
/// Updates a staff member; resolves to the stored record.
export const updateStaff = (id, values) => call('update_staff', { id, input: staffInput(values) });
/// Marks a staff member as current (true) or former (false).
export const setStaffActive = (id, active) => call('set_staff_active', { id, active: Boolean(active) });

/// Opens the folder holding the database file in the system file manager.
export const revealDatabase = () => call('reveal_database');
/// Shows the main window, which starts hidden to avoid a white flash.
export const showWindow = () => call('show_window');
