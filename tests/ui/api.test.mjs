import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../ui/js/api.js';

// A stand-in for Tauri's bridge that records each call and answers from `replies`.
const calls = [];
let reply = () => null;
globalThis.window = { __TAURI__: { core: { invoke: async (cmd, args) => { calls.push([cmd, args]); return reply(cmd, args); } } } };

beforeEach(() => {
  calls.length = 0;
  reply = () => null;
});

test('each function calls its command with camelCase arguments', async () => {
  const expectations = [
    [() => api.appStatus(), ['app_status', undefined]],
    [() => api.setupBranch({ name: ' 阳光花园 ', code: 'sh01', industry: 'property', timezone: 'Asia/Shanghai', language: 'zh-CN' }),
      ['setup_branch', { input: { name: '阳光花园', code: 'SH01', industry: 'property', timezone: 'Asia/Shanghai', language: 'zh-CN' } }]],
    [() => api.updateBranch({ name: 'A', code: 'bj1', industry: 'hotel', timezone: 'UTC' }),
      ['update_branch', { input: { name: 'A', code: 'BJ1', industry: 'hotel', timezone: 'UTC' } }]],
    [() => api.setLanguage('en'), ['set_language', { language: 'en' }]],
    [() => api.setMenuLanguage('zh-CN'), ['set_menu_language', { language: 'zh-CN' }]],
    [() => api.setTheme('dark'), ['set_theme', { theme: 'dark' }]],
    [() => api.reminderSettings(), ['reminder_settings', undefined]],
    [() => api.setReminderSettings({ off: ['summary'], summaryTime: '07:30' }), ['set_reminder_settings', { settings: { off: ['summary'], summaryTime: '07:30' } }]],
    [() => api.listCategories(), ['list_categories', undefined]],
    [() => api.addCategory(' 新分类 '), ['add_category', { name: '新分类' }]],
    [() => api.renameCategory(3, 'x'), ['rename_category', { id: 3, name: 'x' }]],
    [() => api.moveCategory(3, -1), ['move_category', { id: 3, offset: -1 }]],
    [() => api.setCategoryHidden(3, true), ['set_category_hidden', { id: 3, hidden: true }]],
    [() => api.deleteCategory(3), ['delete_category', { id: 3 }]],
    [() => api.getTimeLimits(), ['get_time_limits', undefined]],
    [() => api.updateTimeLimits([{ grade: '2', acknowledgeHours: '12', resolveDays: '7' }]),
      ['update_time_limits', { limits: [{ grade: 2, acknowledgeHours: 12, resolveDays: 7 }] }]],
    [() => api.listStaff(true), ['list_staff', { includeInactive: true }]],
    [() => api.listStaff(), ['list_staff', { includeInactive: false }]],
    [() => api.setStaffActive(5, false), ['set_staff_active', { id: 5, active: false }]],
    [() => api.revealDatabase(), ['reveal_database', undefined]],
    [() => api.showWindow(), ['show_window', undefined]],
  ];
  for (const [run, expected] of expectations) {
    calls.length = 0;
    await run();
    assert.deepEqual(calls, [expected]);
  }
});

test('the native menu: items and failures reach their handlers, the failure as an ApiError', async () => {
  const listeners = {};
  window.__TAURI__.event = { listen: async (name, handler) => { listeners[name] = handler; return () => {}; } };
  try {
    const seen = [];
    assert.equal(await api.onMenu({ action: (id) => seen.push(['action', id]), failed: (err) => seen.push(['failed', err]) }), true);
    listeners['menu-action']({ payload: 'view.reports' });
    listeners['menu-failed']({ payload: { code: 'io', message: 'no opener', field: null } });
    assert.equal(seen[0][1], 'view.reports');
    assert.ok(seen[1][1] instanceof api.ApiError);
    assert.equal(seen[1][1].code, 'io');
  } finally {
    delete window.__TAURI__.event;
  }
  // Outside the app there is nothing to hear, and nothing fails.
  assert.equal(await api.onMenu({ action() {}, failed() {} }), false);
});

