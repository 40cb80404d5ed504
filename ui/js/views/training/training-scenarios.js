// The scenario library: role-plays by industry and customer type, each with the persona card
// for the person playing the customer and a briefing for the trainee. Trainers add their own,
// edit and retire them, and start a drill from any of them.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { errorMessage, formErrorSlot } from '../../lib/form.js';
import { toast, toastError } from '../../lib/toast.js';
import { guardUnsavedForm } from '../../lib/unsaved-form.js';
import { setError } from '../reports/reports-export.js';
import { SCENARIO_INDUSTRIES, SCENARIO_TYPES, pickBi, trainingHash } from './training-format.js';

/// The persona fields in the order the card shows them.
export const PERSONA = ['who', 'happened', 'wants', 'angrier', 'calmer', 'opening'];
const TEXTS = ['title', ...PERSONA, 'briefing'];

/// A persona card (for the actor) as a definition list.
export function personaCard(scenario, lang, id) {
  return el('dl', { id, class: 'persona' }, PERSONA.map((field) => [
    el('dt', { i18n: `training.persona.${field}` }),
    el('dd', { class: field === 'opening' ? 'persona-opening' : null }, pickBi(lang, scenario[field])),
  ]));
}

function scenarioCard(s, lang) {
  return el('li', { class: ['card', 'scenario-card', s.retired && 'is-retired'], dataset: { scenarioId: String(s.id), customerType: s.customerType, industry: s.industry } },
    el('div', { class: 'card-heading' },
      el('h3', { class: 'card-title' }, pickBi(lang, s.title)),
      el('span', { class: ['tag', `type-${s.customerType}`] }, t(`customerType.${s.customerType}`)),
      el('span', { class: ['tag', 'tag-muted'] }, t(`industry.${s.industry}`))),
    el('details', { class: 'scenario-details' },
      el('summary', { i18n: 'training.scenarios.show' }),
      personaCard(s, lang),
      el('h4', { i18n: 'training.persona.briefing' }),
      el('p', { class: 'briefing' }, pickBi(lang, s.briefing))),
    el('div', { class: ['form-actions', 'no-print'] },
      s.retired ? null : el('a', { href: trainingHash('drill', { scenario: s.id }), class: ['button', 'button-small', 'button-primary'], i18n: 'training.scenarios.run' }),
      el('button', { type: 'button', class: ['button', 'button-small'], dataset: { act: 'edit' }, i18n: 'common.edit' }),
      el('button', { type: 'button', class: ['button', 'button-small'], dataset: { act: 'retire' }, i18n: s.retired ? 'training.curriculum.restore' : 'training.curriculum.retire' })));
}

function editor(scenario, lang, onSaved, onCancel) {
  const errorSlot = formErrorSlot();
  errorSlot.id = 'scenario-editor-error';
  const select = (name, values, labelPrefix, value) => el('label', { class: 'field', htmlFor: `scenario-${name}` },
    el('span', { class: 'field-label', i18n: `training.scenarios.${name}` }),
    el('select', { id: `scenario-${name}`, name, class: 'input', value }, values.map((v) => el('option', { value: v }, t(`${labelPrefix}.${v}`)))));
  const form = el('form', { id: 'scenario-editor', class: ['card', 'scenario-editor'], noValidate: true },
    el('h2', { class: 'card-title', i18n: scenario ? 'training.scenarios.editTitle' : 'training.scenarios.addTitle' }),
    el('div', { class: 'field-row' },
      select('industry', SCENARIO_INDUSTRIES, 'industry', scenario?.industry ?? 'other'),
      select('customerType', SCENARIO_TYPES, 'customerType', scenario?.customerType ?? 'angry')),
    TEXTS.map((field) => el('label', { class: 'field', htmlFor: `scenario-${field}` },
      el('span', { class: 'field-label', i18n: field === 'title' ? 'training.scenarios.titleField' : `training.persona.${field}` }),
      field === 'title'
        ? el('input', { id: `scenario-${field}`, name: field, class: 'input', value: scenario ? pickBi(lang, scenario.title) : '', attrs: { maxlength: 100 } })
        : el('textarea', { id: `scenario-${field}`, name: field, class: 'input', rows: 2, value: scenario ? pickBi(lang, scenario[field]) : '' }))),
    errorSlot,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'scenario-save', class: ['button', 'button-primary'], i18n: 'common.save' }),
      el('button', { type: 'button', class: 'button', i18n: 'common.cancel', on: { click: onCancel } })));
  guardUnsavedForm(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setError(errorSlot, '');
    const input = Object.fromEntries(['industry', 'customerType', ...TEXTS].map((name) => [name, form.elements[name].value]));
    try {
      onSaved(await api.saveDrillScenario(scenario?.id ?? null, input));
    } catch (err) {
      setError(errorSlot, errorMessage(err));
    }
  });
  return form;
}

/// Renders the library, filtered by `route.params.type` / `industry`.
export async function renderScenarios(body, ctx, route) {
  const lang = getLanguage();
  const { type = '', industry = '' } = route.params;
  const scenarios = await api.listDrillScenarios(route.params.retired === '1');
  const shown = scenarios.filter((s) => (!type || s.customerType === type) && (!industry || s.industry === industry));
  const slot = el('div', { class: 'editor-slot' });
  const reload = () => renderScenarios(body, ctx, route);
  const openEditor = (scenario) => {
    slot.replaceChildren(editor(scenario, lang, () => { toast(t('training.scenarios.saved'), 'success'); reload(); }, () => slot.replaceChildren()));
    slot.querySelector('#scenario-title').focus();
  };
  const filters = el('form', { id: 'scenario-filters', class: ['filters', 'no-print'] },
    ['industry', 'type'].map((name) => el('label', { class: 'filter', htmlFor: `scenario-filter-${name}` },
      el('span', { class: 'filter-label', i18n: name === 'type' ? 'training.scenarios.customerType' : 'training.scenarios.industry' }),
      el('select', { id: `scenario-filter-${name}`, name, class: ['input', 'input-compact'], value: name === 'type' ? type : industry },
        el('option', { value: '', i18n: 'training.filter.all' }),
        (name === 'type' ? SCENARIO_TYPES : SCENARIO_INDUSTRIES).map((v) => el('option', { value: v }, t(`${name === 'type' ? 'customerType' : 'industry'}.${v}`)))))));
  filters.addEventListener('change', () => {
    location.hash = trainingHash('scenarios', { industry: filters.elements.industry.value, type: filters.elements.type.value });
  });
  const list = el('ul', { id: 'scenario-list', class: 'scenario-list' }, shown.map((s) => scenarioCard(s, lang)));
  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-act]');
    if (!button) return;
    const scenario = scenarios.find((s) => s.id === Number(button.closest('li').dataset.scenarioId));
    if (button.dataset.act === 'edit') return openEditor(scenario);
    try {
      await api.setDrillScenarioRetired(scenario.id, !scenario.retired);
      await reload();
    } catch (err) {
      toastError(err);
    }
  });
  body.replaceChildren(
    el('div', { class: ['toolbar', 'no-print'] },
      el('button', { type: 'button', id: 'scenario-add', class: ['button', 'button-primary'], i18n: 'training.scenarios.add', on: { click: () => openEditor(null) } }),
      filters),
    slot,
    shown.length ? list : el('p', { id: 'scenario-none', class: 'note', i18n: 'training.scenarios.none' }));
}
