// Customers: the list (#/customers) and one customer (#/customers/<id>). This module only
// picks the screen from the hash.

import { renderCustomerList } from './customers-list.js';
import { renderCustomerPage } from './customer-page.js';

/// The customer id a hash names, or null for the list.
export function customerIdFromHash(hash) {
  const match = /^#\/customers\/(\d+)(?:[/?]|$)/.exec(String(hash ?? ''));
  return match ? Number(match[1]) : null;
}

/// Renders whichever customer screen the hash names.
export function render(container, ctx) {
  const id = customerIdFromHash(location.hash);
  if (id) return renderCustomerPage(container, ctx, id);
  return renderCustomerList(container, ctx);
}
