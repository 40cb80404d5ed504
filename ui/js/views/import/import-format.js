// Pure helpers of the import wizard (no DOM, so node --test can load them): the fields a
// column can fill, and the texts for a row's field and problem.

import { t, hasKey } from '../../i18n/index.js';
import { errorText } from '../../lib/form.js';

/// The case fields, in the order the wizard lists them (the backend's codes).
export const FIELDS = Object.freeze([
  'received_at', 'description', 'complainant_name', 'phone', 'reference', 'category', 'channel',
  'customer_type', 'customer_request', 'status', 'closed_at', 'action_taken', 'original_number',
]);

/// The fields every import needs a column for.
export const REQUIRED = Object.freeze(['received_at', 'description']);

/// How many problems the check step lists; the rest are counted.
export const SHOWN_PROBLEMS = 500;

/// A field's name as the wizard shows it.
export function fieldText(field) {
  return hasKey(`import.field.${field}`) ? t(`import.field.${field}`) : String(field);
}

/// A row problem's reason: the import's own wording where it has one (a date out of range is
/// not "a number"), else the general text for that code.
export function reasonText(code) {
  return hasKey(`import.reason.${code}`) ? t(`import.reason.${code}`) : errorText(code);
}

/// The required fields without a column in `mapping`.
export function missingFields(mapping) {
  return REQUIRED.filter((field) => !mapping?.[field]);
}
