// The drill runner. First the trainer picks the scenario, the trainee(s), the observer and
// who plays the customer; then a full-window view shows the persona card for the actor, the
// trainee's briefing, a timer (start/pause), and the rubric the observer scores live (each
// step 0–3 with a note), with a large-type mode for a room. Everything stays in this page
// until "Save drill": nothing needs a network. Leaving with a half-scored drill asks first,
// and the draft survives a language switch (it lives in this module, not in the page).

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { confirmDialog } from '../../lib/confirm.js';
import { setLeaveGuard } from '../../lib/leave-guard.js';
import { errorMessage, formErrorSlot } from '../../lib/form.js';
import { toast } from '../../lib/toast.js';
import { setError } from '../reports/reports-export.js';
import { MAX_STEP, STEPS, drillHasWork, formatDuration, pickBi, rubricTotal, trainingHash } from './training-format.js';
import { personaCard } from './training-scenarios.js';

let draft = null;

function elapsed(d) {
  return d.elapsed + (d.runningSince ? Math.floor((Date.now() - d.runningSince) / 1000) : 0);
}

function guard() {
  setLeaveGuard(async () => {
    const leave = !drillHasWork(draft && { ...draft, elapsed: elapsed(draft) })
      || await confirmDialog({ title: t('training.drill.leaveTitle'), message: t('training.drill.leaveBody'), confirmLabel: t('training.drill.leave'), danger: true });
    // Once left, the next drill starts from its own set-up, not from this one.
    if (leave) draft = null;
    return leave;
  });
}

/// Renders the runner; `params` may preselect `scenario` and `trainees` (comma-separated ids).
export async function renderDrill(container, ctx, params) {
  const [scenarios, staff] = await Promise.all([api.listDrillScenarios(), api.listStaff()]);
  const lang = getLanguage();
  if (draft?.stage === 'run' && scenarios.some((s) => s.id === draft.scenarioId)) return runner(container, ctx, scenarios, staff);
  const trainees = new Set(String(params.trainees ?? '').split(',').map(Number).filter(Boolean));
  const errorSlot = formErrorSlot();
  errorSlot.id = 'drill-setup-error';
  const pick = (name, labelKey, optional) => el('label', { class: 'field', htmlFor: `drill-${name}` },
    el('span', { class: 'field-label', i18n: labelKey }),
    el('select', { id: `drill-${name}`, name, class: 'input', value: name === 'observer' ? String(ctx.status?.currentStaffId ?? '') : '' },
      el('option', { value: '', i18n: optional ? 'training.drill.nobody' : 'training.drill.choose' }),
      staff.map((s) => el('option', { value: String(s.id) }, s.name))));
  const form = el('form', { id: 'drill-setup', class: ['card', 'drill-setup'], noValidate: true },
    el('h1', { class: 'page-title', i18n: 'training.drill.setupTitle' }),
    el('p', { class: 'page-intro', i18n: 'training.drill.setupIntro' }),
    el('label', { class: 'field', htmlFor: 'drill-scenario' }, el('span', { class: 'field-label', i18n: 'training.drill.scenario' }),
      el('select', { id: 'drill-scenario', name: 'scenario', class: 'input', value: String(params.scenario ?? '') },
        el('option', { value: '', i18n: 'training.drill.choose' }),
        scenarios.map((s) => el('option', { value: String(s.id) }, `${pickBi(lang, s.title)} · ${t(`customerType.${s.customerType}`)} · ${t(`industry.${s.industry}`)}`)))),
    el('fieldset', { class: 'field trainee-picker', id: 'drill-trainees' },
      el('legend', { class: 'field-label', i18n: 'training.drill.trainees' }),
      staff.length ? staff.map((s) => el('label', { class: 'checkbox', htmlFor: `drill-trainee-${s.id}` },
        el('input', { type: 'checkbox', id: `drill-trainee-${s.id}`, name: 'trainee', value: String(s.id), checked: trainees.has(s.id) }), el('span', null, s.name)))
        : el('p', { class: 'hint' }, el('a', { href: '#/staff' }, t('training.matrix.addStaff')))),
    el('div', { class: 'field-row' }, pick('observer', 'training.drill.observer', true), pick('actor', 'training.drill.actor', true)),
    errorSlot,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'drill-begin', class: ['button', 'button-primary'], i18n: 'training.drill.begin' }),
      el('a', { href: trainingHash('scenarios'), class: 'button', i18n: 'training.drill.toLibrary' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const scenarioId = Number(form.elements.scenario.value);
    const traineeIds = [...form.querySelectorAll('input[name=trainee]:checked')].map((box) => Number(box.value));
    if (!scenarioId) return setError(errorSlot, t('training.drill.needScenario'));
    if (!traineeIds.length) return setError(errorSlot, t('training.drill.needTrainee'));
    draft = {
      stage: 'run', scenarioId, traineeIds, observerId: Number(form.elements.observer.value) || null, actorId: Number(form.elements.actor.value) || null,
      scores: {}, notes: {}, comments: '', elapsed: 0, runningSince: null, large: false,
    };
    runner(container, ctx, scenarios, staff);
  });
  container.replaceChildren(form);
}

