// The lessons library (Training › Lessons): every lesson learned from closed cases, found by
// words (Chinese too) and filtered by category and customer type; who has lessons new since
// their last drill; and, per lesson, turning it into a drill scenario or a prevention measure.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { emptyState } from '../../lib/states.js';
import { toastError } from '../../lib/toast.js';
import { SCENARIO_TYPES } from '../training/training-format.js';
import { lessonCategory, lessonFilters, lessonLinks, lessonsHash, sinceDrillRows } from './lesson-format.js';
import { scenarioForm, measureForm } from './lesson-convert.js';

/// Renders the library into the training page's body.
export async function renderLessons(body, ctx, route) {
  const filters = lessonFilters(route.params);
  const [lessons, since, categories] = await Promise.all([
    api.listLessons(filters), api.lessonsSinceDrill(), api.listCategories()]);
  const page = { body, ctx, filters, lessons, categories };
  body.replaceChildren(sinceDrill(since, ctx), filterForm(page), list(page));
}

function sinceDrill(people, ctx) {
  const rows = sinceDrillRows(people);
  const lang = getLanguage();
  return el('section', { id: 'lessons-since-drill', class: 'card', attrs: { 'aria-labelledby': 'lessons-since-title' } },
    el('h2', { id: 'lessons-since-title', class: 'card-title', i18n: 'lesson.since.title' }),
    rows.length
      ? el('ul', { class: 'lessons-since' }, rows.map((row) => el('li', { dataset: { staffId: String(row.staffId) } },
        el('strong', null, row.name), ' ',
        el('span', null, t('lesson.since.count', { count: row.count })), ' ',
        el('span', { class: 'muted' }, row.lastDrillAt
          ? t('lesson.since.lastDrill', { date: formatDateTime(row.lastDrillAt, lang, ctx.status?.branch?.timezone) })
          : t('lesson.since.never')))))
      : el('p', { class: 'hint', i18n: 'lesson.since.none' }));
}

function filterForm(page) {
  const { filters, categories } = page;
  const form = el('form', { id: 'lessons-filter', class: ['card', 'filter-bar'], attrs: { role: 'search' } },
    el('label', { class: 'field' },
      el('span', { class: 'field-label', i18n: 'lesson.filter.text' }),
      el('input', { type: 'search', id: 'lessons-text', name: 'text', class: 'input', value: filters.text })),
    el('label', { class: 'field' },
      el('span', { class: 'field-label', i18n: 'lesson.filter.category' }),
      el('select', { id: 'lessons-category', name: 'categoryId', class: 'input', value: filters.categoryId == null ? '' : String(filters.categoryId) },
        el('option', { value: '', i18n: 'lesson.filter.all' }),
        categories.map((c) => el('option', { value: String(c.id) }, c.name ?? t(`category.${c.seedKey}`))))),
    el('label', { class: 'field' },
      el('span', { class: 'field-label', i18n: 'lesson.filter.customerType' }),
      el('select', { id: 'lessons-type', name: 'customerType', class: 'input', value: filters.customerType },
        el('option', { value: '', i18n: 'lesson.filter.all' }),
        [...SCENARIO_TYPES, 'unknown'].map((type) => el('option', { value: type }, t(`customerType.${type}`))))),
    el('button', { type: 'submit', id: 'lessons-search', class: ['button', 'button-primary'], i18n: 'lesson.filter.search' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = lessonsHash({
      text: form.elements.text.value.trim(), categoryId: form.elements.categoryId.value, customerType: form.elements.customerType.value,
    });
  });
  return form;
}

function list(page) {
  if (!page.lessons.length) {
    return emptyState({ id: 'lessons-empty', titleKey: 'lesson.library.emptyTitle', bodyKeys: ['lesson.library.emptyBody'] });
  }
  return el('ol', { id: 'lessons-list', class: 'lessons-list' }, page.lessons.map((lesson) => card(page, lesson)));
}

function card(page, lesson) {
  const lang = getLanguage();
  const prefix = `lesson-${lesson.id}`;
  const slot = el('div', { class: 'lesson-convert-slot' });
  const open = (build) => async () => {
    try {
      const done = (saved) => { Object.assign(lesson, saved); node.replaceWith(card(page, lesson)); };
      slot.replaceChildren(await build(lesson, done, () => slot.replaceChildren()));
      slot.querySelector('select, textarea, input')?.focus();
    } catch (err) {
      toastError(err);
    }
  };
  const actions = el('div', { class: ['form-actions', 'no-print'] },
    lesson.drillScenarioId == null
      ? el('button', { type: 'button', id: `${prefix}-to-scenario`, class: ['button', 'button-small'], i18n: 'lesson.convert.toScenario', on: { click: open(scenarioForm) } }) : null,
    lesson.measureId == null
      ? el('button', { type: 'button', id: `${prefix}-to-measure`, class: ['button', 'button-small'], i18n: 'lesson.convert.toMeasure', on: { click: open(measureForm) } }) : null);
  const node = el('li', { id: prefix, class: ['card', 'lesson-card'], dataset: { lessonId: String(lesson.id) } },
    el('header', { class: 'lesson-head' },
      el('a', { href: `#/cases/${lesson.caseId}`, class: 'lesson-case' }, lesson.caseNumber),
      el('span', { class: 'badge' }, lessonCategory(lesson)),
      el('span', { class: 'badge' }, t(`customerType.${lesson.customerType}`)),
      el('span', { class: 'muted' }, formatDateTime(lesson.createdAt, lang, page.ctx.status?.branch?.timezone))),
    el('dl', { class: 'lesson-texts' }, ['happened', 'worked', 'differently'].flatMap((key) => [
      el('dt', { i18n: `lesson.field.${key}` }),
      el('dd', { class: ['case-text', `lesson-${key}`] }, lesson[key] || t('common.none'))])),
    lessonLinks(lesson, prefix),
    actions,
    slot);
  return node;
}
