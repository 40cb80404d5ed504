// Withdrawing in the real webview against the mock backend (harness/mock-training.js): a
// sign-off and a position-wide assignment are withdrawn through the reason dialog (a blank
// reason refused in place, Cancel keeps everything), stay on screen struck through with the
// word, the reason (markup as text) and who did it, and stop counting in the matrix; a line
// already withdrawn elsewhere says so in the dialog. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const READY = 'state=ready&staff=demo&training=demo';
const EVIL = '<img src=x onerror=alert(1)>';

describe('training withdrawals in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, count, press, shot } = page;
  const dialogOpen = "return document.getElementById('reason-dialog')?.hasAttribute('open') === true";
  const dialogClosed = "return document.getElementById('reason-dialog')?.hasAttribute('open') === false";
  const clean = async () => {
    await page.clean();
    assert.equal(await count('#view img, #view script, #reason-dialog img'), 0, 'markup in user text stays text');
  };

  test('a sign-off withdrawn with a reason stays in the history, marked, and stops counting', async () => {
    await open(READY, '#/training/person/1');
    await s.waitFor("return document.querySelectorAll('#person-history tbody tr').length === 2");
    assert.equal(await count('#person-history button.withdraw'), 2);
    const id = await s.exec("return document.querySelector('#person-history tbody tr').dataset.signoffId");

    // Cancel leaves everything as it was.
    await press(`#person-history button.withdraw[data-signoff-id="${id}"]`);
    await s.waitFor(dialogOpen);
    assert.equal(await textOf('#reason-title'), '撤回这条签核记录？');
    await press('#reason-cancel');
    await s.waitFor(dialogClosed);
    assert.equal(await s.exec('return window.__mock.training.signoffs.filter((x) => x.withdrawn).length'), 0);

    // A blank reason is refused inside the dialog.
    await press(`#person-history button.withdraw[data-signoff-id="${id}"]`);
    await s.waitFor(dialogOpen);
    await press('#reason-ok');
    await waitText('#reason-error', '请写明理由');
    assert.equal(await s.exec(dialogOpen), true, 'the dialog stays open');
    await s.type('#reason-text', EVIL);
    await shot('training-withdraw-dialog');
    await press('#reason-ok');
    await s.waitFor(dialogClosed);
    await s.waitFor(`return document.querySelector('#person-history tr[data-signoff-id="${id}"]').classList.contains('is-withdrawn')`);

    assert.equal(await count('#person-history tbody tr'), 2, 'the line is kept');
    assert.equal(await count('#person-history button.withdraw'), 1, 'a withdrawn line cannot be withdrawn again');
    const row = `#person-history tr[data-signoff-id="${id}"]`;
    assert.equal(await textOf(`${row} .tag-withdrawn`), '已撤回');
    assert.equal(await textOf(`${row} .withdrawn-reason`), `原因：${EVIL}`);
    assert.match(await textOf(`${row} .withdrawn-note`), /操作人：（未记录操作人）/);
    assert.equal(await s.exec(`return getComputedStyle(document.querySelector('${row} .struck')).textDecorationLine`), 'line-through');
    assert.match(await textOf('.person-module[data-module-id="1"] .cell-word'), /进行中/, 'one item is no longer signed');
    const saved = await s.exec(`return window.__mock.training.signoffs.find((x) => x.id === ${id}).withdrawn`);
    assert.equal(saved.reason, EVIL);
    await shot('training-withdrawn-history');
    await clean();
  });

  test('a line withdrawn elsewhere meanwhile is refused in the dialog with what to do', async () => {
    await open(READY, '#/training/person/1');
    await s.waitFor("return document.querySelectorAll('#person-history button.withdraw').length === 2");
    await s.exec("window.__mock.training.signoffs.forEach((x) => { x.withdrawn = { at: '2026-01-01T00:00:00Z', byName: null, reason: 'x' }; })");
    await press('#person-history button.withdraw');
    await s.waitFor(dialogOpen);
    await s.type('#reason-text', '重复签核');
    await press('#reason-ok');
    await waitText('#reason-error', /已被撤回，或已不存在/);
    await press('#reason-cancel');
    await s.waitFor(dialogClosed);
    await clean();
  });

  test('a position-wide assignment withdrawn stays on the module, marked, and leaves the matrix', async () => {
    await open(`${READY}&lang=en`, '#/training/curriculum');
    await s.waitFor("return document.querySelector('li[data-module-id=\"1\"] .chip') !== null");
    const chip = await s.exec("return document.querySelector('li[data-module-id=\"1\"] .chip button').dataset.assignmentId");
    await press(`li[data-module-id="1"] button[data-assignment-id="${chip}"]`);
    await s.waitFor(dialogOpen);
    assert.equal(await textOf('#reason-title'), 'Withdraw this assignment?');
    assert.match(await textOf('#reason-message'), /everyone in “客服主管”/);
    await s.type('#reason-text', 'Assigned to the wrong position');
    await press('#reason-ok');
    await s.waitFor(dialogClosed);
    await s.waitFor("return document.querySelector('li[data-module-id=\"1\"] .withdrawn-list li') !== null");
    assert.equal(await count('li[data-module-id="1"] .chip'), 0);
    assert.match(await textOf('li[data-module-id="1"] .withdrawn-list li .struck'), /客服主管/);
    assert.equal(await textOf('li[data-module-id="1"] .withdrawn-list .tag-withdrawn'), 'Withdrawn');
    assert.match(await textOf('li[data-module-id="1"] .withdrawn-list .withdrawn-reason'), /Reason: Assigned to the wrong position/);
    await shot('training-withdrawn-assignment');

    await open(`${READY}&lang=en`, '#/training');
    await s.waitFor("return document.querySelector('#training-matrix') !== null");
    const word = await s.exec(`const row = document.querySelector('#training-matrix tr[data-staff-id="1"]');
      return row.querySelectorAll('td.matrix-cell')[0].querySelector('.cell-word').textContent;`);
    assert.equal(word, 'Not assigned', 'the lead no longer has the module');
    await clean();
  });
});
