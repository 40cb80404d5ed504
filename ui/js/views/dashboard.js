// Dashboard: open cases, deadlines and trends at a glance.
// The feature has not landed yet; the page explains what it will do and where to start now.

import { renderComingSoon, linkButton } from '../lib/states.js';

/// Renders the dashboard page.
export function render(container) {
  renderComingSoon(container, {
    titleKey: 'nav.dashboard',
    emptyTitleKey: 'dashboard.empty.title',
    bodyKeys: ['dashboard.empty.body', 'dashboard.empty.next'],
    actions: [
      linkButton('#/staff', 'dashboard.empty.actionStaff', true),
      linkButton('#/settings', 'dashboard.empty.actionSettings'),
    ],
  });
}
