// English texts of survey figures on the report and the prevention analysis. Same keys as
// zh-CN/surveys.js (tests/ui/i18n.test.mjs checks).
export default {
  'survey.column.question': 'Question',
  'survey.column.average': 'Average (1–5)',
  'survey.column.answers': 'Answers',
  'survey.column.action': 'Prevention',
  'survey.report.title': 'Customer surveys',
  'survey.report.overall': 'Average satisfaction {average} from {responses} forms answered this month (complaint satisfaction is among the figures above).',
  'survey.report.feedback': 'Suggestions received: {suggestions} · praise: {praise}',
  'survey.targets.title': 'Low-scoring survey questions',
  'survey.targets.hint': 'Questions averaging below 3.5 over at least 10 answers in the same three months. Start a plan to improve them.',
  'survey.targets.start': 'Start a plan',
  'survey.targets.planTitle': 'Better survey scores: {question}',
};
