// Staff records.

import { call, emptyToNull, trimmed } from './core.js';

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


/// Staff, current ones only unless `includeInactive`.
export const listStaff = (includeInactive = false) => call('list_staff', { includeInactive: Boolean(includeInactive) });
/// Adds a staff member; resolves to the stored record.
export const addStaff = (values) => call('add_staff', { input: staffInput(values) });
/// Updates a staff member; resolves to the stored record.
export const updateStaff = (id, values) => call('update_staff', { id, input: staffInput(values) });
/// Marks a staff member as current (true) or former (false).
export const setStaffActive = (id, active) => call('set_staff_active', { id, active: Boolean(active) });
