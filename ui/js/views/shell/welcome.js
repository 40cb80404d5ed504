// First run: what BranchDesk does, and the few facts it needs about the branch.
// Built entirely from data-i18n attributes, so switching the language select re-translates
// the page in place without losing what was typed.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { setLanguage, getLanguage } from '../../i18n/index.js';
import { readForm, showError, showErrors, clearErrors, formErrorSlot, whileBusy } from '../../lib/form.js';
import { inputField, selectField, timezoneList, upperCaseInput, INDUSTRY_OPTIONS, LANGUAGE_OPTIONS } from '../../lib/fields.js';
import { validateBranch } from '../../lib/validate.js';

const FORM_ID = 'welcome-form';
const POINTS = ['welcome.point.cases', 'welcome.point.training', 'welcome.point.prevention', 'welcome.point.reports'];

/// Renders the welcome page into `container`; `ctx.onDone(status)` runs after setup succeeds.
export async function render(container, ctx) {
  const { status } = ctx;
  const form = buildForm(status);
  container.replaceChildren(
    el('div', { class: 'welcome-layout' },
      el('section', { class: 'welcome-intro', attrs: { 'aria-labelledby': 'welcome-title' } },
        el('span', { class: 'app-mark app-mark-large', attrs: { 'aria-hidden': 'true' } }),
        el('h1', { id: 'welcome-title', class: 'welcome-title', i18n: 'welcome.title' }),
        el('p', { class: 'welcome-lead', i18n: 'welcome.lead' }),
        el('ul', { class: 'welcome-points' }, POINTS.map((key) => el('li', { i18n: key }))),
        el('p', { class: 'muted', i18n: 'welcome.privacy' })),
      form));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form, ctx);
  });
  form.elements.language.addEventListener('change', (event) => setLanguage(event.target.value));
  form.elements.name.focus();
}

function buildForm(status) {
  const language = status?.language ?? getLanguage();
  const form = el('form', { id: FORM_ID, class: ['card', 'welcome-form'], noValidate: true, attrs: { 'aria-labelledby': 'welcome-form-title' } },
    el('h2', { id: 'welcome-form-title', class: 'card-title', i18n: 'welcome.formTitle' }),
    el('p', { class: 'muted', i18n: 'welcome.formIntro' }),
    inputField({ formId: FORM_ID, id: 'welcome-name', name: 'name', labelKey: 'field.branchName', placeholderKey: 'welcome.namePlaceholder' }),
    inputField({
      formId: FORM_ID, id: 'welcome-code', name: 'code', labelKey: 'field.code', hintKey: 'branch.codeHint',
      attrs: { maxlength: 12, autocapitalize: 'characters', spellcheck: 'false' },
    }),
    selectField({ formId: FORM_ID, id: 'welcome-industry', name: 'industry', labelKey: 'field.industry', options: INDUSTRY_OPTIONS, placeholderKey: 'common.choose' }),
    inputField({
      formId: FORM_ID, id: 'welcome-timezone', name: 'timezone', labelKey: 'field.timezone', hintKey: 'branch.timezoneHint',
      value: status?.osTimezone ?? '', attrs: { list: 'welcome-timezones', spellcheck: 'false' },
    }),
    timezoneList('welcome-timezones', api.listTimezones),
    selectField({ formId: FORM_ID, id: 'welcome-language', name: 'language', labelKey: 'field.language', options: LANGUAGE_OPTIONS, value: language }),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'welcome-submit', class: ['button', 'button-primary', 'button-large'], i18n: 'welcome.submit' })));
  form.elements.code.classList.add('input-code');
  upperCaseInput(form.elements.code);
  return form;
}

async function submit(form, ctx) {
  clearErrors(form);
  const values = readForm(form);
  values.code = values.code.toUpperCase();
  const problems = validateBranch(values);
  if (problems.length) {
    showErrors(form, problems);
    return;
  }
  try {
    const status = await whileBusy(form, () => api.setupBranch(values));
    await ctx.onDone(status);
  } catch (err) {
    if (err?.code === 'already_initialized') {
      // Set up meanwhile (another run of the app, or a double submit): carry on with it.
      await ctx.onDone(await api.appStatus());
      return;
    }
    showError(form, err);
  }
}
