// Settings › Reminders: which OS notifications to send (each kind can be turned off) and the
// time of the daily summary. The rules of what is due live in Rust (src/reminders).

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { inputField } from '../../lib/fields.js';
import { showError, clearErrors, formErrorSlot, whileBusy } from '../../lib/form.js';
import { toastSaved } from '../../lib/toast.js';

/// The kinds, in the order Settings lists them (as `reminders::ReminderKind`).
export const REMINDER_KINDS = Object.freeze(['acknowledge', 'resolve', 'crisis', 'measure', 'refresher', 'summary']);

/// The Reminders card; `load()` fills it from the backend.
export function buildReminders() {
  const formId = 'reminders-form';
  const boxes = REMINDER_KINDS.map((kind) => el('input', { type: 'checkbox', id: `reminder-${kind}`, name: kind, checked: true }));
  const form = el('form', { id: formId, noValidate: true },
    el('p', { class: 'muted', i18n: 'reminders.intro' }),
    el('fieldset', { class: 'reminder-kinds' },
      el('legend', { class: 'field-label', i18n: 'reminders.kinds' }),
      REMINDER_KINDS.map((kind, index) => el('label', { class: 'checkbox', htmlFor: `reminder-${kind}` },
        boxes[index], el('span', { i18n: `reminders.kind.${kind}` })))),
    inputField({
      formId, id: 'reminder-summaryTime', name: 'summaryTime', labelKey: 'reminders.summaryTime', hintKey: 'reminders.summaryTimeHint',
      value: '08:30', attrs: { inputmode: 'numeric', maxlength: 5 },
    }),
    formErrorSlot(),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'reminders-save', class: ['button', 'button-primary'], i18n: 'common.save' })));
  form.elements.summaryTime.classList.add('input-time');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const settings = {
      off: REMINDER_KINDS.filter((kind, index) => !boxes[index].checked),
      summaryTime: form.elements.summaryTime.value.trim(),
    };
    try {
      const saved = await whileBusy(form, () => api.setReminderSettings(settings));
      fill(saved);
      toastSaved();
    } catch (err) {
      showError(form, err);
    }
  });
  const fill = (settings) => {
    REMINDER_KINDS.forEach((kind, index) => { boxes[index].checked = !settings.off.includes(kind); });
    form.elements.summaryTime.value = settings.summaryTime;
  };
  const section = el('section', { id: 'settings-reminders', class: ['card', 'settings-section'], attrs: { 'aria-labelledby': 'settings-reminders-title' } },
    el('h2', { id: 'settings-reminders-title', class: 'card-title', i18n: 'reminders.title' }),
    form);
  return { section, load: async () => fill(await api.reminderSettings()) };
}
