// Training: each staff member's checklist and role-play drills scored against a rubric.
// The feature has not landed yet; the page explains what it will do and where to start now.

import { renderComingSoon, linkButton } from '../lib/states.js';

/// Renders the training page.
export function render(container) {
  renderComingSoon(container, {
    titleKey: 'nav.training',
    emptyTitleKey: 'training.empty.title',
    bodyKeys: ['training.empty.body', 'training.empty.next'],
    actions: [
      linkButton('#/staff', 'training.empty.actionStaff', true),
    ],
  });
}
