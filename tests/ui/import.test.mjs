// The import wizard's pure parts: the commands and argument shapes it sends, its texts in
// their own dictionary parts (ui/js/i18n/<lang>/import.js: same keys in both languages, merged
// without redefining a key of the main file), and a text for every code the backend sends.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import zh from '../../ui/js/i18n/zh-CN.js';
import en from '../../ui/js/i18n/en.js';
import zhImport from '../../ui/js/i18n/zh-CN/import.js';
import enImport from '../../ui/js/i18n/en/import.js';
import { FIELDS, missingFields, reasonText } from '../../ui/js/views/import/import-format.js';
import { setLanguage } from '../../ui/js/i18n/index.js';
import * as api from '../../ui/js/api.js';

const calls = [];
globalThis.window = { __TAURI__: { core: { invoke: async (cmd, args) => { calls.push([cmd, args]); return null; } } } };

test('the import commands get a token, a mapping of chosen columns only, and the options', async () => {
  await api.importPickFile();
  await api.importPreview(7, ' 投诉登记 ');
  await api.importPreview(7, '');
  const mapping = { received_at: '受理时间', description: '投诉内容', phone: '', channel: null };
  await api.importDryRun(7, mapping, { sheet: '投诉登记', unknownCategoryToOther: 1 });
  await api.importRun(7, mapping, {});
  const chosen = { received_at: '受理时间', description: '投诉内容' };
  assert.deepEqual(calls, [
    ['import_pick_file', undefined],
    ['import_preview', { token: 7, sheet: '投诉登记' }],
    ['import_preview', { token: 7, sheet: null }],
    ['import_dry_run', { token: 7, mapping: chosen, options: { sheet: '投诉登记', unknownCategoryToOther: true } }],
    ['import_run', { token: 7, mapping: chosen, options: { sheet: null, unknownCategoryToOther: false } }],
  ]);
});

test('the wizard asks for a column for each required field', () => {
  assert.deepEqual(missingFields({}), ['received_at', 'description']);
  assert.deepEqual(missingFields({ received_at: '日期', description: '' }), ['description']);
  assert.deepEqual(missingFields({ received_at: '日期', description: '内容' }), []);
});

test('the import parts have the same keys and are merged into the dictionaries once', () => {
  assert.deepEqual(Object.keys(zhImport).sort(), Object.keys(enImport).sort());
  for (const [lang, part, merged] of [['zh-CN', zhImport, zh], ['en', enImport, en]]) {
    const main = readFileSync(new URL(`../../ui/js/i18n/${lang}.js`, import.meta.url), 'utf8');
    for (const [key, value] of Object.entries(part)) {
      assert.equal(merged[key], value, `${lang} ${key} not merged`);
      assert.ok(!main.includes(`'${key}':`), `${lang} ${key} is defined twice (main file and import part)`);
    }
  }
});

test('every target field, file problem and row reason the backend sends has a text', () => {
  const backendFields = ['received_at', 'complainant_name', 'phone', 'reference', 'description', 'category', 'channel',
    'customer_type', 'customer_request', 'status', 'closed_at', 'action_taken', 'original_number'];
  assert.deepEqual([...FIELDS].sort(), [...backendFields].sort());
  const keys = [
    ...backendFields.map((field) => `import.field.${field}`),
    ...['unsupported', 'unreadable', 'empty', 'no_sheet', 'too_large', 'bad_mapping', 'bad_rows'].map((code) => `error.import.${code}`),
    ...['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'].map((encoding) => `import.encoding.${encoding}`),
    'timeline.kind.imported', 'audit_field.imported',
  ];
  for (const dict of [zh, en]) assert.deepEqual(keys.filter((key) => !(key in dict)), []);
});

test('row reasons use the import wording first, then the general error texts', () => {
  setLanguage('en');
  assert.equal(reasonText('invalid.range'), 'Out of range: in the future, before 2000, or closed before it was received.');
  assert.equal(reasonText('import.unknown_category'), 'No category has this name.');
  assert.equal(reasonText('invalid.phone'), en['error.invalid.phone']);
  assert.equal(reasonText('invalid.too_long'), en['error.invalid.too_long']);
  assert.equal(reasonText('no.such.code'), en['error.unknown']);
  setLanguage('zh-CN');
  assert.equal(reasonText('invalid.date'), zh['import.reason.invalid.date']);
});
