import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatMoney, formatDuration, countdownText, localDateTimeInput, formatFileSize, pageRange, parseCaseHash,
  filtersFromQuery, hashForFilters, hasActiveFilters, clearedFilters, queryForFilters, countsByStatus,
  auditFieldLabel, auditValue, changeText, isEscalated, CHANNELS, STATUSES, OPEN_STATUSES,
  crisisStepsNotDone, duplicateReason,
} from '../../ui/js/views/cases/case-format.js';
import zh from '../../ui/js/i18n/zh-CN.js';
import { setLanguage } from '../../ui/js/i18n/index.js';

test('money in fen reads as yuan with two decimals and grouping', () => {
  assert.equal(formatMoney(12050, 'zh-CN'), '¥120.50');
  assert.equal(formatMoney(0, 'en'), '¥0.00');
  assert.equal(formatMoney(123456789, 'en'), '¥1,234,567.89');
  assert.equal(formatMoney(5, 'en'), '¥0.05');
  assert.equal(formatMoney(null, 'en'), '');
  assert.equal(formatMoney('abc', 'en'), '');
});

test('countdowns say how long is left, how late, or paused', () => {
  const day = 86400;
  assert.equal(countdownText({ state: 'on_track', remainingSeconds: 2 * day + 3 * 3600 + 59 }, 'zh-CN'), '剩 2 天 3 小时');
  assert.equal(countdownText({ state: 'overdue', remainingSeconds: -5 * 3600 - 120 }, 'zh-CN'), '超期 5 小时');
  assert.equal(countdownText({ state: 'due_today', remainingSeconds: 59 * 60 }, 'en'), '59 min left');
  assert.equal(countdownText({ state: 'paused', remainingSeconds: day }, 'zh-CN'), '已暂停');
  assert.equal(countdownText({ state: 'overdue', remainingSeconds: -3 * day }, 'en'), '3d overdue');
  assert.equal(countdownText(null, 'en'), '');
  // Under a minute still reads as a minute rather than "0 minutes".
  assert.equal(formatDuration(10, 'zh-CN'), '1 分钟');
});

test('now as a datetime-local value in the branch zone, whatever the computer zone', () => {
  const instant = new Date('2024-10-31T15:30:00Z');
  assert.equal(localDateTimeInput('Asia/Shanghai', instant), '2024-10-31T23:30');
  assert.equal(localDateTimeInput('Europe/London', instant), '2024-10-31T15:30');
  assert.equal(localDateTimeInput('No/Such_Zone', instant), '2024-10-31T15:30');
});

test('file sizes and page ranges', () => {
  assert.equal(formatFileSize(2457600, 'en'), '2.3 MB');
  assert.equal(formatFileSize(1500, 'en'), '2 KB');
  assert.equal(formatFileSize(0, 'en'), '1 KB');
  assert.deepEqual(pageRange(0, 50, 1234), { first: 1, last: 50, total: 1234 });
  assert.deepEqual(pageRange(24, 50, 1234), { first: 1201, last: 1234, total: 1234 });
  assert.deepEqual(pageRange(0, 50, 0), { first: 0, last: 0, total: 0 });
});

test('the hash names the case screen', () => {
  assert.deepEqual(parseCaseHash('#/cases/new'), { view: 'new' });
  assert.deepEqual(parseCaseHash('#/cases/42'), { view: 'case', id: 42 });
  assert.equal(parseCaseHash('#/cases').view, 'list');
  assert.equal(parseCaseHash('#/cases/42abc').view, 'list');
  assert.equal(parseCaseHash('#/cases?overdue=1').filters.overdue, true);
});

test('list filters round-trip through the hash; junk is dropped', () => {
  const filters = filtersFromQuery('status=open&grade=1&categoryId=3&channel=media&assigneeId=2&overdue=1&dueToday=1&from=2024-01-01&to=2024-01-31&search=%E7%8E%8B&sort=due&page=2');
  assert.deepEqual(filters, {
    status: 'open', grade: '1', categoryId: '3', channel: 'media', assigneeId: '2', rootCause: '', reference: '',
    overdue: true, dueToday: true, from: '2024-01-01', to: '2024-01-31', search: '王', sort: 'due', page: 2,
    figure: '', figureMonth: '', figureCode: '', figureHits: false,
  });
  assert.deepEqual(filtersFromQuery(hashForFilters(filters).split('?')[1]), filters);
  const junk = filtersFromQuery('status=gone&grade=9&categoryId=x&channel=fax&overdue=yes&from=tomorrow&sort=random&page=-1');
  assert.equal(hasActiveFilters(junk), false);
  assert.equal(junk.sort, 'newest');
  assert.equal(junk.page, 0);
  assert.equal(hashForFilters(junk), '#/cases');
  assert.equal(hashForFilters({ ...junk, overdue: true }), '#/cases?overdue=1');
  assert.deepEqual(clearedFilters(filters), { ...junk, sort: 'due' });
  assert.equal(hasActiveFilters({ ...junk, sort: 'grade', page: 3 }), false, 'order and page are not filters');
});

