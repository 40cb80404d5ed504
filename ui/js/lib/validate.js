// Client-side hints that mirror the backend's rules, so people see a problem as they type
// instead of after a round trip. The backend stays the authority: these only ever return the
// same error codes it would, and a value they pass may still be refused there.
// Pure: no DOM, importable from node.

/// The longest text most fields accept, counted in characters (not UTF-16 units).
export const MAX_TEXT = 100;
/// Allowed range for "hours to acknowledge" per grade.
export const ACK_HOURS = Object.freeze({ min: 1, max: 720 });
/// Allowed range for "days to resolve" per grade.
export const RESOLVE_DAYS = Object.freeze({ min: 1, max: 365 });
/// The industries the backend knows.
export const INDUSTRIES = Object.freeze(['property', 'hotel', 'postal', 'other']);

const isBlank = (value) => value == null || String(value).trim() === '';

/// `invalid.required` when the value is empty or only spaces.
export function required(value) {
  return isBlank(value) ? 'invalid.required' : null;
}

/// `invalid.too_long` when the text has more than `max` characters.
export function maxLength(value, max = MAX_TEXT) {
  return [...String(value ?? '')].length > max ? 'invalid.too_long' : null;
}

/// `invalid.control_chars` for tabs, newlines and other control characters in one-line text.
export function noControlChars(value) {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(String(value ?? '')) ? 'invalid.control_chars' : null;
}

/// `invalid.branch_code` unless the code is 2–12 ASCII letters or digits.
export function branchCode(value) {
  return /^[A-Za-z0-9]{2,12}$/.test(String(value ?? '').trim()) ? null : 'invalid.branch_code';
}

/// `invalid.phone` for a non-empty value that is not 3–20 digits, spaces, +, -, ( or ).
export function phone(value) {
  if (isBlank(value)) return null;
  return /^[0-9+\-() ]{3,20}$/.test(String(value).trim()) ? null : 'invalid.phone';
}

/// Whether `value` is a calendar date written YYYY-MM-DD that really exists (2024-02-29 yes,
/// 2023-02-29 no).
export function isIsoDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value ?? ''));
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/// Days in `month` (1–12) of `year`, Gregorian rules.
export function daysInMonth(year, month) {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/// `invalid.date` for a non-empty value that is not an existing YYYY-MM-DD date.
export function date(value) {
  if (isBlank(value)) return null;
  return isIsoDate(String(value).trim()) ? null : 'invalid.date';
}

/// `invalid.range` unless the value is a whole number from `min` to `max`.
export function intInRange(value, min, max) {
  const text = String(value ?? '').trim();
  if (!/^-?\d+$/.test(text)) return 'invalid.range';
  const number = Number(text);
  return number >= min && number <= max ? null : 'invalid.range';
}

/// `invalid.industry` for anything but a known industry.
export function industry(value) {
  return INDUSTRIES.includes(value) ? null : 'invalid.industry';
}

/// Runs `rules` (`{field: [check, …]}`) over `values` and returns the first failure of each
/// field as `[{field, code}]`, in rule order. An empty list means "looks fine".
export function check(values, rules) {
  const errors = [];
  for (const [field, checks] of Object.entries(rules)) {
    for (const rule of checks) {
      const code = rule(values[field]);
      if (code) {
        errors.push({ field, code });
        break;
      }
    }
  }
  return errors;
}

const text = (...extra) => [...extra, maxLength, noControlChars];

/// Hints for the branch form (first run and settings).
export function validateBranch(values) {
  return check(values, {
    name: text(required),
    code: [required, branchCode],
    industry: [industry],
    timezone: text(required),
  });
}

/// Hints for the staff form.
export function validateStaff(values) {
  return check(values, {
    name: text(required),
    position: text(),
    department: text(),
    phone: [phone],
    startDate: [date],
  });
}

/// Hints for a category name.
export function validateCategoryName(name) {
  return check({ name }, { name: text(required) });
}

/// Hints for the time limits, `[{grade, acknowledgeHours, resolveDays}]`; fields are named as
/// the backend names them (`limits.<grade>.acknowledgeHours`).
export function validateLimits(limits) {
  const errors = [];
  for (const limit of limits) {
    const prefix = `limits.${limit.grade}.`;
    const ack = required(limit.acknowledgeHours) ?? intInRange(limit.acknowledgeHours, ACK_HOURS.min, ACK_HOURS.max);
    if (ack) errors.push({ field: `${prefix}acknowledgeHours`, code: ack });
    const resolve = required(limit.resolveDays) ?? intInRange(limit.resolveDays, RESOLVE_DAYS.min, RESOLVE_DAYS.max);
    if (resolve) errors.push({ field: `${prefix}resolveDays`, code: resolve });
  }
  return errors;
}