test('staff: empty optional phone and start date go as null, text is trimmed', async () => {
  await api.addStaff({ name: ' 张三 ', position: '', department: ' 前台 ', phone: '  ', startDate: '' });
  await api.updateStaff(7, { name: '李四', position: '主管', department: '', phone: '138 0000 0000', startDate: '2024-03-01' });
  assert.deepEqual(calls, [
    ['add_staff', { input: { name: '张三', position: '', department: '前台', phone: null, startDate: null } }],
    ['update_staff', { id: 7, input: { name: '李四', position: '主管', department: '', phone: '138 0000 0000', startDate: '2024-03-01' } }],
  ]);
});

test('backend errors become ApiError with code, field and message', async () => {
  reply = () => { throw { code: 'invalid.required', message: 'name: invalid.required', field: 'name' }; };
  await assert.rejects(api.addCategory(''), (err) => {
    assert.ok(err instanceof api.ApiError);
    assert.equal(err.code, 'invalid.required');
    assert.equal(err.field, 'name');
    assert.equal(err.message, 'name: invalid.required');
    return true;
  });
  reply = () => { throw { code: 'in_use', message: 'in use', field: null }; };
  await assert.rejects(api.deleteCategory(1), { code: 'in_use', field: null });
});

test('bridge failures (plain strings, missing bridge) become internal errors', async () => {
  reply = () => { throw 'command delete_everything not found'; };
  await assert.rejects(api.appStatus(), { name: 'ApiError', code: 'internal', field: null });
  const saved = globalThis.window;
  globalThis.window = {};
  try {
    await assert.rejects(api.appStatus(), { code: 'internal' });
  } finally {
    globalThis.window = saved;
  }
});

test('the time-zone list is fetched once, but a failure is not cached', async () => {
  let fail = true;
  reply = (cmd) => {
    if (cmd !== 'list_timezones') return null;
    if (fail) throw { code: 'internal', message: 'x', field: null };
    return ['Asia/Shanghai', 'UTC'];
  };
  await assert.rejects(api.listTimezones(), { code: 'internal' });
  fail = false;
  assert.deepEqual(await api.listTimezones(), ['Asia/Shanghai', 'UTC']);
  assert.deepEqual(await api.listTimezones(), ['Asia/Shanghai', 'UTC']);
  assert.equal(calls.filter(([cmd]) => cmd === 'list_timezones').length, 2);
});

test('cases: each function calls its command with camelCase arguments', async () => {
  const expectations = [
    [() => api.signIn(' lina ', ' pin 1 '), ['sign_in', { username: 'lina', secret: ' pin 1 ' }]],
    [() => api.createSignIn({ staffId: '3', username: ' lina ', role: 'staff', secret: '123456' }),
      ['create_sign_in', { input: { staffId: 3, username: 'lina', role: 'staff', secret: '123456' } }]],
    [() => api.resetSignIn('3', '654321'), ['reset_sign_in', { staffId: 3, secret: '654321' }]],
    [() => api.setSignInRole('3', 'viewer'), ['set_sign_in_role', { staffId: 3, role: 'viewer' }]],
    [() => api.lockSession(), ['lock_session', undefined]],
    [() => api.listCases({ status: 'open', page: 0, pageSize: 50 }), ['list_cases', { query: { status: 'open', page: 0, pageSize: 50 } }]],
    [() => api.caseCounts(), ['case_counts', undefined]],
    [() => api.getCase(7), ['get_case', { id: 7 }]],
    [() => api.setCaseGrade(7, '4', '  已澄清 '), ['set_case_grade', { id: 7, grade: 4, reason: '已澄清' }]],
    [() => api.setCaseGrade(7, 1, ''), ['set_case_grade', { id: 7, grade: 1, reason: null }]],
    [() => api.pauseCase(7, ' 等小票 '), ['pause_case', { id: 7, reason: '等小票' }]],
    [() => api.resumeCase(7), ['resume_case', { id: 7 }]],
    [() => api.addCaseEntry(7, 'call', ' 第一行\n第二行 '), ['add_case_entry', { id: 7, kind: 'call', body: '第一行\n第二行' }]],
    [() => api.tickCaseEscalation(7, 'team_meeting'), ['tick_case_escalation', { id: 7, item: 'team_meeting' }]],
    [() => api.addCaseAttachment(7), ['add_case_attachment', { id: 7 }]],
    [() => api.openCaseAttachment(9), ['open_case_attachment', { attachmentId: 9 }]],
    [() => api.printPage(), ['print_page', undefined]],
    [() => api.casePrintRecord(7, 1), ['case_print_record', { id: 7, includePersonal: true }]],
    [() => api.casePrintRecord(7), ['case_print_record', { id: 7, includePersonal: false }]],
  ];
  for (const [run, expected] of expectations) {
    calls.length = 0;
    await run();
    assert.deepEqual(calls, [expected]);
  }
});

