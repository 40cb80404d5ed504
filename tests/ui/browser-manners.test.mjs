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

  test('/ and Ctrl+F reach the case search from anywhere; results mark why each case matched', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-figures') !== null");
    await s.keys(['/']);
    await s.waitFor("return location.hash === '#/cases' && document.activeElement?.id === 'case-search'");
    await s.type('#case-search', '延误');
    await s.waitFor("return document.querySelectorAll('#case-table mark.search-hit').length > 0");
    assert.deepEqual(await s.exec("return [...new Set([...document.querySelectorAll('#case-table mark.search-hit')].map((m) => m.textContent))]"), ['延误']);
    assert.match(await textOf('#case-table .case-snippet'), /^投诉内容：.*延误/);
    assert.equal(await count('#case-table img, #case-table script'), 0, 'markup in the matched text stays text');

    // In a text field / is typing; Ctrl+F still goes to the search.
    await open('state=ready&staff=demo&cases=demo&lang=en', '#/settings');
    await s.waitFor("return document.querySelector('#settings-name') !== null");
    await s.exec("document.querySelector('#settings-name').focus()");
    await s.keys(['/']);
    assert.equal(await s.exec('return location.hash'), '#/settings', '/ typed into a field stays there');
    assert.match(await s.exec("return document.querySelector('#settings-name').value"), /\/$/);
    await s.keys(['\uE009', 'f']);
    await s.waitFor("return location.hash === '#/cases' && document.activeElement?.id === 'case-search'");
    await s.type('#case-search', 'parcel');
    await waitText('#case-table mark.search-hit', 'Parcel');
    assert.match(await textOf('#case-table .case-snippet'), /^Complaint: Parcel lost$|^[^:]+: Parcel lost$/);
    await shot('search-snippet-en');
    await clean();
  });

  // The refresh runs every 30 s and when the window comes back into view; the test brings it
  // back rather than waiting.
  const comeBack = () => s.exec("document.dispatchEvent(new Event('visibilitychange'))");
  const turnOverdue = () => s.exec(`const c = window.__mock.cases.find((x) => ['new', 'acknowledged', 'investigating', 'resolving'].includes(x.status)
      && Date.parse(x.dueAt) > Date.now() && !x.pausedSince);
    c.dueAt = new Date(Date.now() - 60000).toISOString();
    c.acknowledgeBy = new Date(Date.now() - 120000).toISOString();
    return c.id;`);

  test('a case turning overdue shows on the dashboard, the list and the case page without a reload', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-overdue') !== null");
    const before = Number(await attr('#dashboard-overdue', 'data-count'));
    await s.exec('window.__renders = document.querySelector(\'#view\').firstElementChild');
    await turnOverdue();
    await comeBack();
    await s.waitFor(`return document.querySelector('#dashboard-overdue').dataset.count === '${before + 1}'`);
    assert.equal(await textOf('#dashboard-overdue .figure-value'), String(before + 1));
    assert.equal(await s.exec("return document.querySelector('#view').firstElementChild === window.__renders"), true, 'patched, not re-rendered');

    await open('state=ready&staff=demo&cases=demo', '#/cases');
    await s.waitFor("return document.querySelector('#case-table') !== null");
    await s.type('#case-filter-from', '2020');
    const late = await turnOverdue();
    await comeBack();
    await s.waitFor(`return document.querySelector('tr[data-case-id="${late}"]').classList.contains('case-overdue')`);
    assert.equal(await attr(`tr[data-case-id="${late}"] .deadline`, 'data-state'), 'overdue');
    assert.equal(await s.exec("return document.querySelector('#case-filter-from').value"), '2020', 'what is typed stays');
    assert.equal(await s.exec('return document.activeElement.id'), 'case-filter-from', 'and keeps the cursor');

    await open('state=ready&staff=demo&cases=demo', `#/cases/${late}`);
    await s.waitFor("return document.querySelector('#case-entry-body') !== null");
    await s.exec("document.querySelector('#case-entry-body').scrollIntoView()");
    await s.type('#case-entry-body', '正在联系客户');
    const scroll = await s.exec("return document.querySelector('#view').scrollTop");
    // This case was already late: make it due tomorrow instead, and watch the badge change back.
    await s.exec(`const c = window.__mock.cases.find((x) => x.id === ${late}); c.dueAt = new Date(Date.now() + 3 * 86400000).toISOString();`);
    await comeBack();
    await s.waitFor("return document.querySelector('#case-deadline').dataset.state === 'on_track'");
    assert.equal(await s.exec("return document.querySelector('#case-entry-body').value"), '正在联系客户');
    assert.equal(await s.exec('return document.activeElement.id'), 'case-entry-body');
    assert.equal(await s.exec("return document.querySelector('#view').scrollTop"), scroll, 'the page does not jump');
    await clean();
  });

  test('Settings › Reminders: each kind can be turned off and the summary time is checked, in both languages', async () => {
    await open('state=ready&staff=demo', '#/settings');
    await s.waitFor("return document.querySelector('#reminder-crisis') !== null");
    assert.equal(await textOf('#settings-reminders-title'), '提醒');
    assert.equal(await count('#settings-reminders input[type="checkbox"]:checked'), 6, 'all on at first');
    await press('#reminder-crisis');
    await s.clearInput('#reminder-summaryTime');
    await s.type('#reminder-summaryTime', '8点半');
    await press('#reminders-save');
    await waitText('.field-error[data-error-for="summaryTime"]', /^每日概况时间：/);
    await s.clearInput('#reminder-summaryTime');
    await s.type('#reminder-summaryTime', '07:30');
    await press('#reminders-save');
    await waitText('#toast', '已保存');
    assert.deepEqual(await s.exec('return window.__mock.reminders'), { off: ['crisis'], summaryTime: '07:30' });
    assert.equal(await textOf('.field-error[data-error-for="summaryTime"]'), '', 'the error clears once fixed');

    await open('state=ready&staff=demo&lang=en', '#/settings');
    await s.waitFor("return document.querySelector('#reminder-crisis') !== null");
    assert.equal(await textOf('label[for="reminder-crisis"]'), 'A new crisis (grade 1) case');
    await clean();
  });

  test('a reminder from the backend can be opened from the window; a clicked notification opens its page', async () => {
    await open('state=ready&staff=demo&cases=demo', '#/dashboard');
    await s.waitFor("return document.querySelector('#dashboard-figures') !== null");
    const id = await s.exec('return window.__mock.cases[0].id');
    await s.exec(`window.__mockEmit('reminder', { route: '#/cases/${id}', title: '<b>新的危机投诉</b>', body: 'SH01 为一级（危机）投诉' })`);
    await waitText('#reminder-notice strong', '<b>新的危机投诉</b>');
    assert.equal(await count('#reminder-notice b'), 0, 'text, not markup');
    await press('#reminder-notice-open');
    await s.waitFor(`return location.hash === '#/cases/${id}'`);
    assert.equal(await count('#reminder-notice'), 0);

    await s.exec("window.__mockEmit('reminder-open', { route: '#/training' })");
    await s.waitFor("return location.hash === '#/training'");
    await s.exec("window.__mockEmit('reminder-open', { route: 'https://example.com/' })");
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await s.exec('return location.hash'), '#/training', 'a reminder opens only the app’s own pages');
    await clean();
  });

  test('at 1366×768 and 1024×700: a required-field error clears when filled; each page opens at its top', async () => {
    for (const [width, height] of [[1366, 768], [1024, 700]]) {
      await s.setWindowSize(width, height);
      for (const [lang, required] of [['zh-CN', '姓名：不能为空'], ['en', /^Name: /]]) {
        await open(`state=ready&staff=demo&cases=many${lang === 'en' ? '&lang=en' : ''}`, '#/staff');
        await s.waitFor("return document.querySelector('#staff-add') !== null");
        await press('#staff-add');
        await press('#staff-save');
        await waitText('.field-error[data-error-for="name"]', required);
        await s.type('#staff-name', '李');
        await s.waitFor("return document.querySelector('.field-error[data-error-for=\"name\"]').hidden");
        assert.equal(await attr('#staff-name', 'aria-invalid'), null, `${lang} ${width}: the field is no longer marked`);
        // Put the form away, so leaving does not ask about unsaved work.
        await s.clearInput('#staff-name');
        await s.keys(['\uE00C']);
        await s.waitFor("return document.querySelector('#staff-form').hidden");

        await open(`state=ready&staff=demo&cases=many${lang === 'en' ? '&lang=en' : ''}`, '#/cases');
        await s.waitFor("return document.querySelectorAll('#case-table tbody tr').length > 20");
        await s.exec("document.getElementById('view').scrollTop = 1200");
        assert.ok(await s.exec("return document.getElementById('view').scrollTop") > 0, 'the list scrolls');
        await s.exec("location.hash = '#/settings'");
        await s.waitFor("return document.querySelector('#settings-branch') !== null");
        assert.equal(await s.exec("return document.getElementById('view').scrollTop"), 0, `${lang} ${width}×${height}: Settings opens at its top`);
      }
    }
    await clean();
  });
});
