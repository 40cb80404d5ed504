// On a case page: the active prevention plans that address the case's category (or its root
// cause), and any plan the case is attached to. Each links to its plan; a plan the case is not
// attached to yet offers to attach it as evidence. Loads on its own, so the case page never
// waits for it; the answer is kept on the page so a redraw does not flicker.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { toast, toastError } from '../../lib/toast.js';
import { planHash } from './prevention-format.js';
import { phaseBadge } from './prevention-ui.js';

/// The side-panel card of a case page (hidden while there is no plan to show).
export function buildCasePlans(page) {
  const section = el('section', { id: 'case-plans', class: ['card', 'case-plans'], hidden: true, attrs: { 'aria-labelledby': 'case-plans-title' } });
  const fill = (plans) => {
    section.hidden = !plans.length;
    section.replaceChildren(
      el('h2', { id: 'case-plans-title', class: 'card-title', i18n: 'prevention.casePlans.title' }),
      el('ul', { class: 'history-list' }, plans.map((plan) => el('li', { dataset: { planId: String(plan.id) } },
        el('a', { href: planHash(plan.id) }, plan.title),
        phaseBadge(plan.phase),
        plan.attached
          ? el('span', { class: ['tag', 'plan-attached'], i18n: 'prevention.casePlans.attached' })
          : (plan.status === 'active' || plan.status === 'draft') ? el('button', {
            type: 'button', class: ['button', 'button-small', 'no-print', 'plan-attach'], i18n: 'prevention.casePlans.attach',
            attrs: { 'aria-label': t('prevention.casePlans.attachNamed', { title: plan.title }) },
            on: { click: () => attach(page, plan, fill) },
          }) : null))));
  };
  if (page.casePlans) fill(page.casePlans);
  api.plansForCase(page.id).then((plans) => {
    page.casePlans = plans;
    fill(plans);
  }).catch((err) => {
    // The case page must keep working without this card.
    if (!err?.code) console.error(err);
  });
  return section;
}

async function attach(page, plan, fill) {
  try {
    await api.attachPlanCase(plan.id, { caseId: page.id });
    page.casePlans = await api.plansForCase(page.id);
    fill(page.casePlans);
    toast(t('prevention.evidence.attached'), 'success');
  } catch (err) {
    toastError(err);
  }
}
