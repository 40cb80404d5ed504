// Sign-in, lock and switching user in WebKitGTK against the mock backend (which, like Rust,
// refuses data commands while nobody is signed in or the window is locked). Skips itself like
// browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const CTRL = '\uE009';

describe('sign-in and lock in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, visible, count } = page;
  const noCsp = async () => assert.deepEqual(await s.exec('return window.__cspViolations'), []);

  test('signing in: the same answer for a wrong password, then the branch in the signed-in name', async () => {
    await open('state=ready&signin=required');
    await waitText('#signin-title', '登录');
    assert.equal(await visible('nav'), false, 'nothing of the app before sign-in');
    assert.equal(await count('#view *'), 0);
    await s.type('#signin-username', 'wang');
    await s.type('#signin-secret', 'wrong-password');
    await s.click('#signin-submit');
    await waitText('#signin-form .form-error', '用户名或密码不正确。');
    assert.equal(await s.exec("return document.querySelector('#signin-secret').value"), '', 'the typed password is cleared');
    await s.type('#signin-secret', 'Plum-blossom-2026');
    await s.click('#signin-submit');
    await s.waitFor("return location.hash === '#/dashboard' && document.querySelector('#view .view-root') !== null");
    assert.equal(await textOf('#signed-in-as'), '王经理 · 店长');
    await noCsp();
  });

  test('Ctrl+L locks: the view is emptied, Rust-side refusals follow, and the same person unlocks', async () => {
    await open('state=ready&staff=demo', '#/staff');
    await s.waitFor("return document.querySelector('#view .view-root') !== null");
    await s.waitFor("return document.querySelector('#view').textContent.includes('张伟')");
    await s.keys([CTRL, 'l']);
    await waitText('#signin-title', '已锁定');
    assert.equal(await count('#view *'), 0, 'the locked window holds none of the view');
    assert.equal(await visible('#app-shell'), false);
    assert.equal(await s.exec("return document.body.textContent.includes('张伟')"), false);
    assert.equal(await s.exec('return window.__mock.session.locked'), true);
    assert.equal(await s.exec("return document.querySelector('#signin-username').value"), 'wang', 'the locked user is offered');
    await s.type('#signin-secret', 'Plum-blossom-2026');
    await s.click('#signin-submit');
    await s.waitFor("return document.querySelector('#view').textContent.includes('张伟')");
  });

  test('switching to a staff member: a manager action is refused with the translated reason', async () => {
    await open('state=ready&lang=en&staff=demo', '#/staff');
    await s.waitFor("return document.querySelector('#view .view-root') !== null");
    await s.click('#switch-user');
    await waitText('#signin-title', 'Sign in');
    assert.equal(await s.exec('return window.__mock.session'), null, 'signed out in the backend');
    await s.type('#signin-username', 'LINA');
    await s.type('#signin-secret', 'lina-password');
    await s.click('#signin-submit');
    await s.waitFor("return document.querySelector('#signed-in-as').textContent === '李娜 · Staff'");
    await s.go(`${page.url}/?state=ready&lang=en&staff=demo&signin=required#/staff`);
    await s.waitFor("return document.querySelector('#signin-form') !== null");
    await s.type('#signin-username', 'lina');
    await s.type('#signin-secret', 'lina-password');
    await s.click('#signin-submit');
    await s.waitFor("return document.querySelector('#staff-add') !== null");
    await s.click('#staff-add');
    await s.type('#staff-name', 'New Person');
    await s.click('#staff-save');
    await waitText('#staff-form .form-error', 'Your role does not allow this. Ask a manager.');
    await noCsp();
  });

  test('a database from before sign-ins asks its manager to take their record for the first sign-in', async () => {
    await open('state=ready&signin=none&staff=demo&lang=en');
    await waitText('#first-manager-title', 'Create the manager’s sign-in');
    assert.match(await textOf('#first-manager-form'), /all cases and history are kept/);
    await s.exec("const sel = document.querySelector('#first-manager-staff'); sel.value = '1'; sel.dispatchEvent(new Event('change', {bubbles: true}));");
    assert.equal(await visible('#first-manager-name'), false, 'an existing person needs no new name');
    await s.type('#first-manager-username', 'zhangwei');
    await s.type('#first-manager-secret', 'Zhang-2026-pass');
    await s.click('#first-manager-submit');
    await waitText('#recovery-code-value', 'K7Q2M-ABCDE-FGHJK-MNPQR');
    await s.click('#recovery-code-done');
    await s.waitFor("return document.querySelector('#signed-in-as').textContent === '张伟 · Manager'");
  });

  test('staff page: a manager gives a sign-in, resets a password, and cannot demote the last manager', async () => {
    await open('state=ready&lang=en&staff=demo', '#/staff');
    await s.waitFor("return document.querySelector('#signin-table') !== null");
    assert.equal(await count('#signin-table tbody tr'), 2);
    await s.exec("const sel = document.querySelector('#new-signin-staff'); sel.value = '1';");
    await s.type('#new-signin-username', 'zhangwei');
    await s.type('#new-signin-secret', 'Zhang-2026-pass');
    await s.click('#new-signin-save');
    await s.waitFor("return document.querySelectorAll('#signin-table tbody tr').length === 3");
    assert.equal(await s.exec("return window.__mock.signIns.find((x) => x.username === 'zhangwei').role"), 'staff');

    await s.click('#signin-table tr[data-staff-id="91"] .signin-reset-open');
    await s.type('#signin-table tr[data-staff-id="91"] input[name=secret]', 'short');
    await s.click('#signin-table tr[data-staff-id="91"] .signin-reset button[type=submit]');
    await waitText('#signin-table tr[data-staff-id="91"] .form-error', /8 to 128 characters/);
    await s.clearInput('#signin-table tr[data-staff-id="91"] input[name=secret]');
    await s.type('#signin-table tr[data-staff-id="91"] input[name=secret]', 'a-new-password');
    await s.click('#signin-table tr[data-staff-id="91"] .signin-reset button[type=submit]');
    await s.waitFor("return window.__mock.signIns.find((x) => x.staffId === 91).secret === 'a-new-password'");

    await s.exec("const sel = document.querySelector('#signin-table tr[data-staff-id=\"90\"] .signin-role'); sel.value = 'viewer'; sel.dispatchEvent(new Event('change', {bubbles: true}));");
    await waitText('#toast', /only manager must stay an active manager/);
    assert.equal(await s.exec("return document.querySelector('#signin-table tr[data-staff-id=\"90\"] .signin-role').value"), 'manager');
    await noCsp();
  });

  test('staff page: the sign-ins section is the manager’s; a staff member does not get it', async () => {
    await open('state=ready&lang=en&staff=demo', '#/staff');
    await s.waitFor("return document.querySelector('#signin-table') !== null");
    await s.exec("window.__signInAs(1, 'staff')");
    await s.exec("location.hash = '#/dashboard'");
    await s.waitFor("return document.querySelector('#staff-table') === null");
    await s.exec("location.hash = '#/staff'");
    await s.waitFor("return document.querySelector('#staff-table') !== null");
    await s.waitFor("return window.__mock.calls.filter((c) => c === 'list_sign_ins').length === 2");
    assert.equal(await count('#signin-table'), 0);
    assert.equal(await visible('#staff-sign-ins'), false);
  });
});
