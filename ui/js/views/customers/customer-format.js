// Small pieces the customer screens share, and the rules for showing audit lines.

import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';

/// The "key customer" badge, with the reason as its tooltip, or null.
export function keyBadge(customer) {
  if (!customer?.keyCustomer) return null;
  return el('span', { class: 'customer-key-badge', title: customer.keyReason ?? '', i18n: 'customer.keyShort' });
}

/// What an audit line of a customer says, in the current language.
export function auditText(line) {
  const field = line.field;
  const known = ['created', 'name', 'customer_type', 'notes', 'key_customer', 'phone', 'reference', 'case', 'merged_from', 'merged_into'];
  const label = known.includes(field) ? t(`customerAudit.${field}`) : field;
  const show = (value) => {
    if (value == null || value === '') return '—';
    if (field === 'customer_type') return t(`customerType.${value}`);
    if (field === 'key_customer' && (value === 'no' || value === 'yes')) return t(`customerAudit.flag.${value}`);
    return value;
  };
  if (field === 'merged_from' || field === 'merged_into') {
    return t(`customerAudit.${field}Text`, { merged: line.oldValue ?? '', kept: line.newValue ?? '' });
  }
  if (line.oldValue == null) return `${label}: ${show(line.newValue)}`;
  return `${label}: ${show(line.oldValue)} → ${show(line.newValue)}`;
}
