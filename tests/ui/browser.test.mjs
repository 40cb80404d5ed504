// Drives the real UI in WebKitGTK (the engine of the Linux app) against the mock backend in
// tests/ui/harness, with the app's CSP enforced. Skips itself where Xvfb, WebKitWebDriver or
// MiniBrowser are missing, or when BRANCHDESK_SKIP_BROWSER=1.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const CTRL = '\uE009';
const ESCAPE = '\uE00C';

describe('the UI in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, visible, shot } = page;
  const noCsp = async () => assert.deepEqual(await s.exec('return window.__cspViolations'), []);

  test('first run: welcome, instant language switch, field errors, then the dashboard', async () => {
    await open('state=fresh');
    assert.equal(await visible('#welcome-form'), true);
    assert.equal(await visible('nav'), false, 'no nav before setup');
    assert.equal(await s.exec("return document.querySelector('#welcome-timezone').value"), 'Asia/Shanghai');
    await s.waitFor("return document.querySelectorAll('#welcome-timezones option').length", (n) => n === 4);
    await shot('welcome-zh');

    await s.exec("const sel = document.querySelector('#welcome-language'); sel.value = 'en'; sel.dispatchEvent(new Event('change', {bubbles: true}));");
    await waitText('#welcome-title', 'Welcome to BranchDesk');
    assert.equal(await s.exec('return document.documentElement.lang'), 'en');

    await s.click('#welcome-submit');
    await waitText('.field-error[data-error-for="name"]', 'Branch name: Please fill this in.');
    assert.equal(await textOf('.field-error[data-error-for="industry"]'), 'Industry: Please choose an industry from the list.');
    assert.equal(await s.exec('return document.activeElement.id'), 'welcome-name', 'focus goes to the first problem');

    await s.type('#welcome-name', 'Harbour Hotel');
    await s.type('#welcome-code', 'hk01');
    assert.equal(await s.exec("return document.querySelector('#welcome-code').value"), 'HK01');
    await s.exec("const sel = document.querySelector('#welcome-industry'); sel.value = 'hotel';");
    await s.click('#welcome-submit');
    // The branch is set up; its manager's sign-in comes next, then the recovery code once.
    await waitText('#first-manager-title', 'Create the manager’s sign-in');
    assert.equal(await visible('nav'), false, 'no nav before the manager signs in');
    await s.type('#first-manager-name', 'Mei Chen');
    await s.type('#first-manager-username', 'mei');
    await s.type('#first-manager-secret', 'short');
    await s.click('#first-manager-submit');
    await waitText('.field-error[data-error-for="secret"]', /8 to 128 characters/);
    await s.clearInput('#first-manager-secret');
    await s.type('#first-manager-secret', 'Harbour-2026-pass');
    await s.click('#first-manager-submit');
    await waitText('#recovery-code-value', 'K7Q2M-ABCDE-FGHJK-MNPQR');
    await s.click('#recovery-code-done');
    await s.waitFor("return location.hash === '#/dashboard' && document.querySelector('.empty-state') !== null");
    assert.equal(await textOf('#signed-in-as'), 'Mei Chen · Manager');
    assert.equal(await textOf('#branch-name'), 'Harbour Hotel');
    assert.equal(await s.exec("return document.querySelector('[data-nav=dashboard]').getAttribute('aria-current')"), 'page');
    assert.equal(await visible('#welcome'), false);
    assert.deepEqual(await s.exec('return window.__mock.branch.code'), 'HK01');
    assert.equal(await s.exec('return window.__mock.language'), 'en');
    assert.equal(await s.exec('return window.__mock.shown'), 1, 'show_window exactly once');
    await shot('dashboard-en');
    await noCsp();
  });

  test('staff: markup in a name stays text; add, edit, deactivate with confirm, show former', async () => {
    await open('state=ready');
    await s.go(`${page.url}/?state=ready#/staff`);
    await s.waitFor("return document.querySelector('#staff-empty') !== null");
    await shot('staff-empty');
    await s.click('#staff-add');
    assert.equal(await visible('#staff-form'), true);
    await s.click('#staff-save');
    await waitText('.field-error[data-error-for="name"]', '姓名：不能为空');

    const evil = '<img src=x onerror=alert(1)>';
    await s.type('#staff-name', evil);
    await s.type('#staff-phone', 'call me');
    await s.click('#staff-save');
    await waitText('.field-error[data-error-for="phone"]', /^电话：/);
    await s.clearInput('#staff-phone');
    await s.type('#staff-phone', '+86 138 0013 8000');
    await s.exec("document.querySelector('#staff-startDate').value = '2024-03-05'");
    await s.click('#staff-save');
    await s.waitFor("return document.querySelector('#staff-table td.staff-name') !== null");
    assert.equal(await textOf('#staff-table td.staff-name'), evil);
    assert.equal(await s.exec("return document.querySelectorAll('#staff-table img').length"), 0);
    assert.match(await textOf('#staff-table tbody tr'), /2024年3月5日/);
    assert.equal(await visible('#staff-form'), false);
    await waitText('#toast', '已保存');

    // Edit through the row button; Ctrl+S saves the open form.
    await s.click('#staff-table button.staff-edit');
    assert.equal(await s.exec("return document.querySelector('#staff-name').value"), evil);
    await s.clearInput('#staff-name');
    await s.type('#staff-name', '王小明');
    await s.keys([CTRL, 's']);
    await waitText('#staff-table td.staff-name', '王小明');

    // Escape closes an open panel without saving.
    await s.click('#staff-add');
    await s.type('#staff-name', '不会保存');
    // Leaving with the name typed asks first; Cancel keeps it.
    await s.click('a[data-nav=dashboard]');
    await waitText('#confirm-message', /员工信息还没有保存/);
    await s.click('#confirm-cancel');
    await s.waitFor("return location.hash === '#/staff' && document.querySelector('#staff-name').value === '不会保存'");
    await s.keys([ESCAPE]);
    await s.waitFor("return document.querySelector('#staff-form').hidden");
    assert.equal(await s.exec('return window.__mock.staff.length'), 1);
    // Once put away, the form is no longer asked about.
    await s.click('a[data-nav=dashboard]');
    await s.waitFor("return location.hash === '#/dashboard' && !document.querySelector('#confirm-dialog').open");
    await s.go(`${page.url}/?state=ready#/staff`);
    await s.waitFor("return document.querySelector('#staff-table td.staff-name') !== null");
    await shot('staff-list');

    // Deactivate: the in-page confirm appears; cancelling changes nothing.
    await s.click('#staff-table button.staff-toggle-active');
    await s.waitFor("return document.querySelector('#confirm-dialog').open");
    assert.match(await textOf('#confirm-title'), /王小明/);
    await shot('staff-confirm');
    await s.click('#confirm-cancel');
    assert.equal(await s.exec('return window.__mock.staff[0].active'), true);
    await s.click('#staff-table button.staff-toggle-active');
    await s.waitFor("return document.querySelector('#confirm-dialog').open");
    await s.click('#confirm-ok');
    await s.waitFor("return document.querySelector('#staff-empty') !== null");
    assert.equal(await s.exec('return window.__mock.staff[0].active'), false);
    await s.click('#staff-show-inactive');
    await s.waitFor("return document.querySelector('#staff-table tr.is-inactive') !== null");
    assert.match(await textOf('#staff-table tr.is-inactive'), /已离职/);
    await noCsp();
  });

  test('settings: language switch re-renders everything at once and keeps the focus', async () => {
    await open('state=ready');
    await s.go(`${page.url}/?state=ready#/settings`);
    await s.waitFor("return document.querySelectorAll('#category-list li').length === 6");
    assert.equal(await textOf('#db-path'), '/home/user/.local/share/com.branchdesk.app/branchdesk.db');
    await shot('settings-zh');
    await s.type('#settings-name', '（草稿）');
    await s.exec("const sel = document.querySelector('#settings-language'); sel.focus(); sel.value = 'en'; sel.dispatchEvent(new Event('change', {bubbles: true}));");
    await waitText('[data-nav=settings]', 'Settings');
    await waitText('.page-title', 'Settings');
    await waitText('#category-list li .category-name', 'Delivery delay');
    assert.equal(await textOf('[data-nav=staff]'), 'Staff');
    assert.equal(await s.exec('return window.__mock.language'), 'en');
    assert.equal(await s.exec('return document.activeElement.id'), 'settings-language');
    assert.equal(await s.exec("return document.querySelector('#settings-name').value"), '阳光花园物业服务中心（草稿）', 'typed text survives');
    await waitText('#toast', 'Saved');
    await noCsp();
  });

  test('settings: categories move, rename, hide, delete (in use is explained)', async () => {
    await open('state=ready&lang=en');
    await s.go(`${page.url}/?state=ready&lang=en#/settings`);
    await s.waitFor("return document.querySelectorAll('#category-list li').length === 6");
    const order = () => s.exec("return [...document.querySelectorAll('#category-list li')].map(li => li.dataset.categoryId).join(',')");

    await s.click('#category-list li[data-category-id="1"] .category-down');
    await s.waitFor("return document.querySelector('#category-list li').dataset.categoryId === '2'");
    assert.equal(await order(), '2,1,3,4,5,6');
    assert.equal(await s.exec("return document.activeElement.classList.contains('category-down') && document.activeElement.closest('li').dataset.categoryId"), '1');

    await s.click('#category-list li[data-category-id="3"] .category-rename');
    await s.waitFor("return document.activeElement.id === 'category-rename-3'");
    await s.exec("document.activeElement.value = ''");
    await s.type('#category-rename-3', '<b>Parcels</b>');
    await s.keys(['\uE007']);
    await waitText('#category-list li[data-category-id="3"] .category-name', '<b>Parcels</b>');

    await s.click('#category-list li[data-category-id="4"] .category-hide');
    await s.waitFor("return document.querySelector('#category-list li[data-category-id=\"4\"]').classList.contains('is-hidden')");
    assert.match(await textOf('#category-list li[data-category-id="4"]'), /Hidden/);

    await s.click('#category-list li[data-category-id="1"] .category-delete');
    await s.waitFor("return document.querySelector('#confirm-dialog').open");
    await s.click('#confirm-ok');
    await waitText('#category-list li[data-category-id="1"] .category-error', /cannot be deleted\. Hide it instead/);

    await s.click('#category-list li[data-category-id="6"] .category-delete');
    await s.waitFor("return document.querySelector('#confirm-dialog').open");
    await s.click('#confirm-ok');
    await s.waitFor("return document.querySelectorAll('#category-list li').length === 5");

    await s.click('#category-add');
    await waitText('#category-add-form .field-error[data-error-for="name"]', 'New category: Please fill this in.');
    await s.type('#category-new-name', '<b>Parcels</b>');
    await s.click('#category-add');
    await waitText('#category-add-form .field-error[data-error-for="name"]', 'New category: That name is already taken. Please choose another.');
    await s.clearInput('#category-new-name');
    await s.type('#category-new-name', 'Lost keys');
    await s.click('#category-add');
    await s.waitFor("return document.querySelectorAll('#category-list li').length === 6");
    await shot('settings-categories-en');
    await noCsp();
  });

  test('settings: time limits and branch details save, with errors next to the grade', async () => {
    await open('state=ready');
    await s.go(`${page.url}/?state=ready#/settings`);
    await s.waitFor("return document.querySelector('#ack-2').value === '12'");
    await s.clearInput('#ack-2');
    await s.type('#ack-2', '999');
    await s.click('#limits-save');
    await waitText('.field-error[data-error-for="limits.2.acknowledgeHours"]', '二级（严重）受理时限：数值超出允许的范围');
    await s.clearInput('#ack-2');
    await s.type('#ack-2', '6');
    await s.click('#limits-save');
    await s.waitFor('return window.__mock.limits[1].acknowledgeHours === 6');
    await waitText('#toast', '已保存');

    await s.clearInput('#settings-code');
    await s.type('#settings-code', 'sh-9');
    await s.click('#branch-save');
    await waitText('#branch-form .field-error[data-error-for="code"]', '网点代码：只能是 2 到 12 位字母或数字');
    await s.clearInput('#settings-code');
    await s.type('#settings-code', 'sh09');
    await s.clearInput('#settings-name');
    await s.type('#settings-name', '新名字');
    await s.click('#branch-save');
    await waitText('#branch-name', '新名字');
    assert.equal(await textOf('#branch-code'), 'SH09');
    await noCsp();
  });

  test('fatal start-up error: full screen with the translated error and the file path', async () => {
    await open('state=fatal');
    assert.equal(await visible('#fatal'), true);
    assert.equal(await visible('#app-shell'), false);
    assert.match(await textOf('#fatal-message'), /数据库/);
    assert.equal(await textOf('#fatal-db-path'), '/home/user/.local/share/com.branchdesk.app/branchdesk.db');
    await shot('fatal');
  });

  test('every page fits 1280×800 and 960×600 windows without sideways scrolling', async () => {
    for (const [width, height] of [[1280, 800], [960, 600]]) {
      await s.setWindowSize(width, height);
      for (const lang of ['zh-CN', 'en']) {
        for (const view of ['dashboard', 'cases', 'training', 'prevention', 'reports', 'staff', 'settings']) {
          await s.go(`${page.url}/?state=ready&staff=demo&lang=${lang}#/${view}`);
          await s.waitFor("return document.querySelector('.page-title') !== null && !document.querySelector('.loading')");
          const overflow = await s.exec(`const doc = document.documentElement, view = document.getElementById('view');
            return Math.max(doc.scrollWidth - doc.clientWidth, view.scrollWidth - view.clientWidth,
              ...[...document.querySelectorAll('.table-wrap')].map((w) => w.scrollWidth - w.clientWidth));`);
          assert.ok(overflow <= 0, `${view} (${lang}, ${width}×${height}) overflows sideways by ${overflow}px`);
          const navFits = await s.exec("const nav = document.querySelector('.app-nav'); return nav.scrollHeight <= nav.clientHeight;");
          assert.ok(navFits, `nav needs scrolling at ${width}×${height}`);
          if (lang === 'zh-CN' && width === 960 && ['staff', 'settings'].includes(view)) await shot(`${view}-960`);
        }
      }
    }
    await noCsp();
  });
});
