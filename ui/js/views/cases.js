// Complaint cases: record, grade, assign, resolve, follow up and close.
// The feature has not landed yet; the page explains what it will do and where to start now.

import { renderComingSoon, linkButton } from '../lib/states.js';

/// Renders the cases page.
export function render(container) {
  renderComingSoon(container, {
    titleKey: 'nav.cases',
    emptyTitleKey: 'cases.empty.title',
    bodyKeys: ['cases.empty.body', 'cases.empty.next'],
    actions: [
      linkButton('#/settings', 'cases.empty.actionSettings', true),
      linkButton('#/staff', 'cases.empty.actionStaff'),
    ],
  });
}
