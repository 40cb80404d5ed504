// Sign-in and roles.

import { call, trimmed, toId } from './core.js';

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
