// The native menu's side in the window, in the real webview (WebKitGTK) against the mock
// backend: an item the backend sends (harness: window.__emit, as Tauri's event would) takes the
// user to its page and part, a failed backend item shows its error, and the menu follows the
// UI's language. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const READY = 'state=ready&staff=demo&cases=demo&report=demo';

describe('the native menu in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, waitText } = page;
  const menu = (id) => s.exec(`return window.__emit('menu-action', ${JSON.stringify(id)})`);
  const focusIn = (id) => `return document.getElementById('${id}')?.contains(document.activeElement) === true`;

  test('items go to their page and part; already there, the page stays as it was', async () => {
    await open(READY, '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-new-case') !== null");
    assert.equal(await s.exec('return window.__mock.menuLanguage'), 'zh-CN', 'the menu is told the language on start');

    assert.equal(await menu('view.reports'), 1, 'the window listens');
    await s.waitFor("return location.hash === '#/reports' && document.querySelector('#report-export') !== null");

    // Export month, already on Reports with another month chosen: the month stays.
    await s.click('#report-prev');
    await s.waitFor("return location.hash.startsWith('#/reports?month=')");
    const month = await s.exec('return location.hash');
    await menu('file.export-month');
    await s.waitFor(focusIn('report-export'));
    assert.equal(await s.exec('return location.hash'), month);

    await menu('help.about');
    await s.waitFor("return location.hash === '#/settings' && document.querySelector('#settings-about') !== null");
    await s.waitFor(focusIn('settings-about'));

    await menu('file.new-case');
    await s.waitFor("return location.hash === '#/cases/new' && document.activeElement?.id === 'case-channel'");

    // Unknown and hostile ids do nothing.
    await menu('view.<img src=x onerror=alert(1)>');
    await menu('file.quit');
    assert.equal(await s.exec('return location.hash'), '#/cases/new');
    assert.equal(await s.exec("return document.querySelectorAll('#view img').length"), 0);
  });

  test('a backend item that failed shows why; switching the language relabels the menu', async () => {
    await open(READY, '#/settings');
    await s.waitFor("return document.querySelector('#settings-language') !== null");
    await s.exec("window.__emit('menu-failed', { code: 'io', message: 'no opener', field: null })");
    await waitText('#toast', '文件读写失败，请检查磁盘空间和文件权限。');

    await s.exec("const sel = document.querySelector('#settings-language'); sel.value = 'en'; sel.dispatchEvent(new Event('change', {bubbles: true}));");
    await s.waitFor("return window.__mock.menuLanguage === 'en'");
  });
});