test('filters become the backend query: numbers, nulls, flags, page size', () => {
  const query = queryForFilters(filtersFromQuery('grade=2&assigneeId=7&search=%20%20&page=1'), 50);
  assert.deepEqual(query, {
    status: null, grade: 2, categoryId: null, channel: null, assigneeId: 7, rootCause: null, reference: null,
    overdue: false, dueToday: false, from: null, to: null, search: null, figure: null, sort: 'newest', page: 1, pageSize: 50,
  });
});

test('a report figure\'s cases survive the hash and become the backend query; half a figure is dropped', () => {
  const filters = filtersFromQuery('figure=department&figureMonth=2026-10&figureCode=%E5%AE%A2%E6%9C%8D%E9%83%A8&status=open');
  assert.deepEqual([filters.figure, filters.figureMonth, filters.figureCode, filters.figureHits], ['department', '2026-10', '客服部', false]);
  assert.equal(hasActiveFilters(filters), true);
  assert.deepEqual(filtersFromQuery(hashForFilters(filters).split('?')[1]), filters);
  assert.deepEqual(queryForFilters(filters, 50).figure, { month: '2026-10', key: 'department', code: '客服部', hits: false });
  const share = queryForFilters(filtersFromQuery('figure=closure_rate&figureMonth=2026-10&figureHits=1'), 50);
  assert.deepEqual(share.figure, { month: '2026-10', key: 'closure_rate', code: null, hits: true });
  for (const half of ['figure=closed', 'figureMonth=2026-10', 'figure=closed&figureMonth=October', 'figure=%3Cb%3E&figureMonth=2026-10&figureHits=1']) {
    const dropped = filtersFromQuery(half);
    assert.deepEqual([dropped.figure, dropped.figureHits, hasActiveFilters(dropped), queryForFilters(dropped, 50).figure], ['', false, false, null], half);
  }
  assert.equal(clearedFilters(filters).figure, '');
});

test('root cause and reference filters (from the prevention analysis) survive the hash', () => {
  const filters = filtersFromQuery('rootCause=delay&reference=%203%E6%A0%8B%201203&from=2026-01-01');
  assert.equal(filters.rootCause, 'delay');
  assert.equal(filters.reference, ' 3\u680b 1203');
  assert.equal(hashForFilters(filters), '#/cases?rootCause=delay&reference=+3%E6%A0%8B+1203&from=2026-01-01');
  assert.equal(filtersFromQuery('rootCause=none').rootCause, 'none', 'not classified yet');
  assert.equal(filtersFromQuery('rootCause=weather').rootCause, '', 'unknown causes are dropped');
  const query = queryForFilters(filters, 50);
  assert.deepEqual([query.rootCause, query.reference], ['delay', '3\u680b 1203']);
});

test('status counts add up to all and open', () => {
  const counts = countsByStatus([['new', 2], ['closed', 5], ['resolving', 3], ['invalid', 1]]);
  assert.equal(counts.all, 11);
  assert.equal(counts.open, 5);
  assert.equal(counts.closed, 5);
  assert.deepEqual(countsByStatus(null), { all: 0, open: 0 });
});

test('audit lines read as words, not codes', () => {
  const opts = { lang: 'zh-CN', timeZone: 'Asia/Shanghai', lookup: { staffName: (id) => (id === 1 ? '张伟' : undefined), categoryName: () => '派送延误' } };
  assert.equal(auditFieldLabel('status', 'zh-CN'), '状态');
  assert.equal(auditFieldLabel('some_new_column', 'zh-CN'), 'some_new_column');
  assert.equal(auditValue('status', 'follow_up', opts), '待回访');
  assert.equal(auditValue('goodwill_fen', '12050', opts), '¥120.50');
  assert.equal(auditValue('lawsuit_risk', '1', opts), '是');
  assert.equal(auditValue('customer_accepted', '0', opts), '否');
  assert.equal(auditValue('closed_at', '2024-10-31T15:30:00Z', opts), '2024年10月31日 23:30');
  assert.equal(auditValue('called_on', '2024-03-05', opts), '2024年3月5日');
  assert.equal(auditValue('assignee_id', '1', opts), '张伟');
  assert.equal(auditValue('category_id', '1', opts), '派送延误');
  assert.equal(auditValue('grade', '2', opts), '二级');
  assert.equal(auditValue('satisfaction', '4', opts), '4 – 满意');
  assert.equal(auditValue('root_cause', 'weather', opts), 'weather', 'an unknown code shows as itself');
  assert.equal(auditValue('description', null, opts), '—');
  assert.equal(auditValue('description', '<b>x</b>', opts), '<b>x</b>');
});

