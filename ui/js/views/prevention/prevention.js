// Prevention (#/prevention…): the plans (#/prevention), one plan (#/prevention/plans/<id>),
// a new plan (#/prevention/plans/new?title=…&categoryId=…, prefilled from the analysis or a
// finished plan), the analysis of the last 3 complete months (#/prevention/analysis) and the
// emergency plans (#/prevention/emergency). This module only picks the screen from the hash.

import { parsePreventionHash } from './prevention-format.js';
import { renderPlans } from './prevention-plans.js';
import { renderAnalysis } from './prevention-analysis.js';
import { renderEmergency } from './prevention-emergency.js';
import { renderNewPlan } from './prevention-plan-form.js';
import { renderPlanPage } from './prevention-plan.js';

/// Renders whichever prevention screen the hash names.
export function render(container, ctx) {
  const route = parsePreventionHash(location.hash);
  if (route.view === 'analysis') return renderAnalysis(container, ctx);
  if (route.view === 'emergency') return renderEmergency(container, ctx);
  if (route.view === 'new') return renderNewPlan(container, ctx, route.prefill);
  if (route.view === 'plan') return renderPlanPage(container, ctx, route.id);
  return renderPlans(container, ctx);
}
