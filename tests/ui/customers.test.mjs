import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchReason, keptPick } from '../../ui/js/views/cases/case-customer.js';
import { customerIdFromHash } from '../../ui/js/views/customers/customers.js';
import { auditText } from '../../ui/js/views/customers/customer-format.js';
import { customerChoice, caseInput } from '../../ui/js/api/cases.js';
import { setLanguage } from '../../ui/js/i18n/index.js';

test('the intake says which keys a record shares, in either language', () => {
  setLanguage('zh-CN');
  assert.equal(matchReason(['phone', 'name']), '电话相同，仅姓名相同');
  assert.equal(matchReason(['reference']), '房号/单号相同');
  setLanguage('en');
  assert.equal(matchReason(['phone', 'reference']), 'same phone, same room/tracking number');
  assert.equal(matchReason(['<b>']), '', 'an unknown key is not shown');
  assert.equal(matchReason(undefined), '');
});

test('a pick survives a new check only while its record is still offered', () => {
  const match = { candidates: [{ id: 4 }, { id: 9 }], chosen: 4 };
  assert.equal(keptPick('9', match), '9');
  assert.equal(keptPick('7', match), 'auto', 'a record no longer offered falls back to the match');
  assert.equal(keptPick('new', match), 'new');
  assert.equal(keptPick('auto', { candidates: [], chosen: null }), 'auto');
  assert.equal(keptPick(undefined, null), 'auto');
});

test('the form sends the choice as customerId or newCustomer', () => {
  assert.deepEqual(customerChoice('new'), { customerId: null, newCustomer: true });
  assert.deepEqual(customerChoice('12'), { customerId: 12, newCustomer: false });
  assert.deepEqual(customerChoice('auto'), { customerId: null, newCustomer: false });
  assert.deepEqual(customerChoice(undefined), { customerId: null, newCustomer: false });
  const input = caseInput({ channel: 'phone', categoryId: '1', description: 'x', customerPick: '3' });
  assert.equal(input.customerId, 3);
  assert.equal(input.newCustomer, false);
});

test('customer hashes name a record or the list', () => {
  assert.equal(customerIdFromHash('#/customers/17'), 17);
  assert.equal(customerIdFromHash('#/customers/17?x=1'), 17);
  assert.equal(customerIdFromHash('#/customers'), null);
  assert.equal(customerIdFromHash('#/customers/abc'), null);
  assert.equal(customerIdFromHash('#/cases/17'), null);
});

test('audit lines read in words, merges naming both records', () => {
  setLanguage('en');
  assert.equal(auditText({ field: 'merged_from', oldValue: '2', newValue: '1' }), 'Record 2 merged into this record (1)');
  assert.equal(auditText({ field: 'customer_type', oldValue: 'unknown', newValue: 'angry' }), 'Type: Not judged yet → Angry');
  assert.equal(auditText({ field: 'key_customer', oldValue: 'no', newValue: 'Threatened the press' }), 'Key customer: no → Threatened the press');
  assert.equal(auditText({ field: 'phone', oldValue: null, newValue: '135 1234 5678' }), 'Phone added: 135 1234 5678');
  setLanguage('zh-CN');
  assert.equal(auditText({ field: 'merged_into', oldValue: '2', newValue: '1' }), '本档案（2）已并入档案 1');
});