test('cases: form values become a CaseInput (ids, booleans, blanks as null, line breaks kept)', async () => {
  const values = {
    receivedAt: '2024-10-31T23:30', channel: 'phone', complainantName: '  ', phone: ' 138 0013 8000 ', reference: '3-502',
    customerType: '', categoryId: '4', description: ' 第一行\n第二行 ', customerRequest: '', takenById: '2', assigneeId: '',
    department: '', mediaExposureRisk: true, lawsuitRisk: false, households: '12', needsOtherDepartments: false,
    grade: '', gradeReason: '',
  };
  await api.createCase(values);
  await api.checkCaseIntake({ ...values, categoryId: '', households: 'x', grade: '3' });
  await api.updateCase(5, values);
  const input = {
    receivedAt: '2024-10-31T23:30', channel: 'phone', complainantName: null, phone: '138 0013 8000', reference: '3-502',
    customerType: 'unknown', categoryId: 4, description: '第一行\n第二行', customerRequest: null, takenById: 2, assigneeId: null,
    department: null, mediaExposureRisk: true, lawsuitRisk: false, households: 12, needsOtherDepartments: false,
    grade: null, gradeReason: null, customerId: null, newCustomer: false,
  };
  assert.deepEqual(calls, [
    ['create_case', { input }],
    ['check_case_intake', { input: { ...input, categoryId: 0, households: null, grade: 3 } }],
    ['update_case', { id: 5, input }],
  ]);
});

test('cases: a status change carries only the parts the move needs', async () => {
  await api.changeCaseStatus(3, { to: 'acknowledged' });
  await api.changeCaseStatus(3, { to: 'follow_up', resolution: { actionTaken: ' 换水管 ', customerAccepted: true, goodwill: ' ', rootCause: 'quality' } });
  await api.changeCaseStatus(3, { to: 'closed', followUp: { unreachable: false, calledOn: '2024-03-05', satisfaction: '4', comment: '' } });
  await api.changeCaseStatus(3, { to: 'closed', followUp: { unreachable: true, unreachableNote: ' 三次未接 ' } });
  await api.changeCaseStatus(3, { to: 'invalid', reason: ' 误会 ' });
  await api.changeCaseStatus(3, { to: 'closed', followUp: { unreachable: true, unreachableNote: '无人接听' }, escalationReason: ' 总部已知悉\n无需开会 ' });
  await api.changeCaseStatus(3, { to: 'resolving', judgement: { justified: 'no', judgementCause: ' mood ', fault: 'customer' } });
  assert.deepEqual(calls.map(([, args]) => args.change), [
    { to: 'acknowledged', judgement: null, reason: null, escalationReason: null, resolution: null, followUp: null },
    { to: 'follow_up', judgement: null, reason: null, escalationReason: null, resolution: { actionTaken: '换水管', customerAccepted: true, goodwill: null, rootCause: 'quality' }, followUp: null },
    { to: 'closed', judgement: null, reason: null, escalationReason: null, resolution: null, followUp: { unreachable: false, unreachableNote: null, calledOn: '2024-03-05', satisfaction: 4, comment: null } },
    { to: 'closed', judgement: null, reason: null, escalationReason: null, resolution: null, followUp: { unreachable: true, unreachableNote: '三次未接', calledOn: null, satisfaction: null, comment: null } },
    { to: 'invalid', judgement: null, reason: '误会', escalationReason: null, resolution: null, followUp: null },
    { to: 'closed', judgement: null, reason: null, escalationReason: '总部已知悉\n无需开会', resolution: null, followUp: { unreachable: true, unreachableNote: '无人接听', calledOn: null, satisfaction: null, comment: null } },
    { to: 'resolving', judgement: { justified: false, cause: 'mood', fault: 'customer' }, reason: null, escalationReason: null, resolution: null, followUp: null },
  ]);
  assert.ok(calls.every(([cmd, args]) => cmd === 'change_case_status' && args.id === 3));
});

