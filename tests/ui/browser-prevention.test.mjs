// Prevention in the real webview (WebKitGTK) against the mock backend
// (harness/mock-prevention.js), with the app's CSP enforced: the analysis and its links, a plan
// started from it, phases, measures (overdue ones marked, suggestions, done with evidence), the
// effect chart, the evaluation and a follow-on plan, evidence from the case page, emergency
// plans and drills, the dashboard tile, markup shown as text, and the layout at both sizes in
// both languages. Skips itself like browser.test.mjs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, useBrowser } from './support/browser-suite.mjs';

const EVIL = '<img src=x onerror=alert(1)>';
const DEMO = 'state=ready&staff=demo&cases=demo&prevention=demo';

describe('prevention plans, analysis and emergency plans in a real webview', { skip: browserSkip }, () => {
  const page = useBrowser();
  const { s, textOf, waitFor, waitText, count, press, shot } = page;

  // A fresh page (and mock state) each time: a URL differing only in its hash would not reload.
  let loads = 0;
  const open = async (query, hash) => {
    loads += 1;
    await page.open(`${query}&load=${loads}`, hash);
  };
  const fill = (css, value) => s.exec(`const n = document.querySelector(arguments[0]); n.value = arguments[1];
    n.dispatchEvent(new Event('input', { bubbles: true })); n.dispatchEvent(new Event('change', { bubbles: true }));`, css, value);
  const clean = async () => {
    await page.clean();
    assert.equal(await count('#view img, #view script, #view b'), 0, 'markup in user text stays text');
    assert.doesNotMatch(await s.exec("return document.getElementById('view').textContent"), /null|undefined/, 'no skipped part printed as text');
  };

  test('analysis: ranked figures link to their cases, hot spots shown as text, a plan starts from a row', async () => {
    await open(`${DEMO}&lang=en`, '#/prevention/analysis');
    await waitFor('#analysis-categories');
    assert.match(await textOf('#analysis-window'), /last three complete months/);
    assert.equal(await count('#analysis-categories .analysis-table tbody tr'), 4);
    const first = await s.exec("const r = document.querySelector('#analysis-categories .analysis-table tbody tr'); return [r.dataset.key, r.querySelector('.analysis-count').getAttribute('href'), r.querySelector('.trend').textContent]");
    assert.equal(first[0], '1');
    assert.match(first[1], /^#\/cases\?categoryId=1&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
    assert.equal(first[2], '↑ 50% more');
    assert.equal(await textOf('#analysis-categories .analysis-table tr[data-key="2"] .trend'), 'new (none before)');
    const unclassified = await s.exec("return document.querySelector('#analysis-causes tr[data-key=\"none\"] .analysis-count').getAttribute('href')");
    assert.match(unclassified, /rootCause=none/);
    assert.equal(await count('#analysis-causes tr[data-key="none"] .start-plan'), 0, 'no plan for unclassified complaints');
    assert.equal(await textOf('#analysis-hot-spots tbody tr:nth-child(2) th'), EVIL);
    await shot('prevention-analysis');

    // Following a count opens the case list with the same filter.
    await press('#analysis-causes tr[data-key="delay"] .analysis-count');
    await s.waitFor("return location.hash.startsWith('#/cases?rootCause=delay')");
    await waitFor('#case-filter-root-cause');
    assert.equal(await s.exec("return document.querySelector('#case-filter-root-cause').value"), 'delay');
    await s.exec('history.back()');
    await waitFor('#analysis-causes');

    await press('#analysis-causes tr[data-key="delay"] .start-plan');
    await waitFor('#plan-new');
    assert.equal(await s.exec("return document.querySelector('#plan-new-title').value"), 'Fewer complaints: Delay or slow response');
    assert.equal(await s.exec("return document.querySelector('#plan-new-rootCause').value"), 'delay');
    assert.equal(await s.exec("return document.querySelector('#plan-new-goalPercent').value"), '30');
    // A goal out of range is refused next to its field, and nothing is saved.
    await fill('#plan-new-goalPercent', '150');
    await s.exec("document.querySelector('#plan-new').requestSubmit()");
    await waitText('[data-error-for="goalPercent"]', /Fewer complaints \(%\)/);
    // The plan is not saved yet: leaving asks first, and Cancel keeps what was typed.
    await press('a[data-nav=dashboard]');
    await waitText('#confirm-title', 'Leave without saving?');
    await press('#confirm-cancel');
    await s.waitFor("return document.querySelector('#plan-new-goalPercent')?.value === '150'");
    await fill('#plan-new-goalPercent', '25');
    await s.exec("document.querySelector('#plan-new').requestSubmit()");
    await waitFor('#plan-phases');
    assert.equal(await textOf('#plan-status'), 'Draft');
    assert.equal(await textOf('#plan-goal'), '25% fewer complaints within 90 days');
    await clean();
  });

  test('a plan: phases, measures with suggestions and overdue marks, effect chart, evaluation and follow-on', async () => {
    await open(DEMO, '#/prevention');
    await waitFor('#plan-table');
    assert.equal(await count('#plan-table tbody tr'), 2);
    assert.match(await textOf('#plan-table tr.has-overdue .plan-overdue-count'), /1 项逾期/);
    assert.match(await textOf('#plan-table tr.has-overdue .plan-link'), /<img src=x onerror=alert\(1\)>/);
    await press('#plan-table tr.has-overdue .plan-link');
    await waitFor('#plan-measures');
    assert.equal(await count('#measure-list .measure.is-overdue'), 1);
    assert.equal(await textOf('#measure-list .measure.is-overdue .measure-overdue'), '已逾期');
    assert.equal(await textOf('#plan-notes'), "=cmd|' /C calc'!A0");
    assert.equal(await count('#plan-effect-chart rect.effect-bar-after'), 1);
    assert.equal(await count('#plan-effect-chart rect.effect-bar-before'), 3);
    assert.equal(await count('#plan-effect-chart .effect-goal-line'), 1);
    assert.equal(await s.exec("return document.querySelector('#plan-effect-verdict').dataset.state"), 'measured');

    // Suggestions are offered on demand (and always while formulating); "use" fills the form.
    await press('#measure-suggest-toggle');
    await waitFor('#measure-suggestions');
    assert.equal(await count('#measure-suggestions .suggestion-use'), 14);
    await press('#measure-suggestions dd[data-kind="notice"] .suggestion-use');
    assert.equal(await s.exec("return document.querySelector('#measure-add-kind').value"), 'notice');
    assert.match(await s.exec("return document.querySelector('#measure-add-description').value"), /公告/);
    await fill('#measure-add-dueDate', '2030-01-31');
    await press('#measure-add-save');
    await s.waitFor("return document.querySelectorAll('#measure-list .measure').length === 3");

    // A new date agreed for the notice, already past: it is marked overdue at once.
    const notice = await s.exec("return [...document.querySelectorAll('#measure-list .measure')].find((m) => m.textContent.includes('公告')).dataset.measureId");
    await press(`#measure-${notice}-edit`);
    await waitFor(`#measure-${notice}-edit-form`);
    await fill(`#measure-${notice}-edit-form-dueDate`, '2020-01-31');
    await press(`#measure-${notice}-edit-form-save`);
    await s.waitFor(`return document.querySelector('#measure-${notice}')?.classList.contains('is-overdue') === true`);
    assert.equal(await count('#measure-list .measure.is-overdue'), 2);
    await press(`#measure-${notice}-drop`);
    await s.waitFor(`return document.querySelector('#measure-${notice}')?.dataset.status === 'dropped'`);

    // Done with a day and evidence; the overdue mark goes.
    const overdueId = await s.exec("return document.querySelector('#measure-list .measure.is-overdue').dataset.measureId");
    await press(`#measure-${overdueId}-done`);
    await waitFor(`#measure-${overdueId}-done-form`);
    await fill(`#measure-${overdueId}-done-form-evidence`, '培训签到表');
    await press(`#measure-${overdueId}-done-form-save`);
    await s.waitFor("return document.querySelectorAll('#measure-list .measure.is-overdue').length === 0");
    assert.match(await textOf(`#measure-${overdueId} .measure-evidence`), /培训签到表/);

    // implement → evaluate, then the evaluation closes the plan and offers a follow-on.
    await press('#plan-phase-forward');
    await waitFor('#plan-evaluate');
    assert.equal(await s.exec("return document.querySelector('#plan-evaluate input[name=conclusion]:checked')?.value ?? ''"), 'partly');
    await s.exec("document.querySelector('#plan-evaluate').requestSubmit()");
    await waitText('[data-error-for="nextStep"]', /下一步/);
    await fill('#plan-evaluate-nextStep', '保留话术，增加满意度调查');
    await press('#plan-evaluate-save');
    await waitFor('#plan-conclusion');
    assert.equal(await textOf('#plan-status'), '已完成');
    assert.equal(await textOf('#plan-conclusion'), '部分有效');
    assert.equal(await count('#plan-phase-forward'), 0, 'a finished plan cannot move');
    assert.match(await s.exec("return [...document.querySelectorAll('#plan-history td:last-child')].map((n) => n.textContent).join('|')"), /阶段：实施 → 评估/);
    await shot('prevention-plan');
    await press('#plan-follow-on');
    await waitFor('#plan-new-parent');
    assert.match(await textOf('#plan-new-parent'), /承接计划：Fewer delivery delays/);
    assert.equal(await s.exec("return document.querySelector('#plan-new-categoryId').value"), '1');
    await s.exec("document.querySelector('#plan-new').requestSubmit()");
    await waitFor('#plan-parent');
    await clean();
  });

  test('a plan closed elsewhere refuses a move with its own message, in both languages', async () => {
    for (const [lang, words] of [['en', /finished or cancelled, so it can no longer change/], ['zh-CN', /已完成或已取消，不能再修改/]]) {
      await open(`${DEMO}&lang=${lang}`, '#/prevention');
      await waitFor('#plan-table');
      await press('#plan-table tr.has-overdue .plan-link');
      await waitFor('#plan-phase-forward');
      // Cancelled in another window while this page stood open.
      await s.exec("window.__mock.plans.find((p) => p.status === 'active').status = 'cancelled'");
      await press('#plan-phase-forward');
      await waitText('#toast', words);
      assert.doesNotMatch(await textOf('#toast'), /case/i, 'not worded as a case');
      await shot(`prevention-plan-refused-${lang}`);
    }
  });

  test('a training measure names the module and drill it relies on, with how far each got', async () => {
    await open(`${DEMO}&lang=en`, '#/prevention');
    await waitFor('#plan-table');
    const planId = await s.exec(`const plan = window.__mock.plans.find((p) => p.status === 'active' || p.status === 'draft');
      // One person has the module; one drill of the scenario was held on the plan's first day.
      window.__mock.training.assignments.push({ id: 990, moduleId: 1, staffId: 1, position: null });
      window.__mock.training.drills.push({ id: 991, scenarioId: 2, heldAt: plan.startDate + 'T02:00:00Z', traineeIds: [1], scores: [], total: 0 });
      return plan.id;`);
    await s.exec('location.hash = arguments[0]', `#/prevention/plans/${planId}`);
    await waitFor('#measure-add');
    const pickersHidden = () => s.exec("return document.querySelector('#measure-add .measure-link-fields').hidden");
    await fill('#measure-add-kind', 'notice');
    assert.equal(await pickersHidden(), true, 'only training and drill measures link to training');
    await fill('#measure-add-kind', 'training');
    assert.equal(await pickersHidden(), false);
    await fill('#measure-add-trainingModuleId', '1');
    await fill('#measure-add-drillScenarioId', '2');
    await fill('#measure-add-description', 'Refresher on the handling principles for the front desk');
    await fill('#measure-add-dueDate', '2030-01-31');
    await press('#measure-add-save');
    await waitFor('#measure-list .measure-link-module');
    assert.equal(await textOf('#measure-list .measure-link-module'), 'Training module: Handling principles · 0 of 1 people assigned have completed it');
    assert.equal(await textOf('#measure-list .measure-link-drill'), 'Drill scenario: The parcel that never came · drills held since the plan started: 1');
    await clean();
  });

  test('a case page shows active plans on its category and attaches the case as evidence', async () => {
    await open(DEMO, '#/prevention');
    await waitFor('#plan-table');
    const caseId = await s.exec('return window.__mock.cases.find((c) => c.categoryId === 1).id');
    await s.exec('location.hash = arguments[0]', `#/cases/${caseId}`);
    await s.waitFor("const n = document.querySelector('#case-plans'); return n && !n.hidden");
    assert.equal(await count('#case-plans li'), 1);
    await press('#case-plans .plan-attach');
    await waitFor('#case-plans .plan-attached');
    const planId = await s.exec("return document.querySelector('#case-plans li').dataset.planId");
    await s.exec('location.hash = arguments[0]', `#/prevention/plans/${planId}`);
    await waitFor('#plan-cases');
    assert.equal(await count('#plan-cases li'), 1);
    // Attaching by a number that does not exist says so next to the field.
    await fill('#plan-attach-caseNumber', 'XX-000000-0000');
    await press('#plan-attach-save');
    await waitFor('#plan-attach [data-error-for="caseNumber"]:not([hidden])');
    await press('#plan-cases .evidence-detach');
    await waitFor('#plan-cases-none');
    await clean();
  });

  test('emergency plans: next drill overdue in red with the word, a drill logged, a new plan written', async () => {
    await open(`${DEMO}&lang=en`, '#/prevention/emergency');
    await waitFor('#emergency-list');
    const card = await s.exec("return document.querySelector('.emergency-plan').dataset.planId");
    assert.match(await textOf(`#emergency-${card}-next`), /^Drill overdue since/);
    assert.equal(await count(`#emergency-${card} .emergency-steps li`), 3);
    await press(`#emergency-${card}-log`);
    await waitFor(`#drill-${card}`);
    await s.exec(`document.querySelector('#drill-${card}').requestSubmit()`);
    await waitText(`#drill-${card} [data-error-for="participants"]`, /Who took part/);
    await fill(`#drill-${card}-participants`, 'Front desk and night shift');
    await press(`#drill-${card}-save`);
    await s.waitFor(`return /^Next drill due/.test(document.querySelector('#emergency-${card}-next')?.textContent ?? '')`);
    await press('#emergency-new');
    await waitFor('#emergency-form');
    await fill('#emergency-form-title', 'Water outage');
    await fill('#emergency-form-steps', 'Notify residents\nCall the utility');
    await press('#emergency-form-save');
    await s.waitFor("return document.querySelectorAll('.emergency-plan').length === 2");
    await shot('prevention-emergency');
    await clean();
  });

  test('dashboard: the prevention tile counts active plans and links each overdue measure to its plan', async () => {
    await open(DEMO, '#/dashboard');
    await waitFor('#dashboard-measures-overdue');
    assert.equal(await s.exec("return document.querySelector('#dashboard-measures-overdue').dataset.count"), '1');
    assert.ok(await s.exec("return document.querySelector('#dashboard-measures-overdue').classList.contains('is-alert')"));
    assert.equal(await s.exec("return document.querySelector('#dashboard-plans-active').dataset.count"), '1');
    assert.match(await textOf('#dashboard-overdue-measures li .badge'), /^已逾期/);
    await press('#dashboard-overdue-measures a');
    await waitFor('#plan-measures');
    await clean();
  });

  test('every prevention screen fits 1280×800 and 960×600 windows in both languages', async () => {
    const overflow = () => s.exec(`const doc = document.documentElement, view = document.getElementById('view');
      return Math.max(doc.scrollWidth - doc.clientWidth, view.scrollWidth - view.clientWidth);`);
    const screens = ['#/prevention', '#/prevention/analysis', '#/prevention/emergency', '#/prevention/plans/new'];
    for (const [width, height] of [[1280, 800], [960, 600]]) {
      await s.setWindowSize(width, height);
      for (const lang of ['zh-CN', 'en']) {
        for (const hash of [...screens, '#/prevention/plans/']) {
          const target = hash.endsWith('/') ? `${hash}${await s.exec('return window.__mock?.plans?.[0]?.id ?? 0')}` : hash;
          await s.go(`${page.url}/?${DEMO}&lang=${lang}${target}`);
          await s.waitFor("return document.querySelector('.page-title') !== null && !document.querySelector('.loading')");
          const px = await overflow();
          assert.ok(px <= 0, `${target} (${lang}, ${width}×${height}) overflows sideways by ${px}px`);
        }
        if (width === 960) await shot(`prevention-analysis-${lang}-960`);
      }
    }
    await s.setWindowSize(1280, 800);
    await clean();
  });
});
