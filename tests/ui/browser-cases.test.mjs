// Complaint cases in the real webview (WebKitGTK) against the mock backend, with the app's CSP
// enforced: the list and its filters, intake (Ctrl+N, suggestion, duplicates, reasons), the
// case page's workflow, the dashboard, and layout at 1280×800 and 960×600 in both languages.
// Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const CTRL = '\uE009';
const EVIL = '<img src=x onerror=alert(1)>';

describe('complaint cases in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, waitCount, attr, visible, choose, press, shot, clean } = page;
  // Leaving investigation asks for the verdict (see browser-casework.test.mjs).
  const giveVerdict = async () => {
    await s.waitFor("return document.querySelector('#transition-form-justified') !== null");
    await choose('#transition-form-justified', 'yes');
    await choose('#transition-form-judgementCause', 'service_delay');
    await choose('#transition-form-fault', 'branch');
    await press('#transition-save');
  };

  test('list: rows, markup stays text, late rows marked, filters in the hash, search, empty states', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/cases');
    await waitCount('#case-table tr[data-case-id]', 6);
    assert.equal(await s.exec('return document.querySelectorAll("#case-table img, #case-table script").length'), 0);
    assert.equal(await textOf('tr[data-case-id="100"] td.case-complainant'), EVIL);
    assert.equal(await s.exec('return document.querySelector(\'tr[data-case-id="100"]\').classList.contains("case-overdue")'), true);
    assert.match(await textOf('tr[data-case-id="100"] td.case-deadline'), /^超期 /);
    assert.match(await textOf('tr[data-case-id="104"] td.case-number'), /^SH01-\d{6}-\d{4}$/);
    assert.match(await textOf('tr[data-case-id="102"] .case-channel'), /媒体.*越级/);
    assert.match(await textOf('#case-filter-status option[value="investigating"]'), /核实中（1）/);
    await shot('cases-list-zh');

    await choose('#case-filter-status', 'closed');
    await waitCount('#case-table tr[data-case-id]', 1);
    assert.equal(await s.exec('return location.hash'), '#/cases?status=closed');
    assert.equal(await visible('#case-clear-filters'), true);
    await press('#case-clear-filters');
    await waitCount('#case-table tr[data-case-id]', 6);
    assert.equal(await s.exec('return location.hash'), '#/cases');

    await s.type('#case-search', '王芳');
    await waitCount('#case-table tr[data-case-id]', 1);
    assert.equal(await s.exec('return document.activeElement.id'), 'case-search', 'typing keeps the focus');
    assert.equal(await s.exec('return location.hash'), `#/cases?search=${encodeURIComponent('王芳')}`);
    await s.clearInput('#case-search');
    await s.type('#case-search', 'zzz-nothing\uE007');
    await s.waitFor("return document.querySelector('#case-no-match') !== null");
    await press('#case-no-match .case-clear-filters');
    await waitCount('#case-table tr[data-case-id]', 6);

    // A link such as the dashboard's opens the list already filtered.
    await s.go(`${page.url}/?state=ready&staff=demo&cases=demo#/cases?overdue=1`);
    await s.waitFor("return document.querySelector('#case-table') !== null");
    assert.equal(await s.exec("return document.querySelector('#case-filter-overdue').checked"), true);
    assert.equal(await s.exec("return [...document.querySelectorAll('#case-table tr[data-case-id]')].every((r) => r.classList.contains('case-overdue'))"), true);

    // The whole row opens the case.
    await press('#case-table tr[data-case-id] td.case-received');
    await s.waitFor("return /^#\\/cases\\/\\d+$/.test(location.hash) && document.querySelector('#case-number') !== null");
    await clean();

    await open('state=ready', '#/cases');
    await s.waitFor("return document.querySelector('#case-empty') !== null");
    assert.match(await textOf('#case-empty'), /Ctrl\+N/);
  });

  test('list: paging shows 50 rows at a time with the range', async () => {
    await open('state=ready&cases=many', '#/cases');
    await waitCount('#case-table tr[data-case-id]', 50);
    assert.equal(await textOf('#case-range'), '第 1–50 条，共 120 条');
    assert.equal(await s.exec("return document.querySelector('#case-prev').disabled"), true);
    await press('#case-next');
    await waitText('#case-range', '第 51–100 条，共 120 条');
    assert.equal(await s.exec('return location.hash'), '#/cases?page=1');
    await press('#case-next');
    await waitText('#case-range', '第 101–120 条，共 120 条');
    assert.equal(await s.exec("return document.querySelector('#case-next').disabled"), true);
    await clean();
  });

  test('intake: Ctrl+N from anywhere, suggestion and rules, duplicates, reason for a lower grade, save', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-figures') !== null");
    await s.keys([CTRL, 'n']);
    await s.waitFor("return location.hash === '#/cases/new' && document.activeElement && document.activeElement.id === 'case-channel'");
    assert.match(await s.exec("return document.querySelector('#case-receivedAt').value"), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'the received time in 24-hour form, whatever the OS locale');

    await press('#case-save');
    await waitText('.field-error[data-error-for="channel"]', '投诉渠道：不能为空');
    assert.equal(await textOf('.field-error[data-error-for="description"]'), '投诉内容：不能为空');
    assert.equal(await s.exec('return document.activeElement.id'), 'case-channel');

    await choose('#case-channel', 'phone');
    await choose('#case-categoryId', '1');
    await s.type('#case-phone', '13800138000');
    await s.type('#case-description', EVIL);
    // WebDriver drops a typed line break; put it in the way a paste would.
    await s.exec(`const n = document.querySelector('#case-description'); n.value += '\\n第二行';
      n.dispatchEvent(new Event('input', { bubbles: true }));`);
    // The same phone has an open grade 2 case (100): the new complaint is suggested grade 2,
    // and the reason names that case.
    await s.waitFor("return document.querySelector('#case-suggestion').dataset.grade === '2'");
    const serious = await s.exec('return window.__mock.cases.find((c) => c.id === 100).number');
    assert.equal(await textOf('#case-suggestion li[data-rule="customer_open_serious"]'), `该客户还有一宗未结的二级（严重）投诉：${serious}`);
    // Every case of this phone, open or recent, whatever the category, each saying why.
    await s.waitFor("return !document.querySelector('#case-duplicate-warning').hidden");
    assert.equal(await s.exec("return document.querySelectorAll('#case-duplicate-warning li a').length"), 2);
    assert.match(await textOf('#case-duplicate-warning li[data-case-id="104"]'), /SH01-\d{6}-\d{4}.*待回访.*电话相同 · 同一分类/);
    await choose('#case-categoryId', '3');
    await waitText('#case-duplicate-warning li[data-case-id="100"] .duplicate-why', '电话相同');
    assert.equal(await s.exec("return document.querySelectorAll('#case-duplicate-warning li a').length"), 2, 'another category still warns');
    await choose('#case-categoryId', '1');
    await waitText('#case-duplicate-warning li[data-case-id="100"] .duplicate-why', '电话相同 · 同一分类');

    await press('#case-mediaExposureRisk');
    await s.waitFor("return document.querySelector('#case-suggestion').dataset.grade === '1'");
    assert.equal(await textOf('#case-suggestion li[data-rule="media_exposure"]'), '已经或可能被媒体曝光');
    assert.equal(await textOf('#case-grade option[value=""]'), '按系统建议（一级）');
    await shot('intake-zh');

    await choose('#case-grade', '3');
    assert.equal(await visible('#case-gradeReason'), true);
    await press('#case-save');
    await waitText('.field-error[data-error-for="gradeReason"]', '定级理由：请写明理由');
    await s.type('#case-gradeReason', '只是个人在朋友圈抱怨');
    await s.keys([CTRL, 's']);
    await s.waitFor("return /^#\\/cases\\/\\d+$/.test(location.hash) && document.querySelector('#case-description') !== null");
    await waitText('#toast', /^投诉 SH01-\d{6}-\d{4} 已登记$/);
    assert.equal(await textOf('#case-description'), `${EVIL}\n第二行`);
    assert.equal(await s.exec('return document.querySelectorAll("#view img").length'), 0);
    assert.equal(await attr('#case-grade', 'data-grade'), '3');
    assert.equal(await attr('#case-status', 'data-status'), 'new');
    assert.equal(await textOf('#case-timeline li[data-kind="grade"] .timeline-title'), '等级：一级 → 三级');
    assert.match(await textOf('#case-history'), /本客户 90 天内第 3 次投诉/);
    await clean();
  });

  test('intake and case edit: leaving typed work asks first, Cancel keeps it, leaving discards it', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/cases/new');
    await s.waitFor("return document.activeElement && document.activeElement.id === 'case-channel'");
    // Untouched, the form lets the user go without a question.
    await press('a[data-nav=cases]');
    await s.waitFor("return location.hash === '#/cases' && document.querySelector('#case-table') !== null");
    await s.exec("location.hash = '#/cases/new'");
    await s.waitFor("return document.querySelector('#case-description') !== null");
    await s.type('#case-description', '楼上漏水，还没说完');
    await press('a[data-nav=cases]');
    await waitText('#confirm-title', '还没保存，确定离开吗？');
    assert.match(await textOf('#confirm-message'), /这条投诉还没有保存/);
    await press('#confirm-cancel');
    await s.waitFor("return location.hash === '#/cases/new'");
    assert.equal(await s.exec("return document.querySelector('#case-description').value"), '楼上漏水，还没说完');
    await press('a[data-nav=dashboard]');
    await waitText('#confirm-ok', '离开并放弃');
    await press('#confirm-ok');
    await s.waitFor("return location.hash === '#/dashboard' && document.querySelector('#dashboard-figures') !== null");

    // A case's edit form the same way; closing it or saving it asks nothing.
    await s.exec("location.hash = '#/cases/100'");
    await s.waitFor("return document.querySelector('#case-edit') !== null");
    await press('#case-edit');
    await s.waitFor("return document.querySelector('form #case-description') !== null");
    await s.exec(`const n = document.querySelector('form #case-description'); n.value += '（补充）';
      n.dispatchEvent(new Event('input', { bubbles: true }));`);
    await press('a[data-nav=cases]');
    await waitText('#confirm-message', /对这条投诉的修改还没有保存/);
    await press('#confirm-cancel');
    await s.waitFor("return location.hash === '#/cases/100'");
    await press('form button[type=submit]');
    await s.waitFor("return document.querySelector('form #case-description') === null");
    // A note half written in the timeline is guarded the same way; once added, it is safe.
    await s.type('#case-entry-body', '已电话联系，等回复');
    await press('a[data-nav=cases]');
    await waitText('#confirm-message', /这一页上填写的内容还没有保存/);
    await press('#confirm-cancel');
    await press('#case-entry-add');
    await s.waitFor("return document.querySelector('#case-entry-body').value === ''");
    await press('a[data-nav=cases]');
    await s.waitFor("return location.hash === '#/cases' && !document.querySelector('#confirm-dialog').open");
    await clean();
  });

  test('case page: workflow, pause, notes, resolution and follow-up forms, audit in the signed-in name', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/cases/101');
    await s.waitFor("return document.querySelector('#case-status') !== null");
    await s.exec('window.__signInAs(1)');

    for (const [to, label] of [['acknowledged', '新建 → 已受理'], ['investigating', '已受理 → 核实中'], ['resolving', '核实中 → 处理中']]) {
      await press(`button[data-transition="${to}"]`);
      if (to === 'resolving') await giveVerdict();
      await s.waitFor(`return document.querySelector('#case-status').dataset.status === '${to}'`);
      const last = await textOf('#case-timeline li:last-child');
      assert.match(last, new RegExp(`状态：${label}`));
      assert.match(last, /张伟/);
    }

    await press('#case-pause');
    await press('#pause-save');
    await waitText('.field-error[data-error-for="reason"]', '原因：不能为空');
    await s.type('#case-pause-reason', '等客户发照片');
    await press('#pause-save');
    await s.waitFor("return document.querySelector('#case-deadline').dataset.state === 'paused'");
    assert.match(await textOf('#case-paused-note'), /等客户发照片/);
    await press('#case-resume');
    await s.waitFor("return document.querySelector('#case-deadline').dataset.state !== 'paused'");

    await s.type('#case-entry-body', '<b>已致电</b>');
    await press('#case-entry-add');
    await waitText('#case-timeline li[data-kind="note"] .timeline-body', '<b>已致电</b>');

    await press('button[data-transition="follow_up"]');
    assert.equal(await visible('#transition-form'), true);
    await press('#transition-save');
    await waitText('.field-error[data-error-for="actionTaken"]', '处理措施：不能为空');
    await s.type('#transition-actionTaken', '重新培训前台');
    await s.type('#transition-goodwill', '12.345');
    await choose('#transition-rootCause', 'staff');
    await press('#transition-save');
    await waitText('.field-error[data-error-for="goodwill"]', /^补偿金额（元）：金额格式不对/);
    await s.clearInput('#transition-goodwill');
    await s.type('#transition-goodwill', '120.5');
    await press('#transition-save');
    await s.waitFor("return document.querySelector('#case-status').dataset.status === 'follow_up'");
    assert.equal(await textOf('#case-goodwill'), '¥120.50');
    assert.equal(await visible('#transition-form'), false);

    await press('button[data-transition="closed"]');
    assert.equal(await s.exec("return document.querySelector('#transition-actionTaken')"), null, 'resolution already recorded');
    await press('#transition-unreachable');
    assert.equal(await visible('#transition-calledOn'), false);
    await press('#transition-save');
    await waitText('.field-error[data-error-for="unreachableNote"]', '联系经过：不能为空');
    await s.type('#transition-unreachableNote', '两天内打了三次电话');
    await shot('case-close-form');
    await press('#transition-save');
    await s.waitFor("return document.querySelector('#case-status').dataset.status === 'closed'");
    assert.equal(await visible('button[data-transition="reopened"]'), true);
    assert.equal(await visible('#case-grade-form'), false, 'a closed case keeps its grade');

    assert.equal(await visible('#case-audit-body'), false);
    await press('#case-audit-toggle');
    assert.equal(await visible('#case-audit-body'), true);
    const statusRows = await s.exec("return [...document.querySelectorAll('#case-audit tr[data-field=\"status\"]')].map((r) => r.textContent).join('|')");
    assert.match(statusRows, /张伟状态待回访 → 改为已结案/);
    assert.match(await textOf('#case-audit tr[data-field="goodwill_fen"]'), /¥0\.00.*¥120\.50/);
    await shot('case-closed-zh');
    await clean();
  });

  test('case page: crisis checklist, grade below the suggestion, attachments, print', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/cases/102');
    await s.waitFor("return document.querySelector('#case-crisis') !== null");
    await s.exec('window.__signInAs(2)');
    await press('input[data-escalation="report_head_office"]');
    await s.waitFor("return document.querySelector('input[data-escalation=\"report_head_office\"]').disabled");
    assert.equal(await s.exec("return document.querySelector('input[data-escalation=\"report_head_office\"]').checked"), true);
    assert.match(await textOf('#case-crisis .is-ticked'), /Alexandra Montgomery-Richardson/);
    await shot('case-crisis-zh');

    await choose('#case-grade-select', '4');
    assert.equal(await visible('#case-grade-reason'), true);
    await press('#case-grade-save');
    await waitText('#case-grade-form .field-error[data-error-for="gradeReason"]', '定级理由：请写明理由');
    await s.type('#case-grade-reason', '已澄清是谣言');
    await press('#case-grade-save');
    await s.waitFor("return document.querySelector('#case-grade').dataset.grade === '4'");
    assert.equal(await visible('#case-crisis'), true, 'ticks stay on record');

    await press('#case-attach');
    await waitText('#case-attachments .attachment-name', '现场照片 <1>.jpg');
    await press('#case-attachments .attachment-open');
    await s.waitFor('return window.__mock.opened.length === 1');
    await press('#case-print');
    await press('#print-ok');
    await s.waitFor('return window.__mock.printed === 1');
    await clean();
  });

  test('case page: closing a crisis with steps not done names them and needs a reason; the record shows it', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/cases/102');
    await s.waitFor("return document.querySelector('#case-crisis') !== null");
    assert.equal(await textOf('#case-crisis-title'), '一级（危机）投诉：请马上启动危机处理');
    await press('input[data-escalation="team_meeting"]');
    await s.waitFor("return document.querySelector('input[data-escalation=\"team_meeting\"]').disabled");
    for (const to of ['investigating', 'resolving']) {
      await press(`button[data-transition="${to}"]`);
      if (to === 'resolving') await giveVerdict();
      await s.waitFor(`return document.querySelector('#case-status').dataset.status === '${to}'`);
    }
    await press('button[data-transition="follow_up"]');
    await s.type('#transition-actionTaken', '当天恢复供水并在业主群公告');
    await choose('#transition-rootCause', 'facilities');
    await press('#transition-save');
    await s.waitFor("return document.querySelector('#case-status').dataset.status === 'follow_up'");

    await press('button[data-transition="closed"]');
    await press('#transition-unreachable');
    await s.type('#transition-unreachableNote', '业主群已无人回复');
    await press('#transition-save');
    await s.waitFor("return document.querySelector('#reason-dialog') && document.querySelector('#reason-dialog').open");
    assert.equal(await textOf('#reason-title'), '危机处理步骤未做完，仍要结案吗？');
    assert.deepEqual(await s.exec("return [...document.querySelectorAll('#reason-items li')].map((li) => li.textContent)"),
      ['已上报总部', '已指定唯一的对外发言人']);
    await shot('case-crisis-close-zh');
    // Cancelling closes nothing and keeps the form as typed.
    await press('#reason-cancel');
    await s.waitFor("return !document.querySelector('#reason-dialog').open");
    assert.equal(await attr('#case-status', 'data-status'), 'follow_up');
    assert.equal(await s.exec("return document.querySelector('#transition-unreachableNote').value"), '业主群已无人回复');
    // A blank reason is refused in the dialog.
    await press('#transition-save');
    await s.waitFor("return document.querySelector('#reason-dialog').open");
    await press('#reason-ok');
    await waitText('#reason-error', /请写明理由/);
    await s.type('#reason-text', '<b>总部</b>已电话知悉');
    await press('#reason-ok');
    await s.waitFor("return document.querySelector('#case-status').dataset.status === 'closed'");

    assert.equal(await textOf('#case-crisis-title'), '一级（危机）投诉：处理记录');
    assert.equal(await s.exec("return document.querySelectorAll('#case-crisis input:not([disabled])').length"), 0);
    assert.equal(await textOf('#case-crisis li:first-child .escalation-not-done'), '未完成');
    assert.match(await textOf('#case-timeline li:last-child'), /<b>总部<\/b>已电话知悉/);
    await press('#case-audit-toggle');
    assert.match(await textOf('#case-audit tr[data-field="escalation_unticked"]'), /结案时未完成的危机步骤.*已上报总部和已指定唯一的对外发言人/);
    assert.match(await textOf('#case-audit tr[data-field="escalation_reason"]'), /<b>总部<\/b>已电话知悉/);
    assert.equal(await s.exec('return document.querySelectorAll("#view b").length'), 0);
    await shot('case-crisis-closed-zh');
    await clean();
  });

  test('dashboard: figures link to the filtered list, recent cases, English', async () => {
    await open('state=ready&staff=demo&cases=demo&lang=en', '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-figures') !== null");
    assert.equal(await attr('#dashboard-overdue', 'href'), '#/cases?overdue=1');
    const overdue = Number(await attr('#dashboard-overdue', 'data-count'));
    assert.ok(overdue >= 1);
    assert.equal(await s.exec("return document.querySelectorAll('#dashboard-recent li').length"), 6);
    await shot('dashboard-en');
    await press('#dashboard-overdue');
    await s.waitFor("return location.hash === '#/cases?overdue=1' && document.querySelector('#case-table') !== null");
    await waitCount('#case-table tr[data-case-id]', overdue);
    assert.equal(await textOf('th'), 'Number');
    await clean();
  });

  test('case screens fit 1280×800 and 960×600 windows in both languages', async () => {
    const overflow = () => s.exec(`const doc = document.documentElement, view = document.getElementById('view');
      return Math.max(doc.scrollWidth - doc.clientWidth, view.scrollWidth - view.clientWidth,
        ...[...document.querySelectorAll('.table-wrap')].map((w) => w.scrollWidth - w.clientWidth));`);
    for (const [width, height] of [[1280, 800], [960, 600]]) {
      await s.setWindowSize(width, height);
      for (const lang of ['zh-CN', 'en']) {
        for (const hash of ['#/dashboard', '#/cases', '#/cases/new', '#/cases/100', '#/cases/102', '#/cases/103']) {
          await s.go(`${page.url}/?state=ready&staff=demo&cases=demo&lang=${lang}${hash}`);
          await s.waitFor("return document.querySelector('.page-title') !== null && !document.querySelector('.loading')");
          if (hash === '#/cases/100') await s.exec("document.querySelector('#case-audit-toggle').click()");
          const px = await overflow();
          assert.ok(px <= 0, `${hash} (${lang}, ${width}×${height}) overflows sideways by ${px}px`);
          if (width === 960) await shot(`${hash.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${lang}-960`);
        }
      }
    }
    await s.setWindowSize(1280, 800);
    await clean();
  });
});
