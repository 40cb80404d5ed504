// A training measure's link to the training area: the picker for the module and drill
// scenario it relies on, and what the link shows on the plan page (how many of the people the
// module is assigned to have completed it; how many drills of the scenario were held since the
// plan started), so the plan says whether the training really happened.

import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { namedSelectField } from '../cases/case-ui.js';
import { pick, pickBi } from '../training/training-format.js';

/// Measure kinds that may link to training (the backend refuses a link on any other kind).
export const LINKABLE_KINDS = Object.freeze(['training', 'emergency_drill']);

/// What the link of `measure` shows, or null when it has none.
export function renderMeasureLink(measure) {
  const link = measure.training;
  if (!link) return null;
  const lang = getLanguage();
  const lines = [];
  if (link.module) {
    const { complete, assigned } = link.module;
    lines.push(el('li', { class: 'measure-link-module', dataset: { complete: String(complete), assigned: String(assigned) } },
      t('prevention.measure.linkModule', { title: pick(lang, link.module.titleEn, link.module.titleZh) }), ' · ',
      assigned
        ? t('prevention.measure.linkModuleDone', { complete: formatNumber(complete, lang), assigned: formatNumber(assigned, lang) })
        : t('prevention.measure.linkModuleNobody')));
  }
  if (link.drill) {
    lines.push(el('li', { class: 'measure-link-drill', dataset: { held: String(link.drill.held) } },
      t('prevention.measure.linkDrill', { title: pick(lang, link.drill.titleEn, link.drill.titleZh) }), ' · ',
      t('prevention.measure.linkDrillHeld', { count: formatNumber(link.drill.held, lang) })));
  }
  return el('ul', { class: ['hint', 'measure-link'] }, lines);
}

/// The two pickers of a measure form (module, drill scenario), shown for the kinds that may
/// link; `training` holds the lists the plan page loaded.
export function measureLinkFields({ formId, training, values }) {
  const lang = getLanguage();
  const modules = training.modules.map((m) => [m.id, pick(lang, m.titleEn, m.titleZh)]);
  const scenarios = training.scenarios.map((s) => [s.id, pickBi(lang, s.title)]);
  return el('div', { class: ['field-grid', 'measure-link-fields'], hidden: !LINKABLE_KINDS.includes(values.kind) },
    namedSelectField({ formId, id: `${formId}-trainingModuleId`, name: 'trainingModuleId', labelKey: 'prevention.field.linkModule', choices: modules, value: values.trainingModuleId, noneKey: 'prevention.link.none', optional: true }),
    namedSelectField({ formId, id: `${formId}-drillScenarioId`, name: 'drillScenarioId', labelKey: 'prevention.field.linkDrill', choices: scenarios, value: values.drillScenarioId, noneKey: 'prevention.link.none', optional: true }));
}

/// Shows the pickers only for kinds that may link, as the kind changes.
export function watchMeasureKind(form) {
  const fields = form.querySelector('.measure-link-fields');
  form.elements.kind.addEventListener('change', () => { fields.hidden = !LINKABLE_KINDS.includes(form.elements.kind.value); });
}

/// The form's values, without links the chosen kind may not have.
export function linkedValues(values) {
  return LINKABLE_KINDS.includes(values.kind) ? values : { ...values, trainingModuleId: '', drillScenarioId: '' };
}
