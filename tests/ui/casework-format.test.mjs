import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage, hasKey } from '../../ui/js/i18n/index.js';
import {
  JUSTIFIED_CAUSES, UNJUSTIFIED_CAUSES, FAULTS, PROGRESS_METHODS, SUPPORT_CHANGES,
  causesFor, causeKey, verdictText, caseworkEntryTitle, departmentName, ownerName, outstandingText,
} from '../../ui/js/views/cases/casework-format.js';

test('the causes offered follow the justified choice, and every code has a text in both languages', () => {
  assert.deepEqual(causesFor('yes'), JUSTIFIED_CAUSES);
  assert.deepEqual(causesFor(false), UNJUSTIFIED_CAUSES);
  assert.deepEqual(causesFor(''), []);
  for (const lang of ['en', 'zh-CN']) {
    setLanguage(lang);
    const keys = [
      ...JUSTIFIED_CAUSES.map((c) => causeKey(true, c)), ...UNJUSTIFIED_CAUSES.map((c) => causeKey(false, c)),
      ...FAULTS.map((f) => `judgement.fault.${f}`), ...PROGRESS_METHODS.map((m) => `progress.method.${m}`),
      ...SUPPORT_CHANGES.map((c) => `timeline.support.${c}`),
    ];
    for (const key of keys) assert.ok(hasKey(key), `${lang} ${key}`);
  }
});

test('a verdict reads the same from the panel and from the timeline, and "other" depends on the list', () => {
  setLanguage('en');
  assert.equal(verdictText({ justified: true, cause: 'billing_error', fault: 'branch' }), 'Justified · Billing error · Our branch');
  assert.equal(verdictText('unjustified/other/customer'), 'Not justified · Other, not justified · The customer');
  assert.equal(verdictText('justified/other/third_party'), 'Justified · Other justified cause · A third party');
  assert.equal(verdictText('justified/<b>/x'), 'Justified · <b> · x', 'unknown codes show as they are');
  setLanguage('zh-CN');
  assert.equal(verdictText({ justified: false, cause: 'mood', fault: 'customer' }), '不合理投诉，情绪宣泄，责任在客户自身');
});

test('casework timeline entries get their own headlines; other kinds are left alone', () => {
  setLanguage('en');
  assert.equal(caseworkEntryTitle({ kind: 'progress', newValue: 'visit' }), 'Customer told how it is going (Visit)');
  assert.equal(caseworkEntryTitle({ kind: 'support', newValue: 'done' }), 'Supporting department done');
  assert.equal(caseworkEntryTitle({ kind: 'judgement', newValue: 'justified/damage/branch' }), 'Verdict: Justified · Damage or loss · Our branch');
  assert.equal(caseworkEntryTitle({ kind: 'note', newValue: null }), null);
});

test('lines name the unspecified department, the owner, and what is outstanding', () => {
  setLanguage('en');
  assert.equal(departmentName({ department: 'unspecified' }), 'Department not named yet');
  assert.equal(departmentName({ department: '<img src=x>' }), '<img src=x>');
  assert.equal(ownerName({ ownerStaffName: '李娜', ownerName: null }), '李娜');
  assert.equal(ownerName({ ownerStaffName: null, ownerName: 'Mr Wang' }), 'Mr Wang');
  assert.equal(ownerName({}), 'no owner yet');
  assert.equal(outstandingText({ open: 0, overdue: 0 }), 'Nothing outstanding: every department has done its part.');
  assert.equal(outstandingText({ open: 3, overdue: 0 }), '3 outstanding');
  assert.equal(outstandingText({ open: 3, overdue: 2 }), '3 outstanding, 2 overdue');
});
