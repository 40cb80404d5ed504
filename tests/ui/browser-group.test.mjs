// Settings › Group in WebKitGTK against the mock backend: the sync's state, saving the
// address (a bad one refused on its field, the password never shown back), test connection,
// sync now, and an unreachable server explained. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

describe('settings › group in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf, waitText } = page;
  const openSettings = async (query) => {
    await s.go(`${page.url}/?${query}#/settings`);
    await s.waitFor('const p = document.querySelector("#group-pending"); return document.readyState === "complete" && window.__mock && p !== null && p.textContent !== ""');
  };

  test('the state is shown; an address is checked, kept without its password; sync now sends', async () => {
    await openSettings('state=ready&lang=en');
    assert.equal(await textOf('#group-last-sync'), 'Never');
    assert.equal(await textOf('#group-pending'), '42 changes');
    assert.equal(await s.exec("return document.querySelector('#group-sync').disabled"), true, 'no server yet');

    await s.exec("document.querySelector('#group-server').value = 'http://db.example'");
    await s.click('#group-save');
    await waitText('#group-form .field-error[data-error-for="server"]', /^Server address: /);
    assert.equal(await s.exec('return window.__mock.group.server'), null, 'nothing saved');

    await s.exec("document.querySelector('#group-server').value = 'postgres://sh01:secret@db.example/group'");
    await s.exec("document.querySelector('#group-password').value = 'pw-typed'");
    await s.exec("const i = document.querySelector('#group-interval'); i.value = '30'; i.dispatchEvent(new Event('change'))");
    await s.click('#group-save');
    await s.waitFor('return window.__mock.group.intervalMinutes === 30');
    assert.equal(await s.exec('return window.__mock.group.password'), 'pw-typed');
    assert.equal(await s.exec("return document.querySelector('#group-server').value"), 'postgres://sh01@db.example/group');
    assert.equal(await s.exec("return document.querySelector('#group-password').value"), '', 'the password is not shown back');

    await s.click('#group-test');
    await waitText('#group-result', 'Connected: the server knows this branch as SH01.');
    await s.click('#group-sync');
    await waitText('#group-result', 'Synced: 42 records sent, 1 publications taken from head office.');
    assert.equal(await textOf('#group-pending'), '0 changes');
    assert.notEqual(await textOf('#group-last-sync'), 'Never');
    assert.deepEqual(await s.exec('return window.__cspViolations'), []);
  });

  test('an unreachable server is explained in Chinese and nothing is lost', async () => {
    await openSettings('state=ready&group=down');
    await s.exec("document.querySelector('#group-server').value = 'postgres://sh01@db.example/group'");
    await s.click('#group-save');
    await s.waitFor("return window.__mock.group.server !== null && !document.querySelector('#group-sync').disabled");
    await s.click('#group-sync');
    await waitText('#toast', /无法连接总部服务器/);
    assert.equal(await textOf('#group-pending'), '42 项改动');
  });
});
