// Lessons learned: a closed case's lesson, the library, and turning a lesson into a drill
// scenario or a prevention measure.

import { call, orNull } from './core.js';
import { measureInput } from './prevention.js';

const text = (value) => String(value ?? '').trim();

/// The lesson of case `caseId`, or null when none was written.
export const caseLesson = (caseId) => call('case_lesson', { caseId });
/// Writes or edits the lesson of a closed case: `{happened, worked, differently}`.
export const saveLesson = (caseId, { happened, worked, differently }) => call('save_lesson', {
  caseId, input: { happened: text(happened), worked: orNull(text(worked)), differently: orNull(text(differently)) },
});
/// The library, filtered by words (Chinese too), category and customer type.
export const listLessons = ({ text: words = null, categoryId = null, customerType = null } = {}) => call('list_lessons', {
  filter: { text: orNull(text(words)), categoryId: orNull(categoryId) == null ? null : Number(categoryId), customerType: orNull(customerType) },
});
/// A drill scenario pre-filled from the lesson, in `lang`, for the trainer to review.
export const lessonScenarioDraft = (id, lang) => call('lesson_scenario_draft', { id, lang });
/// Saves the reviewed scenario and links the lesson to it; resolves to the lesson.
export const lessonToScenario = (id, input) => call('lesson_to_scenario', { id, input });
/// A prevention measure pre-filled from the lesson.
export const lessonMeasureDraft = (id) => call('lesson_measure_draft', { id });
/// Adds the reviewed measure to plan `planId` and links the lesson to it; resolves to the lesson.
export const lessonToMeasure = (id, planId, values) => call('lesson_to_measure', { id, planId: Number(planId), input: measureInput(values) });
/// Per person: their last drill and the lessons written since.
export const lessonsSinceDrill = () => call('lessons_since_drill');
