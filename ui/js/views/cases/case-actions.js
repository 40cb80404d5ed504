// The case's workflow card: where it stands, one button per move the backend allows, the
// form a move needs (resolution, follow-up, a reason), and "waiting on the customer" (pause /
// resume). Simple moves happen at once; the backend re-checks every move.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { readForm, showErrors, clearErrors, formErrorSlot } from '../../lib/form.js';
import { formatDateTime } from '../../lib/format.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { OPEN_STATUSES, crisisStepsNotDone } from './case-format.js';
import { reasonDialog } from '../../lib/reason-dialog.js';
import { textareaField } from './case-ui.js';
import { transitionFields, transitionChange, validateTransition } from './case-transition.js';

// The usual road of a case, shown as steps; reopened and invalid are detours.
const ROAD = ['new', 'acknowledged', 'investigating', 'resolving', 'follow_up', 'closed'];
// Moves that need more than a click.
const WITH_FORM = new Set(['resolving', 'follow_up', 'closed', 'invalid', 'reopened']);

/// Builds the workflow card.
export function buildWorkflow(page) {
  const { detail } = page;
  const f = detail.fields;
  const open = OPEN_STATUSES.includes(detail.status);
  const paused = Boolean(f.pausedSince);
  const buttons = detail.allowedNext.map((to) => el('button', {
    type: 'button', class: ['button', to === 'invalid' ? 'button-quiet' : 'button-primary'],
    dataset: { transition: to }, attrs: { 'aria-expanded': WITH_FORM.has(to) ? String(page.transitionTo === to) : null },
  }, t(`transition.${to}`)));
  if (open) {
    buttons.push(paused
      ? el('button', { type: 'button', id: 'case-resume', class: 'button', i18n: 'case.resume' })
      : el('button', { type: 'button', id: 'case-pause', class: 'button', attrs: { 'aria-expanded': String(page.pausing) }, i18n: 'case.pause' }));
  }
  const card = el('section', { id: 'case-workflow', class: ['card', 'workflow'], attrs: { 'aria-labelledby': 'case-workflow-title' } },
    el('h2', { id: 'case-workflow-title', class: 'card-title', i18n: 'case.workflow.title' }),
    steps(detail.status),
    paused ? el('p', { id: 'case-paused-note', class: 'note' },
      t('case.pausedNote', { time: formatDateTime(f.pausedSince, getLanguage(), page.ctx.status?.branch?.timezone), reason: detail.pauseReason ?? '' })) : null,
    el('p', { class: ['hint', 'workflow-hint', 'no-print'] }, t(`case.workflow.hint.${detail.status}`)),
    buttons.length ? el('div', { class: ['workflow-actions', 'no-print'] }, buttons) : null,
    page.transitionTo ? transitionForm(page) : null,
    page.pausing && open && !paused ? pauseForm(page) : null);
  card.addEventListener('click', (event) => onClick(page, event));
  return card;
}

function steps(status) {
  const at = ROAD.indexOf(status === 'reopened' ? 'investigating' : status);
  return el('ol', { class: 'status-steps', attrs: { 'aria-label': t('case.workflow.stepsLabel') } },
    ROAD.map((step, index) => el('li', {
      class: [index < at && 'is-done', index === at && 'is-current'],
      attrs: { 'aria-current': index === at ? 'step' : null },
    }, t(`status.${step}`))),
    status === 'reopened' || status === 'invalid'
      ? el('li', { class: ['is-current', 'is-detour'], attrs: { 'aria-current': 'step' } }, t(`status.${status}`))
      : null);
}

