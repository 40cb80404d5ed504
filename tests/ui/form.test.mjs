import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { fieldLabel, errorText, errorMessage } from '../../ui/js/lib/form.js';
import { setLanguage } from '../../ui/js/i18n/index.js';

after(() => setLanguage('zh-CN'));

test('field errors read "<label>：<problem>" in Chinese and "<label>: <problem>" in English', () => {
  setLanguage('zh-CN');
  assert.equal(errorMessage({ code: 'invalid.required', field: 'name' }, 'field.staffName'), '姓名：不能为空');
  assert.equal(errorMessage({ code: 'invalid.branch_code', field: 'code' }), '网点代码：只能是 2 到 12 位字母或数字');
  setLanguage('en');
  assert.equal(errorMessage({ code: 'invalid.required', field: 'name' }, 'field.staffName'), 'Name: Please fill this in.');
  assert.equal(errorMessage({ code: 'invalid.phone', field: 'phone' }), 'Phone: Use 3 to 20 digits, spaces, +, - or brackets.');
});

test('time-limit fields are labelled with their grade', () => {
  setLanguage('zh-CN');
  assert.equal(fieldLabel('limits.2.acknowledgeHours'), '二级（严重）受理时限');
  assert.equal(errorMessage({ code: 'invalid.range', field: 'limits.2.acknowledgeHours' }), '二级（严重）受理时限：数值超出允许的范围');
  setLanguage('en');
  assert.equal(fieldLabel('limits.4.resolveDays'), 'Days to resolve, Grade 4 (general)');
  assert.equal(errorMessage({ code: 'invalid.range', field: 'limits.1.resolveDays' }),
    'Days to resolve, Grade 1 (crisis): This number is outside the allowed range.');
});

test('errors without a field, or with an unknown one, are shown without a label', () => {
  setLanguage('en');
  assert.equal(errorMessage({ code: 'database', field: null }), errorText('database'));
  assert.equal(errorMessage({ code: 'duplicate', field: 'mystery' }), errorText('duplicate'));
});

test('unknown codes and non-API errors get the generic message', () => {
  setLanguage('zh-CN');
  assert.equal(errorText('no_such_code'), '出了点问题，请再试一次。');
  const error = console.error;
  assert.equal(errorMessage(new TypeError('x is undefined')), '出了点问题，请再试一次。');
  console.error = error;
  assert.equal(errorMessage(undefined), '出了点问题，请再试一次。');
});
