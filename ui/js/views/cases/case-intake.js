// Intake (#/cases/new): record a complaint while the customer is still on the phone. As the
// form fills in, the backend suggests a grade (and says which rules fired) and warns about
// likely duplicates before anything is saved; the user may still save.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { readForm, showError, showErrors, clearErrors, whileBusy } from '../../lib/form.js';
import { formatDateTime } from '../../lib/format.js';
import { pageHeader } from '../../lib/states.js';
import { toast } from '../../lib/toast.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { buildCaseForm, validateCase } from './case-form.js';
import { gradeBadge, statusBadge, firedRules } from './case-ui.js';
import { duplicateReason } from './case-format.js';
import { renderIntakeCustomer } from './case-customer.js';

// How long typing must pause before the suggestion is asked for again.
const CHECK_DELAY_MS = 400;

// A draft kept in memory (never stored) when the user follows a duplicate's link, so coming
// back to intake does not lose what was typed.
let parkedDraft = null;

/// Renders the intake page.
export async function renderIntake(container, ctx) {
  const [categories, staff] = await Promise.all([api.listCategories(), api.listStaff(true)]);
  const form = buildCaseForm({ mode: 'new', categories, staff, ctx });
  const view = {
    ctx, form,
    panel: el('section', { id: 'case-suggestion', class: 'suggestion', attrs: { 'aria-live': 'polite', 'aria-labelledby': 'case-suggestion-title' } }),
    duplicates: el('section', { id: 'case-duplicate-warning', class: 'duplicate-warning', hidden: true, attrs: { role: 'status' } }),
    customer: el('section', { id: 'intake-customer', class: 'customer-match', hidden: true, attrs: { 'aria-live': 'polite' } }),
    match: null, pick: 'auto',
    suggestion: null, seq: 0, timer: null,
    // Measured against the blank form, so a draft brought back is guarded too.
    release: guardUnsavedForm(form, 'intake.unsaved'),
  };
  form.querySelector('#case-suggestion-slot').replaceWith(view.panel);
  form.querySelector('#case-duplicate-slot').replaceWith(view.customer, view.duplicates);
  container.replaceChildren(pageHeader('intake.title', { introKey: 'intake.intro' }), form);

  if (parkedDraft) {
    restoreDraft(form, parkedDraft);
    parkedDraft = null;
    form.dispatchEvent(new Event('change'));
  }
  renderSuggestion(view);
  form.addEventListener('input', (event) => onEdit(view, event));
  form.addEventListener('change', (event) => onEdit(view, event));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(view);
  });
  view.duplicates.addEventListener('click', (event) => {
    if (!event.target.closest('a')) return;
    // The draft is parked, not lost: following the link needs no question.
    parkedDraft = readForm(form);
    view.release();
  });
  scheduleCheck(view, 0);
  form.elements.channel.focus();
}

function restoreDraft(form, draft) {
  for (const control of form.elements) {
    if (!control.name || !Object.hasOwn(draft, control.name)) continue;
    if (control.type === 'checkbox') control.checked = Boolean(draft[control.name]);
    else control.value = draft[control.name];
  }
}

function onEdit(view, event) {
  const name = event.target?.name;
  if (name === 'grade') {
    updateReason(view);
    return;
  }
  if (name === 'gradeReason') return;
  if (name === 'customerPick') {
    view.pick = event.target.value;
    renderIntakeCustomer(view.customer, view.match, view.pick);
    return;
  }
  scheduleCheck(view, CHECK_DELAY_MS);
}

function ready(values) {
  return values.categoryId !== '' && values.categoryId != null && String(values.description ?? '').trim() !== '';
}

function scheduleCheck(view, delay) {
  clearTimeout(view.timer);
  const values = readForm(view.form);
  if (!ready(values)) {
    view.seq += 1; // an answer still on its way is no longer wanted
    view.suggestion = null;
    renderSuggestion(view);
    renderDuplicates(view, []);
    view.customer.hidden = true;
    return;
  }
  view.timer = setTimeout(() => runCheck(view), delay);
}

