// The team's progress: the rubric steps it scores lowest this quarter, drills held per month
// over the last year, and the latest drills.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { barChart } from '../../lib/charts.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { formatMonth, parseMonth } from '../../lib/months.js';
import { emptyState, linkButton } from '../../lib/states.js';
import { pickBi, trainingHash } from './training-format.js';

/// Renders the progress page.
export async function renderProgress(body, ctx) {
  const lang = getLanguage();
  const tz = ctx.status?.branch?.timezone;
  const progress = await api.trainingProgress();
  const weakest = el('section', { id: 'progress-weakest', class: 'card' },
    el('h2', { class: 'card-title' }, t('training.progress.weakest', { date: formatDate(progress.quarterStart, lang) })),
    progress.weakestSteps.length ? [
      el('ol', { id: 'weakest-list', class: 'weakest-list' }, progress.weakestSteps.slice(0, 3).map((s) => el('li', { dataset: { step: s.step } },
        el('strong', null, t(`training.step.${s.step}`)), ' ',
        el('span', { class: 'muted' }, t('training.progress.averageOf', { average: s.average.toFixed(2), count: s.count }))))),
      barChart({
        id: 'progress-steps', title: t('training.progress.stepsChart'), desc: t('training.progress.stepsChartDesc'), lang,
        valueHeading: t('training.progress.average'),
        rows: progress.weakestSteps.map((s) => ({ key: s.step, label: t(`training.step.${s.step}`), value: s.average })),
      }),
    ] : el('p', { class: 'hint', i18n: 'training.progress.noQuarter' }));
  const perMonth = el('section', { id: 'progress-months', class: 'card' },
    el('h2', { class: 'card-title', i18n: 'training.progress.perMonth' }),
    barChart({
      id: 'progress-month-chart', title: t('training.progress.perMonth'), desc: t('training.progress.perMonthDesc'), lang,
      valueHeading: t('training.progress.drills'),
      rows: progress.drillsPerMonth.map((m) => ({ key: m.month, label: formatMonth(parseMonth(m.month), lang), value: m.count })),
    }));
  const recent = el('section', { id: 'progress-recent', class: 'card' },
    el('h2', { class: 'card-title', i18n: 'training.progress.recent' }),
    el('table', { class: 'table' },
      el('thead', null, el('tr', null, ['when', 'scenario', 'trainees', 'total'].map((c) => el('th', { scope: 'col', i18n: `training.progress.column.${c}` })))),
      el('tbody', null, progress.recent.map((d) => el('tr', { dataset: { drillId: String(d.id) } },
        el('td', null, formatDateTime(d.heldAt, lang, tz)),
        el('td', null, pickBi(lang, d.scenarioTitle)),
        el('td', null, d.traineeNames.join(', ')),
        el('td', null, t('training.drill.totalOf', { total: d.total, max: d.maxTotal })))))));
  if (!progress.recent.length) {
    body.replaceChildren(emptyState({
      id: 'progress-empty', titleKey: 'training.progress.none.title', bodyKeys: ['training.progress.none.body'],
      actions: [linkButton(trainingHash('drill'), 'training.drill.start', true), linkButton(trainingHash('scenarios'), 'training.drill.toLibrary')],
    }));
    return;
  }
  body.replaceChildren(weakest, perMonth, recent);
}
