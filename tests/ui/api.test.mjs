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
