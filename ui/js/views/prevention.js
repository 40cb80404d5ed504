// Prevention plans: collect, analyse, formulate, implement, evaluate.
// The feature has not landed yet; the page explains what it will do and where to start now.

import { renderComingSoon, linkButton } from '../lib/states.js';

/// Renders the prevention page.
export function render(container) {
  renderComingSoon(container, {
    titleKey: 'nav.prevention',
    emptyTitleKey: 'prevention.empty.title',
    bodyKeys: ['prevention.empty.body', 'prevention.empty.next'],
    actions: [
      linkButton('#/settings', 'prevention.empty.actionSettings', true),
    ],
  });
}
