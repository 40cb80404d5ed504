// Lessons learned in the real webview (WebKitGTK) against the mock backend
// (harness/mock-lessons.js), with the app's CSP enforced: the lesson card of a closed case,
// the library under Training › Lessons with its search, a lesson turned into a drill scenario
// and a prevention measure, markup and formula-like text shown as text, and the layout at
// 1366×768 in both languages. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const EVIL = '<img src=x onerror=alert(1)>';
const FORMULA = "=cmd|' /C calc'!A0";
const DEMO = 'state=ready&staff=demo&cases=demo&prevention=demo';

describe('lessons learned in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf, waitFor, waitText, count, press } = page;
  let loads = 0;
  const open = async (query, hash) => {
    loads += 1;
    await page.open(`${query}&load=${loads}`, hash);
  };
  const fill = (css, value) => s.exec(`const n = document.querySelector(arguments[0]); n.value = arguments[1];
    n.dispatchEvent(new Event('input', { bubbles: true }));`, css, value);
  const closedCase = () => s.exec("return window.__mock.cases.find((c) => c.status === 'closed').id");
  const clean = async () => {
    await page.clean();
    assert.equal(await count('#view img, #view script'), 0, 'markup in user text stays text');
  };

  test('a closed case asks for its lesson, refuses one without anything learned, and shows it as text', async () => {
    await open(`${DEMO}&lang=en`, '');
    const id = await closedCase();
    await s.go(`${page.url}/?${DEMO}&lang=en&load=x${id}#/cases/${id}`);
    await waitFor('#case-lesson-form');
    assert.match(await textOf('#case-lesson-form .hint'), /The case is closed/);
    await fill('#case-lesson-form-happened', EVIL);
    await press('#case-lesson-form-save');
    await waitText('#case-lesson-form-error-differently', /Must not be empty|required|fill/i);
    await fill('#case-lesson-form-differently', FORMULA);
    await press('#case-lesson-form-save');
    await waitFor('#case-lesson-happened');
    assert.equal(await textOf('#case-lesson-happened'), EVIL);
    assert.equal(await textOf('#case-lesson-differently'), FORMULA);
    await press('#case-lesson-edit');
    await waitFor('#case-lesson-form-cancel');
    assert.equal(await s.exec("return document.querySelector('#case-lesson-form-happened').value"), EVIL);
    await clean();
  });

  test('the library finds Chinese words, and a lesson becomes a drill scenario and a measure', async () => {
    await open(`${DEMO}&lessons=demo&lang=zh-CN`, '#/training/lessons');
    await waitFor('#lessons-list');
    assert.equal(await count('#lessons-list .lesson-card'), 1);
    assert.equal(await textOf('#lessons-list .lesson-happened'), EVIL);
    assert.equal(await textOf('#lessons-list .lesson-worked'), FORMULA);
    assert.equal(await textOf('#training-tab-lessons'), '经验库');
    assert.match(await textOf('#lessons-since-drill'), /条新经验/);

    await fill('#lessons-text', '离开');
    await press('#lessons-search');
    await s.waitFor("return location.hash.includes('text=')");
    await waitFor('#lessons-list');
    assert.equal(await count('#lessons-list .lesson-card'), 1);
    await fill('#lessons-text', '没有这个词');
    await press('#lessons-search');
    await waitFor('#lessons-empty');

    await s.exec("location.hash = '#/training/lessons'");
    await waitFor('#lessons-list');
    const id = await s.exec("return document.querySelector('.lesson-card').dataset.lessonId");
    await press(`#lesson-${id}-to-scenario`);
    await waitFor('#lesson-scenario');
    assert.equal(await s.exec("return document.querySelector('#lesson-scenario-happened').value.length > 0"), true);
    assert.equal(await s.exec("return document.querySelector('#lesson-scenario-calmer').value"), FORMULA);
    // The demo case's customer type was never judged: the trainer must choose one.
    assert.equal(await s.exec("return document.querySelector('#lesson-scenario-customerType').value"), '');
    await press('#lesson-scenario-save');
    await s.waitFor("return !document.querySelector('#lesson-scenario-error-customerType').hidden");
    await page.choose('#lesson-scenario-customerType', 'angry');
    await press('#lesson-scenario-save');
    await waitFor(`#lesson-${id}-scenario`);
    assert.equal(await count(`#lesson-${id}-to-scenario`), 0, 'a lesson becomes one scenario');
    assert.equal(await s.exec('return window.__mock.training.scenarios.at(-1).calmer.zh'), FORMULA);

    await press(`#lesson-${id}-to-measure`);
    await waitFor('#lesson-measure');
    assert.equal(await s.exec("return document.querySelector('#lesson-measure-description').value"), '第一时间离开人群');
    await press('#lesson-measure-save');
    await waitFor(`#lesson-${id}-measure`);
    assert.match(await page.attr(`#lesson-${id}-measure`, 'href'), /^#\/prevention\/plans\/\d+$/);
    await clean();
  });

  test('the lesson screens fit 1366×768 in both languages', async () => {
    const overflow = () => s.exec(`const doc = document.documentElement, view = document.getElementById('view');
      return Math.max(doc.scrollWidth - doc.clientWidth, view.scrollWidth - view.clientWidth);`);
    await s.setWindowSize(1366, 768);
    for (const lang of ['zh-CN', 'en']) {
      await open(`${DEMO}&lessons=demo&lang=${lang}`, '#/training/lessons');
      await waitFor('#lessons-list');
      const id = await s.exec("return document.querySelector('.lesson-card').dataset.lessonId");
      await press(`#lesson-${id}-to-scenario`);
      await waitFor('#lesson-scenario');
      assert.ok(await overflow() <= 0, `library (${lang}) overflows sideways`);
      const caseId = await closedCase();
      await s.exec(`location.hash = '#/cases/${caseId}'`);
      await waitFor('#case-lesson-happened');
      assert.ok(await overflow() <= 0, `case page (${lang}) overflows sideways`);
    }
    await s.setWindowSize(1280, 800);
    await clean();
  });
});
