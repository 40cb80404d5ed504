import { test } from 'node:test';
import assert from 'node:assert/strict';
import zh from '../../ui/js/i18n/zh-CN.js';
import en from '../../ui/js/i18n/en.js';
import zhReports from '../../ui/js/i18n/zh-CN/reports.js';
import enReports from '../../ui/js/i18n/en/reports.js';
import zhCases from '../../ui/js/i18n/zh-CN/cases.js';
import enCases from '../../ui/js/i18n/en/cases.js';
import zhPrevention from '../../ui/js/i18n/zh-CN/prevention.js';
import enPrevention from '../../ui/js/i18n/en/prevention.js';
import zhAccess from '../../ui/js/i18n/zh-CN/access.js';
import enAccess from '../../ui/js/i18n/en/access.js';
import zhGroup from '../../ui/js/i18n/zh-CN/group.js';
import zhCasework from '../../ui/js/i18n/zh-CN/casework.js';
import enCasework from '../../ui/js/i18n/en/casework.js';
import enGroup from '../../ui/js/i18n/en/group.js';
import { readFileSync } from 'node:fs';
import {
  t, setLanguage, getLanguage, onLanguageChange, translateTree, normalizeLanguage, hasKey, LANGUAGES,
} from '../../ui/js/i18n/index.js';

const placeholders = (text) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const CJK = /[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF]/;

test('both dictionaries have exactly the same keys', () => {
  const zhKeys = Object.keys(zh).sort();
  const enKeys = Object.keys(en).sort();
  assert.deepEqual(zhKeys.filter((k) => !(k in en)), [], 'keys only in zh-CN');
  assert.deepEqual(enKeys.filter((k) => !(k in zh)), [], 'keys only in en');
  assert.equal(zhKeys.length, enKeys.length);
});

test('dictionary parts: same keys in both languages, merged in, never redefining a key of the main file', () => {
  for (const [name, zhPart, enPart] of [['reports', zhReports, enReports], ['cases', zhCases, enCases], ['prevention', zhPrevention, enPrevention], ['access', zhAccess, enAccess], ['group', zhGroup, enGroup], ['casework', zhCasework, enCasework]]) {
    assert.deepEqual(Object.keys(zhPart).sort(), Object.keys(enPart).sort(), `${name} parts`);
    for (const [lang, part, merged] of [['zh-CN', zhPart, zh], ['en', enPart, en]]) {
      const main = readFileSync(new URL(`../../ui/js/i18n/${lang}.js`, import.meta.url), 'utf8');
      for (const [key, value] of Object.entries(part)) {
        assert.equal(merged[key], value, `${lang} ${key} not merged`);
        assert.ok(!main.includes(`'${key}':`), `${lang} ${key} is defined twice (main file and ${name} part)`);
      }
    }
  }
});

test('no dictionary value is empty, and none contains markup', () => {
  for (const [name, dict] of [['zh-CN', zh], ['en', en]]) {
    for (const [key, value] of Object.entries(dict)) {
      assert.equal(typeof value, 'string', `${name} ${key} is not a string`);
      assert.notEqual(value.trim(), '', `${name} ${key} is empty`);
      assert.doesNotMatch(value, /<[a-z/!]/i, `${name} ${key} contains markup; text is shown literally`);
    }
  }
});

test('every {placeholder} appears in both languages', () => {
  for (const key of Object.keys(zh)) {
    assert.deepEqual(placeholders(zh[key]), placeholders(en[key]), `placeholders differ for ${key}`);
  }
});

test('Chinese texts are written in Chinese and English texts in English', () => {
  // Brand names, symbols and a language's own name are the same in both.
  const sameInBoth = new Set(['app.name', 'app.titleWithView', 'language.en', 'language.zh-CN', 'common.none', 'format.dateTime', 'size.kb', 'size.mb']);
  const untranslated = Object.keys(zh).filter((key) => !sameInBoth.has(key) && !CJK.test(zh[key]));
  assert.deepEqual(untranslated, [], 'zh-CN values without any Chinese');
  // English may name the Chinese language in its own script, nothing else.
  const withChinese = Object.keys(en).filter((key) => CJK.test(en[key].replaceAll('简体中文', '')));
  assert.deepEqual(withChinese, [], 'en values containing Chinese');
});