function runner(container, ctx, scenarios, staff) {
  const lang = getLanguage();
  const d = draft;
  const scenario = scenarios.find((s) => s.id === d.scenarioId);
  const nameOf = (id) => staff.find((s) => s.id === id)?.name ?? '—';
  document.getElementById('app-shell')?.classList.add('is-full-window');
  guard();
  const clock = el('span', { id: 'drill-clock', class: 'drill-clock', attrs: { role: 'timer', 'aria-live': 'off' } }, formatDuration(elapsed(d)));
  const timerButton = el('button', { type: 'button', id: 'drill-timer', class: ['button', 'button-primary'] });
  const totalNode = el('p', { id: 'drill-total', class: 'drill-total', attrs: { 'aria-live': 'polite' } });
  const refresh = () => {
    const sum = rubricTotal(d.scores);
    totalNode.textContent = t('training.drill.live', { total: sum.total, max: sum.max, percent: sum.percent, missing: sum.missing });
    timerButton.textContent = t(d.runningSince ? 'training.drill.pause' : (elapsed(d) ? 'training.drill.resume' : 'training.drill.startTimer'));
    clock.textContent = formatDuration(elapsed(d));
  };
  const ticker = setInterval(() => {
    if (!clock.isConnected) return clearInterval(ticker);
    clock.textContent = formatDuration(elapsed(d));
  }, 500);
  timerButton.addEventListener('click', () => {
    if (d.runningSince) {
      d.elapsed = elapsed(d);
      d.runningSince = null;
    } else {
      d.runningSince = Date.now();
    }
    refresh();
  });
  const rubric = el('fieldset', { id: 'drill-rubric', class: 'rubric' },
    el('legend', { class: 'card-title', i18n: 'training.drill.rubric' }),
    STEPS.map((step, index) => el('div', { class: 'rubric-step', dataset: { step } },
      el('span', { class: 'rubric-name' }, `${index + 1}. ${t(`training.step.${step}`)}`),
      el('span', { class: 'rubric-scores', attrs: { role: 'radiogroup', 'aria-label': t(`training.step.${step}`) } },
        Array.from({ length: MAX_STEP + 1 }, (_, score) => el('label', { class: 'score-choice', htmlFor: `score-${step}-${score}` },
          el('input', { type: 'radio', id: `score-${step}-${score}`, name: `score-${step}`, value: String(score), checked: d.scores[step] === score }),
          el('span', null, String(score))))),
      el('input', { type: 'text', class: ['input', 'rubric-note'], dataset: { note: step }, value: d.notes[step] ?? '', attrs: { maxlength: 500, 'aria-label': t('training.drill.noteFor', { step: t(`training.step.${step}`) }) }, i18nPlaceholder: 'training.drill.note' }))));
  rubric.addEventListener('change', (event) => {
    const radio = event.target.closest('input[type=radio]');
    if (radio) d.scores[radio.name.slice('score-'.length)] = Number(radio.value);
    refresh();
  });
  rubric.addEventListener('input', (event) => {
    if (event.target.dataset.note) d.notes[event.target.dataset.note] = event.target.value;
  });
  const comments = el('textarea', { id: 'drill-comments', class: 'input', rows: 3, value: d.comments });
  comments.addEventListener('input', () => { d.comments = comments.value; });
  const errorSlot = formErrorSlot();
  errorSlot.id = 'drill-error';
  const save = el('button', { type: 'button', id: 'drill-save', class: ['button', 'button-primary'], i18n: 'training.drill.save' });
  const large = el('button', { type: 'button', id: 'drill-large', class: 'button', attrs: { 'aria-pressed': String(d.large) }, i18n: 'training.drill.large' });
  const view = el('div', { id: 'drill-runner', class: ['drill-runner', d.large && 'is-large'] },
    el('header', { class: 'drill-bar' },
      el('h1', { id: 'drill-title', class: 'drill-title' }, pickBi(lang, scenario.title)),
      el('span', { class: 'drill-people' }, t('training.drill.who', { trainees: d.traineeIds.map(nameOf).join(', '), observer: nameOf(d.observerId) })),
      clock, timerButton, large,
      el('a', { href: trainingHash('scenarios'), id: 'drill-exit', class: 'button', i18n: 'training.drill.exit' })),
    el('div', { class: 'drill-columns' },
      el('section', { class: ['card', 'drill-persona'], attrs: { 'aria-labelledby': 'drill-persona-title' } },
        el('h2', { id: 'drill-persona-title', class: 'card-title' }, t('training.drill.personaFor', { name: d.actorId ? nameOf(d.actorId) : t('training.drill.theActor') })),
        personaCard(scenario, lang, 'drill-persona'),
        el('details', { class: 'drill-briefing' }, el('summary', { i18n: 'training.persona.briefing' }), el('p', null, pickBi(lang, scenario.briefing)))),
      el('section', { class: ['card', 'drill-scoring'] }, rubric, totalNode,
        el('label', { class: 'field', htmlFor: 'drill-comments' }, el('span', { class: 'field-label', i18n: 'training.drill.comments' }), comments),
        errorSlot,
        el('div', { class: 'form-actions' }, save))));
  large.addEventListener('click', () => {
    d.large = !d.large;
    view.classList.toggle('is-large', d.large);
    large.setAttribute('aria-pressed', String(d.large));
  });
  save.addEventListener('click', async () => {
    setError(errorSlot, '');
    const missing = STEPS.filter((step) => d.scores[step] == null);
    if (missing.length) {
      setError(errorSlot, t('training.drill.missing', { steps: missing.map((s) => t(`training.step.${s}`)).join(', ') }));
      return;
    }
    save.disabled = true;
    try {
      const saved = await api.saveDrill({
        scenarioId: d.scenarioId, traineeIds: d.traineeIds, observerId: d.observerId, actorId: d.actorId, durationSeconds: elapsed(d),
        scores: STEPS.map((step) => ({ step, score: d.scores[step], note: (d.notes[step] ?? '').trim() || null })), comments: d.comments.trim() || null,
      });
      draft = null;
      setLeaveGuard(null);
      toast(t('training.drill.saved'), 'success');
      done(container, saved, d, nameOf);
    } catch (err) {
      save.disabled = false;
      setError(errorSlot, errorMessage(err));
    }
  });
  refresh();
  container.replaceChildren(view);
}

function done(container, saved, d, nameOf) {
  container.replaceChildren(el('section', { id: 'drill-done', class: ['card', 'drill-done'] },
    el('h1', { class: 'page-title', i18n: 'training.drill.doneTitle' }),
    el('p', { id: 'drill-done-total', class: 'drill-total' }, t('training.drill.totalOf', { total: saved.total, max: saved.maxTotal })),
    el('ul', null, d.traineeIds.map((id) => el('li', null, el('a', { href: trainingHash('person', {}, id) }, t('training.drill.historyOf', { name: nameOf(id) }))))),
    el('div', { class: 'form-actions' },
      el('a', { href: trainingHash('progress'), class: 'button', i18n: 'training.tab.progress' }),
      el('a', { href: trainingHash('drill', { scenario: d.scenarioId }), id: 'drill-again', class: ['button', 'button-primary'], i18n: 'training.drill.again' }))));
}
