// A plan's effect: complaints in its target per 30 days in the 90 days before the start and
// since the start (to today, or to the review date once it has passed), against the goal, in
// words and as a chart of 30-day blocks with the goal drawn as a line. What the numbers cannot
// say (no record before the start, no complaint in the target, a start still ahead) is said.

import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { svg, frame, round, yAxis, dataTable, niceTicks, scaleLinear, bands } from '../../lib/charts.js';
import { effectVerdict, rateText } from './prevention-format.js';

/// The effect card of a plan page.
export function buildEffect(page) {
  const { plan, effect } = page.detail;
  const lang = getLanguage();
  const verdict = effectVerdict(effect, plan.goalPercent, lang);
  const windowLine = (id, labelKey, window) => el('div', { id, class: 'effect-line' },
    el('dt', { i18n: labelKey }),
    el('dd', null, window ? t('prevention.effect.window', {
      rate: rateText(window.per30Days, lang), count: formatNumber(window.count, lang), days: formatNumber(window.days, lang),
      from: formatDate(window.from, lang), to: formatDate(window.to, lang),
    }) : t('common.none')));
  return el('section', { id: 'plan-effect', class: ['card', 'plan-effect'], attrs: { 'aria-labelledby': 'plan-effect-title' } },
    el('h2', { id: 'plan-effect-title', class: 'card-title', i18n: 'prevention.effect.title' }),
    el('p', { id: 'plan-effect-verdict', class: ['effect-verdict', `effect-${effect.state}`, effect.goalMet === true && 'is-met', effect.goalMet === false && 'is-missed'], dataset: { state: effect.state } },
      t(verdict.key, verdict.values)),
    el('dl', { class: ['facts', 'effect-facts'] },
      windowLine('plan-effect-before', 'prevention.effect.before', effect.before),
      windowLine('plan-effect-since', 'prevention.effect.since', effect.since),
      el('div', { id: 'plan-effect-goal', class: 'effect-line' },
        el('dt', { i18n: 'prevention.effect.goal' }),
        el('dd', null, effect.goalPer30Days == null ? t('common.none') : t('prevention.effect.goalRate', {
          rate: rateText(effect.goalPer30Days, lang), percent: formatNumber(plan.goalPercent, lang),
        })))),
    effect.blocks.length ? effectChart(effect, lang) : null,
    el('p', { class: 'hint', i18n: 'prevention.effect.how' }));
}

/// Bars per 30-day block (before the start in grey, since in colour), the goal as a dashed line.
export function effectChart(effect, lang, width = 560) {
  const m = { top: 12, right: 12, bottom: 40, left: 40 };
  const height = 200;
  const blocks = effect.blocks;
  const max = Math.max(1, effect.goalPer30Days ?? 0, ...blocks.map((b) => b.per30Days));
  const { top, ticks } = niceTicks(max, 4, { integer: false });
  const y = scaleLinear([0, top], [height - m.bottom, m.top]);
  const { slot, width: bar, start } = bands(blocks.length, width - m.left - m.right, 0.25);
  const title = t('prevention.effect.chartTitle');
  const root = frame('plan-effect-chart', width, height, title, t('prevention.effect.chartDesc'), 'effect-svg');
  root.append(yAxis(ticks, y, m.left, width - m.right, lang));
  root.append(svg('g', { class: 'effect-bars' }, blocks.map((block, index) => {
    const x = m.left + start(index);
    const label = t('prevention.effect.blockLabel', {
      from: formatDate(block.from, lang), to: formatDate(block.to, lang),
      rate: rateText(block.per30Days, lang), count: formatNumber(block.count, lang),
    });
    return svg('g', { class: ['chart-item', block.afterStart ? 'effect-after' : 'effect-before'] },
      svg('title', {}, label),
      svg('rect', { x: round(x), y: round(y(block.per30Days)), width: round(bar), height: round(Math.max(0, y(0) - y(block.per30Days))), rx: 2, class: ['chart-bar', block.afterStart ? 'effect-bar-after' : 'effect-bar-before'] }),
      svg('text', { x: round(x + bar / 2), y: height - m.bottom + 16, 'text-anchor': 'middle', class: 'chart-tick' }, shortDate(block.from, lang)));
  })));
  if (effect.goalPer30Days != null) {
    const at = round(y(effect.goalPer30Days));
    root.append(svg('g', { class: 'effect-goal' },
      svg('line', { x1: m.left, x2: width - m.right, y1: at, y2: at, class: 'effect-goal-line' }),
      svg('text', { x: width - m.right, y: at - 4, 'text-anchor': 'end', class: 'chart-value' }, t('prevention.effect.goalShort'))));
  }
  const startIndex = blocks.findIndex((b) => b.afterStart);
  if (startIndex > 0) {
    const x = round(m.left + startIndex * slot);
    root.append(svg('g', { class: 'effect-start' },
      svg('line', { x1: x, x2: x, y1: m.top, y2: height - m.bottom, class: 'effect-start-line' }),
      svg('text', { x: x + 4, y: height - 6, class: 'chart-tick' }, t('prevention.effect.startShort'))));
  }
  return el('figure', { id: 'plan-effect-chart', class: ['chart', 'effect-chart'] },
    root,
    el('ul', { class: 'chart-legend' },
      el('li', null, el('span', { class: ['chart-swatch', 'effect-bar-before'] }), el('span', { i18n: 'prevention.effect.legendBefore' })),
      el('li', null, el('span', { class: ['chart-swatch', 'effect-bar-after'] }), el('span', { i18n: 'prevention.effect.legendAfter' })),
      effect.goalPer30Days != null ? el('li', null, el('span', { class: ['chart-swatch', 'effect-swatch-goal'] }), el('span', { i18n: 'prevention.effect.goalShort' })) : null),
    dataTable(title, [t('prevention.effect.columnBlock'), t('prevention.effect.columnRate')],
      blocks.map((block) => [`${formatDate(block.from, lang)} – ${formatDate(block.to, lang)}`, rateText(block.per30Days, lang)])));
}

function shortDate(iso, lang) {
  const [, month, day] = String(iso).split('-').map(Number);
  return t('prevention.effect.shortDate', { month: formatNumber(month, lang), day: formatNumber(day, lang) });
}
