// One case (#/cases/<id>): header, crisis checklist, workflow, fields, outcome, timeline,
// audit, grade, customer history, attachments and handling guidance. Every action returns the
// whole updated case, and the page is redrawn from it, so what is shown is what is stored.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { showError, whileBusy, readForm, clearErrors, showErrors } from '../../lib/form.js';
import { toast, toastError } from '../../lib/toast.js';
import { formatDateTime } from '../../lib/format.js';
import { gradeBadge, statusBadge, deadlineBadge, channelLabel } from './case-ui.js';
import { buildCaseForm, validateCase } from './case-form.js';
import { buildWorkflow } from './case-actions.js';
import { buildGradeCard } from './case-grade.js';
import { buildTimeline, buildAudit } from './case-timeline.js';
import { buildCrisis, buildHistory, buildAttachments } from './case-side.js';
import { buildDrillSuggestion } from '../training/training-case.js';
import { buildGuidance } from './case-guidance.js';
import { buildCasePlans } from '../prevention/prevention-case-plans.js';
import { buildCaseLesson } from '../lessons/lesson-case.js';
import { buildCaseCustomer } from './case-customer.js';
import { buildFields, buildOutcome } from './case-fields.js';
import { buildCasework } from './case-casework.js';
import { openCasePrint } from './case-print.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { keepLive, swapIfChanged } from '../../lib/live.js';

/// Renders case `id`.
export async function renderCasePage(container, ctx, id) {
  const [detail, categories, staff] = await Promise.all([api.getCase(id), api.listCategories(), api.listStaff(true)]);
  const page = {
    container, ctx, id, detail, categories, staff,
    editing: false, transitionTo: null, pausing: false, auditOpen: false,
  };
  page.redraw = (options) => draw(page, options);
  page.run = (work, options) => run(page, work, options);
  draw(page);
  // The countdown moves with the clock: patch just the badge, never the forms being typed in.
  keepLive(container, async () => {
    const fresh = await api.getCase(id);
    if (!container.isConnected) return;
    page.detail = { ...page.detail, deadline: fresh.deadline, acknowledgeOverdue: fresh.acknowledgeOverdue };
    swapIfChanged(container.querySelector('#case-deadline'), deadlineBadge(fresh.deadline, fresh.acknowledgeOverdue, 'case-deadline'));
  });
}

/// Runs an action that resolves to the updated case, redraws, and confirms with a toast.
/// Errors go next to the field in `form`, or to a toast when there is no form. Resolves to
/// whether it worked. `toastKey: null` stays quiet; `reset` is merged into the page state.
async function run(page, work, { form = null, toastKey = 'common.saved', reset = {} } = {}) {
  try {
    if (form) clearErrors(form);
    const detail = form ? await whileBusy(form, work) : await work();
    Object.assign(page, { detail, ...reset });
    draw(page, { keepComposer: !reset.clearComposer });
    if (toastKey) toast(t(toastKey), 'success');
    return true;
  } catch (err) {
    if (form && form.isConnected) showError(form, err);
    else toastError(err);
    return false;
  }
}

function draw(page, { keepComposer = true } = {}) {
  const { container, detail } = page;
  const view = document.getElementById('view');
  const scroll = view?.scrollTop ?? 0;
  const active = document.activeElement;
  const hadFocus = container.contains(active) || active === document.body || active == null;
  const focusedId = container.contains(active) ? active.id : '';
  const draft = keepComposer ? container.querySelector('#case-entry-body')?.value : '';
  const f = detail.fields;
  document.title = t('app.titleWithView', { view: f.number });

  // replaceChildren() would print a skipped (null) section as the text "null".
  const sections = [
    header(page),
    buildCaseCustomer(page.id),
    buildCrisis(page),
    buildWorkflow(page),
    el('div', { class: 'case-layout' },
      el('div', { class: 'case-main' },
        page.editing ? editForm(page) : buildFields(page),
        buildOutcome(page),
        buildCasework(page),
        buildCaseLesson(page),
        buildTimeline(page),
        buildAudit(page)),
      el('aside', { class: 'case-side', attrs: { 'aria-label': t('case.sideLabel') } },
        buildGradeCard(page),
        buildHistory(page),
        buildDrillSuggestion(page),
        buildCasePlans(page),
        buildAttachments(page),
        buildGuidance(f.customerType))),
  ];
  container.replaceChildren(...sections.filter(Boolean));

  if (draft) container.querySelector('#case-entry-body').value = draft;
  if (view) view.scrollTop = scroll;
  // Keep the focus where it was; if that control is gone (a button that moved the case on),
  // put it on the case number so keyboard and screen-reader users are not dropped at the top.
  const kept = focusedId ? container.querySelector(`#${CSS.escape(focusedId)}`) : null;
  if (kept) kept.focus({ preventScroll: true });
  else if (hadFocus) container.querySelector('#case-number')?.focus({ preventScroll: true });
}

function header(page) {
  const { detail } = page;
  const f = detail.fields;
  const lang = getLanguage();
  const category = f.categoryName ?? t(`category.${f.categorySeedKey}`);
  const print = el('button', { type: 'button', id: 'case-print', class: 'button', i18n: 'case.print' });
  print.addEventListener('click', () => openCasePrint(page));
  const edit = el('button', { type: 'button', id: 'case-edit', class: 'button', disabled: page.editing, i18n: 'common.edit' });
  edit.addEventListener('click', () => {
    page.editing = true;
    draw(page);
    page.container.querySelector('#case-channel')?.focus();
  });
  return el('header', { class: ['page-header', 'case-header'] },
    el('div', { class: 'page-heading' },
      el('a', { href: '#/cases', class: ['back-link', 'no-print'], i18n: 'case.backToList' }),
      el('h1', { id: 'case-number', class: 'page-title', tabIndex: -1 }, f.number),
      el('div', { class: 'case-badges' },
        statusBadge(detail.status, 'case-status'),
        gradeBadge(f.grade, 'case-grade'),
        deadlineBadge(detail.deadline, detail.acknowledgeOverdue, 'case-deadline')),
      el('p', { class: ['case-meta', 'muted'] },
        el('span', null, t('case.receivedAt', { time: formatDateTime(f.receivedAt, lang, page.ctx.status?.branch?.timezone) })),
        el('span', { id: 'case-category' }, category),
        el('span', { id: 'case-channel-label' }, channelLabel(f.channel)))),
    el('div', { class: ['page-actions', 'no-print'] }, edit, print));
}

function editForm(page) {
  const form = buildCaseForm({ mode: 'edit', categories: page.categories, staff: page.staff, ctx: page.ctx, fields: page.detail.fields });
  form.prepend(el('h2', { class: 'card-title', i18n: 'case.editTitle' }));
  // Once saved or closed the form leaves the page, and with it anything to ask about.
  guardUnsavedForm(form, 'case.editUnsaved');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = readForm(form);
    const problems = validateCase(values);
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    page.run(() => api.updateCase(page.id, values), { form, reset: { editing: false } });
  });
  form.querySelector('[data-close]').addEventListener('click', () => {
    page.editing = false;
    draw(page);
    page.container.querySelector('#case-edit')?.focus();
  });
  return form;
}
