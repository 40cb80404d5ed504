// Emergency plans (#/prevention/emergency) for crises such as a media storm or a group
// complaint: who to call, the steps in order, the one person who speaks to the media and what
// they may say, and a drill schedule. Each plan shows when its next drill is due (overdue in
// red, with the word) and the drills held, and a drill is logged with its day, who took part
// and what it showed.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDate, formatNumber, todayIso } from '../../lib/format.js';
import { readForm, formErrorSlot, clearErrors, showError, whileBusy } from '../../lib/form.js';
import { inputField } from '../../lib/fields.js';
import { pageHeader, emptyState } from '../../lib/states.js';
import { toast } from '../../lib/toast.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { textareaField, namedSelectField, staffChoices } from '../cases/case-ui.js';
import { preventionTabs } from './prevention-ui.js';

const DEFAULT_EVERY_DAYS = 180;

/// Renders the emergency plans.
export async function renderEmergency(container, ctx) {
  const [plans, staff] = await Promise.all([api.listEmergencyPlans(), api.listStaff(true)]);
  const view = { container, ctx, plans, staff, editing: null, drilling: null };
  draw(view);
}

function draw(view) {
  const { container, plans } = view;
  const add = el('button', {
    type: 'button', id: 'emergency-new', class: ['button', 'button-primary'], i18n: 'prevention.emergency.new',
    on: { click: () => { view.editing = 'new'; draw(view); container.querySelector('#emergency-form-title')?.focus(); } },
  });
  // replaceChildren() would print a skipped (null) part as the text "null".
  container.replaceChildren(...[
    pageHeader('nav.prevention', { introKey: 'prevention.emergency.intro', actions: [add] }),
    preventionTabs('emergency'),
    view.editing === 'new' ? planForm(view, null) : null,
    plans.length
      ? el('div', { id: 'emergency-list', class: 'emergency-list' }, plans.map((plan) => (view.editing === plan.id ? planForm(view, plan) : planCard(view, plan))))
      : (view.editing ? null : emptyState({ id: 'emergency-empty', titleKey: 'prevention.emergency.none.title', bodyKeys: ['prevention.emergency.none.body'] })),
  ].filter(Boolean));
}

async function save(view, form, work, toastKey) {
  clearErrors(form);
  try {
    view.plans = await whileBusy(form, work);
    view.editing = null;
    view.drilling = null;
    draw(view);
    toast(t(toastKey), 'success');
  } catch (err) {
    showError(form, err);
  }
}

function lines(text) {
  return String(text ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
}

function planCard(view, plan) {
  const lang = getLanguage();
  const next = plan.nextDrill;
  return el('section', { id: `emergency-${plan.id}`, class: ['card', 'emergency-plan'], dataset: { planId: String(plan.id) }, attrs: { 'aria-labelledby': `emergency-${plan.id}-title` } },
    el('div', { class: 'card-heading' },
      el('h2', { id: `emergency-${plan.id}-title`, class: 'card-title' }, plan.title),
      el('button', { type: 'button', id: `emergency-${plan.id}-edit`, class: ['button', 'button-small', 'no-print'], i18n: 'common.edit', on: { click: () => { view.editing = plan.id; draw(view); } } })),
    plan.scenario ? el('p', { class: 'case-text' }, plan.scenario) : null,
    el('p', { id: `emergency-${plan.id}-next`, class: ['emergency-next', next.overdue && 'is-overdue'] },
      t(next.overdue ? 'prevention.emergency.nextOverdue' : 'prevention.emergency.next', { date: formatDate(next.due, lang) }),
      ' ', el('span', { class: 'muted' }, t('prevention.emergency.every', { days: formatNumber(plan.drillEveryDays, lang) }))),
    el('div', { class: 'emergency-grid' },
      el('div', null,
        el('h3', { class: 'subhead', i18n: 'prevention.emergency.steps' }),
        el('ol', { class: 'emergency-steps' }, lines(plan.steps).map((line) => el('li', null, line)))),
      el('div', null,
        el('h3', { class: 'subhead', i18n: 'prevention.emergency.contacts' }),
        lines(plan.contacts).length
          ? el('ul', { class: 'emergency-contacts' }, lines(plan.contacts).map((line) => el('li', null, line)))
          : el('p', { class: 'muted', i18n: 'prevention.emergency.noContacts' }),
        el('h3', { class: 'subhead', i18n: 'prevention.emergency.spokesperson' }),
        el('p', { id: `emergency-${plan.id}-spokesperson` }, plan.spokespersonName ?? t('prevention.emergency.noSpokesperson')),
        plan.mediaNote ? el('p', { class: ['case-text', 'muted'] }, plan.mediaNote) : null)),
    el('h3', { class: 'subhead', i18n: 'prevention.emergency.drills' }),
    plan.drills.length ? el('ul', { class: ['history-list', 'drill-list'] }, plan.drills.map((drill) => el('li', null,
      el('strong', null, formatDate(drill.heldOn, lang)),
      el('span', null, t('prevention.emergency.participants', { names: drill.participants })),
      drill.findings ? el('span', { class: ['case-text', 'muted'] }, drill.findings) : null)))
      : el('p', { class: 'muted', i18n: 'prevention.emergency.noDrills' }),
    view.drilling === plan.id ? drillForm(view, plan) : el('button', {
      type: 'button', id: `emergency-${plan.id}-log`, class: ['button', 'button-small', 'no-print'], i18n: 'prevention.emergency.logDrill',
      on: { click: () => { view.drilling = plan.id; draw(view); view.container.querySelector(`#drill-${plan.id}-participants`)?.focus(); } },
    }));
}

function drillForm(view, plan) {
  const formId = `drill-${plan.id}`;
  const form = el('form', { id: formId, class: ['inline-panel', 'drill-form'], noValidate: true },
    formErrorSlot(),
    inputField({ formId, id: `${formId}-heldOn`, name: 'heldOn', labelKey: 'prevention.field.heldOn', type: 'date', value: todayIso(view.ctx.status?.branch?.timezone) }),
    textareaField({ formId, id: `${formId}-participants`, name: 'participants', labelKey: 'prevention.field.participants', rows: 2 }),
    textareaField({ formId, id: `${formId}-findings`, name: 'findings', labelKey: 'prevention.field.findings', rows: 3, optional: true }),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: `${formId}-save`, class: ['button', 'button-primary'], i18n: 'prevention.emergency.saveDrill' }),
      el('button', { type: 'button', class: 'button', dataset: { close: '' }, i18n: 'common.cancel', on: { click: () => { view.drilling = null; draw(view); } } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(view, form, () => api.logEmergencyDrill(plan.id, readForm(form)), 'prevention.emergency.drillLogged');
  });
  return form;
}

