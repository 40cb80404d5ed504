// 调查结果在月报和预防分析中的中文文本。
// 与 en/surveys.js 键完全相同（tests/ui/i18n.test.mjs 会检查）。
export default {
  'survey.column.question': '问题',
  'survey.column.average': '平均分（1–5）',
  'survey.column.answers': '回答数',
  'survey.column.action': '预防',
  'survey.report.title': '客户满意度调查',
  'survey.report.overall': '本月共收回 {responses} 份问卷，平均满意度 {average}（投诉满意度见上方指标）。',
  'survey.report.feedback': '收到建议 {suggestions} 条 · 表扬 {praise} 条',
  'survey.targets.title': '得分偏低的调查问题',
  'survey.targets.hint': '同一时段（三个月）内至少 10 个回答、平均分低于 3.5 的问题。可据此新建预防计划加以改进。',
  'survey.targets.start': '新建计划',
  'survey.targets.planTitle': '提高调查得分：{question}',
};
