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