test('reports: each function calls its command with the exact argument names', async () => {
  const expectations = [
    [() => api.monthlyReport('2024-03'), ['monthly_report', { month: '2024-03' }]],
    [() => api.exportMonth({ month: '2024-03', lang: 'en', includePersonalData: 0, path: '/tmp/SH01_2024-03_complaints.xlsx' }),
      ['export_month', { month: '2024-03', lang: 'en', includePersonalData: false, maskDescriptions: null, path: '/tmp/SH01_2024-03_complaints.xlsx' }]],
    [() => api.exportMonth({ month: '2024-03', lang: 'en', includePersonalData: 1, maskDescriptions: 0, path: '/tmp/a.xlsx' }),
      ['export_month', { month: '2024-03', lang: 'en', includePersonalData: true, maskDescriptions: false, path: '/tmp/a.xlsx' }]],
    [() => api.rollupFiles({ paths: ['/a.xlsx', '/b.xlsx'], out: '/group_2024-03.xlsx', lang: 'zh-CN' }),
      ['rollup_files', { paths: ['/a.xlsx', '/b.xlsx'], out: '/group_2024-03.xlsx', lang: 'zh-CN' }]],
    [() => api.openPath('/tmp/x.xlsx'), ['open_path', { path: '/tmp/x.xlsx' }]],
    [() => api.revealPath('/tmp/x.xlsx'), ['reveal_path', { path: '/tmp/x.xlsx' }]],
    [() => api.chooseSavePath({ defaultPath: 'SH01_2024-03_complaints.xlsx', filterName: 'Excel' }),
      ['plugin:dialog|save', { options: { defaultPath: 'SH01_2024-03_complaints.xlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }] } }]],
    [() => api.chooseXlsxFiles({ filterName: 'Excel' }),
      ['plugin:dialog|open', { options: { multiple: true, directory: false, filters: [{ name: 'Excel', extensions: ['xlsx'] }] } }]],
  ];
  for (const [run, expected] of expectations) {
    calls.length = 0;
    await run();
    assert.deepEqual(calls, [expected]);
  }
});

test('reports: dialogs answer null or a list; cancelling is not an error', async () => {
  reply = () => null;
  assert.equal(await api.chooseSavePath({ defaultPath: 'x.xlsx', filterName: 'Excel' }), null);
  assert.deepEqual(await api.chooseXlsxFiles({ filterName: 'Excel' }), []);
  reply = () => '/one.xlsx';
  assert.deepEqual(await api.chooseXlsxFiles({ filterName: 'Excel' }), ['/one.xlsx']);
  reply = () => ['/one.xlsx', '/two.xlsx'];
  assert.deepEqual(await api.chooseXlsxFiles({ filterName: 'Excel' }), ['/one.xlsx', '/two.xlsx']);
});

test('reports: the glossary is fetched once per language, and a failure is not cached', async () => {
  let fail = true;
  reply = (cmd, args) => {
    if (fail) throw { code: 'internal', message: 'x', field: null };
    return [{ key: 'received', name: args.lang === 'en' ? 'Received' : '收到', definition: '…' }];
  };
  await assert.rejects(api.reportGlossary('en'), { code: 'internal' });
  fail = false;
  assert.equal((await api.reportGlossary('en'))[0].name, 'Received');
  assert.equal((await api.reportGlossary('en'))[0].name, 'Received');
  assert.equal((await api.reportGlossary('zh-CN'))[0].name, '收到');
  assert.deepEqual(calls.map(([cmd, args]) => [cmd, args.lang]), [['report_glossary', 'en'], ['report_glossary', 'en'], ['report_glossary', 'zh-CN']]);
});

test('prevention: commands and argument shapes, blanks as null, ids as numbers', async () => {
  const expectations = [
    [() => api.preventionAnalysis(), ['prevention_analysis', undefined]],
    [() => api.preventionOverview(), ['prevention_overview', undefined]],
    [() => api.listPlans(), ['list_plans', undefined]],
    [() => api.getPlan(4), ['get_plan', { id: 4 }]],
    [() => api.createPlan({ title: ' 减少延误 ', categoryId: '3', rootCause: '', goalPercent: '30', goalDays: '90', ownerId: '', startDate: '2026-03-01', reviewDate: '', notes: ' 备注\n第二行 ', parentId: '7' }),
      ['create_plan', { input: { title: '减少延误', categoryId: 3, rootCause: null, goalPercent: 30, goalDays: 90, ownerId: null, startDate: '2026-03-01', reviewDate: null, notes: '备注\n第二行', parentId: 7 } }]],
    [() => api.movePlanPhase(4, 'forward'), ['move_plan_phase', { id: 4, direction: 'forward' }]],
    [() => api.setPlanStatus(4, 'active'), ['set_plan_status', { id: 4, status: 'active' }]],
    [() => api.recordPlanEvaluation(4, { conclusion: 'partly', nextStep: ' 继续 ' }),
      ['record_plan_evaluation', { id: 4, input: { conclusion: 'partly', nextStep: '继续' } }]],
    [() => api.addMeasure(4, { description: '话术', kind: 'procedure', ownerId: '2', dueDate: '2026-04-01', evidence: '' }),
      ['add_measure', { planId: 4, input: { description: '话术', kind: 'procedure', ownerId: 2, dueDate: '2026-04-01', evidence: null, trainingModuleId: null, drillScenarioId: null } }]],
    [() => api.setMeasureStatus(9, { status: 'done', doneOn: '', evidence: '签到表' }),
      ['set_measure_status', { id: 9, change: { status: 'done', doneOn: null, evidence: '签到表' } }]],
    [() => api.attachPlanCase(4, { caseNumber: ' SH01-202603-0001 ' }), ['attach_plan_case', { planId: 4, case: { caseId: null, caseNumber: 'SH01-202603-0001' } }]],
    [() => api.attachPlanCase(4, { caseId: 12 }), ['attach_plan_case', { planId: 4, case: { caseId: 12, caseNumber: null } }]],
    [() => api.detachPlanCase(4, 12), ['detach_plan_case', { planId: 4, caseId: 12 }]],
    [() => api.plansForCase(12), ['plans_for_case', { caseId: 12 }]],
    [() => api.listEmergencyPlans(), ['list_emergency_plans', undefined]],
    [() => api.saveEmergencyPlan('', { title: '媒体', steps: '一\n二', drillEveryDays: '90', spokespersonId: '' }),
      ['save_emergency_plan', { id: null, input: { title: '媒体', scenario: '', contacts: '', steps: '一\n二', spokespersonId: null, mediaNote: '', drillEveryDays: 90 } }]],
    [() => api.logEmergencyDrill(3, { heldOn: '2026-04-01', participants: '前台', findings: '' }),
      ['log_emergency_drill', { planId: 3, input: { heldOn: '2026-04-01', participants: '前台', findings: '' } }]],
  ];
  for (const [run, expected] of expectations) {
    calls.length = 0;
    await run();
    assert.deepEqual(calls, [expected]);
  }
});
