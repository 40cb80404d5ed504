// A person's training page: each assigned module's checklist (tick items, pick the day and
// the trainer, sign them off), assigning another module, the full sign-off history (with the
// texts as signed; withdrawn lines marked, with why), their drills with a chart of totals and their per-step averages.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDate, formatDateTime, todayIso } from '../../lib/format.js';
import { barChart, lineChart } from '../../lib/charts.js';
import { errorMessage, formErrorSlot } from '../../lib/form.js';
import { toast, toastError } from '../../lib/toast.js';
import { setError } from '../reports/reports-export.js';
import { moduleTitle, pick, pickBi, percentText, trainingHash } from './training-format.js';
import { cellNode } from './training-matrix.js';
import { askWithdrawal, withdrawnNote } from './training-withdraw.js';

function staffOptions(staff, selected) {
  return staff.map((s) => el('option', { value: String(s.id), selected: s.id === selected }, s.name));
}

/// Module states in which signed items are due to be signed again.
const REFRESH_DUE = ['due_soon', 'overdue'];

function moduleCard(module, lang) {
  const cell = el('table', { class: 'inline-cell' }, el('tbody', null, el('tr', null, cellNode(module.cell, lang))));
  return el('section', { class: ['card', 'person-module'], dataset: { moduleId: String(module.id) } },
    el('div', { class: 'card-heading' },
      el('h3', { class: 'card-title' }, moduleTitle(lang, module)),
      cell),
    module.refresherMonths ? el('p', { class: 'hint' }, t('training.person.refresher', { n: module.refresherMonths })) : null,
    el('ul', { class: 'checklist' }, module.items.map((item) => {
      const id = `signoff-item-${item.id}`;
      // Signed shows ticked; only a refresher falling due opens the item to sign again.
      const done = Boolean(item.signedOn) && !REFRESH_DUE.includes(module.cell.status);
      return el('li', { class: ['checklist-item', item.signedOn && 'is-signed'] },
        el('label', { class: 'checkbox', htmlFor: id },
          el('input', { type: 'checkbox', id, name: 'item', value: String(item.id), checked: done, disabled: done }),
          el('span', null, pick(lang, item.textEn, item.textZh))),
        item.signedOn ? el('span', { class: ['hint', 'signed-by'] },
          t('training.person.signedBy', { date: formatDate(item.signedOn, lang), name: item.trainerName || t('timeline.nobody') })) : null);
    })));
}

// One line of the history; a withdrawn one is struck through and says so, with when, by whom
// and why, and cannot be withdrawn again.
// A drill on the score line: the day it was held in the branch's zone as the axis tick, the
// day, scenario and score as its tooltip.
function drillPoint(drill, lang, tz) {
  const day = todayIso(tz, new Date(drill.heldAt));
  const [, month, date] = day.split('-');
  const value = Math.round((drill.total * 100) / Math.max(1, drill.maxTotal));
  return {
    key: drill.id, value, tick: `${Number(month)}/${Number(date)}`,
    label: t('training.person.drillPoint', { day: formatDate(day, lang), scenario: pickBi(lang, drill.scenarioTitle), percent: value }),
  };
}

function historyRow(row, lang, tz) {
  const gone = row.withdrawn;
  return el('tr', { class: gone && 'is-withdrawn', dataset: { signoffId: String(row.id) } },
    el('td', { class: 'history-day' }, el('span', { class: 'struck' }, formatDate(row.signedOn, lang))),
    el('td', null, el('span', { class: 'struck' }, pick(lang, row.moduleEn, row.moduleZh)), row.version > 1 ? el('span', { class: 'hint' }, ` v${row.version}`) : null),
    el('td', null, el('span', { class: 'struck' }, pick(lang, row.itemEn, row.itemZh)), gone ? withdrawnNote(gone, lang, tz) : null),
    el('td', null, el('span', { class: 'struck' }, row.trainerName || '—')),
    el('td', { class: 'no-print' }, gone ? null
      : el('button', { type: 'button', class: ['button', 'button-small', 'withdraw'], dataset: { signoffId: String(row.id) }, i18n: 'training.person.withdraw' })));
}

