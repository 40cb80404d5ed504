// The survey commands of the mock backend. Shapes follow src-tauri/src/surveys/repo.rs.
// Without `&surveys=demo` there are no surveys (the report and analysis cards stay hidden);
// with it, a month's figures with one question whose text is markup, and one low-scoring
// question as a prevention target.
(() => {
  const commands = window.__mockCommands;
  const demo = new URLSearchParams(location.search).get('surveys') === 'demo';
  const EVIL = '<img src=x onerror=alert(1)>';
  const figure = (lineageId, text, sum, count) => ({
    surveyId: 1, surveyTitle: '服务满意度调查', lineageId, text, tally: { sum, count }, average: count ? sum / count : null,
  });
  const questions = demo ? [figure(1, '工作人员的态度', 54, 12), figure(2, EVIL, 27, 12)] : [];
  Object.assign(commands, {
    list_surveys: () => [],
    survey_month: () => ({
      responses: demo ? 12 : 0, overall: { sum: 81, count: demo ? 24 : 0 }, overallAverage: demo ? 81 / 24 : null,
      questions, suggestions: demo ? 2 : 0, praise: demo ? 1 : 0,
    }),
    list_feedback: () => [],
    survey_targets: () => (demo ? [figure(2, EVIL, 27, 12)] : []),
  });
})();