test('the dictionaries cover every code and name the backend sends', () => {
  const required = [
    ...['invalid.required', 'invalid.too_long', 'invalid.control_chars', 'invalid.branch_code', 'invalid.industry',
      'invalid.timezone', 'invalid.language', 'invalid.date', 'invalid.phone', 'invalid.range', 'not_found', 'in_use',
      'duplicate', 'already_initialized', 'not_initialized', 'database', 'io', 'internal', 'unknown',
      'export.not_branchdesk', 'export.other_month', 'export.duplicate_branch',
      'no_database', 'startup.not_branchdesk', 'backup.unfinished', 'backup.altered',
      'output.not_xlsx', 'output.database', 'output.backup', 'output.not_a_file', 'output.exists',
      'plan.not_open', 'plan.no_further_phase', 'plan.cannot_move', 'plan.not_evaluating',
      'lesson.case_not_closed', 'lesson.already_converted',
      'write.read_only', 'write.locked', 'write.disk_full', 'write.io',
      'access.signed_out', 'access.locked', 'access.denied', 'access.not_yours', 'access.wrong_sign_in',
      'access.wait', 'access.last_manager', 'invalid.password', 'invalid.pin', 'invalid.username',
      'group.no_server', 'group.bad_address', 'group.unreachable', 'group.auth', 'group.wrong_role', 'group.no_schema',
      'group.schema_newer', 'group.password_file_open', 'group.server', 'group.busy', 'group.no_branches', 'group.interrupted', 'group.not_office']
      .map((code) => `error.${code}`),
    ...['name', 'code', 'industry', 'timezone', 'language', 'position', 'department', 'phone', 'startDate',
      'acknowledgeHours', 'resolveDays'].map((field) => `field.${field}`),
    ...['property', 'hotel', 'postal', 'other'].map((industry) => `industry.${industry}`),
    ...[1, 2, 3, 4].flatMap((grade) => [`grade.${grade}`, `gradeHint.${grade}`]),
    ...['dashboard', 'cases', 'training', 'prevention', 'reports', 'staff', 'settings'].map((view) => `nav.${view}`),
    ...LANGUAGES.map((lang) => `language.${lang}`),
    ...['delivery_delay', 'parcel_loss', 'parcel_damage', 'wrong_delivery', 'shipping_fees', 'pickup', 'counter_queue',
      'tracking_info', 'room_cleanliness', 'facilities', 'noise', 'front_desk', 'food_beverage', 'billing',
      'reservation', 'safety', 'building_quality', 'repairs', 'security', 'cleaning', 'property_fees', 'parking',
      'neighbours', 'shared_facilities', 'service_attitude', 'communication', 'price', 'other']
      .map((seed) => `category.${seed}`),
  ];
  assert.deepEqual(required.filter((key) => !(key in zh)), []);
});

test('t() translates, interpolates and falls back to the key', () => {
  setLanguage('zh-CN');
  assert.equal(t('nav.staff'), zh['nav.staff']);
  assert.equal(t('error.withField', { field: '姓名', message: '不能为空' }), '姓名：不能为空');
  setLanguage('en');
  assert.equal(t('error.withField', { field: 'Name', message: 'Please fill this in.' }), 'Name: Please fill this in.');
  // Numbers and repeated placeholders are fine; a missing parameter stays visible.
  assert.equal(t('settings.limits.rangeHint', { ackMin: 1, ackMax: 720, resolveMin: 1, resolveMax: 365 }),
    'Acknowledge within 1–720 hours; resolve within 1–365 days.');
  assert.equal(t('staff.editNamed', {}), 'Edit {name}');
  // User text is inserted as-is, never re-interpreted as a placeholder or markup.
  assert.equal(t('staff.editNamed', { name: '<img src=x onerror=alert(1)> {name}' }), 'Edit <img src=x onerror=alert(1)> {name}');
  // Unknown keys come back as themselves rather than blank or undefined.
  assert.equal(t('no.such.key'), 'no.such.key');
  assert.equal(t('no.such.key', { x: 1 }), 'no.such.key');
  // Inherited object properties are not keys.
  assert.equal(t('toString'), 'toString');
  assert.equal(hasKey('constructor'), false);
  setLanguage('zh-CN');
});

test('setLanguage notifies listeners once per real change and normalises tags', () => {
  setLanguage('zh-CN');
  const seen = [];
  const stop = onLanguageChange((lang) => seen.push(lang));
  assert.equal(setLanguage('en-GB'), true);
  assert.equal(getLanguage(), 'en');
  assert.equal(setLanguage('en'), false, 'same language: no change event');
  setLanguage('zh-Hans-CN');
  stop();
  setLanguage('en');
  assert.deepEqual(seen, ['en', 'zh-CN']);
  assert.equal(normalizeLanguage('zh'), 'zh-CN');
  assert.equal(normalizeLanguage('EN-us'), 'en');
  setLanguage('zh-CN');
});

test('a failing listener does not stop the others', () => {
  setLanguage('zh-CN');
  const seen = [];
  const error = console.error;
  console.error = () => {};
  const a = onLanguageChange(() => { throw new Error('boom'); });
  const b = onLanguageChange((lang) => seen.push(lang));
  try {
    setLanguage('en');
  } finally {
    console.error = error;
    a();
    b();
    setLanguage('zh-CN');
  }
  assert.deepEqual(seen, ['en']);
});

test('translateTree fills text and attributes from data-i18n*', () => {
  const node = (dataset) => ({ dataset, attrs: {}, textContent: '', setAttribute(name, value) { this.attrs[name] = value; } });
  const title = node({ i18n: 'nav.settings' });
  const input = node({ i18nPlaceholder: 'welcome.namePlaceholder', i18nTitle: 'field.branchName' });
  const nav = node({ i18nAriaLabel: 'nav.label' });
  const all = [title, input, nav];
  const root = {
    querySelectorAll(selector) {
      const attr = /\[data-(i18n(?:-[a-z-]+)?)\]/.exec(selector)[1];
      const prop = attr.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      return all.filter((n) => n.dataset[prop] !== undefined);
    },
  };
  setLanguage('en');
  translateTree(root);
  assert.equal(title.textContent, 'Settings');
  assert.equal(input.attrs.placeholder, en['welcome.namePlaceholder']);
  assert.equal(input.attrs.title, 'Branch name');
  assert.equal(nav.attrs['aria-label'], 'Main navigation');
  setLanguage('zh-CN');
  translateTree(root);
  assert.equal(title.textContent, '设置');
});
