// The database keeping the window waiting, in WebKitGTK against the mock backend: a slow save
// says "waiting for the database", a save refused because another program kept the data file
// locked names that program and is sent again on "Try again"; Settings › About shows where the
// log file is and shows it in its folder. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

describe('waiting for the database, and the log file, in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, waitFor, press } = page;

  test('a slow save says it is waiting; a locked one names the program and is tried again', async () => {
    await open('state=ready&lang=en', '#/settings');
    await waitFor('#category-add-form');
    await s.exec(`window.__mock.hold = { add_category: 1600 };
      window.__mock.locked = { add_category: 1 };
      window.__mock.lockHolder = 'rsync';`);
    await s.exec("document.querySelector('#category-new-name').value = 'Lift noise'");
    await press('#category-add');
    await waitText('#db-wait', 'Waiting for the database… another program may be using the data file.');
    assert.equal(await s.exec("return document.querySelector('#db-wait').hidden"), false);
    await s.waitFor("return document.querySelector('#confirm-dialog').open");
    assert.equal(await textOf('#confirm-title'), 'The data file is locked');
    assert.equal(await textOf('#confirm-message'),
      'rsync is keeping the data file locked, so this has not been saved yet. Close rsync, then try again.');
    assert.equal(await textOf('#confirm-ok'), 'Try again');
    await page.shot('db-wait-locked-en');
    await s.click('#confirm-ok');
    await s.waitFor("return [...document.querySelectorAll('#category-list li')].some((li) => li.textContent.includes('Lift noise'))");
    await s.waitFor("return document.querySelector('#db-wait').hidden");
    assert.equal(await s.exec("return window.__mock.calls.filter((c) => c === 'add_category').length"), 2);
    await page.clean();
  });

  test('Settings › About shows the log file and shows it in its folder', async () => {
    await open('state=ready', '#/settings');
    await waitText('#log-folder', '/home/zhang/.local/share/com.branchdesk.app/logs');
    assert.equal(await textOf('#settings-about-title'), '关于');
    assert.match(await textOf('#log-file'), /branchdesk-app\.2026-10-31\.log$/);
    assert.equal(await textOf('#about-version'), '0.1.0');
    await press('#log-reveal');
    await s.waitFor('return window.__mock.logRevealed === 1');
    await page.clean();
  });
});
