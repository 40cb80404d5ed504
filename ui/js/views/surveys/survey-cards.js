// Survey figures where people already look: on the monthly report, survey satisfaction (per
// question and overall, with the response count) beside the complaint figures; in the
// prevention analysis, the questions scoring low over enough answers, each able to start a
// plan. Both load after their page is drawn and stay hidden when there is nothing to show.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { newPlanHash } from '../prevention/prevention-format.js';

/// An average as shown: two decimals, or a dash when nothing was answered.
export function averageText(average) {
  return average == null ? t('common.none') : average.toFixed(2);
}

function table(id, rows, lang, extra) {
  return el('table', { id, class: 'table' },
    el('thead', null, el('tr', null,
      el('th', { scope: 'col', i18n: 'survey.column.question' }),
      el('th', { scope: 'col', i18n: 'survey.column.average' }),
      el('th', { scope: 'col', i18n: 'survey.column.answers' }),
      extra ? el('th', { scope: 'col', i18n: 'survey.column.action' }) : null)),
    el('tbody', null, rows.map((q) => el('tr', { dataset: { lineage: String(q.lineageId) } },
      el('th', { scope: 'row' }, q.text),
      el('td', { class: 'survey-average' }, averageText(q.average)),
      el('td', null, formatNumber(q.tally.count, lang)),
      extra ? el('td', null, extra(q)) : null))));
}

/// The monthly report's survey card for `month` (`YYYY-MM`).
export function buildSurveyReport(month) {
  const section = el('section', { id: 'report-surveys', class: ['card', 'report-surveys'], hidden: true, attrs: { 'aria-labelledby': 'report-surveys-title' } });
  api.surveyMonth(month).then((figures) => {
    if (!section.isConnected || (!figures.responses && !figures.suggestions && !figures.praise)) return;
    const lang = getLanguage();
    section.replaceChildren(
      el('h2', { id: 'report-surveys-title', class: 'card-title', i18n: 'survey.report.title' }),
      el('p', { id: 'report-surveys-overall' }, t('survey.report.overall', {
        average: averageText(figures.overallAverage), responses: formatNumber(figures.responses, lang),
      })),
      table('report-surveys-questions', figures.questions, lang),
      el('p', { id: 'report-surveys-feedback', class: 'muted' }, t('survey.report.feedback', {
        suggestions: formatNumber(figures.suggestions, lang), praise: formatNumber(figures.praise, lang),
      })));
    section.hidden = false;
  }).catch((err) => console.warn(err));
  return section;
}

/// The prevention analysis's card of low-scoring survey questions.
export function buildSurveyTargets() {
  const section = el('section', { id: 'analysis-surveys', class: ['card', 'analysis-surveys'], hidden: true, attrs: { 'aria-labelledby': 'analysis-surveys-title' } });
  api.surveyTargets().then((targets) => {
    if (!section.isConnected || !targets.length) return;
    const lang = getLanguage();
    const start = (q) => el('a', {
      href: newPlanHash({ title: t('survey.targets.planTitle', { question: q.text }) }),
      class: ['button', 'button-small', 'start-plan'], i18n: 'survey.targets.start',
    });
    section.replaceChildren(
      el('h2', { id: 'analysis-surveys-title', class: 'card-title', i18n: 'survey.targets.title' }),
      el('p', { class: 'hint', i18n: 'survey.targets.hint' }),
      table('analysis-surveys-table', targets, lang, start));
    section.hidden = false;
  }).catch((err) => console.warn(err));
  return section;
}
