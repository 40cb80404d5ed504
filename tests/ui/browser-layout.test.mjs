// Layout at 1366×768 and 1024×700 (the window's inside, as the app's window has no browser bar)
// in both languages, measured from element boxes rather than judged by eye: the case list's
// visible rows and pinned filters, the training matrix's frozen name column, the dashboard's
// prevention card giving names room, the large-type drill using the width with its timer in
// view, signed-off items showing ticked, and the staff pickers knowing a newly added person.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const SIZES = [[1366, 768], [1024, 700]];
const LANGS = ['zh-CN', 'en'];

describe('layout at 1366×768 and 1024×700 in both languages', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, press, choose, shot } = page;

  /// Sizes the window so its inside (innerWidth × innerHeight) is `width` × `height`.
  const fit = async (width, height) => {
    await s.setWindowSize(width, height);
    const [innerWidth, innerHeight] = await s.exec('return [innerWidth, innerHeight]');
    // The window manager may apply a size late: ask again until the inside is right.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await s.setWindowSize(2 * width - innerWidth, 2 * height - innerHeight);
      try {
        await s.waitFor('return [innerWidth, innerHeight]', ([w, h]) => w === width && h === height, 3000);
        return;
      } catch (err) {
        if (attempt === 2) throw err;
      }
    }
  };
  /// Opens the app like `page.open`, with the patience a busy machine needs.
  const open = async (query, lang, hash) => {
    await s.go(`${page.url}/?${query}${lang === 'en' ? '&lang=en' : ''}${hash}`);
    await s.waitFor('return document.readyState === "complete" && window.__mock && window.__mock.shown === 1', Boolean, 20000);
  };
  const waitFor = (css) => s.waitFor('return document.querySelector(arguments[0]) !== null', Boolean, 15000, css);
  const box = (css) => s.exec('const n = document.querySelector(arguments[0]); if (!n) return null; const b = n.getBoundingClientRect(); return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, width: b.width, height: b.height };', css);
  const figures = [];

  for (const [width, height] of SIZES) {
    for (const lang of LANGS) {
      const at = `${width}×${height} ${lang}`;

      test(`cases list (${at}): compact rows, filters pinned while the table scrolls`, async () => {
        await fit(width, height);
        await open('state=ready&staff=demo&cases=many', lang, '#/cases');
        await s.waitFor("return document.querySelectorAll('.case-table tbody tr').length >= 50", Boolean, 15000);
        const visibleRows = () => s.exec(`const view = document.getElementById('view').getBoundingClientRect();
          const filters = document.getElementById('case-filters').getBoundingClientRect();
          const head = document.querySelector('.case-table thead').getBoundingClientRect();
          const top = Math.max(view.top, filters.bottom, head.bottom);
          return [...document.querySelectorAll('.case-table tbody tr')].filter((row) => {
            const b = row.getBoundingClientRect();
            return b.top >= top - 1 && b.bottom <= view.bottom + 1;
          }).length;`);
        const atStart = await visibleRows();
        await shot(`layout-cases-${width}-${lang}`);
        // Scrolled down: the filters stay at the top of the pane, the rows pass under them.
        await s.exec("document.getElementById('view').scrollTop = 900");
        const view = await box('#view');
        const filters = await box('#case-filters');
        const scrolled = await visibleRows();
        await shot(`layout-cases-scrolled-${width}-${lang}`);
        figures.push(`cases ${at}: ${atStart} rows at the top, ${scrolled} scrolled, filters ${Math.round(filters.height)}px high`);
        assert.ok(Math.abs(filters.top - view.top) <= 1, `the filters are pinned at the pane's top (${filters.top} vs ${view.top})`);
        assert.equal(await s.exec("const n = document.getElementById('case-search'); const b = n.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight;"), true, 'the search box stays in view');
        if (width === 1366) {
          assert.ok(atStart >= 12, `at least 12 rows show at 1366×768, ${atStart} do`);
          // Further down are the escalated cases, whose long channel names take two lines.
          assert.ok(scrolled >= 9, `at least 9 rows show under the pinned filters, ${scrolled} do`);
        } else {
          assert.ok(scrolled >= 5, `at least 5 rows show under the pinned filters at 1024×700, ${scrolled} do`);
        }
        assert.equal(await s.exec(`return [document.getElementById('view'), ...document.querySelectorAll('#view .table-wrap')]
          .every((n) => n.scrollWidth <= n.clientWidth);`), true, 'no sideways scrolling');
      });

      test(`training matrix (${at}): fits, or scrolls with the names frozen`, async () => {
        await fit(width, height);
        await open('state=ready&staff=demo&training=demo', lang, '#/training');
        await waitFor('#training-matrix tbody th.matrix-person');
        assert.equal(await s.exec("const v = document.getElementById('view'); return v.scrollWidth <= v.clientWidth;"), true, 'the page itself does not scroll sideways');
        // A matrix wider than its pane (many modules) scrolls inside it: narrow the pane to see.
        await s.exec("document.querySelector('.matrix-scroll').style.maxWidth = '360px'");
        const before = await box('#training-matrix tbody th.matrix-person');
        const pane = await box('.matrix-scroll');
        await s.exec("document.querySelector('.matrix-scroll').scrollLeft = 200");
        assert.ok(await s.exec("return document.querySelector('.matrix-scroll').scrollLeft") > 0, 'the matrix scrolls sideways');
        const after = await box('#training-matrix tbody th.matrix-person');
        assert.ok(Math.abs(after.left - pane.left) <= 1, `the name column stays at the left (${after.left} vs ${pane.left})`);
        assert.ok(Math.abs(after.left - before.left) <= 1);
        const covered = await s.exec(`const name = document.querySelector('#training-matrix tbody th.matrix-person');
          const b = name.getBoundingClientRect();
          return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('th') === name;`);
        assert.equal(covered, true, 'the frozen names are drawn above the cells scrolling under them');
      });

      test(`dashboard prevention card (${at}): names keep room to be read`, async () => {
        await fit(width, height);
        await open('state=ready&staff=demo&cases=demo&training=demo&prevention=demo', lang, '#/dashboard');
        await waitFor('#dashboard-overdue-measures li');
        const parts = await s.exec(`return [...document.querySelectorAll('#dashboard-overdue-measures li > *')].map((n) => {
          const b = n.getBoundingClientRect(), style = getComputedStyle(n);
          return { cls: n.className, text: n.textContent, title: n.getAttribute('title'), width: b.width, height: b.height,
            em: parseFloat(style.fontSize), line: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6 };
        });`);
        await s.exec("document.getElementById('dashboard-prevention').scrollIntoView()");
        await shot(`layout-dashboard-${width}-${lang}`);
        for (const part of parts) {
          assert.ok(part.width >= Math.min(4, [...part.text].length) * part.em, `"${part.text}" is ${part.width}px wide`);
          assert.ok(part.height <= 3 * part.line + 1, `"${part.text}" takes ${part.height}px (${part.line}px lines)`);
        }
        const name = parts.find((part) => part.cls === 'muted');
        assert.equal(name.title, name.text, 'a name cut short has its full text as a tooltip');
        figures.push(`prevention card ${at}: narrowest part ${Math.round(Math.min(...parts.map((p) => p.width)))}px`);
      });

      test(`large-type drill (${at}): the whole width, the timer in view while scrolling`, async () => {
        await fit(width, height);
        await open('state=ready&staff=demo&training=demo', lang, '#/training/drill?scenario=1&trainees=2');
        await waitFor('#drill-setup');
        await choose('#drill-observer', '1');
        await press('#drill-begin');
        await waitFor('#drill-runner');
        await press('#drill-large');
        await s.waitFor("return document.querySelector('#drill-runner').classList.contains('is-large')");
        const view = await s.exec("const v = document.getElementById('view'); const style = getComputedStyle(v); return v.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);");
        const runner = await box('#drill-runner');
        assert.ok(runner.width >= view - 2, `the runner uses the pane's width (${runner.width} of ${view})`);
        await s.exec("const v = document.getElementById('view'); v.scrollTop = v.scrollHeight");
        assert.ok(await s.exec("return document.getElementById('view').scrollTop") > 0, 'the rubric is long enough to scroll');
        const pane = await box('#view');
        const clock = await box('#drill-clock');
        const bar = await box('.drill-bar');
        assert.ok(Math.abs(bar.top - pane.top) <= 1, `the bar with the timer is pinned at the pane's top (${bar.top} vs ${pane.top})`);
        assert.ok(clock.top >= pane.top - 1 && clock.bottom <= pane.bottom + 1, `the timer stays in view (${clock.top}..${clock.bottom} in ${pane.top}..${pane.bottom})`);
        await shot(`layout-drill-${width}-${lang}`);
        figures.push(`drill ${at}: runner ${Math.round(runner.width)}px of ${Math.round(view)}px, clock at ${Math.round(clock.top - pane.top)}px from the pane's top`);
      });
    }
  }

  for (const lang of LANGS) {
    test(`signed-off items show ticked in the person's checklist and the matrix (${lang})`, async () => {
      await fit(1366, 768);
      await open('state=ready&staff=demo&training=demo', lang, '#/training/person/2');
      await waitFor('#signoff-form');
      assert.equal(await s.exec("return document.querySelector('#signoff-item-3').checked"), false);
      await press('#signoff-item-3');
      await press('#signoff-item-4');
      await choose('#signoff-trainer', '1');
      await press('#signoff-submit');
      await s.waitFor("return document.querySelectorAll('#person-history tbody tr').length === 2", Boolean, 8000);
      assert.deepEqual(await s.exec("return ['#signoff-item-3', '#signoff-item-4'].map((css) => { const box = document.querySelector(css); return [box.checked, box.disabled]; })"),
        [[true, true], [true, true]], 'signed items show ticked (and are not signed twice)');
      // Submitting again with nothing new ticked asks for a tick instead of re-signing them.
      await press('#signoff-submit');
      await s.waitFor("return document.querySelector('#signoff-error')?.textContent !== ''");
      assert.equal(await s.exec("return document.querySelectorAll('#person-history tbody tr').length"), 2);
      await open('state=ready&staff=demo&training=demo', lang, '#/training');
      await waitFor('#training-matrix');
      // The mock keeps no state across loads; the lead's completed or overdue cells are enough
      // to see how a complete cell reads: a tick before the word.
      const ticks = await s.exec(`return [...document.querySelectorAll('#training-matrix td.cell-complete .cell-word')]
        .map((word) => getComputedStyle(word, '::before').content)`);
      const legend = await s.exec(`const cell = document.createElement('td'); cell.className = 'matrix-cell cell-complete';
        const word = document.createElement('span'); word.className = 'cell-word'; cell.append(word);
        document.querySelector('#training-matrix tbody tr').append(cell);
        const content = getComputedStyle(word, '::before').content; cell.remove(); return content;`);
      assert.match(legend, /✓/, 'a complete cell starts with a tick');
      for (const content of ticks) assert.match(content, /✓/);
    });
  }

  test('staff pickers list a person added a moment ago, without a reload', async () => {
    await fit(1366, 768);
    await open('state=ready&staff=demo&cases=demo', 'zh-CN', '#/staff');
    await waitFor('#staff-add');
    await press('#staff-add');
    await s.type('#staff-name', '新来的小周');
    await press('#staff-save');
    await s.waitFor("return [...document.querySelectorAll('#view td, #view li, #view a')].some((n) => n.textContent.includes('新来的小周'))", Boolean, 8000);
    await s.exec("location.hash = '#/cases/new'");
    await waitFor('#case-assigneeId');
    const names = await s.exec("return ['#case-takenById', '#case-assigneeId'].map((css) => [...document.querySelector(css).options].some((o) => o.textContent === '新来的小周'))");
    assert.deepEqual(names, [true, true]);
    await s.exec("location.hash = '#/cases'");
    await waitFor('#case-filter-assignee');
    assert.equal(await s.exec("return [...document.querySelector('#case-filter-assignee').options].some((o) => o.textContent === '新来的小周')"), true);
    console.log(figures.join('\n'));
  });
});
