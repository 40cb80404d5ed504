// Issue 17's desktop manners at the two window sizes a branch office has (1366×768 and
// 1024×700) in both languages: live counts, reminder settings, dates in the app's language,
// the search shortcut with its marked words, the dark theme on the page and the charts, and
// the "no program opens this file" message. Each check also looks that nothing overflows the
// window sideways. The single-size tests in browser-manners.test.mjs go deeper on each point.
// Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const SIZES = [[1366, 768], [1024, 700]];
const LANGS = {
  'zh-CN': { reminders: '提醒', dateTyped: '2024年3月5日', dateEcho: '2024年3月5日', search: '延误', noProgram: /没有能打开这类文件的程序/ },
  en: { reminders: 'Reminders', dateTyped: '2024/3/5', dateEcho: '5 Mar 2024', search: 'parcel', noProgram: /No program on this computer opens this kind of file/ },
};

describe('desktop manners at both sizes in both languages', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, press, attr, shot, clean } = page;
  const query = (lang, extra) => `state=ready&staff=demo&cases=demo&report=demo${lang === 'en' ? '&lang=en' : ''}${extra}`;
  const fitsSideways = async (where) => {
    const [scroll, inner] = await s.exec('return [document.documentElement.scrollWidth, window.innerWidth]');
    assert.ok(scroll <= inner, `${where}: the page is ${scroll}px wide in a ${inner}px window`);
  };
  const isDarkRgb = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b) < 3 * 64;

  for (const [width, height] of SIZES) {
    for (const [lang, words] of Object.entries(LANGS)) {
      const where = `${lang} ${width}×${height}`;

      test(`${where}: live overdue count, reminder settings, a date in the app's language`, async () => {
        await s.setWindowSize(width, height);
        await open(query(lang, ''), '#/dashboard');
        await s.waitFor("return document.querySelector('#dashboard-overdue') !== null");
        const before = Number(await attr('#dashboard-overdue', 'data-count'));
        await s.exec(`const c = window.__mock.cases.find((x) => ['new', 'acknowledged', 'investigating', 'resolving'].includes(x.status)
            && Date.parse(x.dueAt) > Date.now() && !x.pausedSince);
          c.dueAt = new Date(Date.now() - 60000).toISOString();`);
        await s.exec("document.dispatchEvent(new Event('visibilitychange'))");
        await s.waitFor(`return document.querySelector('#dashboard-overdue').dataset.count === '${before + 1}'`);
        await fitsSideways(`${where} dashboard`);

        await open(query(lang, ''), '#/settings');
        await s.waitFor("return document.querySelector('#reminder-crisis') !== null");
        assert.equal(await textOf('#settings-reminders-title'), words.reminders);
        await fitsSideways(`${where} settings`);

        await open(query(lang, ''), '#/staff');
        await s.waitFor("return document.querySelector('#staff-add') !== null");
        await press('#staff-add');
        await s.waitFor("return document.querySelector('#staff-startDate')?.dataset.dateField === 'date'");
        assert.equal(await s.exec("return document.querySelector('#staff-startDate').value"), '', 'an empty optional date looks empty');
        await s.type('#staff-startDate', words.dateTyped);
        await s.keys(['\uE004']);
        await waitText('#staff-startDate-echo', words.dateEcho);
        await s.clearInput('#staff-startDate');
        await s.keys(['\uE00C']);
        await s.waitFor("return document.querySelector('#staff-form').hidden");
        await clean();
      });

      test(`${where}: the search shortcut marks the matched words; the dark theme; an export no program opens`, async () => {
        await s.setWindowSize(width, height);
        await open(query(lang, ''), '#/dashboard');
        await s.waitFor("return document.querySelector('#dashboard-figures') !== null");
        await s.keys(['/']);
        await s.waitFor("return location.hash === '#/cases' && document.activeElement?.id === 'case-search'");
        await s.type('#case-search', words.search);
        await s.waitFor("return document.querySelectorAll('#case-table mark.search-hit').length > 0");
        await fitsSideways(`${where} case list`);

        await open(query(lang, '&theme=dark'), '#/dashboard');
        await s.waitFor("return document.querySelector('#dashboard-trend-chart rect.chart-bar-closed') !== null");
        assert.equal(await attr('html', 'data-theme'), 'dark');
        assert.ok(isDarkRgb(await s.exec('return getComputedStyle(document.body).backgroundColor')), `${where}: the page is dark`);
        await fitsSideways(`${where} dark dashboard`);
        await shot(`dashboard-dark-${lang}-${width}`);

        await open(query(lang, ''), '#/reports');
        await s.waitFor("return document.querySelector('#report-export-button') !== null");
        await s.exec("window.__mockCommands.open_path = () => window.__mockHelpers.fail('open.no_program')");
        await press('#report-export-button');
        await s.waitFor("return document.querySelector('#report-export-done') !== null");
        await press('#report-export-done-open');
        await waitText('#report-export-error', words.noProgram);
        assert.equal(await s.exec('return document.activeElement.id'), 'report-export-done-reveal', 'Show in folder has the focus');
        await fitsSideways(`${where} reports`);
        await clean();
      });
    }
  }
});
