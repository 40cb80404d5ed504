// Settings: the branch's details, the language, complaint categories, time limits per grade,
// where the data lives, its backups, and About (the version and the log file).

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage, setLanguage } from '../../i18n/index.js';
import { readForm, showError, showErrors, clearErrors, formErrorSlot, whileBusy } from '../../lib/form.js';
import { inputField, selectField, timezoneList, upperCaseInput, INDUSTRY_OPTIONS, LANGUAGE_OPTIONS } from '../../lib/fields.js';
import { validateBranch } from '../../lib/validate.js';
import { formatDateTime } from '../../lib/format.js';
import { pageHeader } from '../../lib/states.js';
import { toastSaved, toastError } from '../../lib/toast.js';
import { buildCategories } from './settings-categories.js';
import { buildLimits } from './settings-limits.js';
import { buildBackups } from './settings-backups.js';
import { buildGroup } from './settings-group.js';
import { buildOffice } from './settings-office.js';
import { importSection } from './settings-import.js';
import { buildAbout } from './settings-about.js';
import { appearanceSection } from './settings-appearance.js';
import { buildReminders } from './settings-reminders.js';

/// Renders the Settings page.
export async function render(container, ctx) {
  const categories = buildCategories();
  const limits = buildLimits();
  // A restore swaps every record: start the app afresh on the restored data.
  const backups = buildBackups({ onRestored: () => window.location.reload() });
  const about = buildAbout();
  const reminders = buildReminders();
  const group = buildGroup();
  const office = buildOffice();
  container.replaceChildren(
    pageHeader('nav.settings', { introKey: 'settings.intro' }),
    el('div', { class: 'settings-grid' },
      branchSection(ctx),
      languageSection(),
      appearanceSection(),
      reminders.section,
      categories.section,
      limits.section,
      dataSection(ctx.status),
      backups.section,
      group.section,
      office.section,
      importSection(),
      about.section));
  await Promise.all([categories.load(), limits.load(), backups.load(), group.load(), office.load(), about.load(), reminders.load()]);
}

function section(id, titleKey, ...children) {
  return el('section', { id, class: ['card', 'settings-section'], attrs: { 'aria-labelledby': `${id}-title` } },
    el('h2', { id: `${id}-title`, class: 'card-title', i18n: titleKey }),
    children);
}

function branchSection(ctx) {
  const branch = ctx.status?.branch ?? {};
  const formId = 'branch-form';
  const form = el('form', { id: formId, noValidate: true },
    el('div', { class: 'field-grid' },
      inputField({ formId, id: 'settings-name', name: 'name', labelKey: 'field.branchName', value: branch.name }),
      inputField({
        formId, id: 'settings-code', name: 'code', labelKey: 'field.code', hintKey: 'settings.branch.codeHint',
        value: branch.code, attrs: { maxlength: 12, autocapitalize: 'characters', spellcheck: 'false' },
      }),
      selectField({ formId, id: 'settings-industry', name: 'industry', labelKey: 'field.industry', options: INDUSTRY_OPTIONS, value: branch.industry }),
      inputField({
        formId, id: 'settings-timezone', name: 'timezone', labelKey: 'field.timezone', hintKey: 'branch.timezoneHint',
        value: branch.timezone, attrs: { list: 'settings-timezones', spellcheck: 'false' },
      })),
    timezoneList('settings-timezones', api.listTimezones),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'branch-save', class: ['button', 'button-primary'], i18n: 'common.save' })));
  form.elements.code.classList.add('input-code');
  upperCaseInput(form.elements.code);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = readForm(form);
    values.code = values.code.toUpperCase();
    const problems = validateBranch(values);
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    try {
      const saved = await whileBusy(form, () => api.updateBranch(values));
      ctx.setBranch(saved);
      toastSaved();
    } catch (err) {
      showError(form, err);
    }
  });

  const created = formatDateTime(branch.createdAt, getLanguage(), branch.timezone);
  return section('settings-branch', 'settings.branch.title',
    form,
    created ? el('p', { class: ['hint', 'settings-footnote'] }, t('settings.branch.createdAt', { date: created })) : null);
}

function languageSection() {
  const select = selectField({ formId: 'settings-language-form', id: 'settings-language', name: 'language', labelKey: 'settings.language.label', hintKey: 'settings.language.hint', options: LANGUAGE_OPTIONS, value: getLanguage() });
  const control = select.querySelector('select');
  control.addEventListener('change', async () => {
    const lang = control.value;
    // Not disabled while saving: a disabled select loses the focus, and the re-render puts
    // the focus back on whatever control had it.
    try {
      await api.setLanguage(lang);
      // Re-renders the whole UI (main.js listens); this section is rebuilt with it.
      setLanguage(lang);
      toastSaved();
    } catch (err) {
      control.value = getLanguage();
      toastError(err);
    }
  });
  return section('settings-language-section', 'settings.language.title', select);
}

function dataSection(status) {
  const reveal = el('button', { type: 'button', id: 'db-reveal', class: 'button', i18n: 'settings.data.reveal' });
  reveal.addEventListener('click', async () => {
    try {
      await api.revealDatabase();
    } catch (err) {
      toastError(err);
    }
  });
  const fact = (labelKey, value, id) => [
    el('dt', { i18n: labelKey }),
    el('dd', null, el('code', { id, class: id === 'db-path' ? 'path' : null }, value == null ? '' : String(value))),
  ];
  return section('settings-data', 'settings.data.title',
    el('p', { class: 'muted', i18n: 'settings.data.intro' }),
    el('dl', { class: 'facts' },
      fact('settings.data.dbPath', status?.dbPath, 'db-path'),
      fact('settings.data.schemaVersion', status?.schemaVersion, 'db-schema-version'),
      fact('settings.data.sqliteVersion', status?.sqliteVersion, 'db-sqlite-version')),
    el('div', { class: 'form-actions' }, reveal));
}
