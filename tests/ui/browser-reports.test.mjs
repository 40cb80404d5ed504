// The monthly report, its export and roll-up, and the dashboard's charts in the real webview
// (WebKitGTK) against the mock backend (harness/mock-reports.js), with the app's CSP enforced.
// Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';
import { currentMonth, lastCompleteMonth, addMonths, monthKey, monthRange, formatMonth } from '../../ui/js/lib/months.js';

const EVIL = '<img src=x onerror=alert(1)>';
const TZ = 'Asia/Shanghai'; // the mock branch's zone
const READY = 'state=ready&staff=demo&cases=demo&report=demo';

describe('monthly report, export, roll-up and dashboard charts in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, count, attr, press, choose, shot } = page;
  const clean = async () => {
    await page.clean();
    assert.equal(await count('#view img, #view script'), 0, 'markup in user text stays text');
  };
  const kpiText = (key, cell) => textOf(`tr[data-kpi="${key}"] ${cell}`);

  test('reports: last complete month by default, grouped figures with comparisons, definitions, month switching', async () => {
    await open(READY, '#/reports');
    await s.waitFor("return document.querySelector('#report-kpis') !== null");
    const last = lastCompleteMonth(TZ);
    assert.equal(await textOf('#report-month'), formatMonth(last, 'zh-CN'));
    assert.equal(await count('#report-kpis tr.kpi-row'), 23);
    assert.deepEqual(await s.exec("return [...document.querySelectorAll('#report-kpis tbody.kpi-group')].map((g) => g.dataset.group)"),
      ['volume', 'timeliness', 'satisfaction', 'escalation', 'prevention']);
    assert.equal(await kpiText('closure_rate', '.kpi-label'), '结案率', 'figure names come from the glossary');
    assert.match(await kpiText('closure_rate', '.kpi-figure'), /^\d+\.\d%$/);
    assert.match(await kpiText('closure_rate', '.kpi-value .kpi-note'), /^\d+\/\d+ 件$/);
    assert.match(await kpiText('mean_days_to_resolve', '.kpi-figure'), /^\d+\.\d$/);
    assert.match(await kpiText('goodwill_total', '.kpi-figure'), /^¥[\d,]+\.\d\d$/);
    assert.match(await kpiText('training_completion', '.kpi-figure'), /^\d+\.\d%$/, 'training completion is a share of items');
    assert.match(await kpiText('drills_held', '.kpi-figure'), /^\d+$/);
    assert.match(await kpiText('plans_active', '.kpi-figure'), /^\d+$/);
    assert.match(await kpiText('measures_overdue', '.kpi-figure'), /^\d+$/);
    // Every comparison says in words what its arrow and colour say.
    const changes = await s.exec(`return [...document.querySelectorAll('#report-kpis td.kpi-change')].map((td) =>
      [td.closest('tr').dataset.better, td.dataset.verdict, td.querySelector('.change-main').textContent])`);
    for (const [better, verdict, text] of changes.filter(([, verdict]) => verdict)) {
      if (verdict === 'better') assert.match(text, /改善$/);
      if (verdict === 'worse') assert.match(text, /变差$/);
      if (verdict === 'neutral') assert.equal(better, 'neutral');
    }
    assert.ok(changes.some(([, verdict]) => verdict === 'better' || verdict === 'worse'));
    await shot('reports-zh');
    // Printed, the page says whose report it is (the app's header does not print).
    assert.match(await textOf('#report-print-meta'), /^网点：阳光花园物业服务中心（SH01）· 生成于 /);
    assert.equal(await s.exec("return document.querySelector('#report-print-meta').offsetParent"), null, 'not shown on screen');

    // (i) shows the definition in place; the glossary lists them all.
    assert.equal(await s.exec("return document.querySelector('#kpi-def-closure_rate').hidden"), true);
    await press('tr[data-kpi="closure_rate"] .kpi-info');
    await s.waitFor("return document.querySelector('#kpi-def-closure_rate').hidden === false");
    assert.match(await textOf('#kpi-def-closure_rate'), /比例/);
    assert.equal(await attr('tr[data-kpi="closure_rate"] .kpi-info', 'aria-expanded'), 'true');
    await press('#report-glossary summary');
    assert.equal(await count('#report-glossary dt'), 25, 'every figure, then the breakdowns and the trend');
    assert.match(await textOf('#report-glossary dd'), /投诉/);

    // The category breakdown: user text as text; every row leads to the list of its own cases.
    await s.waitFor("return [...document.querySelectorAll('[data-breakdown=\"category\"] .breakdown-name')].some((n) => n.textContent === arguments[0])", Boolean, 5000, EVIL);
    const lastKey = monthKey(last);
    assert.equal(await attr('[data-breakdown="category"] tr[data-code="7"] a', 'href'), `#/cases?figure=category&figureMonth=${lastKey}&figureCode=7`);
    assert.equal(await attr('[data-breakdown="channel"] tr[data-code="phone"] a', 'href'), `#/cases?figure=channel&figureMonth=${lastKey}&figureCode=phone`);
    assert.equal(await count('[data-breakdown="root_cause"] tbody tr'), await count('[data-breakdown="root_cause"] tbody a'), 'root causes link too');
    // Every figure that counts cases links to them, a share's parts to each part; training and prevention do not.
    assert.equal(await attr('tr[data-kpi="closed"] a.kpi-figure', 'href'), `#/cases?figure=closed&figureMonth=${lastKey}`);
    assert.equal(await attr('tr[data-kpi="closure_rate"] a.kpi-part[data-part="hits"]', 'href'), `#/cases?figure=closure_rate&figureMonth=${lastKey}&figureHits=1`);
    assert.equal(await attr('tr[data-kpi="closure_rate"] a.kpi-part[data-part="all"]', 'href'), `#/cases?figure=closure_rate&figureMonth=${lastKey}`);
    assert.match(await kpiText('closure_rate', '.kpi-note'), /^\d+\/\d+ 件$/, 'the parts still read as one phrase');
    for (const key of ['training_completion', 'drills_held', 'plans_active', 'measures_overdue']) {
      assert.equal(await count(`tr[data-kpi="${key}"] a.kpi-link`), 0, `${key} counts no cases`);
    }

    // Month switching: back across months, forward again, never past the current month.
    await press('#report-prev');
    await waitText('#report-month', formatMonth(addMonths(last, -1), 'zh-CN'));
    assert.equal(await s.exec('return location.hash'), `#/reports?month=${monthKey(addMonths(last, -1))}`);
    await s.waitFor("return document.querySelector('#report-kpis') !== null");
    await press('#report-next');
    await press('#report-next');
    await waitText('#report-month', formatMonth(currentMonth(TZ), 'zh-CN'));
    assert.equal(await s.exec("return document.querySelector('#report-next').disabled"), true);
    await s.waitFor("return document.querySelector('#report-month-note').hidden === false");
    assert.match(await textOf('#report-month-note'), /本月尚未结束/);
    assert.match(await textOf('#report-export-button'), new RegExp(formatMonth(currentMonth(TZ), 'zh-CN')));

    // A trend month's bars open that month's received and closed complaints.
    const currentKey = monthKey(currentMonth(TZ));
    assert.equal(await attr(`#report-trend-chart a.chart-link[data-month="${currentKey}"][data-series="closed"]`, 'href'), `#/cases?figure=closed&figureMonth=${currentKey}`);
    await press(`#report-trend-chart a.chart-link[data-month="${currentKey}"][data-series="received"] .chart-hit`);
    await s.waitFor(`return location.hash === '#/cases?figure=received&figureMonth=${currentKey}' && document.querySelector('#case-table, #case-no-match') !== null`);
    await s.waitFor("return document.querySelector('#case-figure-note').hidden === false");
    assert.match(await textOf('#case-figure-note'), /收到投诉/);
    await clean();
  });

  test('reports: a month with nothing in it says so, in English too', async () => {
    await open(`${READY}&lang=en`, '#/reports?month=2020-01');
    await s.waitFor("return document.querySelector('#report-empty') !== null");
    assert.equal(await textOf('#report-empty-title'), 'No complaints were received in Jan 2020');
    assert.equal(await attr('#report-empty a.button', 'href'), '#/cases/new');
    await press('#report-empty-previous');
    await waitText('#report-month', 'Dec 2019');
    await s.waitFor("return document.querySelector('#report-empty') !== null");
    // A month in the future falls back to the last complete month.
    await open(`${READY}&lang=en`, '#/reports?month=2999-01');
    await waitText('#report-month', formatMonth(lastCompleteMonth(TZ), 'en'));
    await s.waitFor("return document.querySelector('#report-kpis') !== null");
    assert.equal(await textOf('tr[data-kpi="closure_rate"] .kpi-label'), 'Closure rate');
    await shot('reports-en');
    await clean();
  });

  test('export: save dialog with the suggested name, progress, then the path with open and show in folder', async () => {
    await open(`${READY}&lang=en`, '#/reports');
    await s.waitFor("return document.querySelector('#report-kpis') !== null");
    const last = lastCompleteMonth(TZ);
    assert.equal(await s.exec("return document.querySelector('#report-export-lang').value"), 'en');
    assert.equal(await s.exec("return document.querySelector('#report-export-personal').checked"), false);
    assert.equal(await s.exec("return document.querySelector('#report-export-warning').hidden"), true);
    // Descriptions are masked by default with the names and phones, and the dialog says so.
    assert.equal(await s.exec("return document.querySelector('#report-export-mask-descriptions').checked"), true);
    assert.match(await textOf('#report-export-mask-descriptions-hint'), /phone numbers, the complainant’s name and ID-like numbers/);
    await press('#report-export-personal');
    assert.equal(await s.exec("return document.querySelector('#report-export-warning').hidden"), false);
    assert.equal(await s.exec("return document.querySelector('#report-export-mask-descriptions').checked"), false,
      'follows the personal-data choice until set');
    await choose('#report-export-lang', 'zh-CN');

    // Slow the backend down a little so the progress state can be seen.
    await s.exec(`const original = window.__mockCommands.export_month;
      window.__TAURI__.core.invoke = ((invoke) => async (cmd, args) => {
        if (cmd === 'export_month') await new Promise((r) => setTimeout(r, 400));
        return invoke(cmd, args);
      })(window.__TAURI__.core.invoke);`);
    await press('#report-export-button');
    await s.waitFor("return document.querySelector('#report-export-button').disabled === true");
    assert.match(await textOf('#report-export-button'), /Exporting/);
    await s.waitFor("return document.querySelector('#report-export-done') !== null");
    const file = `SH01_${monthKey(last)}_complaints.xlsx`;
    assert.equal(await textOf('#report-export-done .path'), `/home/user/Documents/${file}`);
    assert.match(await textOf('#report-export-done'), new RegExp(`workbook for ${formatMonth(last, 'en')} has been saved`));
    assert.equal(await s.exec("return document.querySelector('#report-export-button').disabled"), false);
    const [dialog] = await s.exec('return window.__mock.dialogs');
    assert.deepEqual(dialog, ['save', { defaultPath: file, filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] }]);
    assert.deepEqual(await s.exec('return window.__mock.exports'),
      [{ month: monthKey(last), lang: 'zh-CN', includePersonalData: true, maskDescriptions: false, path: `/home/user/Documents/${file}` }]);
    await shot('reports-export-done-en');
    await press('#report-export-done-open');
    await press('#report-export-done-reveal');
    await s.waitFor('return window.__mock.openedPaths.length === 1 && window.__mock.revealedPaths.length === 1');
    assert.deepEqual(await s.exec('return window.__mock.revealedPaths'), [`/home/user/Documents/${file}`]);

    // Cancelling the dialog exports nothing and shows nothing.
    await s.exec('window.__mock.saveAnswer = null');
    await press('#report-export-button');
    await s.waitFor('return window.__mock.dialogs.length === 2');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await s.exec('return window.__mock.exports')).length, 1);
    assert.equal(await count('#report-export-done'), 0);
    assert.equal(await s.exec("return document.querySelector('#report-export-error').hidden"), true);

    // A failure is explained under the button.
    await s.exec("window.__mock.saveAnswer = '/mnt/readonly/x.xlsx'");
    await press('#report-export-button');
    await waitText('#report-export-error', /could not be read or written/);

    // The user masks descriptions while including names: that choice is sent and then kept.
    await s.exec("window.__mock.saveAnswer = '/home/user/Documents/again.xlsx'");
    await press('#report-export-mask-descriptions');
    await press('#report-export-personal');
    await press('#report-export-personal');
    assert.equal(await s.exec("return document.querySelector('#report-export-mask-descriptions').checked"), true);
    await press('#report-export-button');
    await s.waitFor('return window.__mock.exports.length === 2');
    assert.deepEqual((await s.exec('return window.__mock.exports'))[1],
      { month: monthKey(last), lang: 'zh-CN', includePersonalData: true, maskDescriptions: true, path: '/home/user/Documents/again.xlsx' });

    // A path the backend refuses (here: not .xlsx) is explained, not trusted.
    await s.exec("window.__mock.saveAnswer = '/home/user/Documents/branchdesk.db'");
    await press('#report-export-button');
    await waitText('#report-export-error', /must be saved as an .xlsx file/);
    await clean();
  });

  test('roll-up: the included branches, or the refused file with the reason', async () => {
    await open(READY, '#/reports');
    await s.waitFor("return document.querySelector('#report-kpis') !== null");
    await press('#report-rollup-choose');
    await s.waitFor("return document.querySelector('#report-rollup-done') !== null");
    assert.equal(await count('#report-rollup-branches li'), 2);
    assert.equal(await textOf('#report-rollup-branches li[data-code="BJ02"] .branch-list-name'), EVIL);
    assert.match(await textOf('#report-rollup-done'), /2024年3月汇总报表已保存（共 2 个网点）/);
    const dialogs = await s.exec('return window.__mock.dialogs');
    assert.equal(dialogs[0][0], 'open');
    assert.equal(dialogs[0][1].multiple, true);
    assert.deepEqual(dialogs[1], ['save', { defaultPath: `group_${monthKey(lastCompleteMonth(TZ))}.xlsx`, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }]);
    assert.equal((await s.exec('return window.__mock.rollups'))[0].lang, 'zh-CN');
    await shot('reports-rollup-zh');

    await s.exec("window.__mock.openAnswer = ['/d/SH01_2024-03_complaints.xlsx', 'C:\\\\Users\\\\li\\\\BJ02_2024-02_complaints.xlsx']");
    await press('#report-rollup-choose');
    await waitText('#report-rollup-error', 'BJ02_2024-02_complaints.xlsx：这份报表的月份与其他文件不同，请只选择同一个月份的报表。');
    assert.equal(await count('#report-rollup-done'), 0);
    await s.exec("window.__mock.openAnswer = ['/d/notes.xlsx']");
    await press('#report-rollup-choose');
    await waitText('#report-rollup-error', 'notes.xlsx：这不是 BranchDesk 导出的月度报表。');
    await s.exec("window.__mock.openAnswer = ['/d/SH01_2024-03_complaints.xlsx', '/e/SH01_2024-03_complaints.xlsx']");
    await press('#report-rollup-choose');
    await waitText('#report-rollup-error', /^SH01_2024-03_complaints\.xlsx：这个网点已包含在/);
    await shot('reports-rollup-refused-zh');
    await clean();
  });

  test('dashboard: this month\'s figures, the 12-month trend and categories, each opens exactly its cases', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-trend-chart') !== null && document.querySelector('#dashboard-categories-chart') !== null");
    // A complaint voided this month, in the category with most complaints: counted in received,
    // left out of valid and of its bar (which once read one less than the list it opened).
    const largest = await s.exec("return document.querySelector('#dashboard-categories-chart a.chart-link').dataset.key");
    await s.exec(`const db = window.__mock;
      const src = db.cases.find((c) => String(c.categoryId) === arguments[0]);
      db.cases.push({ ...src, id: 990, number: 'PD01-VOIDED', receivedAt: new Date(Date.now() - 60000).toISOString(), status: 'invalid' });
      document.querySelector('#dashboard-month').dataset.stale = '1';
      location.hash = '#/cases'; setTimeout(() => { location.hash = '#/dashboard'; }, 50);`, largest);
    await s.waitFor("const m = document.querySelector('#dashboard-month'); return location.hash === '#/dashboard' && m && !m.dataset.stale && document.querySelector('#dashboard-categories-chart') !== null");
    const month = currentMonth(TZ);
    const key = monthKey(month);
    const number = (selector) => s.exec('return Number(document.querySelector(arguments[0]).textContent.replace(/[^0-9]/g, ""))', selector);
    const received = await number('#dashboard-month-received .figure-value');
    const valid = await number('#dashboard-month-valid .figure-value');
    assert.equal(received, valid + 1, 'received counts the voided complaint, valid does not');
    const bars = await s.exec("return [...document.querySelectorAll('#dashboard-categories-chart table tbody td')].map((td) => Number(td.textContent.replace(/[^0-9]/g, '')))");
    assert.equal(bars.reduce((a, b) => a + b, 0), valid, 'the category bars add up to valid');
    assert.equal(await attr('#dashboard-month-received', 'href'), `#/cases?figure=received&figureMonth=${key}`);
    assert.equal(await attr('#dashboard-month-valid', 'href'), `#/cases?figure=valid&figureMonth=${key}`);
    assert.match(await textOf('#dashboard-month-closure-rate .figure-value'), /^(\d+\.\d%|—)$/);
    assert.equal(await attr('#dashboard-month-closure-rate', 'href'), `#/cases?figure=closure_rate&figureMonth=${key}`);
    assert.match(await textOf('#dashboard-month-average-satisfaction .figure-value'), /^(\d\.\d|—)$/);
    assert.equal(await count('#dashboard-trend-chart a.chart-link'), 24, 'received and closed bars each open their cases');
    assert.equal(await count('#dashboard-trend-chart rect.chart-bar-received'), 12);
    assert.equal(await count('#dashboard-trend-chart table tbody tr'), 12, 'the numbers are also in a table for screen readers');
    assert.match(await textOf('#dashboard-trend-chart title'), /12/);
    assert.equal(await s.exec("return document.querySelector('#dashboard-trend-chart svg').getAttribute('aria-labelledby')"), 'dashboard-trend-chart-title');
    await shot('dashboard-charts-zh');

    // The largest category: its bar opens the list of exactly the cases it counts.
    const bar = await s.exec(`const a = document.querySelector('#dashboard-categories-chart a.chart-link');
      return { href: a.getAttribute('href'), label: a.getAttribute('aria-label'), key: a.dataset.key };`);
    assert.equal(bar.key, largest);
    assert.equal(bar.href, `#/cases?figure=category&figureMonth=${key}&figureCode=${bar.key}`);
    const expected = Number(/(\d+)\s*件$/.exec(bar.label)[1]);
    await press('#dashboard-categories-chart a.chart-link .chart-hit');
    await s.waitFor('return location.hash === arguments[0] && document.querySelector("#case-table") !== null', Boolean, 5000, bar.href);
    await s.waitFor('return document.querySelectorAll("#case-table tr[data-case-id]").length', (n) => n === expected);
    assert.equal(await count('#case-table tr[data-case-id="990"]'), 0, 'the voided complaint is not in the bar');
    await s.waitFor("return document.querySelector('#case-figure-note').hidden === false");
    assert.match(await textOf('#case-figure-note'), /分类：/);
    assert.equal(await attr('#case-figure-note a', 'href'), `#/reports?month=${key}`);
    // Received lists the voided complaint too; clearing the filters drops the note.
    await s.exec("location.hash = arguments[0]", `#/cases?figure=received&figureMonth=${key}`);
    await s.waitFor('return document.querySelectorAll("#case-table tr[data-case-id]").length', (n) => n === received);
    assert.equal(await count('#case-table tr[data-case-id="990"]'), 1);
    await press('#case-clear-filters');
    await s.waitFor("return document.querySelector('#case-figure-note').hidden === true && location.hash === '#/cases'");
    await clean();

    // A category named with markup shows as text in the chart.
    await open(`${READY}`, '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-categories-chart') !== null");
    assert.equal(await s.exec("return [...document.querySelectorAll('#dashboard-categories-chart th')].some((n) => n.textContent === arguments[0])", EVIL), true);
    assert.equal(await count('#dashboard-categories-chart image, #dashboard-categories-chart img, #dashboard-categories-chart script'), 0);
    await clean();
  });

  test('dashboard: without a report the figures and recent list still show', async () => {
    await open('state=ready&staff=demo&cases=demo&lang=en', '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-charts') !== null");
    await s.exec(`window.__mockCommands.monthly_report = () => { throw { code: 'database', message: 'x', field: null }; };
      location.hash = '#/cases'; setTimeout(() => { location.hash = '#/dashboard'; }, 50);`);
    await s.waitFor("return location.hash === '#/dashboard' && document.querySelector('#dashboard-charts-error') !== null");
    assert.equal(await count('#dashboard-recent li'), 6);
    assert.equal(await count('#dashboard-figures a'), 4);
    await clean();
  });

  test('the reports screen fits 1280×800 and 960×600 windows in both languages', async () => {
    const overflow = () => s.exec(`const doc = document.documentElement, view = document.getElementById('view');
      return Math.max(doc.scrollWidth - doc.clientWidth, view.scrollWidth - view.clientWidth,
        ...[...document.querySelectorAll('.table-wrap')].map((w) => w.scrollWidth - w.clientWidth));`);
    for (const [width, height] of [[1280, 800], [960, 600]]) {
      await s.setWindowSize(width, height);
      for (const lang of ['zh-CN', 'en']) {
        await s.go(`${page.url}/?${READY}&lang=${lang}#/reports`);
        await s.waitFor("return document.querySelector('#report-kpis') !== null");
        await s.exec("document.querySelector('#report-glossary').open = true");
        const px = await overflow();
        assert.ok(px <= 0, `reports (${lang}, ${width}×${height}) overflows sideways by ${px}px`);
        if (width === 960) await shot(`reports-${lang}-960`);
      }
    }
    await s.setWindowSize(1280, 800);
    await clean();
  });
});
