// Head office's group pages (`#/group…`), shown only on a computer set up as head office:
// the dashboard of every branch, a branch's cases of a month, and one case read-only. Every
// figure and record comes from the server through the backend; nothing here computes them.

import { parseGroupHash } from './group-format.js';
import { renderDashboard } from './group-dashboard.js';
import { renderBranch } from './group-branch.js';
import { renderCase } from './group-case.js';

/// Renders the group page the hash names.
export async function render(container, ctx) {
  const route = parseGroupHash(location.hash);
  if (route.code && route.id != null) return renderCase(container, ctx, route);
  if (route.code) return renderBranch(container, ctx, route);
  return renderDashboard(container, ctx, route);
}
