// The group roll-up: combine the workbooks several branches exported for the same month into
// one. The user picks the files, then where to save the result; the answer lists the branches
// included, or says which file was refused and why ("<file>: <reason>").

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { selectField, LANGUAGE_OPTIONS } from '../../lib/fields.js';
import { formErrorSlot } from '../../lib/form.js';
import { formatMonth } from '../../lib/months.js';
import { rollupFileName, rollupErrorText, baseName } from './report-format.js';
import { setError, withProgress, fileResult } from './reports-export.js';

/// The roll-up card; the suggested output name uses `view.month`.
export function rollupPanel(view) {
  const formId = 'report-rollup';
  const errorSlot = formErrorSlot();
  errorSlot.id = 'report-rollup-error';
  const button = el('button', { type: 'submit', id: 'report-rollup-choose', class: 'button', i18n: 'reports.rollup.choose' });
  const chosen = el('ul', { id: 'report-rollup-files', class: 'file-list', hidden: true });
  const result = el('div', { class: 'file-result-slot' });
  const form = el('form', { id: formId, class: ['card', 'report-rollup', 'no-print'], noValidate: true, attrs: { 'aria-labelledby': 'report-rollup-title' } },
    el('h2', { id: 'report-rollup-title', class: 'card-title', i18n: 'reports.rollup.title' }),
    el('p', { class: 'muted', i18n: 'reports.rollup.intro' }),
    el('div', { class: 'export-options' },
      selectField({ formId, id: 'report-rollup-lang', name: 'lang', labelKey: 'reports.export.language', options: LANGUAGE_OPTIONS, value: getLanguage() })),
    el('div', { class: 'form-actions' }, button),
    chosen,
    errorSlot,
    result);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    setError(errorSlot, '');
    result.replaceChildren();
    const lang = form.elements.lang.value;
    try {
      const paths = await api.chooseXlsxFiles({ filterName: t('reports.file.xlsxFilter') });
      if (!paths.length) return;
      chosen.replaceChildren(
        el('li', { class: 'file-list-title' }, t('reports.rollup.chosen', { count: paths.length })),
        ...paths.map((path) => el('li', { class: 'file-list-item', attrs: { title: path } }, baseName(path))));
      chosen.hidden = false;
      const out = await api.chooseSavePath({ defaultPath: rollupFileName(view.month), filterName: t('reports.file.xlsxFilter') });
      if (!out) return;
      const done = await withProgress(button, 'reports.rollup.busy', () => api.rollupFiles({ paths, out, lang }));
      const branches = done?.branches ?? [];
      result.replaceChildren(fileResult({
        id: 'report-rollup-done', messageKey: 'reports.rollup.done',
        messageParams: { month: done?.month ? formatMonth(done.month, getLanguage()) : '', count: branches.length },
        path: done?.out || out, errorSlot,
        extra: el('ul', { id: 'report-rollup-branches', class: 'branch-list' }, branches.map((branch) => el('li', { dataset: { code: String(branch.code ?? '') } },
          el('span', { class: 'branch-code' }, branch.code), el('span', { class: 'branch-list-name' }, branch.name)))),
      }));
    } catch (err) {
      if (!err?.code) console.error(err);
      setError(errorSlot, rollupErrorText(err, getLanguage()));
    }
  });
  return { node: form };
}
