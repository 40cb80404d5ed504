// Where a training-type measure shows the training module or drill it relies on, and so
// whether that training was completed. The training area wires the picker and the completion
// once it has landed; until then measures carry no link and this shows nothing.

import { el } from '../lib/dom.js';
import { t } from '../i18n/index.js';

/// The link of `measure` to training (`trainingModuleId`, `drillScenarioId`), or null when none.
export function renderMeasureLink(measure) {
  const parts = [];
  if (measure.trainingModuleId != null) parts.push(t('prevention.measure.linkModule', { id: String(measure.trainingModuleId) }));
  if (measure.drillScenarioId != null) parts.push(t('prevention.measure.linkDrill', { id: String(measure.drillScenarioId) }));
  if (!parts.length) return null;
  return el('p', { class: ['hint', 'measure-link'] }, parts.join(' · '));
}
