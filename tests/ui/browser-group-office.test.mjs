// Head office's group dashboard in WebKitGTK against the mock backend (harness/mock-group-
// office.js): the nav entry only on head office's computer, every branch's figures ranked by
// a chosen figure, stale branches marked, drill-down to a branch's cases and to a case masked
// until a manager shows it, the empty state and a server error, the workbook's export with its
// progress, at 1366×768 and 1024×700 in both languages. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

describe('group dashboard in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf, waitText, waitFor, count, choose, press, clean, shot } = page;
  const openGroup = async (query, hash = '#/group') => {
    await s.go(`${page.url}/?state=ready&${query}${hash}`);
    await s.waitFor('return document.readyState === "complete" && window.__mock && document.querySelector("#group-table, #group-empty, #group-error, #group-cases, #group-case-facts") !== null');
  };
  const rowCodes = () => s.exec("return [...document.querySelectorAll('#group-table tbody tr')].map((r) => r.dataset.code)");
  const rankCells = () => s.exec("return [...document.querySelectorAll('#group-table tbody td.group-rank')].map((c) => c.textContent)");
  const overflow = () => s.exec(`const doc = document.documentElement, view = document.getElementById('view');
    return Math.max(doc.scrollWidth - doc.clientWidth, view.scrollWidth - view.clientWidth);`);

  test('the Group nav entry shows only on head office’s computer', async () => {
    await s.go(`${page.url}/?state=ready&lang=en#/dashboard`);
    await s.waitFor('return document.readyState === "complete" && window.__mock && window.__mock.shown === 1');
    assert.equal(await s.exec("return document.querySelector('#nav-group-item').hidden"), true);
    await openGroup('lang=en&office=on');
    assert.equal(await s.exec("return document.querySelector('#nav-group-item').hidden"), false);
    assert.equal(await textOf('[data-nav="group"]'), 'Group');
  });

  test('Settings › Group › Head office: a manager sets it up, the password is never shown back, the nav follows', async () => {
    await s.go(`${page.url}/?state=ready&lang=en#/settings`);
    await s.waitFor("return document.querySelector('#office-state')?.textContent !== '' && document.querySelector('#office-state') !== null");
    assert.equal(await textOf('#office-state'), 'This computer is a branch’s (no head office server set).');
    assert.equal(await s.exec("return document.querySelector('#office-test').disabled"), true);
    await s.exec("document.querySelector('#office-server').value = 'ftp://db.example'");
    await press('#office-save');
    await waitText('#office-form .field-error[data-error-for="server"]', /^Head office server: /);
    assert.equal(await s.exec('return window.__mock.office.server'), null, 'nothing saved');

    await s.exec("document.querySelector('#office-server').value = 'postgres://office:secret@db.example/group'");
    await s.exec("document.querySelector('#office-password').value = 'office-pw'");
    await press('#office-save');
    await s.waitFor("return !document.querySelector('#nav-group-item').hidden");
    assert.equal(await s.exec('return window.__mock.office.server'), 'postgres://office@db.example/group');
    assert.equal(await s.exec('return window.__mock.office.password'), 'office-pw');
    assert.equal(await s.exec("return document.querySelector('#office-server').value"), 'postgres://office@db.example/group');
    assert.equal(await s.exec("return document.querySelector('#office-password').value"), '', 'the password is not shown back');
    await press('#office-test');
    await waitText('#office-result', 'Connected as head office: 3 branches have sent their records.');

    // Cleared: a branch again, and the nav entry goes.
    await s.exec("document.querySelector('#office-server').value = ''");
    await press('#office-save');
    await s.waitFor("return document.querySelector('#nav-group-item').hidden");
    assert.equal(await textOf('#office-state'), 'This computer is a branch’s (no head office server set).');

    // Anyone but a manager is told who can.
    await s.exec("window.__signInAs(91, 'staff'); location.hash = '#/dashboard'");
    await s.waitFor("return location.hash === '#/dashboard' && document.querySelector('#settings-office') === null");
    await s.exec("location.hash = '#/settings'");
    await waitText('#office-state', 'Only a manager can set up head office.');
    assert.equal(await s.exec("return document.querySelector('#office-form').hidden"), true);
    await clean();
  });

  test('every branch ranked by the chosen figure, the rank shown, stale branches marked, names as text', async () => {
    await openGroup('lang=en&office=on');
    assert.deepEqual(await s.exec('return window.__mock.office.calls'), [['group_dashboard', null]], 'the backend picks the default month');
    assert.equal(await s.exec("return document.querySelector('#group-month').value"), '2026-11');
    // Closure rate by default: GZ03 96%, then BJ02 and SH01 tied at 78.9% (both 2nd, by code).
    assert.deepEqual(await rowCodes(), ['GZ03', 'BJ02', 'SH01']);
    assert.deepEqual(await rankCells(), ['1', '2', '2']);
    assert.match(await textOf('#group-table thead th.group-rank'), /Rank \(Closure rate\)/i);
    assert.equal(await textOf('#group-table tr[data-code="GZ03"] td[data-key="closure_rate"]'), '96.0%');
    assert.match(await textOf('#group-table tr[data-code="GZ03"] .group-as-of'), /Stale/);
    assert.doesNotMatch(await textOf('#group-table tr[data-code="SH01"] .group-as-of'), /Stale/);
    assert.equal(await count('#group-table img'), 0, 'a hostile branch name is text');
    assert.match(await textOf('#group-table tr[data-code="BJ02"] .group-branch-name'), /<img src=x onerror=alert\(1\)>/);

    // Crises: fewer is better; received: more first.
    await choose('#group-rank', 'crises');
    assert.deepEqual(await rowCodes(), ['GZ03', 'BJ02', 'SH01']);
    assert.deepEqual(await rankCells(), ['1', '2', '3']);
    await choose('#group-rank', 'received');
    assert.deepEqual(await rowCodes(), ['SH01', 'BJ02', 'GZ03']);
    // A figure a branch lacks: it goes last, unranked.
    await choose('#group-rank', 'resolved_on_time');
    assert.deepEqual(await rowCodes(), ['SH01', 'BJ02', 'GZ03']);
    assert.deepEqual(await rankCells(), ['1', '2', '—']);
    assert.match(await s.exec('return location.hash'), /rank=resolved_on_time/);

    // Another month asks the backend for it.
    await choose('#group-month', '2026-10');
    await s.waitFor("return window.__mock.office.calls.length === 2 && document.querySelector('#group-month')?.value === '2026-10'");
    assert.deepEqual(await s.exec('return window.__mock.office.calls[1]'), ['group_dashboard', '2026-10']);
    assert.equal(await s.exec("return [...document.querySelectorAll('#group-month option')].some((o) => o.value === '2026-11')"), true, 'and back again');
    await clean();
  });

  test('drill-down: a branch’s cases, then a case masked until a manager shows it (recorded)', async () => {
    await openGroup('lang=en&office=on');
    await press('#group-table tr[data-code="SH01"] a.group-branch-link');
    await waitFor('#group-cases');
    assert.match(await textOf('h1.page-title'), /SH01 上海一店 · complaints of Nov(ember)? 2026/);
    assert.equal(await count('#group-cases tbody tr'), 5);
    assert.equal(await textOf('#group-cases tbody tr[data-id="1"] td:last-child'), '<b>张**', 'names masked, shown as text');
    assert.equal(await textOf('#group-cases tbody tr[data-id="1"] td:nth-child(3)'), 'Front desk service');
    assert.equal(await s.exec("return document.querySelector('#group-cases tbody tr[data-id=\"5\"] .deadline').dataset.state"), 'overdue');

    await press('#group-cases tbody tr[data-id="5"] a.case-link');
    await waitFor('#group-case-facts');
    assert.equal(await textOf('#group-case-facts [data-field="phone"]'), '138****8000');
    assert.equal(await textOf('#group-case-facts [data-field="reference"]'), 'R**');
    assert.equal(await s.exec("return document.querySelector('#group-privacy').dataset.masked"), 'true');
    assert.equal(await count('#group-case-timeline li'), 2);
    assert.equal(await count('#group-case-audit tbody tr'), 1);
    assert.deepEqual(await s.exec('return window.__mock.office.reveals'), [], 'nothing shown, nothing recorded');

    await press('#group-reveal');
    await waitText('#group-case-facts [data-field="phone"]', '13800138000');
    assert.equal(await textOf('#group-case-facts [data-field="complainantName"]'), '张三丰 <script>x</script>');
    assert.equal(await count('#group-case-facts script'), 0);
    assert.match(await textOf('#group-privacy'), /recorded with your name/);
    assert.equal(await s.exec("return document.querySelector('#group-reveal')"), null);
    assert.deepEqual(await s.exec('return window.__mock.office.reveals'), [{ code: 'SH01', id: 5, by: 90 }]);

    // The trail goes back to the branch, then the dashboard, with the month kept.
    await press('#group-trail-branch');
    await waitFor('#group-cases');
    await press('#group-trail-dashboard');
    await waitFor('#group-table');
    assert.equal(await s.exec("return document.querySelector('#group-month').value"), '2026-11');
    await clean();
  });

  test('a viewer sees the case masked with no way to show it, in Chinese', async () => {
    await openGroup('office=on', '#/group/SH01/2?month=2026-11');
    await s.exec("window.__signInAs(90, 'viewer'); location.hash = '#/group/SH01/3?month=2026-11'");
    await s.waitFor("return document.querySelector('#group-case-title')?.textContent.includes('0003')");
    assert.equal(await s.exec("return document.querySelector('#group-reveal')"), null);
    assert.equal(await textOf('#group-privacy p'), '姓名、电话和房号等参考信息已隐藏。只有经理可以显示。');
    assert.equal(await textOf('#group-case-facts [data-field="phone"]'), '138****8000');
    await clean();
  });

  test('no branch synced yet: an empty state that says what to do; errors say what went wrong', async () => {
    await openGroup('lang=en&office=empty');
    assert.equal(await textOf('#group-empty-title'), 'No branch has synced yet');
    assert.match(await textOf('#group-empty'), /Settings › Group and presses Sync now/);
    await openGroup('office=empty');
    assert.equal(await textOf('#group-empty-title'), '还没有门店同步过');

    await openGroup('lang=en&office=down');
    assert.equal(await s.exec("return document.querySelector('#group-error').dataset.code"), 'group.unreachable');
    assert.match(await textOf('#group-error'), /cannot be reached/);
    await openGroup('office=not_office');
    assert.match(await textOf('#group-error'), /该账号不是总部账号/);
    // A computer that is not head office is told how to become one.
    await openGroup('lang=en');
    assert.equal(await textOf('#group-empty-title'), 'This computer is not set up as head office');
    await clean();
  });

  test('the group workbook is exported to the chosen file with its progress', async () => {
    await openGroup('lang=en&office=on');
    await s.exec("window.__mock.saveAnswer = '/home/user/group-2026-11.xlsx'");
    await press('#group-export');
    await waitText('#group-export-progress', 'Computing the figures of 3 branches…');
    assert.equal(await s.exec("return document.querySelector('#group-export').disabled"), true, 'one export at a time');
    assert.deepEqual(await s.exec('return window.__mock.office.exports'), [{ month: '2026-11', lang: 'en', path: '/home/user/group-2026-11.xlsx' }]);
    await s.exec('window.__mock.office.finish()');
    await waitFor('#group-export-done');
    assert.match(await textOf('#group-export-done'), /3 branches, ranked SH01, BJ02, GZ03/);
    assert.equal(await textOf('#group-export-progress'), '', 'progress shows only while an export runs');
    // Events after the export has ended change nothing.
    await s.exec("window.__emit('group-export-progress', { stage: 'reading', branches: 3 })");
    assert.equal(await textOf('#group-export-progress'), '');
    await openGroup('lang=en&office=down');
    assert.equal(await count('#group-export'), 0, 'no export while the server is unreachable: the error says why');
    await clean();
  });

  test('the table fits 1366×768 and scrolls inside its card at 1024×700, in both languages', async () => {
    for (const [width, height] of [[1366, 768], [1024, 700]]) {
      await s.setWindowSize(width, height);
      for (const lang of ['zh-CN', 'en']) {
        await openGroup(`lang=${lang}&office=on`);
        const px = await overflow();
        assert.ok(px <= 0, `group (${lang}, ${width}×${height}) overflows the page sideways by ${px}px`);
        assert.equal(await count('#group-table tbody tr'), 3);
        await shot(`group-${lang}-${width}`);
        await openGroup(`lang=${lang}&office=on`, '#/group/SH01/5?month=2026-11');
        assert.ok(await overflow() <= 0, `case (${lang}, ${width}×${height}) overflows`);
      }
    }
    await s.setWindowSize(1280, 800);
    await clean();
  });
});