function onClick(page, event) {
  const button = event.target.closest('button');
  if (!button || button.type === 'submit') return;
  const to = button.dataset.transition;
  if (to) {
    if (WITH_FORM.has(to)) {
      Object.assign(page, { transitionTo: page.transitionTo === to ? null : to, pausing: false });
      page.redraw();
      page.container.querySelector('#transition-form [name]:not([type="hidden"])')?.focus();
    } else {
      button.disabled = true;
      page.run(() => api.changeCaseStatus(page.id, { to }), { toastKey: `transition.done.${to}` })
        .then((ok) => { if (!ok) button.disabled = false; });
    }
  } else if (button.id === 'case-pause') {
    Object.assign(page, { pausing: !page.pausing, transitionTo: null });
    page.redraw();
    page.container.querySelector('#case-pause-reason')?.focus();
  } else if (button.id === 'case-resume') {
    button.disabled = true;
    page.run(() => api.resumeCase(page.id), { toastKey: 'case.resumed' })
      .then((ok) => { if (!ok) button.disabled = false; });
  } else if (button.dataset.close != null) {
    const back = page.transitionTo ? `[data-transition="${page.transitionTo}"]` : '#case-pause';
    Object.assign(page, { transitionTo: null, pausing: false });
    page.redraw();
    page.container.querySelector(back)?.focus();
  }
}

function panel(id, titleText, fields, saveId, saveKey) {
  return el('form', { id, class: ['panel', 'card', 'inline-panel'], noValidate: true, dataset: { closable: '' } },
    el('h3', { class: 'panel-title' }, titleText),
    fields,
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: saveId, class: ['button', 'button-primary'], i18n: saveKey }),
      el('button', { type: 'button', class: 'button', dataset: { close: '' }, i18n: 'common.cancel' })));
}

function transitionForm(page) {
  const to = page.transitionTo;
  const form = panel('transition-form', t(`transition.title.${to}`), transitionFields(page, to), 'transition-save', `transition.${to}`);
  form.dataset.to = to;
  guardUnsavedForm(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = readForm(form);
    const problems = validateTransition(page, to, values);
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    const change = transitionChange(page, to, values);
    const notDone = to === 'closed' ? crisisStepsNotDone(page.detail) : [];
    if (notDone.length) {
      confirmCrisisClose(page, change, notDone);
      return;
    }
    page.run(() => api.changeCaseStatus(page.id, change), { form, toastKey: `transition.done.${to}`, reset: { transitionTo: null } })
      .then(async (ok) => {
        // A grade raised to 1 since the page was drawn makes the backend ask after all: ask
        // about the steps as they stand now.
        if (ok || !form.querySelector('[data-error-code="crisis.steps_unticked"]')) return;
        const fresh = await api.getCase(page.id);
        confirmCrisisClose(page, change, crisisStepsNotDone(fresh));
      });
  });
  return form;
}

// A crisis closes with steps not done only once the user has seen which and said why; the
// backend refuses it otherwise and keeps both in the audit trail.
async function confirmCrisisClose(page, change, notDone) {
  const detail = await reasonDialog({
    title: t('crisisClose.title'),
    message: t('crisisClose.message'),
    items: notDone.map((item) => t(`escalation.${item}`)),
    label: t('crisisClose.reason'),
    confirmLabel: t('crisisClose.confirm'),
    submit: (reason) => api.changeCaseStatus(page.id, { ...change, escalationReason: reason }),
  });
  if (detail) page.run(async () => detail, { toastKey: 'transition.done.closed', reset: { transitionTo: null } });
}

function pauseForm(page) {
  const form = panel('pause-form', t('case.pauseTitle'),
    [el('p', { class: 'hint', i18n: 'case.pauseHint' }),
      textareaField({ formId: 'pause-form', id: 'case-pause-reason', name: 'reason', labelKey: 'field.reason', placeholderKey: 'case.pausePlaceholder', rows: 2 })],
    'pause-save', 'case.pause');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const { reason } = readForm(form);
    if (!reason) {
      showErrors(form, [{ field: 'reason', code: 'invalid.required' }]);
      return;
    }
    page.run(() => api.pauseCase(page.id, reason), { form, toastKey: 'case.paused', reset: { pausing: false } });
  });
  return form;
}
