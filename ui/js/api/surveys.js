// Surveys and feedback: the branch's surveys, answers, suggestions and praise, a month's
// satisfaction figures and the low-scoring questions prevention targets.

import { call } from './core.js';

/// Every survey in its current version.
export const listSurveys = () => call('list_surveys');
/// A month's survey figures: `{responses, overall, overallAverage, questions, suggestions, praise}`.
export const surveyMonth = (month) => call('survey_month', { month });
/// Suggestions and praise received in a month.
export const listFeedback = (month) => call('list_feedback', { month });
/// Questions scoring low over enough answers in the analysis window.
export const surveyTargets = () => call('survey_targets');