async function runCheck(view) {
  const seq = ++view.seq;
  try {
    const result = await api.checkCaseIntake(readForm(view.form));
    if (seq !== view.seq || !view.form.isConnected) return;
    view.suggestion = result.suggestion;
    renderSuggestion(view);
    renderDuplicates(view, result.likelyDuplicates ?? []);
    view.match = result.customer ?? null;
    renderIntakeCustomer(view.customer, view.match, view.pick);
  } catch (err) {
    // A half-typed form (say, an unfinished phone number) cannot be graded yet; saving will
    // name the problem. Keep showing the last good suggestion meanwhile.
    if (!err?.code) console.error(err);
  }
}

function renderSuggestion(view) {
  const { panel, suggestion } = view;
  const option = view.form.elements.grade.options[0];
  if (!suggestion) {
    option.textContent = t('intake.gradeUseSuggestion');
    panel.dataset.grade = '';
    panel.replaceChildren(
      el('h3', { id: 'case-suggestion-title', class: 'suggestion-title', i18n: 'intake.suggestion.title' }),
      el('p', { class: 'hint', i18n: 'intake.suggestion.pending' }));
  } else {
    option.textContent = t('intake.gradeUseSuggestionNamed', { grade: t(`gradeShort.${suggestion.grade}`) });
    panel.dataset.grade = String(suggestion.grade);
    panel.replaceChildren(
      el('h3', { id: 'case-suggestion-title', class: 'suggestion-title' },
        el('span', { i18n: 'intake.suggestion.title' }), gradeBadge(suggestion.grade)),
      firedRules(suggestion));
  }
  updateReason(view);
}

// The reason box appears only when the chosen grade is below (a bigger number than) the suggestion.
function updateReason(view) {
  const chosen = Number(view.form.elements.grade.value);
  const lower = Boolean(chosen && view.suggestion && chosen > view.suggestion.grade);
  const box = view.form.querySelector('.grade-reason');
  if (!box.querySelector('[data-error-code]')) box.hidden = !lower;
}

function renderDuplicates(view, rows) {
  const lang = getLanguage();
  const tz = view.ctx.status?.branch?.timezone;
  view.duplicates.hidden = rows.length === 0;
  view.duplicates.replaceChildren(
    el('h3', { class: 'duplicate-title', i18n: 'intake.duplicates.title' }),
    el('p', { i18n: 'intake.duplicates.body' }),
    el('ul', { class: 'duplicate-list' }, rows.map((row) => el('li', { dataset: { caseId: String(row.id), matchedBy: (row.matchedBy ?? []).join(' ') } },
      el('a', { href: `#/cases/${Number(row.id)}` }, row.number),
      el('span', { class: 'muted' }, formatDateTime(row.receivedAt, lang, tz)),
      statusBadge(row.status),
      el('span', { class: ['hint', 'duplicate-why'] }, duplicateReason(row, lang))))));
}

async function save(view) {
  const { form } = view;
  clearErrors(form);
  const values = readForm(form);
  const problems = validateCase(values);
  const chosen = Number(values.grade);
  if (chosen && view.suggestion && chosen > view.suggestion.grade && !String(values.gradeReason ?? '').trim()) {
    problems.push({ field: 'gradeReason', code: 'invalid.reason_required' });
  }
  if (problems.some((problem) => problem.field === 'gradeReason')) form.querySelector('.grade-reason').hidden = false;
  if (problems.length) {
    showErrors(form, problems);
    return;
  }
  try {
    const detail = await whileBusy(form, () => api.createCase(values));
    toast(t('intake.created', { number: detail.fields.number }), 'success');
    view.release();
    location.hash = `#/cases/${Number(detail.fields.id)}`;
  } catch (err) {
    if (err?.field === 'gradeReason') form.querySelector('.grade-reason').hidden = false;
    showError(form, err);
  }
}
