// Monthly reports for head office, exported as an Excel workbook.
// The feature has not landed yet; the page explains what it will do and where to start now.

import { renderComingSoon, linkButton } from '../lib/states.js';

/// Renders the reports page.
export function render(container) {
  renderComingSoon(container, {
    titleKey: 'nav.reports',
    emptyTitleKey: 'reports.empty.title',
    bodyKeys: ['reports.empty.body', 'reports.empty.next'],
    actions: [
      linkButton('#/settings', 'reports.empty.actionSettings', true),
    ],
  });
}
