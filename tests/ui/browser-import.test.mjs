// The import wizard in WebKitGTK against the mock backend (harness/mock-import.js): reached
// from Settings and from the empty case list; the preview shows cells as text; the mapping is
// pre-filled and a required field cannot be left out; the dry run's bad rows are listed with
// translated reasons; after the file is fixed, the import runs and links to the case list.
// Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';


describe('importing a complaint log in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, waitFor, press } = page;
  const step = () => s.exec("return document.querySelector('#import-body')?.dataset.step ?? null");

  test('from Settings: preview, mapping, bad rows listed, then a clean import', async () => {
    await open('state=ready&lang=en', '#/settings');
    await waitFor('#settings-import-open');
    assert.equal(await textOf('#settings-import-open'), 'Import complaints from a spreadsheet…');
    await press('#settings-import-open');
    await waitFor('#import-pick');
    assert.equal(await s.exec('return location.hash'), '#/import');
    assert.equal(await s.exec("return document.querySelector('#import-next').disabled"), true);
    assert.equal(await s.exec("return document.querySelector('#import-steps [aria-current=\"step\"]').dataset.step"), 'file');

    // Step 1: the preview shows every cell as text, markup included.
    await press('#import-pick');
    await waitText('#import-file-summary', 'complaints-2024.csv: 4 rows');
    assert.equal(await textOf('#import-encoding'), 'Text encoding: GBK / GB18030');
    assert.deepEqual(await s.exec("return [...document.querySelectorAll('#import-preview thead th')].map((th) => th.textContent)"),
      ['Row', '编号', '受理时间', '投诉人', '电话', '房号/单号', '投诉内容', '类别', '状态']);
    assert.equal(await s.exec("return document.querySelectorAll('#import-preview tbody tr').length"), 4);
    assert.equal(await s.exec("return document.querySelector('#import-preview tbody tr:first-child td:nth-of-type(6)').textContent"), '<img src=x onerror=alert(1)>');
    assert.equal(await s.exec("return document.querySelectorAll('#import-preview img').length"), 0);

    // Step 2: pre-filled from the suggestion; a required field cannot be left out.
    await press('#import-next');
    await waitFor('#import-map-received_at');
    assert.equal(await s.exec("return document.querySelector('#import-map-received_at').value"), '受理时间');
    assert.equal(await s.exec("return document.querySelector('#import-map-channel').value"), '');
    assert.match(await textOf('#import-mapping-source'), /suggested from the column names/);
    await s.exec("document.querySelector('#import-map-received_at').value = ''");
    await press('#import-check');
    await waitText('.field-error[data-error-for="received_at"]', 'Received (date and time): Please fill this in.');
    assert.equal(await s.exec('return window.__mock.importCalls.length'), 0, 'nothing sent');
    await s.exec("document.querySelector('#import-map-received_at').value = '受理时间'");
    await press('#import-check');

    // Step 3: every bad row with its row number, field and reason; no import button.
    await waitFor('#import-problems');
    assert.equal(await step(), 'check');
    assert.equal(await textOf('#import-summary'), '4 rows checked: 2 ready to import, 2 with problems.');
    assert.deepEqual(await s.exec("return [...document.querySelectorAll('#import-problems tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent))"), [
      ['3', 'Received (date and time)', 'Not a date that can be read. Write it like 2024-03-01 or 2024/3/1 10:30.'],
      ['4', 'Category', 'No category has this name.'],
    ]);
    assert.match(await textOf('#import-unknown'), /^Categories not found: 绿化\./);
    assert.equal(await s.exec("return document.querySelector('#import-run')"), null);
    const [, sent] = await s.exec('return window.__mock.importCalls[0]');
    assert.deepEqual(sent.mapping, {
      received_at: '受理时间', description: '投诉内容', complainant_name: '投诉人', phone: '电话', reference: '房号/单号',
      category: '类别', status: '状态', original_number: '编号',
    });
    assert.deepEqual(sent.options, { sheet: null, unknownCategoryToOther: false });

    // Back: file unknown categories under "Other"; the date is still wrong.
    await press('#import-back');
    await waitFor('#import-other');
    await press('#import-other');
    await press('#import-check');
    await waitFor('#import-problems');
    assert.equal(await s.exec("return document.querySelectorAll('#import-problems tbody tr').length"), 1);
    assert.equal(await s.exec('return window.__mock.importCalls.at(-1)[1].options.unknownCategoryToOther'), true);

    // The user fixes the spreadsheet and checks again: clean, so it can be imported.
    await s.exec('window.__mock.importFixed = true');
    await press('#import-recheck');
    await waitFor('#import-clean');
    // How the times were read: a time with Z is that instant, shown in the branch's zone.
    assert.match(await textOf('#import-times p'), /local time in Asia\/Shanghai/);
    assert.deepEqual(await s.exec("return [...document.querySelectorAll('#import-times li')].map((li) => li.textContent)"), [
      'Row 2: “2024-03-01T02:30:00Z” → 2024-03-01 10:30',
      'Row 5: “2024年3月4日” → 2024-03-04 00:00',
    ]);
    assert.equal(await textOf('#import-run'), 'Import 4 cases');
    await press('#import-run');
    await waitText('#import-done', 'Imported 4 cases.');
    assert.equal(await s.exec('return window.__mock.imported'), 4);
    assert.equal(await s.exec("return document.querySelector('#import-steps [aria-current=\"step\"]').dataset.step"), 'import');
    await press('#import-open-cases');
    await s.waitFor('return location.hash', (hash) => hash === '#/cases', 5000);
    assert.deepEqual(await s.exec('return window.__errors'), []);
    assert.deepEqual(await s.exec('return window.__cspViolations'), []);
  });

  test('from the empty case list, in Chinese; a cancelled dialog changes nothing', async () => {
    await open('state=ready&importPick=cancel', '#/cases');
    await waitFor('#case-empty-import');
    assert.equal(await textOf('#case-empty-import'), '从表格导入');
    await press('#case-empty-import');
    await waitFor('#import-pick');
    assert.equal(await textOf('#import-steps'), '1选择文件2对应各列3逐行检查4导入');
    await press('#import-pick');
    await s.waitFor("return window.__mock.calls.includes('import_pick_file')");
    assert.equal(await s.exec("return document.querySelector('#import-preview')"), null);
    assert.equal(await s.exec("return document.querySelector('#import-next').disabled"), true);
    assert.deepEqual(await s.exec('return window.__errors'), []);
  });
});