function planForm(view, plan) {
  const formId = 'emergency-form';
  const values = plan ?? { drillEveryDays: DEFAULT_EVERY_DAYS };
  const form = el('form', { id: formId, class: ['case-form', 'panel', 'emergency-form'], noValidate: true },
    el('h2', { class: 'card-title', i18n: plan ? 'prevention.emergency.editTitle' : 'prevention.emergency.newTitle' }),
    formErrorSlot(),
    inputField({ formId, id: `${formId}-title`, name: 'title', labelKey: 'prevention.field.title', value: values.title ?? '', attrs: { maxlength: 120 } }),
    textareaField({ formId, id: `${formId}-scenario`, name: 'scenario', labelKey: 'prevention.field.scenario', value: values.scenario ?? '', rows: 2, optional: true }),
    textareaField({ formId, id: `${formId}-steps`, name: 'steps', labelKey: 'prevention.emergency.steps', hintKey: 'prevention.field.linesHint', value: values.steps ?? '', rows: 5 }),
    textareaField({ formId, id: `${formId}-contacts`, name: 'contacts', labelKey: 'prevention.emergency.contacts', hintKey: 'prevention.field.contactsHint', value: values.contacts ?? '', rows: 3, optional: true }),
    el('div', { class: 'field-grid' },
      namedSelectField({ formId, id: `${formId}-spokespersonId`, name: 'spokespersonId', labelKey: 'prevention.emergency.spokesperson', choices: staffChoices(view.staff, values.spokespersonId), value: values.spokespersonId, noneKey: 'prevention.emergency.noSpokesperson' }),
      inputField({ formId, id: `${formId}-drillEveryDays`, name: 'drillEveryDays', labelKey: 'prevention.field.drillEveryDays', type: 'number', value: values.drillEveryDays ?? '', attrs: { min: 7, max: 730, step: 1 } })),
    textareaField({ formId, id: `${formId}-mediaNote`, name: 'mediaNote', labelKey: 'prevention.field.mediaNote', value: values.mediaNote ?? '', rows: 2, optional: true }),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: `${formId}-save`, class: ['button', 'button-primary'], i18n: 'common.save' }),
      el('button', { type: 'button', class: 'button', dataset: { close: '' }, i18n: 'common.cancel', on: { click: () => { view.editing = null; draw(view); } } })));
  guardUnsavedForm(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(view, form, () => api.saveEmergencyPlan(plan?.id ?? null, readForm(form)), 'common.saved');
  });
  return form;
}
