// Lessons learned: how a lesson reads (its category, customer type, what it became) and the
// training page's "new since your last drill" rows. Pure helpers apart from lessonLinks; no
// DOM at load time, so node --test can import it.

import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { trainingHash } from '../training/training-format.js';
import { planHash } from '../prevention/prevention-format.js';

/// The lesson's category as people read it: the branch's own name or the seeded one translated.
export function lessonCategory(lesson) {
  return lesson.categoryName ?? t(`category.${lesson.categoryKey}`);
}

/// The hash of the lessons library, with optional filters.
export function lessonsHash({ text = '', categoryId = '', customerType = '' } = {}) {
  return trainingHash('lessons', { text, category: categoryId, type: customerType });
}

/// The library's filters from its hash's query parameters.
export function lessonFilters(params = {}) {
  const category = Number.parseInt(params.category ?? '', 10);
  return {
    text: String(params.text ?? '').trim(),
    categoryId: Number.isSafeInteger(category) && category > 0 ? category : null,
    customerType: params.type ?? '',
  };
}

/// Per person, how many lessons are new since their last drill, the most first, then by name;
/// people with nothing new are left out.
export function sinceDrillRows(people) {
  return people
    .filter((p) => p.lessonIds.length > 0)
    .map((p) => ({ staffId: p.staffId, name: p.name, count: p.lessonIds.length, lastDrillAt: p.lastDrillAt }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/// Links to what the lesson became (a drill scenario, a measure's plan), or null.
export function lessonLinks(lesson, idPrefix = 'case-lesson') {
  const links = [
    lesson.drillScenarioId != null ? el('a', { id: `${idPrefix}-scenario`, href: trainingHash('scenarios'), i18n: 'lesson.became.scenario' }) : null,
    lesson.planId != null ? el('a', { id: `${idPrefix}-measure`, href: planHash(lesson.planId), i18n: 'lesson.became.measure' }) : null,
  ].filter(Boolean);
  return links.length ? el('p', { class: 'lesson-links' }, links) : null;
}
