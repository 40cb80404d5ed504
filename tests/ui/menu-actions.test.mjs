import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { menuTarget, needsNavigation } from '../../ui/js/lib/menu-actions.js';

// The ids the backend's menu sends, read from its model so the two cannot drift apart.
const model = readFileSync(new URL('../../src-tauri/src/desktop/menu_model.rs', import.meta.url), 'utf8');
const ids = [...model.matchAll(/=> "((?:file|view|help)\.[a-z-]+)"/g)].map((m) => m[1]);
const BACKEND = new Set(['file.quit', 'help.log-folder', 'help.guide']);

test('the menu model is read: every item of File, View and Help', () => {
  assert.equal(ids.length, 13);
  assert.ok(ids.includes('file.new-case') && ids.includes('view.settings'));
});

test('every item the window handles leads to a page; the backend\'s own lead nowhere', () => {
  for (const id of ids) {
    const target = menuTarget(id);
    if (BACKEND.has(id)) assert.equal(target, null, id);
    else assert.match(target?.hash ?? '', /^#\/[a-z]+(\/new)?$/, id);
  }
  assert.deepEqual(menuTarget('file.new-case'), { hash: '#/cases/new', focus: 'case-channel' });
  assert.deepEqual(menuTarget('file.export-month'), { hash: '#/reports', focus: 'report-export' });
  assert.deepEqual(menuTarget('help.about'), { hash: '#/settings', focus: 'settings-about' });
  assert.deepEqual(menuTarget('view.prevention'), { hash: '#/prevention', focus: null });
});

test('unknown or hostile ids do nothing', () => {
  for (const id of ['', 'view.', 'view.nope', 'view.__proto__', 'view.reports/../x', '<img onerror=x>', null, undefined, 42]) {
    assert.equal(menuTarget(id), null, String(id));
  }
});

test('already on the page, the address stays (the chosen month or filters are kept)', () => {
  assert.equal(needsNavigation('#/reports?month=2026-03', '#/reports'), false);
  assert.equal(needsNavigation('#/cases/new', '#/cases/new'), false);
  assert.equal(needsNavigation('#/cases/42', '#/cases'), true);
  assert.equal(needsNavigation('#/dashboard', '#/reports'), true);
  assert.equal(needsNavigation('', '#/dashboard'), true);
});
