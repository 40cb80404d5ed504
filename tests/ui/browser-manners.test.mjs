// Desktop manners in the real webview. Date fields follow the app's language, not the
// machine's locale: an empty optional date shows no "mm/dd/yyyy" mask, a date typed the
// Chinese way is read and written out in words beside the field, the calendar speaks the
// app's language, and the complaint's received time is in 24-hour form. The colour theme
// chosen in Settings applies at once, to the page and the charts, and at the next start.
// Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const TAB = '\uE004';

describe('desktop manners in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, open, textOf, waitText, press, count, attr, shot, clean } = page;

  const openStaffForm = async (lang) => {
    await open(`state=ready${lang === 'en' ? '&lang=en' : ''}`, '#/staff');
    await s.waitFor("return document.querySelector('#staff-add') !== null");
    await press('#staff-add');
    await s.waitFor("return document.querySelector('#staff-startDate')?.dataset.dateField === 'date'");
  };

  test('Chinese: an empty optional date looks empty; typed and picked dates are read and written in Chinese', async () => {
    await openStaffForm('zh-CN');
    assert.equal(await attr('#staff-startDate', 'type'), 'text', 'no OS-locale date mask');
    assert.equal(await s.exec("return document.querySelector('#staff-startDate').value"), '');
    assert.doesNotMatch(await attr('#staff-startDate', 'placeholder') ?? '', /mm|dd|yyyy/i);
    assert.equal(await textOf('#staff-startDate-echo'), '');

    await s.type('#staff-startDate', '2024年3月5日');
    await s.keys([TAB]);
    await s.waitFor("return document.querySelector('#staff-startDate').value === '2024-03-05'");
    assert.equal(await textOf('#staff-startDate-echo'), '2024年3月5日');

    await press('.field-startDate .date-button');
    await waitText('.date-picker-title', '2024年3月');
    assert.deepEqual(await s.exec("return [...document.querySelectorAll('.date-grid th')].map((n) => n.textContent)"),
      ['一', '二', '三', '四', '五', '六', '日']);
    assert.equal(await attr('.date-day[aria-current="date"]', 'data-date'), '2024-03-05');
    await shot('date-picker-zh');
    await press('.date-next');
    await waitText('.date-picker-title', '2024年4月');
    await press('.date-day[data-date="2024-04-12"]');
    assert.equal(await count('.date-picker'), 0, 'the calendar closes on a choice');
    assert.equal(await s.exec("return document.querySelector('#staff-startDate').value"), '2024-04-12');
    assert.equal(await textOf('#staff-startDate-echo'), '2024年4月12日');

    await s.clearInput('#staff-startDate');
    await s.type('#staff-name', '李华');
    await press('#staff-save');
    await s.waitFor("return document.querySelector('#staff-table td.staff-name') !== null");
    assert.equal(await s.exec('return window.__mock.staff[0].startDate ?? null'), null, 'a cleared date saves as none');
    await clean();
  });

  test('English: the same field, calendar and echo in English; days after the limit cannot be picked', async () => {
    await openStaffForm('en');
    await s.type('#staff-startDate', '2024/3/5');
    await s.keys([TAB]);
    await s.waitFor("return document.querySelector('#staff-startDate').value === '2024-03-05'");
    assert.equal(await textOf('#staff-startDate-echo'), '5 Mar 2024');
    await press('.field-startDate .date-button');
    await waitText('.date-picker-title', 'Mar 2024');
    assert.equal(await textOf('.date-grid th'), 'Mo');
    await s.keys(['\uE00C']);
    assert.equal(await count('.date-picker'), 0, 'Escape closes the calendar');
    await clean();

    await open('state=ready&staff=demo&cases=demo&lang=en', '#/cases/new');
    await s.waitFor("return document.querySelector('#case-receivedAt')?.dataset.dateField === 'datetime'");
    const value = await s.exec("return document.querySelector('#case-receivedAt').value");
    assert.match(value, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.match(await textOf('#case-receivedAt-echo'), /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/, '24-hour time, no AM/PM');
    await press('.field-receivedAt .date-button');
    await s.waitFor("return document.querySelector('.date-day') !== null");
    const today = value.slice(0, 10);
    assert.equal(await s.exec(`return document.querySelector('.date-day[data-date="${today}"]').disabled`), false);
    const later = await s.exec(`return [...document.querySelectorAll('.date-day')].filter((d) => d.dataset.date > '${today}').every((d) => d.disabled)`);
    assert.equal(later, true, 'no day after now');
    await clean();
  });

  const background = (css) => s.exec('return getComputedStyle(document.querySelector(arguments[0])).backgroundColor', css);
  const fill = (css) => s.exec('return getComputedStyle(document.querySelector(arguments[0])).fill', css);
  const isDarkRgb = (rgb) => {
    const [r, g, b] = rgb.match(/\d+/g).map(Number);
    return r + g + b < 3 * 64;
  };

  test('Dark chosen in Settings darkens the page and the charts at once and at the next start', async () => {
    await open('state=ready&staff=demo&cases=demo&report=demo&theme=light', '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-trend-chart rect.chart-bar-closed') !== null");
    assert.equal(await attr('html', 'data-theme'), 'light');
    const lightBar = await fill('#dashboard-trend-chart rect.chart-bar-closed');
    assert.equal(isDarkRgb(await background('body')), false);

    await open('state=ready&staff=demo&cases=demo&report=demo&theme=light', '#/settings');
    await s.waitFor("return document.querySelector('#settings-theme') !== null");
    assert.equal(await textOf('#settings-appearance-title'), '外观');
    assert.deepEqual(await s.exec("return [...document.querySelectorAll('#settings-theme option')].map((o) => o.textContent)"),
      ['跟随系统', '浅色', '深色']);
    await page.choose('#settings-theme', 'dark');
    await s.waitFor("return document.documentElement.dataset.theme === 'dark'");
    await waitText('#toast', '已保存');
    assert.equal(await s.exec('return window.__mock.theme'), 'dark', 'the choice is saved');
    assert.equal(isDarkRgb(await background('body')), true);
    assert.equal(isDarkRgb(await background('#settings-appearance')), true, 'cards are dark too');
    await shot('settings-dark-zh');

    await open('state=ready&staff=demo&cases=demo&report=demo&theme=dark', '#/dashboard');
    assert.equal(await attr('html', 'data-theme'), 'dark', 'the stored choice applies from the start');
    await s.waitFor("return document.querySelector('#dashboard-trend-chart rect.chart-bar-closed') !== null");
    assert.notEqual(await fill('#dashboard-trend-chart rect.chart-bar-closed'), lightBar, 'chart bars have dark-page colours');
    await shot('dashboard-dark-zh');
    await clean();
  });

  test('an exported file no program opens says so and points to Show in folder, in both languages', async () => {
    for (const [lang, words] of [['zh-CN', /没有能打开这类文件的程序.*在文件夹中显示/], ['en', /No program on this computer opens this kind of file.*Show in folder/]]) {
      await open(`state=ready&staff=demo&cases=demo&report=demo&lang=${lang}`, '#/reports');
      await s.waitFor("return document.querySelector('#report-export-button') !== null");
      await s.exec("window.__mockCommands.open_path = () => window.__mockHelpers.fail('open.no_program')");
      await press('#report-export-button');
      await s.waitFor("return document.querySelector('#report-export-done') !== null");
      await press('#report-export-done-open');
      await waitText('#report-export-error', words);
      assert.doesNotMatch(await textOf('#report-export-error'), /磁盘空间|disk space/);
      assert.equal(await s.exec('return document.activeElement.id'), 'report-export-done-reveal', 'Show in folder has the focus');
      assert.equal(await s.exec("return document.querySelector('#report-export-done-reveal').classList.contains('is-suggested')"), true);
      await press('#report-export-done-reveal');
      await s.waitFor('return window.__mock.revealedPaths.length === 1');
      assert.equal(await s.exec("return document.querySelector('#report-export-error').hidden || document.querySelector('#report-export-error').textContent === ''"), true,
        'the message goes once the folder is shown');
      await shot(`export-no-program-${lang}`);
      await clean();
    }
  });
});
