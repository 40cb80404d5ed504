// What each figure means. Names and definitions come from the backend (`report_glossary`),
// the single source the Excel workbook uses too, so the screen and the file always agree.
// The glossary is listed in full at the foot of the report, and each figure's (i) button
// shows its definition in place.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { errorState } from '../../lib/states.js';

/// The glossary in `lang` as `{entries, byKey, error}`; a failure leaves it empty (figures
/// are then labelled by their keys) and is kept to show in the glossary section.
export async function loadGlossary(lang) {
  try {
    const entries = await api.reportGlossary(lang);
    return { entries, byKey: new Map(entries.map((entry) => [entry.key, entry])), error: null };
  } catch (err) {
    return { entries: [], byKey: new Map(), error: err };
  }
}

/// A figure's name in the current language, or its key when the glossary lacks it.
export function kpiName(glossary, key) {
  return glossary.byKey.get(key)?.name || key;
}

/// A figure's definition, or '' when unknown.
export function kpiDefinition(glossary, key) {
  return glossary.byKey.get(key)?.definition || '';
}

/// The (i) button that shows a figure's definition under its name, and the definition itself.
export function definitionToggle(glossary, key) {
  const definition = kpiDefinition(glossary, key);
  if (!definition) return [];
  const id = `kpi-def-${key}`;
  return [
    el('button', {
      type: 'button', class: 'kpi-info', dataset: { kpi: key },
      attrs: { 'aria-expanded': 'false', 'aria-controls': id, 'aria-label': t('reports.glossary.show', { name: kpiName(glossary, key) }) },
    }, 'i'),
    el('p', { id, class: 'kpi-definition', hidden: true }, definition),
  ];
}

/// Opens and closes definitions for clicks on (i) buttons anywhere under `root`.
export function installDefinitionToggles(root) {
  root.addEventListener('click', (event) => {
    const button = event.target.closest('.kpi-info');
    if (!button || !root.contains(button)) return;
    const definition = root.querySelector(`#${CSS.escape(button.getAttribute('aria-controls'))}`);
    if (!definition) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    definition.hidden = !open;
  });
}

/// The full glossary: every figure's name and definition, folded away until asked for.
export function glossarySection(glossary) {
  const body = glossary.error
    ? errorState(glossary.error)
    : el('dl', { class: 'glossary-list' }, glossary.entries.map((entry) => [
      el('dt', { dataset: { kpi: entry.key } }, entry.name || entry.key),
      el('dd', null, entry.definition),
    ]));
  return el('details', { id: 'report-glossary', class: ['card', 'report-glossary'] },
    el('summary', { class: 'glossary-summary' },
      el('h2', { class: 'card-title', i18n: 'reports.glossary.title' })),
    el('p', { class: 'muted', i18n: 'reports.glossary.intro' }),
    body);
}
