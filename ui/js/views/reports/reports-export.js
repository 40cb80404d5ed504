// Exporting the month's workbook for head office: language, whether names and phone numbers
// go in (off by default, with a warning), whether descriptions are masked (phone numbers, the
// complainant's name and ID-like numbers; on by default, and following the personal-data
// choice until the user sets it), then the native "save as" dialog, progress, and a result
// with "Open file" and "Show in folder". Errors appear under the button.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { selectField, LANGUAGE_OPTIONS } from '../../lib/fields.js';
import { errorMessage, formErrorSlot } from '../../lib/form.js';
import { formatMonth, monthKey } from '../../lib/months.js';
import { exportFileName } from './report-format.js';

/// Shows `message` in an error slot (or hides it when empty).
export function setError(slot, message) {
  slot.textContent = message || '';
  slot.hidden = !message;
  if (message) slot.focus();
}

/// Disables `button` and swaps its text for a spinner and `busyKey` while `work` runs.
export async function withProgress(button, busyKey, work) {
  const idle = [...button.childNodes];
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.replaceChildren(el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), t(busyKey));
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.replaceChildren(...idle);
  }
}

/// "Saved to <path>" with Open file / Show in folder. `extra` nodes go between the two.
export function fileResult({ id, messageKey, messageParams, path, errorSlot, extra = null }) {
  const open = (action) => async () => {
    setError(errorSlot, '');
    reveal.classList.remove('is-suggested');
    try {
      await action(path);
    } catch (err) {
      setError(errorSlot, errorMessage(err));
      // Nothing opens this file here: the folder is the way on, so point to it.
      if (err?.code === 'open.no_program') {
        reveal.classList.add('is-suggested');
        reveal.focus();
      }
    }
  };
  const reveal = el('button', { type: 'button', id: `${id}-reveal`, class: ['button', 'button-small'], i18n: 'reports.file.reveal', on: { click: open(api.revealPath) } });
  return el('div', { id, class: 'file-result', attrs: { role: 'status' } },
    el('p', { class: 'file-result-message' }, t(messageKey, messageParams)),
    el('code', { class: ['path', 'file-result-path'] }, path),
    extra,
    el('div', { class: 'file-result-actions' },
      el('button', { type: 'button', id: `${id}-open`, class: ['button', 'button-small'], i18n: 'reports.file.open', on: { click: open(api.openPath) } }),
      reveal));
}

/// The export card for the month `view.month` (kept current through `setMonth`).
export function exportPanel(view) {
  const formId = 'report-export';
  const errorSlot = formErrorSlot();
  errorSlot.id = 'report-export-error';
  const personal = el('input', { type: 'checkbox', id: 'report-export-personal', name: 'includePersonalData', attrs: { 'aria-describedby': 'report-export-personal-hint' } });
  const maskDescriptions = el('input', { type: 'checkbox', id: 'report-export-mask-descriptions', name: 'maskDescriptions', checked: true, attrs: { 'aria-describedby': 'report-export-mask-descriptions-hint' } });
  const warning = el('p', { id: 'report-export-warning', class: ['note', 'note-warn'], hidden: true, attrs: { role: 'note' }, i18n: 'reports.export.personalWarning' });
  const button = el('button', { type: 'submit', id: 'report-export-button', class: ['button', 'button-primary'] });
  const result = el('div', { class: 'file-result-slot' });
  const form = el('form', { id: formId, class: ['card', 'report-export', 'no-print'], noValidate: true, attrs: { 'aria-labelledby': 'report-export-title' } },
    el('h2', { id: 'report-export-title', class: 'card-title', i18n: 'reports.export.title' }),
    el('p', { class: 'muted', i18n: 'reports.export.intro' }),
    el('div', { class: 'export-options' },
      selectField({ formId, id: 'report-export-lang', name: 'lang', labelKey: 'reports.export.language', hintKey: 'reports.export.languageHint', options: LANGUAGE_OPTIONS, value: getLanguage() }),
      el('div', { class: 'field' },
        el('label', { class: 'checkbox', htmlFor: 'report-export-personal' }, personal, el('span', { i18n: 'reports.export.personal' })),
        el('p', { id: 'report-export-personal-hint', class: 'hint', i18n: 'reports.export.personalHint' })),
      el('div', { class: 'field' },
        el('label', { class: 'checkbox', htmlFor: 'report-export-mask-descriptions' }, maskDescriptions, el('span', { i18n: 'reports.export.maskDescriptions' })),
        el('p', { id: 'report-export-mask-descriptions-hint', class: 'hint', i18n: 'reports.export.maskDescriptionsHint' }))),
    warning,
    el('div', { class: 'form-actions' }, button),
    errorSlot,
    result);

  const setMonth = (month) => {
    button.textContent = t('reports.export.button', { month: formatMonth(month, getLanguage()) });
    result.replaceChildren();
    setError(errorSlot, '');
  };
  setMonth(view.month);
  // Descriptions follow the personal-data choice until the user decides about them.
  let descriptionsChosen = false;
  maskDescriptions.addEventListener('change', () => { descriptionsChosen = true; });
  personal.addEventListener('change', () => {
    warning.hidden = !personal.checked;
    if (!descriptionsChosen) maskDescriptions.checked = !personal.checked;
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    setError(errorSlot, '');
    result.replaceChildren();
    const month = view.month;
    const lang = form.elements.lang.value;
    const includePersonalData = personal.checked;
    const masked = maskDescriptions.checked;
    try {
      const path = await api.chooseSavePath({
        defaultPath: exportFileName(view.ctx.status?.branch?.code, month),
        filterName: t('reports.file.xlsxFilter'),
      });
      if (!path) return;
      const done = await withProgress(button, 'reports.export.busy',
        () => api.exportMonth({ month: monthKey(month), lang, includePersonalData, maskDescriptions: masked, path }));
      result.replaceChildren(fileResult({
        id: 'report-export-done', messageKey: 'reports.export.done', messageParams: { month: formatMonth(month, getLanguage()) },
        path: done?.path || path, errorSlot,
      }));
    } catch (err) {
      setError(errorSlot, errorMessage(err));
    }
  });
  return { node: form, setMonth };
}
