// One plan (#/prevention/plans/<id>): its phase (moved one step forward or back, each move
// recorded), its status (start a draft, cancel), its details, the measured effect with a
// chart, its measures, the evaluation, the cases attached as evidence and its history.
// Every action returns the whole updated plan, and the page is redrawn from it.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { clearErrors, readForm, showError, whileBusy } from '../../lib/form.js';
import { confirmDialog } from '../../lib/confirm.js';
import { toast, toastError } from '../../lib/toast.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { PHASES, phaseIndex, planHash } from './prevention-format.js';
import { planStatusBadge, phaseBadge, targetText } from './prevention-ui.js';
import { buildPlanForm } from './prevention-plan-form.js';
import { buildEffect } from './prevention-effect.js';
import { buildMeasures } from './prevention-measures.js';
import { buildEvaluation } from './prevention-evaluate.js';
import { buildEvidence, buildHistory } from './prevention-evidence.js';

/// Renders plan `id`.
export async function renderPlanPage(container, ctx, id) {
  const [detail, categories, staff, modules, scenarios] = await Promise.all([
    api.getPlan(id), api.listCategories(), api.listStaff(true), api.listTrainingModules(), api.listDrillScenarios()]);
  const page = { container, ctx, id, detail, categories, staff, training: { modules, scenarios }, editing: false, ui: {} };
  page.redraw = () => draw(page);
  page.run = (work, options) => run(page, work, options);
  draw(page);
}

/// Runs an action that resolves to the updated plan page, redraws and confirms. Errors go
/// next to the field in `form`, or to a toast. Resolves to whether it worked.
async function run(page, work, { form = null, toastKey = 'common.saved', reset = {} } = {}) {
  try {
    if (form) clearErrors(form);
    const detail = form ? await whileBusy(form, work) : await work();
    Object.assign(page, { detail }, reset);
    draw(page);
    if (toastKey) toast(t(toastKey), 'success');
    return true;
  } catch (err) {
    // A refused plan move has its own code (`plan.*`) and sentence, like any other error.
    if (form && form.isConnected) showError(form, err);
    else toastError(err);
    return false;
  }
}

function draw(page) {
  const { container, detail } = page;
  const view = document.getElementById('view');
  const scroll = view?.scrollTop ?? 0;
  const focusedId = container.contains(document.activeElement) ? document.activeElement.id : '';
  document.title = t('app.titleWithView', { view: detail.plan.title });
  container.replaceChildren(...[
    header(page),
    phaseCard(page),
    page.editing ? editForm(page) : details(page),
    buildEffect(page),
    buildMeasures(page),
    buildEvaluation(page),
    buildEvidence(page),
    buildHistory(page),
  ].filter(Boolean));
  if (view) view.scrollTop = scroll;
  const kept = focusedId ? container.querySelector(`#${CSS.escape(focusedId)}`) : null;
  if (kept) kept.focus({ preventScroll: true });
}

function isOpen(plan) {
  return plan.status === 'draft' || plan.status === 'active';
}

function header(page) {
  const { plan } = page.detail;
  const actions = [];
  if (plan.status === 'draft') {
    actions.push(el('button', {
      type: 'button', id: 'plan-start', class: ['button', 'button-primary'], i18n: 'prevention.plan.start',
      on: { click: () => page.run(() => api.setPlanStatus(page.id, 'active'), { toastKey: 'prevention.plan.started' }) },
    }));
  }
  if (isOpen(plan)) {
    actions.push(el('button', { type: 'button', id: 'plan-cancel', class: 'button', i18n: 'prevention.plan.cancel', on: { click: () => cancelPlan(page) } }));
  }
  actions.push(el('button', { type: 'button', id: 'plan-print', class: 'button', i18n: 'case.print', on: { click: () => api.printPage().catch(toastError) } }));
  return el('header', { class: ['page-header', 'plan-header'] },
    el('div', { class: 'page-heading' },
      el('a', { href: '#/prevention', class: ['back-link', 'no-print'], i18n: 'prevention.plan.back' }),
      el('h1', { id: 'plan-title', class: 'page-title', tabIndex: -1 }, plan.title),
      el('div', { class: 'case-badges' }, planStatusBadge(plan.status, 'plan-status'), phaseBadge(plan.phase, 'plan-phase'))),
    el('div', { class: ['page-actions', 'no-print'] }, actions));
}

