// Training in the real webview (WebKitGTK) against the mock backend (harness/mock-training.js),
// with the app's CSP enforced: the matrix and its filters, a person's checklist signed off,
// the curriculum editor and assignment, the drill runner (full window, timer, live scoring,
// leaving asks first) and its results in the person's history and the team's progress, the
// dashboard tile, and markup in user text shown as text. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const READY = 'state=ready&staff=demo&training=demo';
const STEPS = ['separate', 'ask', 'listen', 'no_interrupt', 'confirm', 'apologise', 'acknowledge', 'summarise', 'explain', 'thank', 'follow_up'];

describe('training in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, count, press, choose, shot } = page;
  const cellText = (staffId, column) => s.exec(`const row = document.querySelector('#training-matrix tr[data-staff-id="' + arguments[0] + '"]');
    return row ? row.querySelectorAll('td.matrix-cell')[arguments[1]].querySelector('.cell-word').textContent : null;`, staffId, column);
  const clean = async () => {
    await page.clean();
    assert.equal(await count('#view img, #view script'), 0, 'markup in user text stays text');
  };

  test('matrix: states in words, filters in the hash, a person signed off turns complete', async () => {
    await open(READY, '#/training');
    await s.waitFor("return document.querySelector('#training-matrix') !== null");
    assert.equal(await count('#training-matrix tbody tr'), 2, 'active staff only');
    assert.equal(await cellText(1, 0), '已过期', 'the lead signed the yearly module in 2023');
    assert.equal(await cellText(2, 1), '已分配');
    assert.equal(await cellText(2, 0), '未分配');
    assert.equal(await count('#matrix-legend li'), 6);
    await shot('training-matrix');
    await choose('#matrix-status', 'overdue');
    await s.waitFor("return location.hash === '#/training?status=overdue' && document.querySelectorAll('#training-matrix tbody tr').length === 1");

    await open(READY, '#/training/person/2');
    await s.waitFor("return document.querySelector('#signoff-form') !== null");
    assert.equal(await textOf('#person-name'), 'Alexandra Montgomery-Richardson');
    await press('#signoff-submit');
    await waitText('#signoff-error', '请先勾选该员工已完成的项目。');
    await press('#signoff-item-3');
    await press('#signoff-item-4');
    await choose('#signoff-trainer', '1');
    await press('#signoff-submit');
    await s.waitFor("return document.querySelectorAll('#person-history tbody tr').length === 2");
    assert.match(await textOf('.person-module[data-module-id="2"] .cell-word'), /已完成/);
    assert.match(await textOf('#person-history tbody tr td:nth-child(4)'), /张伟/);
    await press('.back-link');
    await s.waitFor("return document.querySelector('#training-matrix') !== null");
    assert.equal(await cellText(2, 1), '已完成');
    await clean();
  });

  test('curriculum: add a module, assign it to a position, edit it into a new version', async () => {
    await open(READY, '#/training/curriculum');
    await s.waitFor("return document.querySelector('#module-list') !== null");
    await press('#module-add');
    await s.type('#module-title', '<img src=x onerror=alert(1)>');
    await s.type('#module-items li input', '微笑问候');
    await press('#module-add-item');
    await s.type('#module-items li:last-child input', '主动引导');
    await press('#module-save');
    await s.waitFor("return document.querySelectorAll('#module-list > li').length === 3");
    const id = await s.exec("return document.querySelector('#module-list > li:last-child').dataset.moduleId");
    assert.equal(await textOf(`li[data-module-id="${id}"] .card-title`), '<img src=x onerror=alert(1)>');
    await choose(`li[data-module-id="${id}"] select[name=target]`, 'position:客服主管');
    await s.exec(`document.querySelector('li[data-module-id="${id}"] form.assign-form').requestSubmit()`);
    await s.waitFor(`return document.querySelector('li[data-module-id="${id}"] .chip') !== null`);
    assert.match(await textOf(`li[data-module-id="${id}"] .chip`), /客服主管/);
    await press(`li[data-module-id="${id}"] button[data-act=edit]`);
    await s.waitFor("return document.querySelector('#module-editor') !== null");
    assert.equal(await count('#module-items li'), 2);
    await press('#module-items li:first-child button[data-act=down]');
    // Reordering alone is unsaved work: leaving asks first, and Cancel keeps the new order.
    await press('a[data-nav=dashboard]');
    await waitText('#confirm-message', /这一页上填写的内容还没有保存/);
    await press('#confirm-cancel');
    await s.waitFor("return location.hash === '#/training/curriculum' && document.querySelector('#module-items li:first-child input').value === '主动引导'");
    await press('#module-save');
    await s.waitFor(`return document.querySelector('li[data-module-id="${id}"] .tag') && document.querySelector('li[data-module-id="${id}"] .tag').textContent === '第 2 版'`);
    assert.equal(await textOf(`li[data-module-id="${id}"] .module-items li`), '主动引导');
    await clean();
  });

  test('drill runner: full window, timer, live total, leaving asks first, saved into history and progress', async () => {
    await open(READY, '#/training/drill?scenario=1&trainees=2');
    await s.waitFor("return document.querySelector('#drill-setup') !== null");
    assert.equal(await s.exec("return document.querySelector('#drill-trainee-2').checked"), true);
    await choose('#drill-observer', '1');
    await press('#drill-begin');
    await s.waitFor("return document.querySelector('#drill-runner') !== null");
    assert.equal(await s.exec("return document.getElementById('app-shell').classList.contains('is-full-window')"), true);
    assert.equal(await textOf('#drill-persona .persona-opening'), '你们扣了我两次钱！');
    await press('#drill-timer');
    await s.waitFor("return document.querySelector('#drill-clock').textContent !== '0:00'", Boolean, 4000);
    await press('#drill-timer');
    assert.equal(await textOf('#drill-timer'), '继续');
    await press('#drill-large');
    assert.equal(await s.exec("return document.querySelector('#drill-runner').classList.contains('is-large')"), true);
    await shot('training-drill');
    await press('label[for="score-separate-1"]');
    assert.match(await textOf('#drill-total'), /^合计 1 \/ 33（3%）· 还有 10 项未打分$/);

    // Navigating away with scores asks; staying keeps everything.
    await s.exec("location.hash = '#/dashboard'");
    await s.waitFor("return document.getElementById('confirm-dialog').hasAttribute('open')");
    await press('#confirm-cancel');
    await s.waitFor("return location.hash.startsWith('#/training/drill')");
    assert.equal(await s.exec("return document.querySelector('#score-separate-1').checked"), true);

    await press('#drill-save');
    await waitText('#drill-error', /尚未打分：提问找出真正问题/);
    for (const step of STEPS.slice(1)) await press(`label[for="score-${step}-${step === 'thank' ? 0 : 3}"]`);
    await s.type('#drill-comments', '<img src=x onerror=alert(1)>');
    await press('#drill-save');
    await s.waitFor("return document.querySelector('#drill-done') !== null");
    assert.equal(await textOf('#drill-done-total'), '28 / 33 分');
    const saved = await s.exec('return window.__mock.training.drills.at(-1)');
    assert.deepEqual(saved.traineeIds, [2]);
    assert.equal(saved.comments, '<img src=x onerror=alert(1)>');

    await open(READY, '#/training/person/2');
    await s.waitFor("return document.querySelectorAll('#person-drills .drill-list li').length === 2");
    assert.equal(await count('#person-drill-chart .chart-item'), 2);
    // Scores over time: one line through a dot per drill, the newest last with its score.
    assert.equal(await count('#person-drill-chart polyline.chart-line'), 1);
    assert.match(await textOf('#person-drill-chart .chart-dots .chart-item:last-child title'), /：85%$/);
    await open(READY, '#/training/progress');
    await s.waitFor("return document.querySelector('#weakest-list') !== null");
    assert.equal(await s.exec("return document.querySelector('#weakest-list li').dataset.step"), 'separate');
    await clean();
  });

  test('dashboard tile and case suggestion link into training; English texts', async () => {
    await open(`${READY}&lang=en&cases=demo`, '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-training-overdue') !== null");
    assert.equal(await s.exec("return document.querySelector('#dashboard-training-overdue').dataset.count"), '1');
    assert.equal(await s.exec("return document.querySelector('#dashboard-training-overdue').getAttribute('href')"), '#/training?status=overdue');
    await press('#dashboard-training-overdue');
    await s.waitFor("return document.querySelectorAll('#training-matrix tbody tr').length === 1");
    assert.equal(await cellText(1, 0), 'Overdue');
    await open(`${READY}&lang=en`, '#/training/scenarios');
    await s.waitFor("return document.querySelectorAll('#scenario-list > li').length === 3");
    assert.equal(await textOf('li[data-scenario-id="3"] .card-title'), '<img src=x onerror=alert(1)>');
    await choose('#scenario-filter-type', 'angry');
    await s.waitFor("return document.querySelectorAll('#scenario-list > li').length === 1");
    await clean();
  });
});
