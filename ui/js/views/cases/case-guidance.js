// Handling guidance beside the case: short tips for this kind of customer (general advice while
// the type is not judged yet) and the conversation technique, step by step, to keep in view
// while talking to them. Texts live in the dictionaries (guidance.*).

import { el } from '../../lib/dom.js';

// How many tips each customer type has in the dictionaries (guidance.<type>.<n>).
const TIPS = Object.freeze({ passive: 4, talker: 4, angry: 5, activist: 4, general: 4 });
// The technique steps, in the order they are used (guidance.step.<n>).
const STEPS = 13;

const range = (count) => Array.from({ length: count }, (_, index) => index + 1);

/// Builds the guidance card for `customerType` (`unknown` gets general advice).
export function buildGuidance(customerType) {
  const type = Object.hasOwn(TIPS, customerType) && customerType !== 'general' ? customerType : 'general';
  return el('section', { id: 'case-guidance', class: ['card', 'guidance', 'no-print'], dataset: { customerType: type }, attrs: { 'aria-labelledby': 'case-guidance-title' } },
    el('h2', { id: 'case-guidance-title', class: 'card-title', i18n: 'guidance.title' }),
    el('h3', { class: 'subhead', i18n: `guidance.${type}.title` }),
    el('ul', { class: 'guidance-tips' }, range(TIPS[type]).map((n) => el('li', { i18n: `guidance.${type}.${n}` }))),
    el('h3', { class: 'subhead', i18n: 'guidance.steps.title' }),
    el('ol', { class: 'guidance-steps' }, range(STEPS).map((n) => el('li', { i18n: `guidance.step.${n}` }))));
}
