import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  required, maxLength, noControlChars, branchCode, phone, date, isIsoDate, daysInMonth, intInRange, industry,
  validateBranch, validateStaff, validateLimits, validateCategoryName,
} from '../../ui/js/lib/validate.js';

test('required refuses empty and whitespace-only values', () => {
  for (const value of ['', '   ', '\t', null, undefined]) assert.equal(required(value), 'invalid.required', JSON.stringify(value));
  assert.equal(required('张三'), null);
  assert.equal(required('0'), null);
});

test('maxLength counts characters, not UTF-16 units', () => {
  assert.equal(maxLength('a'.repeat(100)), null);
  assert.equal(maxLength('a'.repeat(101)), 'invalid.too_long');
  assert.equal(maxLength('投'.repeat(100)), null);
  // 100 emoji are 200 UTF-16 units but 100 characters.
  assert.equal(maxLength('😀'.repeat(100)), null);
  assert.equal(maxLength('😀'.repeat(101)), 'invalid.too_long');
  assert.equal(maxLength('abcd', 3), 'invalid.too_long');
});

test('control characters are refused in one-line text', () => {
  assert.equal(noControlChars('王五 前台'), null);
  for (const bad of ['a\nb', 'a\tb', 'a\u0000b', 'a\u007fb']) assert.equal(noControlChars(bad), 'invalid.control_chars');
});

test('branch code: 2 to 12 ASCII letters or digits', () => {
  for (const good of ['SH01', 'ab', 'A1B2C3D4E5F6', 'bj2024']) assert.equal(branchCode(good), null, good);
  for (const bad of ['', 'A', 'A1B2C3D4E5F6G', 'SH-01', 'SH 01', '上海01', 'SH_1', 'ＳＨ０１']) {
    assert.equal(branchCode(bad), 'invalid.branch_code', bad);
  }
});

test('phone is optional and allows digits, spaces, + - ( )', () => {
  for (const good of ['', '   ', null, '123', '+86 138-0013-8000', '(021) 6234 5678', '12345678901234567890']) {
    assert.equal(phone(good), null, String(good));
  }
  for (const bad of ['12', '123456789012345678901', '138 0013 800a', '138.0013', '一三八']) {
    assert.equal(phone(bad), 'invalid.phone', bad);
  }
});

test('dates must be YYYY-MM-DD and exist', () => {
  for (const good of ['2024-02-29', '2000-02-29', '2023-12-31', '1999-01-01']) assert.ok(isIsoDate(good), good);
  for (const bad of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00',
    '2024-1-5', '24-01-05', '2024/01/05', '2024-01-05T00:00', '']) {
    assert.ok(!isIsoDate(bad), bad);
  }
  assert.equal(date(''), null, 'an empty optional date is fine');
  assert.equal(date('2023-02-29'), 'invalid.date');
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2100, 2), 28);
  assert.equal(daysInMonth(2024, 9), 30);
});

test('whole numbers in range', () => {
  assert.equal(intInRange('1', 1, 720), null);
  assert.equal(intInRange('720', 1, 720), null);
  assert.equal(intInRange(' 24 ', 1, 720), null);
  for (const bad of ['0', '721', '-1', '1.5', 'abc', '', '1e2', 'NaN']) assert.equal(intInRange(bad, 1, 720), 'invalid.range', bad);
});

test('industry must be one of the four', () => {
  for (const good of ['property', 'hotel', 'postal', 'other']) assert.equal(industry(good), null);
  assert.equal(industry(''), 'invalid.industry');
  assert.equal(industry('bank'), 'invalid.industry');
});

test('validateBranch reports the first problem of each field, with backend field names', () => {
  assert.deepEqual(validateBranch({ name: '阳光花园', code: 'SH01', industry: 'property', timezone: 'Asia/Shanghai' }), []);
  assert.deepEqual(validateBranch({ name: ' ', code: 'S-1', industry: '', timezone: '' }), [
    { field: 'name', code: 'invalid.required' },
    { field: 'code', code: 'invalid.branch_code' },
    { field: 'industry', code: 'invalid.industry' },
    { field: 'timezone', code: 'invalid.required' },
  ]);
  assert.deepEqual(validateBranch({ name: 'x'.repeat(101), code: '', industry: 'hotel', timezone: 'UTC' }), [
    { field: 'name', code: 'invalid.too_long' },
    { field: 'code', code: 'invalid.required' },
  ]);
});

test('validateStaff: name required, the rest optional but checked', () => {
  assert.deepEqual(validateStaff({ name: '张三', position: '', department: '', phone: '', startDate: '' }), []);
  assert.deepEqual(validateStaff({ name: '', position: 'a\nb', department: 'x'.repeat(101), phone: 'abc', startDate: '2023-02-30' }), [
    { field: 'name', code: 'invalid.required' },
    { field: 'position', code: 'invalid.control_chars' },
    { field: 'department', code: 'invalid.too_long' },
    { field: 'phone', code: 'invalid.phone' },
    { field: 'startDate', code: 'invalid.date' },
  ]);
  // Text that looks like markup is just a name; escaping is the view's job.
  assert.deepEqual(validateStaff({ name: '<img src=x onerror=alert(1)>' }), []);
});

test('validateLimits names fields as the backend does', () => {
  const ok = [1, 2, 3, 4].map((grade) => ({ grade, acknowledgeHours: '24', resolveDays: '7' }));
  assert.deepEqual(validateLimits(ok), []);
  const bad = [
    { grade: 1, acknowledgeHours: '0', resolveDays: '366' },
    { grade: 2, acknowledgeHours: '', resolveDays: '3' },
    { grade: 3, acknowledgeHours: '721', resolveDays: '2.5' },
  ];
  assert.deepEqual(validateLimits(bad), [
    { field: 'limits.1.acknowledgeHours', code: 'invalid.range' },
    { field: 'limits.1.resolveDays', code: 'invalid.range' },
    { field: 'limits.2.acknowledgeHours', code: 'invalid.required' },
    { field: 'limits.3.acknowledgeHours', code: 'invalid.range' },
    { field: 'limits.3.resolveDays', code: 'invalid.range' },
  ]);
});

test('validateCategoryName', () => {
  assert.deepEqual(validateCategoryName('快递延误'), []);
  assert.deepEqual(validateCategoryName(''), [{ field: 'name', code: 'invalid.required' }]);
});
