// Import step 1: choose a spreadsheet (the backend opens the system dialog) and see what it
// holds: its name, row count, encoding or sheet, and its first rows exactly as text.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { toastError } from '../../lib/toast.js';

/// Takes a picked file (or another sheet of it) into the wizard: its suggested or remembered
/// mapping becomes the starting point.
function takeFile(wizard, picked) {
  wizard.picked = picked;
  wizard.mapping = { ...picked.mapping };
  wizard.options = { ...wizard.options, sheet: picked.preview.sheet ?? null };
  wizard.report = null;
}

async function busy(button, work) {
  button.disabled = true;
  try {
    await work();
  } catch (err) {
    toastError(err);
  } finally {
    button.disabled = false;
  }
}

function sheetPicker(wizard) {
  const { preview, token } = wizard.picked;
  if (preview.sheets.length < 2) return null;
  const select = el('select', { id: 'import-sheet', class: 'input', value: preview.sheet ?? '' },
    preview.sheets.map((name) => el('option', { value: name }, name)));
  select.addEventListener('change', () => busy(select, async () => {
    takeFile(wizard, await api.importPreview(token, select.value));
    wizard.go('file');
  }));
  return el('div', { class: ['field', 'import-sheet-field'] },
    el('label', { htmlFor: 'import-sheet', class: 'field-label', i18n: 'import.file.sheet' }), select);
}

function previewTable(preview) {
  return el('div', { class: ['table-wrap', 'import-preview-wrap'] },
    el('table', { id: 'import-preview', class: ['table', 'import-table'] },
      el('caption', { class: 'visually-hidden', i18n: 'import.preview.caption' }),
      el('thead', null, el('tr', null,
        el('th', { scope: 'col', i18n: 'import.preview.row' }),
        preview.headers.map((header) => el('th', { scope: 'col' }, header)))),
      el('tbody', null, preview.rows.map((row) => el('tr', null,
        el('th', { scope: 'row', class: 'import-row-number' }, String(row.number)),
        row.cells.map((cell) => el('td', { class: 'import-cell' }, cell)))))));
}

function fileDetails(wizard) {
  const { preview } = wizard.picked;
  const lang = getLanguage();
  const shown = preview.rows.length;
  return [
    el('p', { id: 'import-file-summary', class: 'import-file-summary' },
      t('import.file.summary', { file: preview.fileName, count: formatNumber(preview.rowCount, lang) })),
    preview.encoding
      ? el('p', { id: 'import-encoding', class: 'hint' }, t('import.file.encoding', { encoding: t(`import.encoding.${preview.encoding}`) }))
      : null,
    sheetPicker(wizard),
    previewTable(preview),
    shown < preview.rowCount
      ? el('p', { class: 'hint' }, t('import.preview.more', { shown: formatNumber(shown, lang), count: formatNumber(preview.rowCount, lang) }))
      : null,
  ];
}

/// Builds step 1.
export function renderFileStep(wizard) {
  const pick = el('button', { type: 'button', id: 'import-pick', class: ['button', wizard.picked ? null : 'button-primary'], i18n: wizard.picked ? 'import.pickAnother' : 'import.pick' });
  const next = el('button', { type: 'button', id: 'import-next', class: ['button', 'button-primary'], i18n: 'import.next.mapping', disabled: !wizard.picked });
  pick.addEventListener('click', () => busy(pick, async () => {
    const picked = await api.importPickFile();
    if (!picked) return;
    takeFile(wizard, picked);
    wizard.go('file');
  }));
  next.addEventListener('click', () => wizard.go('mapping'));
  return el('section', { id: 'import-file-step', class: 'card', attrs: { 'aria-labelledby': 'import-file-title' } },
    el('h2', { id: 'import-file-title', class: 'card-title', i18n: 'import.step.file' }),
    el('p', { class: 'muted', i18n: 'import.pickHint' }),
    el('div', { class: 'form-actions' }, pick),
    wizard.picked ? fileDetails(wizard) : null,
    el('div', { class: ['form-actions', 'wizard-actions'] }, next));
}