test('status and grade changes read as "from → to"', () => {
  assert.equal(changeText('status', 'new', 'acknowledged', 'zh-CN'), '状态：新建 → 已受理');
  assert.equal(changeText('status', null, 'new', 'en'), 'Status: New');
  assert.equal(changeText('grade', '4', '2', 'en'), 'Grade: Grade 4 → Grade 2');
});

test('every vocabulary code has a text in the dictionaries', () => {
  const keys = [
    ...CHANNELS.map((c) => `channel.${c}`),
    ...STATUSES.flatMap((s) => [`status.${s}`, `case.workflow.hint.${s}`]),
    ...STATUSES.filter((s) => s !== 'new').flatMap((s) => [`transition.${s}`, `transition.done.${s}`]),
    ...['passive', 'talker', 'angry', 'activist', 'unknown'].map((c) => `customerType.${c}`),
    ...['quality', 'communication', 'price', 'delay', 'staff', 'facilities', 'process', 'external'].map((c) => `rootCause.${c}`),
    ...['media_exposure', 'households_10_plus', 'lawsuit_risk', 'households_3_to_9', 'repeated_by_3_people_30d',
      'open_over_30_days_own_fault', 'reopened_3_times', 'has_supporting_departments', 'general', 'media_channel', 'lawyer_channel',
      'regulator_channel', 'customer_open_crisis', 'customer_open_serious'].map((c) => `grade_rule.${c}`),
    ...['invalid_transition', 'crisis.steps_unticked', 'invalid.choice', 'invalid.reason_required', 'invalid.money', 'invalid.case_number'].map((c) => `error.${c}`),
    ...['receivedAt', 'channel', 'complainantName', 'reference', 'customerType', 'categoryId', 'description', 'customerRequest',
      'takenById', 'assigneeId', 'households', 'grade', 'gradeReason', 'invalidReason', 'to', 'actionTaken', 'customerAccepted',
      'goodwill', 'rootCause', 'calledOn', 'satisfaction', 'comment', 'unreachableNote', 'followUp', 'resolution', 'reason',
      'body', 'kind', 'item', 'attachment', 'escalationReason'].map((f) => `field.${f}`),
    ...['created', 'status', 'grade', 'note', 'call', 'visit', 'pause', 'resume'].filter((k) => !['status', 'grade'].includes(k)).map((k) => `timeline.kind.${k}`),
    ...['report_head_office', 'team_meeting', 'one_spokesperson'].map((i) => `escalation.${i}`),
    ...[1, 2, 3, 4, 5].map((n) => `satisfaction.${n}`),
    ...Array.from({ length: 13 }, (_, i) => `guidance.step.${i + 1}`),
  ];
  assert.deepEqual(keys.filter((key) => !(key in zh)), []);
  assert.deepEqual(OPEN_STATUSES, ['new', 'acknowledged', 'investigating', 'resolving', 'follow_up', 'reopened']);
  assert.equal(isEscalated('media'), true);
  assert.equal(isEscalated('phone'), false);
  setLanguage('zh-CN');
});

test('closing a crisis asks about exactly the steps not ticked, and only for grade 1', () => {
  const crisis = (items) => ({ fields: { grade: 1 }, escalationTicks: items.map((item) => ({ item })) });
  assert.deepEqual(crisisStepsNotDone(crisis(['team_meeting'])), ['report_head_office', 'one_spokesperson']);
  assert.deepEqual(crisisStepsNotDone(crisis(['one_spokesperson', 'team_meeting', 'report_head_office'])), []);
  assert.deepEqual(crisisStepsNotDone({ fields: { grade: 2 }, escalationTicks: [] }), []);
  const opts = { lang: 'zh-CN', timeZone: 'Asia/Shanghai' };
  assert.equal(auditValue('escalation_unticked', 'report_head_office,one_spokesperson', opts), '已上报总部和已指定唯一的对外发言人');
  assert.equal(auditFieldLabel('escalation_reason', 'en'), 'Why it closed without them');
});

test('a likely duplicate says which key matched and whether the category is the same', () => {
  assert.equal(duplicateReason({ matchedBy: ['phone'], sameCategory: false }, 'en'), 'Same phone number');
  assert.equal(duplicateReason({ matchedBy: ['reference'], sameCategory: true }, 'en'), 'Same reference number · same category');
  assert.equal(duplicateReason({ matchedBy: ['phone', 'reference'], sameCategory: false }, 'zh-CN'), '电话和房号 / 单号都相同');
  assert.equal(duplicateReason({}, 'en'), '');
});