/// Renders the page of the person `route.id`.
export async function renderPerson(body, ctx, route) {
  const lang = getLanguage();
  const tz = ctx.status?.branch?.timezone;
  const [person, staff, modules] = await Promise.all([api.trainingPerson(route.id), api.listStaff(), api.listTrainingModules()]);
  const draw = (data) => {
    const { staff: who } = data;
    const errorSlot = formErrorSlot();
    errorSlot.id = 'signoff-error';
    const form = el('form', { id: 'signoff-form', class: 'signoff-form', noValidate: true },
      data.modules.length ? el('div', { class: ['signoff-bar', 'card', 'no-print'] },
        el('label', { class: 'field', htmlFor: 'signoff-date' }, el('span', { class: 'field-label', i18n: 'training.person.signedOn' }),
          el('input', { type: 'date', id: 'signoff-date', name: 'signedOn', class: 'input', value: todayIso(tz), attrs: { max: todayIso(tz) } })),
        el('label', { class: 'field', htmlFor: 'signoff-trainer' }, el('span', { class: 'field-label', i18n: 'training.person.trainer' }),
          el('select', { id: 'signoff-trainer', name: 'trainerId', class: 'input', value: String(ctx.status?.currentStaffId ?? '') },
            el('option', { value: '', disabled: true, i18n: 'training.person.pickTrainer' }), staffOptions(staff))),
        el('button', { type: 'submit', id: 'signoff-submit', class: ['button', 'button-primary'], i18n: 'training.person.signOff' }),
        errorSlot) : el('p', { id: 'person-no-modules', class: 'note', i18n: 'training.person.noModules' }),
      data.modules.map((module) => moduleCard(module, lang)));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      setError(errorSlot, '');
      const itemIds = [...form.querySelectorAll('input[name=item]:checked:not(:disabled)')].map((box) => Number(box.value));
      if (!itemIds.length) return setError(errorSlot, t('training.person.tickFirst'));
      try {
        const next = await api.signOffTraining({ staffId: who.id, itemIds, signedOn: form.elements.signedOn.value, trainerId: form.elements.trainerId.value });
        toast(t('training.person.signedOff', { n: itemIds.length }), 'success');
        draw(next);
      } catch (err) {
        setError(errorSlot, errorMessage(err));
      }
    });

    const unassigned = modules.filter((m) => !data.modules.some((pm) => pm.id === m.id && pm.cell.status !== 'not_assigned'));
    const assign = unassigned.length ? el('form', { id: 'person-assign', class: ['inline-form', 'no-print'] },
      el('label', { htmlFor: 'person-assign-module', i18n: 'training.person.assign' }),
      el('select', { id: 'person-assign-module', name: 'moduleId', class: ['input', 'input-compact'] },
        unassigned.map((m) => el('option', { value: String(m.id) }, moduleTitle(lang, m)))),
      el('button', { type: 'submit', class: ['button', 'button-small'], i18n: 'training.person.assignButton' })) : null;
    assign?.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.assignTrainingModule(Number(assign.elements.moduleId.value), { staffId: who.id });
        draw(await api.trainingPerson(who.id));
      } catch (err) {
        toastError(err);
      }
    });

    const history = el('section', { id: 'person-history', class: 'card' },
      el('h2', { class: 'card-title', i18n: 'training.person.history' }),
      data.history.length ? el('table', { class: 'table' },
        el('thead', null, el('tr', null, ['date', 'module', 'item', 'trainer'].map((c) => el('th', { scope: 'col', i18n: `training.person.column.${c}` })), el('th', null))),
        el('tbody', null, data.history.map((row) => historyRow(row, lang, tz))))
        : el('p', { class: 'hint', i18n: 'training.person.noHistory' }));
    history.addEventListener('click', async (event) => {
      const button = event.target.closest('button.withdraw');
      if (!button) return;
      const row = data.history.find((h) => h.id === Number(button.dataset.signoffId));
      const next = await askWithdrawal('signOff', pick(lang, row.itemEn, row.itemZh), (reason) => api.withdrawTrainingSignOff(row.id, reason));
      if (!next) return;
      toast(t('training.withdraw.signOffDone'), 'success');
      draw(next);
    });

    const drills = el('section', { id: 'person-drills', class: 'card' },
      el('h2', { class: 'card-title', i18n: 'training.person.drills' }),
      data.drills.length ? [
        lineChart({
          id: 'person-drill-chart', title: t('training.person.drillChart'), desc: t('training.person.drillChartDesc'), lang,
          valueHeading: t('training.person.scorePercent'),
          points: [...data.drills].reverse().map((d) => drillPoint(d, lang, tz)),
        }),
        el('ul', { class: 'drill-list' }, data.drills.map((d) => el('li', { dataset: { drillId: String(d.id) } },
          el('span', { class: 'drill-when' }, formatDateTime(d.heldAt, lang, tz)),
          el('span', { class: 'drill-title' }, pickBi(lang, d.scenarioTitle)),
          el('strong', { class: 'drill-total' }, t('training.drill.totalOf', { total: d.total, max: d.maxTotal }))))),
        el('h3', { class: 'card-subtitle', i18n: 'training.person.stepAverages' }),
        barChart({
          id: 'person-step-chart', title: t('training.person.stepAverages'), desc: t('training.person.stepChartDesc'), lang,
          valueHeading: t('training.progress.average'),
          rows: data.stepAverages.filter((s) => s.average != null).map((s) => ({ key: s.step, label: t(`training.step.${s.step}`), value: s.average })),
        }),
      ] : el('p', { class: 'hint' }, t('training.person.noDrills'), ' ',
        el('a', { href: trainingHash('drill', { trainees: who.id }) }, t('training.person.runDrill'))));

    body.replaceChildren(
      el('div', { class: 'person-header' },
        el('a', { href: trainingHash('matrix'), class: ['back-link', 'no-print'], i18n: 'training.person.back' }),
        el('h2', { id: 'person-name', class: 'person-name' }, who.name),
        el('p', { class: 'muted' }, [who.position, who.department].filter(Boolean).join(' · ')),
        el('p', { id: 'person-percent', class: 'person-percent' }, t('training.person.completion', { percent: percentText(data.percent) ?? '—' })),
        el('a', { href: trainingHash('drill', { trainees: who.id }), id: 'person-run-drill', class: ['button', 'no-print'], i18n: 'training.person.runDrill' })),
      ...[assign, form, history, drills].filter(Boolean));
  };
  draw(person);
}
