// Complaint cases: the list (#/cases?filters), intake (#/cases/new) and one case
// (#/cases/<id>). This module only picks the screen from the hash.

import { parseCaseHash } from './case-format.js';
import { renderList } from './cases-list.js';
import { renderIntake } from './case-intake.js';
import { renderCasePage } from './case-page.js';

/// Renders whichever case screen the hash names.
export function render(container, ctx) {
  const route = parseCaseHash(location.hash);
  if (route.view === 'new') return renderIntake(container, ctx);
  if (route.view === 'case') return renderCasePage(container, ctx, route.id);
  return renderList(container, ctx, route.filters);
}
