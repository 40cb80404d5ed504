// The one place that talks to the Rust backend: `call` sends a Tauri command and turns every
// failure into an ApiError whose `code` the views branch on and translate (`error.<code>`).
// The area modules beside this one (cases.js, training.js, …) hold one function per command.

import { watched, sendAgain } from '../api-wait.js';

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

export { WAIT_NOTICE_MS, onDatabaseWait, setLockedHandler } from '../api-wait.js';

/// Sends `command` with `args` to the backend; asks again when the database is busy, as
/// api-wait.js decides.
export async function call(command, args) {
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

// Shapes shared by the area modules.
export const emptyToNull = (value) => {
  if (value == null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
};
export const trimmed = (value) => String(value ?? '').trim();

// A select's value is text; the backend wants a positive id or null.
export function toId(value) {
  if (value == null || value === '') return null;
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
}

// A whole number typed into a field, or null when blank. Anything else also goes as null:
// the form's own check has already refused it, and the backend defaults a missing count.
export function toInt(value) {
  if (value == null || String(value).trim() === '') return null;
  const number = Number(String(value).trim());
  return Number.isInteger(number) ? number : null;
}

// Multi-line text keeps its inner line breaks; only the ends are trimmed.
export const multiline = (value) => String(value ?? '').trim();
export const optionalMultiline = (value) => (multiline(value) === '' ? null : multiline(value));

export const orNull = (value) => (value == null || value === '' ? null : value);