async function cancelPlan(page) {
  const ok = await confirmDialog({
    title: t('prevention.plan.cancelTitle'), message: t('prevention.plan.cancelBody'),
    confirmLabel: t('prevention.plan.cancel'), danger: true,
  });
  if (ok) page.run(() => api.setPlanStatus(page.id, 'cancelled'), { toastKey: 'prevention.plan.cancelled' });
}

function phaseCard(page) {
  const { plan } = page.detail;
  const current = phaseIndex(plan.phase);
  const open = isOpen(plan);
  const move = (direction) => page.run(() => api.movePlanPhase(page.id, direction), { toastKey: null });
  return el('section', { id: 'plan-phases', class: ['card', 'plan-phases'], attrs: { 'aria-labelledby': 'plan-phases-title' } },
    el('h2', { id: 'plan-phases-title', class: 'card-title', i18n: 'prevention.phase.title' }),
    el('ol', { class: 'status-steps phase-steps' }, PHASES.map((phase, index) => el('li', {
      class: [index + 1 < current && 'is-done', index + 1 === current && 'is-current'], dataset: { phase },
      attrs: { 'aria-current': index + 1 === current ? 'step' : null },
    }, t(`prevention.phase.${phase}`)))),
    el('p', { class: 'hint', i18n: `prevention.phase.hint.${plan.phase}` }),
    open ? el('div', { class: ['workflow-actions', 'no-print'] },
      el('button', { type: 'button', id: 'plan-phase-back', class: 'button', disabled: current <= 1, i18n: 'prevention.phase.back', on: { click: () => move('back') } }),
      el('button', { type: 'button', id: 'plan-phase-forward', class: ['button', 'button-primary'], disabled: current >= PHASES.length, i18n: 'prevention.phase.forward', on: { click: () => move('forward') } }))
      : null);
}

function details(page) {
  const { plan } = page.detail;
  const lang = getLanguage();
  const row = (labelKey, value, id) => [el('dt', { i18n: labelKey }), el('dd', { id }, value)];
  const edit = isOpen(plan)
    ? el('button', { type: 'button', id: 'plan-edit', class: ['button', 'button-small', 'no-print'], i18n: 'common.edit', on: { click: () => { page.editing = true; draw(page); page.container.querySelector('#plan-edit-form-title')?.focus(); } } })
    : null;
  return el('section', { id: 'plan-details', class: 'card', attrs: { 'aria-labelledby': 'plan-details-title' } },
    el('div', { class: 'card-heading' }, el('h2', { id: 'plan-details-title', class: 'card-title', i18n: 'prevention.plan.details' }), edit),
    el('dl', { class: 'facts' },
      row('prevention.plan.target', targetText(plan, page.categories), 'plan-target'),
      row('prevention.plan.goal', t('prevention.plan.goalText', { percent: formatNumber(plan.goalPercent, lang), days: formatNumber(plan.goalDays, lang) }), 'plan-goal'),
      row('prevention.field.owner', plan.ownerName ?? t('prevention.owner.none'), 'plan-owner'),
      row('prevention.field.startDate', formatDate(plan.startDate, lang), 'plan-start-date'),
      row('prevention.field.reviewDate', formatDate(plan.reviewDate, lang), 'plan-review-date'),
      plan.parentId ? row('prevention.plan.parent', el('a', { href: planHash(plan.parentId) }, plan.parentTitle ?? ''), 'plan-parent') : null,
      plan.notes ? row('prevention.field.notes', el('span', { class: 'case-text' }, plan.notes), 'plan-notes') : null));
}

function editForm(page) {
  const { plan } = page.detail;
  const form = buildPlanForm({ formId: 'plan-edit-form', values: plan, categories: page.categories, staff: page.staff });
  guardUnsavedForm(form);
  form.prepend(el('h2', { class: 'card-title', i18n: 'prevention.plan.editTitle' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page.run(() => api.updatePlan(page.id, readForm(form)), { form, reset: { editing: false } });
  });
  form.querySelector('[data-close]').addEventListener('click', () => {
    page.editing = false;
    draw(page);
  });
  return form;
}
