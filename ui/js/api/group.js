// Group mode: the head-office server and syncing.

import { call } from './core.js';

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

// Head office: this computer reads every branch from the server with an office login.

/// Whether this computer is head office (the nav then shows "Group").
export const groupMode = () => call('group_mode');
/// Settings › Group, head office: `{server, passwordSaved}`.
export const officeSettings = () => call('office_settings');
/// Makes this computer head office for `server` (empty: a branch again); a non-empty password
/// is kept in a file only this user can read.
export const saveOfficeSettings = (server, password) => call('save_office_settings', { server, password });
/// Connects as head office; resolves to how many branches have sent their records.
export const testOfficeConnection = () => call('test_office_connection');
/// Every branch's figures for `month` (`YYYY-MM`, or null for the last complete month):
/// `{month, computedAt, branches: [{code, name, kpis, ranks, lastReceived, stale}]}`.
export const groupDashboard = (month, lang) => call('group_dashboard', { month: month ?? null, lang });
/// A page of branch `code`'s cases received in `month`, names masked:
/// `{code, name, month, page: {rows, total, …}, categories}`.
export const groupBranchCases = (code, month, page = 0) => call('group_branch_cases', { code, month, page });
/// Branch `code`'s case `id`, read-only and masked: `{code, masked, canShowPersonal, fields,
/// status, deadline, acknowledgeOverdue, timeline, audit, attachments}`.
export const groupCase = (code, id) => call('group_case', { code, id });
/// The same with names, phones and references shown (managers; each time recorded).
export const groupCasePersonal = (code, id) => call('group_case_personal', { code, id });
/// Writes the group workbook of `month` to `path`; resolves to the branch codes, ranked.
/// Progress arrives as `group-export-progress` events `{stage, branches}`.
export const exportGroupWorkbook = ({ month, lang, path }) => call('export_group_workbook', { month, lang, path });
