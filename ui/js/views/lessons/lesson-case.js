// The lesson card of a closed case: once a case is closed the card asks what the case taught
// (what happened, what worked, what to do differently); a lesson written then or later is
// shown with an edit button and links to the drill scenario and measure it became. Loaded
// after the case is drawn, so a slow answer never holds up the case page.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { readForm, formErrorSlot, showError, clearErrors, whileBusy } from '../../lib/form.js';
import { toast } from '../../lib/toast.js';
import { textareaField } from '../cases/case-ui.js';
import { lessonLinks } from './lesson-format.js';

/// The card, or null for a case that is not closed.
export function buildCaseLesson(page) {
  if (page.detail.status !== 'closed') return null;
  const section = el('section', { id: 'case-lesson', class: ['card', 'case-lesson'], attrs: { 'aria-labelledby': 'case-lesson-title' } },
    el('h2', { id: 'case-lesson-title', class: 'card-title', i18n: 'lesson.case.title' }));
  api.caseLesson(page.id).then((lesson) => {
    if (section.isConnected) fill(section, page.id, lesson, !lesson);
  }).catch((err) => console.warn(err));
  return section;
}

function fill(section, caseId, lesson, editing) {
  const title = el('h2', { id: 'case-lesson-title', class: 'card-title', i18n: 'lesson.case.title' });
  if (editing) {
    section.replaceChildren(title, form(section, caseId, lesson));
    return;
  }
  const edit = el('button', { type: 'button', id: 'case-lesson-edit', class: ['button', 'button-small', 'no-print'], i18n: 'common.edit' });
  edit.addEventListener('click', () => {
    fill(section, caseId, lesson, true);
    section.querySelector('#case-lesson-form-happened')?.focus();
  });
  section.replaceChildren(title,
    el('dl', { class: 'lesson-texts' }, ['happened', 'worked', 'differently'].flatMap((key) => [
      el('dt', { i18n: `lesson.field.${key}` }),
      el('dd', { id: `case-lesson-${key}`, class: 'case-text' }, lesson[key] || t('common.none'))])),
    lessonLinks(lesson),
    el('div', { class: 'form-actions' }, edit));
}

function form(section, caseId, lesson) {
  const formId = 'case-lesson-form';
  const node = el('form', { id: formId, class: 'lesson-form', noValidate: true },
    el('p', { class: 'hint', i18n: lesson ? 'lesson.case.editHint' : 'lesson.case.prompt' }),
    formErrorSlot(),
    ['happened', 'worked', 'differently'].map((name) => textareaField({
      formId, id: `${formId}-${name}`, name, labelKey: `lesson.field.${name}`, hintKey: `lesson.field.${name}Hint`,
      value: lesson?.[name] ?? '', rows: 3, optional: name !== 'happened',
    })),
    el('div', { class: 'form-actions' },
      lesson ? el('button', { type: 'button', id: `${formId}-cancel`, class: 'button', i18n: 'common.cancel', on: { click: () => fill(section, caseId, lesson, false) } }) : null,
      el('button', { type: 'submit', id: `${formId}-save`, class: ['button', 'button-primary'], i18n: 'lesson.case.save' })));
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(node);
    try {
      const saved = await whileBusy(node, () => api.saveLesson(caseId, readForm(node)));
      fill(section, caseId, saved, false);
      toast(t('lesson.case.saved'), 'success');
    } catch (err) {
      showError(node, err);
    }
  });
  return node;
}
