// Customer records: the Customers list, a customer's page, the customer of a case, and the
// changes a manager makes (key-customer flag, merge).

import { call, emptyToNull, optionalMultiline, toId, trimmed } from './core.js';

/// One page of the Customers list: `{total, rows, upgrade}`; `search` finds Chinese too.
export const listCustomers = ({ search = '', keyOnly = false, offset = 0, limit = 50 } = {}) =>
  call('list_customers', { query: { search: emptyToNull(search), keyOnly: Boolean(keyOnly), offset, limit } });
/// A customer's page: details, notes, every case, audit.
export const getCustomer = (id) => call('get_customer', { id: toId(id) });
/// The customer a case is linked to, or null.
export const caseCustomer = (caseId) => call('case_customer', { caseId: toId(caseId) });
/// Saves name, type and notes; resolves to the updated page.
export const updateCustomer = (id, values) => call('update_customer', {
  id: toId(id),
  edit: { name: emptyToNull(values.name), customerType: trimmed(values.customerType) || 'unknown', notes: optionalMultiline(values.notes) },
});
/// Sets or clears the key-customer flag (a reason is required to set it).
export const setKeyCustomer = (id, keyCustomer, reason) => call('set_key_customer', {
  id: toId(id),
  flag: { keyCustomer: Boolean(keyCustomer), reason: optionalMultiline(reason) },
});
/// Merges record `merged` into record `kept`: `{kept, merged, casesMoved}`.
export const mergeCustomers = (kept, merged) => call('merge_customers', { kept: toId(kept), merged: toId(merged) });
