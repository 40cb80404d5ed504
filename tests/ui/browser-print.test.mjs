// Printing in the real webview (WebKitGTK) against the mock backend: the case history report's
// dialog ("include personal data", unticked by default), the sheet built from the record the
// backend masked (markup in names stays text), and the monthly report opening its glossary
// before it prints, in both languages. What the pages look like on paper (A4, fonts, page
// breaks) is checked on real PDFs by tests/e2e/print.rs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const READY = 'state=ready&staff=demo&cases=demo';

describe('printing a case and the monthly report in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf, waitFor, count, visible, press, clean, shot } = page;
  /// Opens the app like `page.open`, with the patience a busy machine needs.
  const open = async (query, hash) => {
    await s.go(`${page.url}/?${query}${hash}`);
    await s.waitFor('return document.readyState === "complete" && window.__mock && window.__mock.shown === 1', Boolean, 20000);
  };
  const waitText = (css, expected) => s.waitFor('const n = document.querySelector(arguments[0]); return n ? n.textContent.trim() : null;', (text) => expected.test(text ?? ''), 15000, css);

  for (const lang of ['zh-CN', 'en']) {
    test(`case history (${lang}): masked unless personal data are ticked, the sheet hidden on screen`, async () => {
      await open(`${READY}${lang === 'en' ? '&lang=en' : ''}`, '#/cases/103');
      await waitText('#case-number', /\S/);
      await press('#case-print');
      await waitFor('#print-dialog[open]');
      assert.equal(await s.exec("return document.querySelector('#print-personal').checked"), false, 'personal data are left out unless chosen');
      assert.equal(await s.exec("return document.activeElement.id"), 'print-personal');
      await shot(`print-dialog-${lang}`);
      await press('#print-ok');
      await s.waitFor('return window.__mock.printed === 1');
      assert.deepEqual(await s.exec('return window.__mock.printRequests'), [false]);
      assert.equal(await textOf('#print-phone'), '137****5678');
      assert.equal(await textOf('#print-complainant'), 'L**');
      assert.equal(await textOf('#print-privacy'), lang === 'en' ? 'Personal data masked (names and phone numbers).' : '个人信息已遮盖（姓名和电话）。');
      assert.equal(await visible('#case-print-sheet'), false, 'the sheet is for paper only');
      assert.equal(await visible('#case-fields'), true, 'the page itself is unchanged on screen');
      assert.ok(await count('#case-print-sheet .print-entry') >= 5, 'the timeline is on the sheet');
      assert.match(await textOf('#print-audit'), /\S/);
      assert.match(await textOf('#print-satisfaction'), /\S/, 'the outcome is on the sheet');
      assert.equal(await s.exec("return document.querySelector('#print-dialog').hasAttribute('open')"), false);

      await press('#case-print');
      await waitFor('#print-dialog[open]');
      await press('#print-personal');
      await press('#print-ok');
      await s.waitFor('return window.__mock.printed === 2');
      assert.deepEqual(await s.exec('return window.__mock.printRequests'), [false, true]);
      assert.equal(await textOf('#print-phone'), '137 1234 5678');
      assert.equal(await textOf('#print-complainant'), 'Li Lei');
      assert.equal(await count('#case-print-sheet'), 1, 'a new sheet replaces the old one');
      await clean();
    });
  }

  test('case history: Cancel prints nothing; markup in a name is printed as text', async () => {
    await open(READY, '#/cases/100');
    await waitText('#case-number', /\S/);
    await press('#case-print');
    await waitFor('#print-dialog[open]');
    await press('#print-cancel');
    assert.equal(await s.exec('return window.__mock.printed'), 0);
    assert.equal(await count('#case-print-sheet'), 0);
    await press('#case-print');
    await press('#print-personal');
    await press('#print-ok');
    await s.waitFor('return window.__mock.printed === 1');
    assert.equal(await textOf('#print-complainant'), '<img src=x onerror=alert(1)>');
    assert.equal(await count('#case-print-sheet img, #case-print-sheet script'), 0);
    await clean();
  });

  for (const lang of ['zh-CN', 'en']) {
    test(`monthly report (${lang}): the glossary opens for its page before printing`, async () => {
      await open(`${READY}&report=demo${lang === 'en' ? '&lang=en' : ''}`, '#/reports');
      await s.waitFor("return document.querySelector('#report-kpis') !== null");
      assert.equal(await s.exec("return document.querySelector('#report-glossary').open"), false);
      await press('#report-print');
      await s.waitFor('return window.__mock.printed === 1');
      assert.equal(await s.exec("return document.querySelector('#report-glossary').open"), true, 'a folded glossary would print nothing');
      // The glossary's page break and the black-and-white chart styles are in the print sheet.
      const rules = await s.exec(`return [...document.styleSheets].filter((sheet) => (sheet.href ?? '').endsWith('print-report.css'))
        .flatMap((sheet) => [...sheet.cssRules]).map((rule) => rule.cssText).join('\\n')`);
      assert.match(rules, /report-glossary\s*\{[^}]*break-before: page/);
      assert.match(rules, /chart-line\s*\{[^}]*stroke-dasharray/);
      await clean();
    });
  }
});
