// Keeping the customer informed: a late case shows a prompt to tell the customer how it is
// going, with a quick form (how, what was said, when); the updates given are listed below it.
// Whether to prompt is the backend's rule (late, and no update in the last few days).

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { readForm, formErrorSlot } from '../../lib/form.js';
import { inputField, selectField } from '../../lib/fields.js';
import { formatDateTime } from '../../lib/format.js';
import { textareaField } from './case-ui.js';
import { PROGRESS_METHODS } from './casework-format.js';

/// The prompt and the updates; nothing for a case that was never late and has no updates.
export function buildProgress(page, panel, act) {
  const writing = page.caseworkForm === 'progress';
  if (!panel.prompt && !panel.progress.length && !writing) return null;
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  const prompt = panel.prompt ? el('div', { id: 'progress-prompt', class: ['progress-prompt', 'no-print'], attrs: { role: 'status' } },
    el('p', { class: 'progress-prompt-text' },
      el('strong', { i18n: 'progress.prompt' }), ' ',
      el('span', null, panel.prompt.lastUpdate
        ? t('progress.promptAgain', { days: panel.promptAgainAfterDays, when: formatDateTime(panel.prompt.lastUpdate, lang, tz) })
        : t('progress.promptFirst', { when: formatDateTime(panel.prompt.lateSince, lang, tz) }))),
    writing ? null : el('button', {
      type: 'button', id: 'progress-open', class: ['button', 'button-primary', 'button-small'], i18n: 'progress.tell',
      on: { click: () => { page.caseworkForm = 'progress'; page.redraw(); page.container.querySelector('#progress-form-method')?.focus(); } },
    })) : null;
  const updates = panel.progress.map((update) => el('li', { class: 'progress-entry' },
    el('div', { class: 'timeline-meta' },
      el('time', { dateTime: update.toldAt }, formatDateTime(update.toldAt, lang, tz)),
      el('span', null, t(`progress.method.${update.method}`)),
      el('span', { class: 'timeline-author' }, update.authorName || t('timeline.nobody'))),
    el('p', { class: ['progress-said', 'case-text'] }, update.said)));
  return el('section', { id: 'case-progress', class: ['card', 'casework-card', panel.prompt ? 'is-due' : null], attrs: { 'aria-labelledby': 'case-progress-title' } },
    el('h2', { id: 'case-progress-title', class: 'card-title', i18n: 'progress.title' }),
    prompt,
    writing ? progressForm(page, act) : null,
    updates.length ? el('ol', { id: 'progress-list', class: 'progress-list' }, updates) : null);
}

function progressForm(page, act) {
  const formId = 'progress-form';
  const form = el('form', { id: formId, class: ['casework-form', 'no-print'], noValidate: true },
    el('div', { class: 'field-grid' },
      selectField({
        formId, id: `${formId}-method`, name: 'method', labelKey: 'field.progressMethod', placeholderKey: 'common.choose',
        options: PROGRESS_METHODS.map((value) => ({ value, labelKey: `progress.method.${value}` })),
      }),
      inputField({ formId, id: `${formId}-toldAt`, name: 'toldAt', labelKey: 'field.toldAt', hintKey: 'progress.toldAtHint', type: 'datetime-local', optional: true })),
    textareaField({ formId, id: `${formId}-said`, name: 'said', labelKey: 'field.said', placeholderKey: 'progress.saidPlaceholder', rows: 2 }),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: ['button', 'button-primary', 'button-small'], i18n: 'progress.save' }),
      el('button', { type: 'button', class: ['button', 'button-small'], i18n: 'common.cancel', on: { click: () => { page.caseworkForm = null; page.redraw(); } } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, () => api.addCaseProgress(page.id, readForm(form)), 'progress.saved');
  });
  return form;
}
