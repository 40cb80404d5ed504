// Settings › Backups in WebKitGTK against the mock backend: the empty state, backing up now,
// the kept number's range, restoring (asks first, then reloads on the restored data) and a
// damaged file's message. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';


describe('settings › backups in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf, waitText } = page;
  const openSettings = async (query) => {
    await s.go(`${page.url}/?${query}#/settings`);
    await s.waitFor('return document.readyState === "complete" && window.__mock && document.querySelector("#backup-list li") !== null');
  };

  test('no backups yet says what happens; back up now adds one; the kept number is checked', async () => {
    await openSettings('state=ready&lang=en');
    assert.match(await textOf('#backup-none'), /made automatically the first time BranchDesk starts each day/);
    assert.equal(await s.exec("return document.querySelector('#backup-keep').value"), '14');

    await s.click('#backup-now');
    await s.waitFor("return document.querySelectorAll('#backup-list .backup-row').length === 1");
    assert.match(await textOf('#backup-list .backup-row'), /Manual/);
    assert.match(await textOf('#backup-list .backup-size'), /^2\.4 MB$/);
    await waitText('#toast', 'Backup made.');

    await s.exec("document.querySelector('#backup-keep').value = '0'");
    await s.click('#backup-keep-save');
    await waitText('#backup-keep-form .field-error[data-error-for="keep"]', /^Backups to keep: This number is outside the allowed range\.$/);
    assert.equal(await s.exec('return window.__mock.backupKeep'), 14, 'nothing saved');
    await s.exec("document.querySelector('#backup-keep').value = '2'");
    await s.click('#backup-keep-save');
    await s.waitFor('return window.__mock.backupKeep === 2');
  });

  test('the window itself never scrolls, only the view: hidden chart tables and labels stay inside it', async () => {
    for (const route of ['settings', 'dashboard']) {
      await s.go(`${page.url}/?state=ready&cases=demo&backups=some#/${route}`);
      await s.waitFor('return document.readyState === "complete" && document.querySelector("#view .page-title") !== null');
      await s.waitFor(`return document.querySelector('${route === 'settings' ? '#backup-list li' : '#dashboard-figures'}') !== null`);
      const [height, viewport] = await s.exec('return [document.documentElement.scrollHeight, window.innerHeight];');
      assert.equal(height, viewport, `${route}: the page is taller than the window`);
    }
  });

  test('restoring asks first; cancel changes nothing; confirm restores and reloads', async () => {
    await s.exec('sessionStorage.clear()');
    await openSettings('state=ready&backups=some');
    assert.equal(await s.exec("return document.querySelectorAll('#backup-list .backup-row').length"), 3);
    assert.match(await textOf('#backup-list .backup-row[data-kind="preMigration"]'), /升级前/);

    await s.click('#backup-list .backup-row[data-kind="manual"] button');
    await s.waitFor("return document.querySelector('#confirm-dialog').open");
    assert.match(await textOf('#confirm-message'), /恢复前/);
    await s.click('#confirm-cancel');
    await s.waitFor("return !document.querySelector('#confirm-dialog').open");
    assert.equal(await s.exec("return sessionStorage.getItem('mock.restored')"), null);

    await s.click('#backup-list .backup-row[data-kind="manual"] button');
    await s.waitFor("return document.querySelector('#confirm-dialog').open");
    await s.click('#confirm-ok');
    await s.waitFor("return sessionStorage.getItem('mock.restored') !== null");
    assert.match(await s.exec("return sessionStorage.getItem('mock.restored')"), /_manual\.sqlite$/);
  });

  test('a damaged file chosen for restore is explained and nothing changes', async () => {
    await openSettings('state=ready&lang=en&restoreFile=damaged');
    await s.click('#backup-restore-file');
    await s.waitFor("return document.querySelector('#confirm-dialog').open");
    await s.click('#confirm-ok');
    await waitText('#toast', /That backup is damaged \(its integrity check failed\)\. Nothing was changed/);
    assert.deepEqual(await s.exec('return window.__cspViolations'), []);
  });
});

describe('the start-up screen in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf } = page;
  const openFatal = async (query) => {
    await s.exec('sessionStorage.clear()').catch(() => {});
    await s.go(`${page.url}/?state=fatal&${query}`);
    await s.waitFor('return document.querySelector("#fatal-retry") !== null');
  };

  test('a damaged file says so and offers its backups; a failed retry is explained', async () => {
    await openFatal('lang=en&fatalCode=startup.corrupt&backups=some');
    assert.equal(await textOf('#fatal-message'), 'The data file is damaged and cannot be read.');
    assert.match(await textOf('#fatal-next'), /Restore the most recent backup below/);
    assert.equal(await s.exec("return document.querySelectorAll('#fatal-backups .backup-row').length"), 3);
    assert.equal(await s.exec("return document.querySelector('#app-shell').hidden"), true);
    await s.click('#fatal-retry');
    await s.waitFor("const n = document.querySelector('#toast'); return n && /damaged/.test(n.textContent)");

    await s.click('#fatal-backups .backup-row[data-kind="daily"] button');
    await s.waitFor("return document.querySelector('#confirm-dialog').open");
    assert.match(await textOf('#confirm-message'), /moved to the backups folder/);
    await s.click('#confirm-ok');
    await s.waitFor("return sessionStorage.getItem('mock.restored') !== null");
  });

  test('another program\'s database: no restore is offered over it, only another file or quit', async () => {
    await openFatal('lang=en&fatalCode=startup.not_branchdesk&backups=some');
    assert.match(await textOf('#fatal-message'), /another program’s database/);
    assert.match(await textOf('#fatal-next'), /BranchDesk has not changed it/);
    assert.equal(await s.exec("return document.querySelector('#fatal-backups, #fatal-no-backups, #fatal-restore-file')"), null);
    assert.equal(await textOf('#fatal-open-other'), 'Open another data file…');
  });

  test('a lock released meanwhile: try again opens the data file; quit is offered', async () => {
    await openFatal('fatalCode=startup.locked&retry=ok');
    assert.match(await textOf('#fatal-next'), /另一个程序正占用数据文件/);
    assert.equal(await textOf('#fatal-no-backups'), '在该数据文件旁没有找到备份。');
    assert.equal(await textOf('#fatal-quit'), '退出');
    await s.click('#fatal-retry');
    // The mock's file has no branch yet, so the app goes on to the first-run welcome.
    await s.waitFor("return document.querySelector('#fatal').hidden && !document.querySelector('#welcome').hidden", Boolean, 8000);
  });
});
