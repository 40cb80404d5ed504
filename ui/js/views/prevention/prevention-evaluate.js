// The evaluation: in the evaluate phase of an active plan, record whether it worked
// (effective, partly, not effective; the numbers' suggestion is preselected) and the next
// step, which closes the plan. A finished plan shows its verdict and offers a follow-on plan
// with the same target and goal, linked to it.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { readForm, formErrorSlot, errorSlot } from '../../lib/form.js';
import { textareaField } from '../cases/case-ui.js';
import { CONCLUSIONS, followOnPrefill, newPlanHash, planHash, suggestedConclusion } from './prevention-format.js';
import { planStatusBadge } from './prevention-ui.js';

/// The evaluation card of a plan page, or null while there is nothing to evaluate yet.
export function buildEvaluation(page) {
  const { plan, followOns } = page.detail;
  if (plan.conclusion) return verdict(page, plan, followOns);
  if (plan.status === 'active' && plan.phase === 'evaluate') return form(page);
  if (plan.phase === 'evaluate' && plan.status === 'draft') {
    return el('section', { id: 'plan-evaluation', class: 'card' },
      el('h2', { class: 'card-title', i18n: 'prevention.evaluate.title' }),
      el('p', { class: 'note', i18n: 'prevention.evaluate.startFirst' }));
  }
  return null;
}

function form(page) {
  const formId = 'plan-evaluate';
  const suggested = suggestedConclusion(page.detail.effect);
  const node = el('form', { id: formId, class: ['card', 'plan-evaluation'], noValidate: true, attrs: { 'aria-labelledby': `${formId}-title` } },
    el('h2', { id: `${formId}-title`, class: 'card-title', i18n: 'prevention.evaluate.title' }),
    el('p', { class: 'hint', i18n: suggested ? 'prevention.evaluate.suggested' : 'prevention.evaluate.hint' }),
    formErrorSlot(),
    el('fieldset', { class: ['field', 'conclusion-choice'] },
      el('legend', { class: 'field-label', i18n: 'prevention.field.conclusion' }),
      CONCLUSIONS.map((conclusion) => el('label', { class: 'checkbox', htmlFor: `${formId}-${conclusion}` },
        el('input', { type: 'radio', id: `${formId}-${conclusion}`, name: 'conclusion', value: conclusion, checked: conclusion === suggested }),
        el('span', { i18n: `prevention.conclusion.${conclusion}` }))),
      errorSlot(formId, 'conclusion', 'prevention.field.conclusion')),
    textareaField({ formId, id: `${formId}-nextStep`, name: 'nextStep', labelKey: 'prevention.field.nextStep', hintKey: 'prevention.field.nextStepHint', rows: 3 }),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: `${formId}-save`, class: ['button', 'button-primary'], i18n: 'prevention.evaluate.save' })));
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = readForm(node);
    page.run(() => api.recordPlanEvaluation(page.id, { conclusion: values.conclusion ?? '', nextStep: values.nextStep }), { form: node, toastKey: 'prevention.evaluate.saved' });
  });
  return node;
}

function verdict(page, plan, followOns) {
  const lang = getLanguage();
  return el('section', { id: 'plan-evaluation', class: ['card', 'plan-evaluation', `conclusion-${plan.conclusion}`], attrs: { 'aria-labelledby': 'plan-evaluation-title' } },
    el('h2', { id: 'plan-evaluation-title', class: 'card-title', i18n: 'prevention.evaluate.done' }),
    el('p', { id: 'plan-conclusion', class: ['badge', 'conclusion-badge', `conclusion-${plan.conclusion}`] }, t(`prevention.conclusion.${plan.conclusion}`)),
    el('p', { id: 'plan-next-step', class: 'case-text' }, plan.nextStep ?? ''),
    plan.evaluatedAt ? el('p', { class: 'muted' }, t('prevention.evaluate.at', { time: formatDateTime(plan.evaluatedAt, lang, page.ctx.status?.branch?.timezone) })) : null,
    followOns.length ? el('ul', { id: 'plan-follow-ons', class: 'history-list' }, followOns.map((next) => el('li', null,
      el('a', { href: planHash(next.id) }, next.title), planStatusBadge(next.status)))) : null,
    el('div', { class: ['form-actions', 'no-print'] },
      el('a', { href: newPlanHash(followOnPrefill(plan)), id: 'plan-follow-on', class: 'button', i18n: 'prevention.followOn.start' })));
}
