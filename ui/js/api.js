// The only module that talks to the Rust backend. One async function per Tauri command;
// argument keys are camelCase as Tauri expects. Every failure becomes an ApiError whose
// `code` the views branch on and translate (`error.<code>`).

import { watched, sendAgain } from './api-wait.js';

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

export { WAIT_NOTICE_MS, onDatabaseWait, setLockedHandler } from './api-wait.js';

async function call(command, args) {
  const invoke = globalThis.window?.__TAURI__?.core?.invoke ?? globalThis.__TAURI__?.core?.invoke;
  if (typeof invoke !== 'function') {
    // Opened outside the app window (e.g. in a plain browser): nothing to talk to.
    throw new ApiError('internal', 'the Tauri bridge is not available', null);
  }
  for (;;) {
    let err;
    try {
      return await watched(command, () => invoke(command, args));
    } catch (raw) {
      err = toApiError(raw);
    }
    if (!(await sendAgain(err))) {
      // Locked (by hand, or idle in Rust's eyes) or signed out: the shell shows the sign-in.
      if (err.code === 'access.locked' || err.code === 'access.signed_out') accessLost?.(err.code);
      throw err;
    }
  }
}

let accessLost = null;
/// Sets what runs when a call is refused because the window is locked or nobody is signed in.
export function onAccessLost(handler) {
  accessLost = handler;
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

/// Staff, current ones only unless `includeInactive`.
export const listStaff = (includeInactive = false) => call('list_staff', { includeInactive: Boolean(includeInactive) });
/// Adds a staff member; resolves to the stored record.
export const addStaff = (values) => call('add_staff', { input: staffInput(values) });
/// Updates a staff member; resolves to the stored record.
export const updateStaff = (id, values) => call('update_staff', { id, input: staffInput(values) });
/// Marks a staff member as current (true) or former (false).
export const setStaffActive = (id, active) => call('set_staff_active', { id, active: Boolean(active) });

/// Records who is working at this computer (`null` for nobody); changes to cases are
/// recorded in that person's name.

// ---- sign-in and roles ----
export const sessionStatus = () => call('session_status');
export const signIn = (username, secret) => call('sign_in', { username: trimmed(username), secret: String(secret ?? '') });
export const createFirstManager = (input) => call('create_first_manager', {
  input: { staffId: toId(input.staffId), name: trimmed(input.name), username: trimmed(input.username), secret: String(input.secret ?? '') },
});
export const recoverSignIn = (input) => call('recover_sign_in', {
  input: { code: trimmed(input.code), username: trimmed(input.username), secret: String(input.secret ?? '') },
});
export const lockSession = () => call('lock_session');
export const signOut = () => call('sign_out');
export const getSignInSettings = () => call('get_sign_in_settings');
export const updateSignInSettings = (settings) => call('update_sign_in_settings', { settings });
export const listSignIns = () => call('list_sign_ins');
export const createSignIn = (input) => call('create_sign_in', {
  input: { staffId: toId(input.staffId), username: trimmed(input.username), role: input.role, secret: String(input.secret ?? '') },
});
export const resetSignIn = (staffId, secret) => call('reset_sign_in', { staffId: toId(staffId), secret: String(secret ?? '') });
export const setSignInRole = (staffId, role) => call('set_sign_in_role', { staffId: toId(staffId), role });

// ---------- Complaint cases ----------

// A select's value is text; the backend wants a positive id or null.
function toId(value) {
  if (value == null || value === '') return null;
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
}

// A whole number typed into a field, or null when blank. Anything else also goes as null:
// the form's own check has already refused it, and the backend defaults a missing count.
function toInt(value) {
  if (value == null || String(value).trim() === '') return null;
  const number = Number(String(value).trim());
  return Number.isInteger(number) ? number : null;
}

// Multi-line text keeps its inner line breaks; only the ends are trimmed.
const multiline = (value) => String(value ?? '').trim();
const optionalMultiline = (value) => (multiline(value) === '' ? null : multiline(value));

/// Shapes the intake form's values (`readForm` output) into the backend's CaseInput.
export function caseInput(values) {
  return {
    receivedAt: emptyToNull(values.receivedAt),
    channel: trimmed(values.channel),
    complainantName: emptyToNull(values.complainantName),
    phone: emptyToNull(values.phone),
    reference: emptyToNull(values.reference),
    customerType: trimmed(values.customerType) || 'unknown',
    // 0 is no category: the backend answers `invalid.required` on categoryId.
    categoryId: toId(values.categoryId) ?? 0,
    description: multiline(values.description),
    customerRequest: optionalMultiline(values.customerRequest),
    takenById: toId(values.takenById),
    assigneeId: toId(values.assigneeId),
    department: emptyToNull(values.department),
    mediaExposureRisk: Boolean(values.mediaExposureRisk),
    lawsuitRisk: Boolean(values.lawsuitRisk),
    households: toInt(values.households),
    needsOtherDepartments: Boolean(values.needsOtherDepartments),
    grade: toId(values.grade),
    gradeReason: optionalMultiline(values.gradeReason),
  };
}

/// Shapes a status change: `resolution` and `followUp` are sent only when given;
/// `escalationReason` says why a crisis closes with crisis steps not done.
export function statusChange({ to, reason, resolution, followUp, escalationReason }) {
  return {
    to,
    reason: optionalMultiline(reason),
    escalationReason: optionalMultiline(escalationReason),
    resolution: resolution ? {
      actionTaken: multiline(resolution.actionTaken),
      customerAccepted: Boolean(resolution.customerAccepted),
      goodwill: emptyToNull(resolution.goodwill),
      rootCause: trimmed(resolution.rootCause),
    } : null,
    followUp: followUp ? {
      unreachable: Boolean(followUp.unreachable),
      unreachableNote: optionalMultiline(followUp.unreachableNote),
      calledOn: emptyToNull(followUp.calledOn),
      satisfaction: toInt(followUp.satisfaction),
      comment: optionalMultiline(followUp.comment),
    } : null,
  };
}

/// The grade the rules suggest for an unsaved complaint and likely duplicates:
/// `{suggestion: {grade, fired, customerCase?}, likelyDuplicates: [CaseRow + {matchedBy, sameCategory}]}`.
export const checkCaseIntake = (values) => call('check_case_intake', { input: caseInput(values) });
/// Records a new complaint; resolves to its CaseDetail.
export const createCase = (values) => call('create_case', { input: caseInput(values) });
/// One page of the case list: `{rows, total, statusCounts, page, pageSize}`.
export const listCases = (query) => call('list_cases', { query });
/// The dashboard figures `{open, overdue, dueToday, crisis}`.
export const caseCounts = () => call('case_counts');
/// Everything the case page shows.
export const getCase = (id) => call('get_case', { id });
/// Saves edited intake fields (the received time and the grade are not changed here).
export const updateCase = (id, values) => call('update_case', { id, input: caseInput(values) });
/// Moves a case to another status; see statusChange() for the shape.
export const changeCaseStatus = (id, change) => call('change_case_status', { id, change: statusChange(change) });
/// Sets the grade; going below the suggestion needs a reason.
export const setCaseGrade = (id, grade, reason) => call('set_case_grade', { id, grade: Number(grade), reason: optionalMultiline(reason) });
/// Stops the resolve clock while the case waits on the customer.
export const pauseCase = (id, reason) => call('pause_case', { id, reason: multiline(reason) });
/// Restarts the resolve clock.
export const resumeCase = (id) => call('resume_case', { id });
/// Adds a note, call or visit to the timeline.
export const addCaseEntry = (id, kind, body) => call('add_case_entry', { id, kind, body: multiline(body) });
/// Ticks an item of the crisis checklist.
export const tickCaseEscalation = (id, item) => call('tick_case_escalation', { id, item });
/// Lets the user pick a photo or PDF (the backend opens the file dialog) and attaches it.
export const addCaseAttachment = (id) => call('add_case_attachment', { id });
/// Opens an attachment in the system's viewer.
export const openCaseAttachment = (attachmentId) => call('open_case_attachment', { attachmentId });
/// Opens the system print dialog for the page shown (print, or save as PDF).
export const printPage = () => call('print_page');

// ---------- Monthly reports, export and roll-up ----------

/// A month's figures for this branch (`month` is `YYYY-MM`): `{branch, month, computedAt, kpis,
/// breakdowns, trend}` as in src-tauri/src/stats/report.rs.
export const monthlyReport = (month) => call('monthly_report', { month });

const glossaries = new Map();
/// Every figure's name and definition in `lang`, `[{key, name, definition}]`: the same words
/// the workbook uses. Fixed while the app runs, so each language is fetched once.
export function reportGlossary(lang) {
  if (!glossaries.has(lang)) {
    glossaries.set(lang, call('report_glossary', { lang }).catch((err) => {
      glossaries.delete(lang);
      throw err;
    }));
  }
  return glossaries.get(lang);
}

/// Writes the month's workbook to `path`; resolves to `{path}`. Names and phone numbers are
/// masked unless `includePersonalData`.
export const exportMonth = ({ month, lang, includePersonalData, maskDescriptions, path }) =>
  call('export_month', {
    month, lang, includePersonalData: Boolean(includePersonalData),
    // Unset: the backend masks descriptions exactly when names and phones are masked.
    maskDescriptions: maskDescriptions === undefined ? null : Boolean(maskDescriptions), path,
  });

/// Combines branch workbooks of one month into a group workbook at `out`; resolves to
/// `{out, month, branches: [{code, name}]}`. Refusals name the file in `field`.
export const rollupFiles = ({ paths, out, lang }) => call('rollup_files', { paths: [...paths], out, lang });

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
/// Settings › Group: the server address (no password), interval, last sync, pending changes.
export const groupOverview = () => call('group_overview');
/// Keeps the server address (its password removed) and the automatic interval (0 is off).
export const saveGroupSettings = (server, intervalMinutes) => call('save_group_settings', { server, intervalMinutes });
/// Keeps the server password in a file only this user can read; empty removes it.
export const saveGroupPassword = (password) => call('save_group_password', { password });
/// Connects and checks the schema and the role; resolves to the branch code.
export const testGroupConnection = () => call('test_group_connection');
/// Sends the pending changes and takes head office's publications now.
export const syncGroupNow = () => call('sync_group_now');
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

// ---------- Importing a complaint log ----------

/// Lets the user pick a spreadsheet (the backend opens the file dialog) and opens it:
/// `{token, preview: {fileName, headers, rows, rowCount, sheets, sheet, encoding}, mapping,
/// remembered, complete}`, or null when cancelled. `token` names the file from then on.
export const importPickFile = () => call('import_pick_file');
/// Opens another sheet of a picked workbook; same shape as importPickFile.
export const importPreview = (token, sheet) => call('import_preview', { token, sheet: emptyToNull(sheet) });

/// Shapes the wizard's choices: a mapping `{field: column name}` without unchosen fields, and
/// the options for the whole file.
export function importChoices(mapping, { sheet, unknownCategoryToOther } = {}) {
  const chosen = Object.fromEntries(Object.entries(mapping ?? {}).filter(([, column]) => column != null && column !== ''));
  return { mapping: chosen, options: { sheet: emptyToNull(sheet), unknownCategoryToOther: Boolean(unknownCategoryToOther) } };
}
/// Checks every row of the picked file: `{rows, ready, closed, badRows, problems: [{row, field, code}], unknownCategories}`.
export const importDryRun = (token, mapping, options) => call('import_dry_run', { token, ...importChoices(mapping, options) });
/// Imports every row, or none when any row has a problem: `{imported, report}`.
export const importRun = (token, mapping, options) => call('import_run', { token, ...importChoices(mapping, options) });

// ---------- Prevention ----------

/// Shapes a plan form: ids and whole numbers as numbers (or null), blank dates and cause as null.
export function planInput(values) {
  return {
    title: trimmed(values.title),
    categoryId: toId(values.categoryId),
    rootCause: emptyToNull(values.rootCause),
    goalPercent: toInt(values.goalPercent),
    goalDays: toInt(values.goalDays),
    ownerId: toId(values.ownerId),
    startDate: emptyToNull(values.startDate),
    reviewDate: emptyToNull(values.reviewDate),
    notes: multiline(values.notes),
    parentId: toId(values.parentId),
  };
}

/// Shapes a measure form. The training links stay null until the training area wires a picker.
export function measureInput(values) {
  return {
    description: multiline(values.description),
    kind: trimmed(values.kind),
    ownerId: toId(values.ownerId),
    dueDate: emptyToNull(values.dueDate),
    evidence: optionalMultiline(values.evidence),
    trainingModuleId: toId(values.trainingModuleId),
    drillScenarioId: toId(values.drillScenarioId),
  };
}

/// Shapes an emergency plan form.
export function emergencyInput(values) {
  return {
    title: trimmed(values.title),
    scenario: multiline(values.scenario),
    contacts: multiline(values.contacts),
    steps: multiline(values.steps),
    spokespersonId: toId(values.spokespersonId),
    mediaNote: multiline(values.mediaNote),
    drillEveryDays: toInt(values.drillEveryDays),
  };
}

/// Top categories, root causes and hot spots of the last 3 complete months.
export const preventionAnalysis = () => call('prevention_analysis');
/// Active and draft plan counts and the overdue measures, for the dashboard.
export const preventionOverview = () => call('prevention_overview');
/// Every plan with its measures' progress.
export const listPlans = () => call('list_plans');
/// One plan's page: `{plan, measures, cases, history, followOns, effect, today}`.
export const getPlan = (id) => call('get_plan', { id });
/// Writes a new plan (a draft); resolves to its page. So do all the plan changes below.
export const createPlan = (values) => call('create_plan', { input: planInput(values) });
export const updatePlan = (id, values) => call('update_plan', { id, input: planInput(values) });
/// Moves a plan's phase `forward` or `back`.
export const movePlanPhase = (id, direction) => call('move_plan_phase', { id, direction });
/// Starts (`active`) or cancels (`cancelled`) a plan.
export const setPlanStatus = (id, status) => call('set_plan_status', { id, status });
/// Records the evaluation and closes the plan.
export const recordPlanEvaluation = (id, { conclusion, nextStep }) =>
  call('record_plan_evaluation', { id, input: { conclusion: trimmed(conclusion), nextStep: multiline(nextStep) } });
export const addMeasure = (planId, values) => call('add_measure', { planId, input: measureInput(values) });
export const updateMeasure = (id, values) => call('update_measure', { id, input: measureInput(values) });
/// Moves a measure on: `{status, doneOn, evidence}`.
export const setMeasureStatus = (id, { status, doneOn, evidence }) =>
  call('set_measure_status', { id, change: { status, doneOn: emptyToNull(doneOn), evidence: optionalMultiline(evidence) } });
/// Attaches a case to a plan, by id (case page) or by number (plan page).
export const attachPlanCase = (planId, { caseId = null, caseNumber = null }) =>
  call('attach_plan_case', { planId, case: { caseId: toId(caseId), caseNumber: emptyToNull(caseNumber) } });
export const detachPlanCase = (planId, caseId) => call('detach_plan_case', { planId, caseId });
/// The plans a case page shows: `[{id, title, phase, status, attached}]`.
export const plansForCase = (caseId) => call('plans_for_case', { caseId });
/// Every emergency plan with its drills; saving a plan or logging a drill resolves to the same.
export const listEmergencyPlans = () => call('list_emergency_plans');
export const saveEmergencyPlan = (id, values) => call('save_emergency_plan', { id: toId(id), input: emergencyInput(values) });
export const logEmergencyDrill = (planId, { heldOn, participants, findings }) =>
  call('log_emergency_drill', { planId, input: { heldOn: emptyToNull(heldOn), participants: multiline(participants), findings: multiline(findings) } });

/// Shows the main window, which starts hidden to avoid a white flash.
export const showWindow = () => call('show_window');

// ---- training ----
const orNull = (value) => (value == null || value === '' ? null : value);
/// The curriculum: modules in their current version, with items and assignments.
export const listTrainingModules = (includeRetired = false) => call('list_training_modules', { includeRetired });
/// Adds (`id` null) or edits a module: `{title, refresherMonths, items: [{lineageId, text}]}`.
export const saveTrainingModule = (id, { title, refresherMonths, items }) => call('save_training_module', {
  id: orNull(id),
  input: {
    title: String(title ?? '').trim(),
    refresherMonths: orNull(refresherMonths) == null ? null : Number(refresherMonths),
    items: items.map((item) => ({ lineageId: orNull(item.lineageId) == null ? null : Number(item.lineageId), text: String(item.text ?? '').trim() })),
  },
});
/// Moves a module up (-1) or down (+1) in the curriculum.
export const moveTrainingModule = (id, offset) => call('move_training_module', { id, offset });
/// Retires a module or brings it back.
export const setTrainingModuleRetired = (id, retired) => call('set_training_module_retired', { id, retired });
/// Assigns a module to one person (`staffId`) or a position.
export const assignTrainingModule = (moduleId, { staffId = null, position = null }) => call('assign_training_module', {
  input: { moduleId, staffId: orNull(staffId) == null ? null : Number(staffId), position: orNull(position?.trim?.() ?? position) },
});
/// Withdraws an assignment made by mistake (`reason` required); it stays on record.
export const unassignTraining = (id, reason) => call('unassign_training', { id, reason });
/// Signs items off for a person: `{staffId, itemIds, signedOn, trainerId}`.
export const signOffTraining = ({ staffId, itemIds, signedOn, trainerId }) => call('sign_off_training', {
  input: { staffId, itemIds: itemIds.map(Number), signedOn, trainerId: orNull(trainerId) == null ? null : Number(trainerId) },
});
/// Withdraws a sign-off recorded by mistake (`reason` required); it stays in the history.
export const withdrawTrainingSignOff = (id, reason) => call('withdraw_training_sign_off', { id, reason });
/// The training matrix, filtered by department, position and cell state.
export const trainingMatrix = ({ department = null, position = null, status = null } = {}) => call('training_matrix', {
  filter: { department: orNull(department), position: orNull(position), status: orNull(status) },
});
/// A person's training page.
export const trainingPerson = (staffId) => call('training_person', { staffId });
/// The scenario library.
export const listDrillScenarios = (includeRetired = false) => call('list_drill_scenarios', { includeRetired });
/// Adds (`id` null) or edits a scenario.
export const saveDrillScenario = (id, input) => call('save_drill_scenario', { id: orNull(id), input });
/// Retires a scenario or brings it back.
export const setDrillScenarioRetired = (id, retired) => call('set_drill_scenario_retired', { id, retired });
/// Saves a drill: scenario, trainees, observer, actor, seconds, scores `[{step, score, note}]`, comments.
export const saveDrill = (input) => call('save_drill', { input });
/// The team's progress and the dashboard tile's figures.
export const trainingProgress = () => call('training_progress');
/// The drill a case suggests when its handling went wrong, or null.
export const caseDrillSuggestion = (caseId) => call('case_drill_suggestion', { caseId });
/// Writes the training workbook to `path` in `lang`.
export const exportTraining = ({ lang, path }) => call('export_training', { lang, path });
