// Exporting the training workbook (matrix, drills, per-step averages): language, the native
// "save as" dialog, progress, then "Open file" / "Show in folder".

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { selectField, LANGUAGE_OPTIONS } from '../../lib/fields.js';
import { errorMessage, formErrorSlot } from '../../lib/form.js';
import { todayIso } from '../../lib/format.js';
import { setError, withProgress, fileResult } from '../reports/reports-export.js';

/// The workbook's suggested file name, e.g. `SH01_training_2026-11-22.xlsx`.
export function trainingFileName(code, today) {
  const prefix = String(code ?? '').trim().toUpperCase() || 'BRANCH';
  return `${prefix}_training_${today}.xlsx`;
}

/// The export card.
export function exportCard(ctx) {
  const formId = 'training-export';
  const errorSlot = formErrorSlot();
  errorSlot.id = 'training-export-error';
  const button = el('button', { type: 'submit', id: 'training-export-button', class: ['button', 'button-primary'], i18n: 'training.export.button' });
  const result = el('div', { class: 'file-result-slot' });
  const form = el('form', { id: formId, class: ['card', 'training-export', 'no-print'], noValidate: true, attrs: { 'aria-labelledby': 'training-export-title' } },
    el('h2', { id: 'training-export-title', class: 'card-title', i18n: 'training.export.title' }),
    el('p', { class: 'muted', i18n: 'training.export.intro' }),
    selectField({ formId, id: 'training-export-lang', name: 'lang', labelKey: 'reports.export.language', options: LANGUAGE_OPTIONS, value: getLanguage() }),
    el('div', { class: 'form-actions' }, button),
    errorSlot,
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    setError(errorSlot, '');
    result.replaceChildren();
    const lang = form.elements.lang.value;
    try {
      const tz = ctx.status?.branch?.timezone;
      const path = await api.chooseSavePath({
        defaultPath: trainingFileName(ctx.status?.branch?.code, todayIso(tz)),
        filterName: t('reports.file.xlsxFilter'),
      });
      if (!path) return;
      const done = await withProgress(button, 'training.export.busy', () => api.exportTraining({ lang, path }));
      result.replaceChildren(fileResult({ id: 'training-export-done', messageKey: 'training.export.done', path: done?.path || path, errorSlot }));
    } catch (err) {
      setError(errorSlot, errorMessage(err));
    }
  });
  return form;
}
