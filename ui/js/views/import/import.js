// Import a complaint log (#/import): a four-step wizard. 1 choose a file and see its first
// rows; 2 match columns to case fields; 3 check every row (nothing stored); 4 import all rows
// in one go and show the result. Each step lives in its own module; this one keeps the
// wizard's state and moves between steps.

import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { pageHeader } from '../../lib/states.js';
import { renderFileStep } from './import-file.js';
import { renderMappingStep } from './import-mapping.js';
import { renderCheckStep, renderImportStep } from './import-report.js';

const STEPS = [
  ['file', 'import.step.file', renderFileStep],
  ['mapping', 'import.step.mapping', renderMappingStep],
  ['check', 'import.step.check', renderCheckStep],
  ['import', 'import.step.import', renderImportStep],
];

/// Renders the wizard at its first step.
export function render(container) {
  const wizard = {
    picked: null, // {token, preview, mapping, remembered, complete}
    mapping: {}, // {field: column name}
    options: { sheet: null, unknownCategoryToOther: false },
    report: null,
    go: null,
  };
  const markers = STEPS.map(([name, key], index) => el('li', { class: 'wizard-step', dataset: { step: name } },
    el('span', { class: 'wizard-step-number', attrs: { 'aria-hidden': 'true' } }, String(index + 1)),
    el('span', { i18n: key })));
  const body = el('div', { id: 'import-body', class: 'import-body' });
  container.replaceChildren(
    pageHeader('import.title', { introKey: 'import.intro' }),
    el('ol', { id: 'import-steps', class: 'wizard-steps', attrs: { 'aria-label': t('import.steps') } }, markers),
    body);

  wizard.go = (name) => {
    const index = STEPS.findIndex(([step]) => step === name);
    markers.forEach((marker, i) => {
      marker.classList.toggle('is-done', i < index);
      if (i === index) marker.setAttribute('aria-current', 'step');
      else marker.removeAttribute('aria-current');
    });
    body.dataset.step = name;
    body.replaceChildren(STEPS[index][2](wizard));
    const heading = body.querySelector('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  };
  wizard.go('file');
}
