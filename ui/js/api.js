// The only way the views talk to the Rust backend, one module per area the way the
// dictionaries are (api/cases.js, api/training.js, …); this file gathers them so a view
// imports `* as api` from one place. api/core.js sends the calls and shapes the errors.

export { ApiError, toApiError, onAccessLost, WAIT_NOTICE_MS, onDatabaseWait, setLockedHandler } from './api/core.js';
export * from './api/app.js';
export * from './api/staff.js';
export * from './api/access.js';
export * from './api/cases.js';
export * from './api/casework.js';
export * from './api/customers.js';
export * from './api/reports.js';
export * from './api/group.js';
export * from './api/import.js';
export * from './api/prevention.js';
export * from './api/training.js';
export * from './api/lessons.js';
export * from './api/surveys.js';
