// A case's casework in the real webview (WebKitGTK) against the mock backend
// (harness/mock-casework.js), with the app's CSP enforced: the prompt to keep a late case's
// customer informed and its quick form, supporting departments with what is outstanding and
// overdue, the verdict asked for when a case leaves investigation, markup shown as text, and
// the layout at 1366×768 in both languages. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const EVIL = '<img src=x onerror=alert(1)>';
const DEMO = 'state=ready&staff=demo&cases=demo&casework=demo';

describe('casework on the case page in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf, waitFor, waitText, waitCount, count, press, choose, shot } = page;

  let loads = 0;
  // The first page a cold WebKit loads on a busy machine can take longer than the wait allows.
  const load = async (query, hash) => {
    loads += 1;
    try {
      await page.open(`${query}&load=${loads}`, hash);
    } catch {
      loads += 1;
      await page.open(`${query}&load=${loads}`, hash);
    }
  };
  const openCase = async (lang) => {
    await load(`${DEMO}&lang=${lang}`, '');
    const id = await s.exec('return window.__mock.cases[0].id');
    await s.exec('location.hash = arguments[0]', `#/cases/${id}`);
    await waitFor('#case-support-title');
  };
  const fill = (css, value) => s.exec(`const n = document.querySelector(arguments[0]); n.value = arguments[1];
    n.dispatchEvent(new Event('input', { bubbles: true }));`, css, value);
  const overflow = () => s.exec(`const doc = document.documentElement, view = document.getElementById('view');
    return Math.max(doc.scrollWidth - doc.clientWidth, view.scrollWidth - view.clientWidth);`);
  const clean = async () => {
    await page.clean();
    assert.equal(await count('#view img, #view script'), 0, 'markup in user text stays text');
    assert.doesNotMatch(await s.exec("return document.getElementById('view').textContent"), /null|undefined/);
  };

  test('a late case prompts an update, the quick form records it and the prompt goes', async () => {
    await openCase('en');
    await waitFor('#progress-prompt');
    assert.match(await textOf('#progress-prompt'), /^Tell the customer how it is going\. This case has been late since/);
    await press('#progress-open');
    await waitFor('#progress-form');
    await press('#progress-form button[type="submit"]');
    await waitFor('#progress-form [data-error-code="invalid.required"]');
    await choose('#progress-form-method', 'call');
    await fill('#progress-form-said', `${EVIL} The engineer comes on Friday`);
    await press('#progress-form button[type="submit"]');
    await waitCount('#progress-list li', 1);
    assert.equal(await count('#progress-prompt'), 0, 'told just now: no prompt');
    assert.equal(await textOf('#progress-list .progress-said'), `${EVIL} The engineer comes on Friday`);
    await waitText('#case-timeline li[data-kind="progress"] .timeline-title', 'Customer told how it is going (Phone call)');
    await shot('casework-progress-en');
    await clean();
  });

  test('the case list marks late cases whose customer is due an update', async () => {
    await load(`${DEMO}&lang=en`, '#/cases');
    await waitFor('#case-table tbody tr');
    const id = await s.exec('return window.__mock.cases[0].id');
    const marked = await s.exec("return [...document.querySelectorAll('.progress-due')].map((n) => n.closest('tr').dataset.caseId)");
    assert.ok(marked.includes(String(id)), `case ${id} is marked: ${marked}`);
    assert.equal(await textOf('.progress-due'), 'Update due');
    await clean();
  });

  test('supporting departments show what is outstanding, overdue lines stand out, done and delete work', async () => {
    await openCase('en');
    await waitCount('#support-list li', 2);
    assert.equal(await textOf('#support-outstanding'), '2 outstanding, 1 overdue');
    assert.equal(await count('#support-list li.is-overdue'), 1);
    assert.match(await textOf('#support-list li.is-overdue .support-status'), /^Overdue$/);
    assert.equal(await textOf('#support-list li:nth-child(2) .support-department'), EVIL);
    assert.equal(await textOf('#support-list li:nth-child(2) .support-task'), '=cmd|calc');
    await press('#support-list li.is-overdue .support-done');
    await waitText('#support-outstanding', '1 outstanding');
    assert.match(await textOf('#support-list li:first-child .support-status'), /^Done /);
    await press('#support-add');
    await waitFor('#support-form');
    await press('#support-form button[type="submit"]');
    await waitFor('#support-form [data-error-code="invalid.required"]');
    await fill('#support-form-department', 'Finance');
    await fill('#support-form-task', 'Refund the overcharge');
    await fill('#support-form-dueOn', '2020-05-01');
    await press('#support-form button[type="submit"]');
    await waitCount('#support-list li', 3);
    await waitText('#support-outstanding', '2 outstanding, 1 overdue');
    assert.equal(await count('#case-timeline li[data-kind="support"]'), 2);
    await s.exec('window.confirm = () => true');
    await press('#support-list li:last-child .support-remove');
    await waitCount('#support-list li', 2);
    await clean();
  });

  test('leaving investigation asks for the verdict, which then shows on its card', async () => {
    await openCase('en');
    assert.equal(await textOf('#judgement-verdict'), 'Not judged yet: the verdict is given when the case leaves investigation.');
    await press('[data-transition="resolving"]');
    await waitFor('#transition-form-justified');
    await press('#transition-save');
    await waitFor('#transition-form [data-error-code="invalid.required"]');
    assert.equal(await s.exec("return window.__mock.cases[0].status"), 'investigating', 'nothing sent without a verdict');
    await choose('#transition-form-justified', 'no');
    assert.deepEqual(
      await s.exec("return [...document.querySelectorAll('#transition-form-judgementCause option')].map((o) => o.value).filter(Boolean)"),
      ['misunderstanding', 'unreasonable_expectation', 'mood', 'other'],
    );
    await choose('#transition-form-judgementCause', 'misunderstanding');
    await choose('#transition-form-fault', 'customer');
    await press('#transition-save');
    await waitText('#case-status', 'Resolving');
    await waitText('#judgement-verdict', 'Not justified · Misunderstanding · The customer');
    await waitText('#case-timeline li[data-kind="judgement"] .timeline-title', 'Verdict: Not justified · Misunderstanding · The customer');
    // Changing it needs a reason.
    await press('#judgement-edit');
    await waitFor('#judgement-form-reason');
    await choose('#judgement-form-justified', 'yes');
    await choose('#judgement-form-judgementCause', 'billing_error');
    await choose('#judgement-form-fault', 'branch');
    await press('#judgement-form button[type="submit"]');
    await waitFor('#judgement-form [data-error-code="invalid.reason_required"]');
    await fill('#judgement-form-reason', 'The bill was wrong after all');
    await press('#judgement-form button[type="submit"]');
    await waitText('#judgement-verdict', 'Justified · Billing error · Our branch');
    await clean();
  });

  test('the casework parts read in Chinese and fit 1366×768 in both languages', async () => {
    for (const lang of ['zh-CN', 'en']) {
      await openCase(lang);
      // Resized once the page is up: the mock counts the window shown at load only.
      await s.setWindowSize(1366, 768);
      await s.waitFor('return window.innerWidth', (width) => width === 1366);
      await waitFor('#progress-prompt');
      const px = await overflow();
      assert.ok(px <= 0, `case page (${lang}) overflows sideways by ${px}px`);
      if (lang === 'zh-CN') {
        assert.equal(await textOf('#case-support-title'), '协办部门');
        assert.equal(await textOf('#support-outstanding'), '未完成 2 项，其中逾期 1 项');
        assert.match(await textOf('#progress-prompt'), /^请告知客户处理进展。/);
        assert.equal(await textOf('#case-judgement-title'), '核实认定');
      }
      await shot(`casework-${lang}-1366`);
    }
    await s.setWindowSize(1280, 800);
    await clean();
  });
});
