// Survey figures in the real webview against the mock backend (harness/mock-surveys.js): the
// monthly report's survey card (average per question and overall, forms answered, suggestions
// and praise) and the prevention analysis's low-scoring questions with a plan to start, both
// languages at 1366×768, markup in a question shown as text. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const EVIL = '<img src=x onerror=alert(1)>';
const DEMO = 'state=ready&staff=demo&cases=demo&prevention=demo&surveys=demo';

describe('survey figures in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf, waitFor, count } = page;
  let loads = 0;
  const overflow = () => s.exec(`const doc = document.documentElement, view = document.getElementById('view');
    return Math.max(doc.scrollWidth - doc.clientWidth, view.scrollWidth - view.clientWidth);`);

  test('the report and the analysis show survey figures in both languages at 1366×768', async () => {
    await s.setWindowSize(1366, 768);
    for (const lang of ['zh-CN', 'en']) {
      loads += 1;
      await page.open(`${DEMO}&lang=${lang}&load=${loads}`, '#/reports');
      await s.waitFor("return document.querySelector('#report-surveys') !== null && !document.querySelector('#report-surveys').hidden");
      const overall = await textOf('#report-surveys-overall');
      assert.match(overall, lang === 'en' ? /3\.38 from 12 forms/ : /12 份问卷，平均满意度 3\.38/);
      assert.equal(await count('#report-surveys-questions tbody tr'), 2);
      assert.equal(await textOf('#report-surveys-questions tr[data-lineage="2"] th'), EVIL);
      assert.equal(await textOf('#report-surveys-questions tr[data-lineage="2"] .survey-average'), '2.25');
      assert.ok(await overflow() <= 0, `report (${lang}) overflows sideways`);

      await s.exec("location.hash = '#/prevention/analysis'");
      await s.waitFor("return document.querySelector('#analysis-surveys') !== null && !document.querySelector('#analysis-surveys').hidden");
      assert.equal(await textOf('#analysis-surveys-table tbody th'), EVIL);
      const href = await page.attr('#analysis-surveys .start-plan', 'href');
      assert.match(href, /^#\/prevention\/plans\/new\?title=/);
      assert.ok(await overflow() <= 0, `analysis (${lang}) overflows sideways`);
      assert.equal(await count('#view img, #view script'), 0, 'markup stays text');
    }
    await s.setWindowSize(1280, 800);
    await page.clean();
  });

  test('without survey answers the cards stay hidden', async () => {
    loads += 1;
    await page.open(`state=ready&staff=demo&cases=demo&lang=en&load=${loads}`, '#/reports');
    await waitFor('#report-body');
    await s.waitFor("return window.__mock.calls.includes('survey_month')");
    assert.equal(await s.exec("const n = document.querySelector('#report-surveys'); return !n || n.hidden"), true);
    await page.clean();
  });
});
