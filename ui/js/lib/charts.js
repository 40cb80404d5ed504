// Small SVG charts: a 12-month trend (received vs closed, grouped bars), a horizontal bar
// chart (counts by category) and a line of scores over time. Built with createElementNS only; every text is a text node or an
// attribute value, never markup. Each chart is a <figure> holding the SVG (with <title> and
// <desc>), an HTML legend, and a visually hidden table with the same numbers for screen readers.
// Bars that lead somewhere are SVG links with their own accessible names; a transparent
// rectangle on top of each makes the whole column or row the click target. Colours come from
// css/reports.css (classes only: the CSP allows no style attributes).
// The helpers at the top are pure and unit-tested; nothing touches the DOM at load time.

import { t, translate } from '../i18n/index.js';
import { el } from './dom.js';
import { formatNumber } from './format.js';

// The SVG namespace name (an identifier, not a resource that is ever fetched).
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---------- Pure helpers ----------

/// A "nice" step (1, 2 or 5 × a power of ten) at least `rough`; counts never step below 1.
export function niceStep(rough, { integer = true } = {}) {
  const value = Math.max(Number(rough) || 0, integer ? 1 : Number.EPSILON);
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= value - 1e-12);
  return integer ? Math.max(1, Math.round(step)) : step;
}

/// Axis ticks from 0 to a nice top at or above `max`, about `target` intervals:
/// `{top, step, ticks}`. An empty series (max 0) still gets an axis of 0–1.
export function niceTicks(max, target = 4, options = {}) {
  const high = Math.max(0, Number(max) || 0);
  if (high === 0) return { top: 1, step: 1, ticks: [0, 1] };
  const step = niceStep(high / Math.max(1, target), options);
  const top = Math.ceil(high / step - 1e-9) * step;
  const ticks = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(Number(value.toPrecision(12)));
  return { top, step, ticks };
}

/// Maps the domain [d0, d1] linearly onto the range [r0, r1].
export function scaleLinear([d0, d1], [r0, r1]) {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/// `count` equal bands across `size`: each slot's start and the width left after padding.
export function bands(count, size, padding = 0.2) {
  const slot = count > 0 ? size / count : size;
  const inner = slot * (1 - padding);
  return { slot, width: inner, start: (index) => index * slot + (slot - inner) / 2 };
}

/// Axis labels for a run of months: the short month name, plus the year under the first
/// month and under every January, so a 12-month axis reads "4月 … 12月 1月 … 3月".
export function monthAxisLabels(months, lang) {
  return months.map((m, index) => ({
    month: translate(lang, `format.month.${m.month}`),
    year: index === 0 || m.month === 1 ? String(m.year) : null,
  }));
}

/// How wide a text is in "half-width units": CJK and full-width characters count 2.
export function textUnits(text) {
  let units = 0;
  for (const char of String(text ?? '')) units += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(char) ? 2 : 1;
  return units;
}

/// `text` cut to at most `max` units with an ellipsis; the full text goes in a tooltip.
export function truncateLabel(text, max) {
  const value = String(text ?? '');
  if (textUnits(value) <= max) return value;
  let out = '';
  for (const char of value) {
    if (textUnits(out + char) > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

// ---------- SVG building ----------

/// An SVG element with attributes (no style or handlers: the CSP forbids them) and children.
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name === 'style' || name.startsWith('on')) throw new Error(`svg(): ${name} is not allowed (CSP)`);
    if (name === 'class') node.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

/// Where each of `count` points sits across `width`: evenly spaced with the first and last
/// at the edges; a single point in the middle.
export function spread(count, width) {
  if (count === 1) return [width / 2];
  return Array.from({ length: count }, (_, index) => (index * width) / (count - 1));
}

/// Which of `count` axis labels to print so that at most `room` show, evenly picked and always
/// the first and the last.
export function labelIndexes(count, room) {
  if (count <= room) return Array.from({ length: count }, (_, index) => index);
  const every = Math.ceil((count - 1) / Math.max(1, room - 1));
  const picked = [];
  for (let index = 0; index < count - 1; index += every) picked.push(index);
  // The last label replaces a second-to-last one that would crowd it.
  if (count - 1 - picked[picked.length - 1] < every / 2) picked.pop();
  return [...picked, count - 1];
}

/// Rounds a coordinate to a tenth of a pixel.
export const round = (value) => Math.round(value * 10) / 10;

/// The outer <svg> with its accessible name and description.
export function frame(id, width, height, title, desc, className) {
  return svg('svg', {
    // Drawn 1:1 where there is room, shrunk to fit where there is not (css: max-width 100%).
    id: `${id}-svg`, class: ['chart-svg', className], viewBox: `0 0 ${width} ${height}`, width, height,
    role: 'group', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, focusable: 'false',
  },
  svg('title', { id: `${id}-title` }, title),
  svg('desc', { id: `${id}-desc` }, desc));
}

// A bar (or group of bars) that opens a filtered list. Without an href it is a plain group.
function target(href, label, ...children) {
  if (!href) return svg('g', { class: 'chart-item' }, svg('title', {}, label), ...children);
  return svg('a', { href, class: 'chart-item chart-link', 'aria-label': label }, svg('title', {}, label), ...children);
}

/// Horizontal grid lines with their tick values on the left.
export function yAxis(ticks, y, left, right, lang) {
  return svg('g', { class: 'chart-grid', 'aria-hidden': 'true' }, ticks.map((value) => {
    const at = round(y(value));
    return [
      svg('line', { x1: left, x2: right, y1: at, y2: at, class: value === 0 ? 'chart-baseline' : 'chart-gridline' }),
      svg('text', { x: left - 6, y: at + 4, 'text-anchor': 'end', class: 'chart-tick' }, formatNumber(value, lang)),
    ];
  }));
}

/// A visually hidden table with a chart's numbers, for screen readers.
export function dataTable(caption, headers, rows) {
  return el('table', { class: 'visually-hidden chart-table' },
    el('caption', null, caption),
    el('thead', null, el('tr', null, headers.map((text) => el('th', { scope: 'col' }, text)))),
    el('tbody', null, rows.map(([head, ...cells]) => el('tr', null, el('th', { scope: 'row' }, head), cells.map((text) => el('td', null, text))))));
}

/// The 12-month trend (`width` in pixels at full size): for each point `{month: {year, month}, received, closed, href, closedHref, label}`
/// two bars side by side. `label` is the month written out ("2024年3月"); `href` opens that
/// month's cases, or with `closedHref` only the received bar does and the closed bar opens
/// `closedHref`. Returns a <figure>.
export function trendChart({ id, title, desc, points, lang, width = 560 }) {
  const height = 230;
  const m = { top: 14, right: 8, bottom: 42, left: 40 };
  const plotWidth = width - m.left - m.right;
  const plotBottom = height - m.bottom;
  const { top, ticks } = niceTicks(Math.max(0, ...points.map((p) => Math.max(p.received, p.closed))));
  const y = scaleLinear([0, top], [plotBottom, m.top]);
  const layout = bands(points.length, plotWidth, 0.28);
  const bar = layout.width / 2;
  const axis = monthAxisLabels(points.map((p) => p.month), lang);
  const names = { received: t('charts.series.received'), closed: t('charts.series.closed') };

  const root = frame(id, width, height, title, desc, 'chart-trend-svg');
  root.append(yAxis(ticks, y, m.left, width - m.right, lang));
  root.append(svg('g', { class: 'chart-bars' }, points.map((point, index) => {
    const x = m.left + layout.start(index);
    const label = t('charts.trend.point', {
      month: point.label, received: formatNumber(point.received, lang), closed: formatNumber(point.closed, lang),
    });
    const column = (value, offset, series) => {
      const yTop = y(value);
      return svg('rect', {
        x: round(x + offset), y: round(yTop), width: round(bar), height: round(Math.max(0, plotBottom - yTop)),
        class: ['chart-bar', `chart-bar-${series}`],
      });
    };
    const area = { x: round(m.left + index * layout.slot), y: m.top, width: round(layout.slot), height: plotBottom - m.top };
    if (!point.closedHref) {
      return target(point.href, label,
        svg('rect', { ...area, class: 'chart-hover' }),
        column(point.received, 0, 'received'),
        column(point.closed, bar, 'closed'),
        svg('rect', { ...area, class: 'chart-hit' }));
    }
    // Each bar opens its own cases: the received ones, and the closed ones of that month.
    const half = (offset, width) => ({ ...area, x: round(area.x + offset), width: round(width) });
    const split = x + bar - area.x;
    const series = (name, value, offset, href, zone) => target(href,
      t(`charts.trend.${name}`, { month: point.label, count: formatNumber(value, lang) }),
      svg('rect', { ...zone, class: 'chart-hover' }),
      column(value, offset, name),
      svg('rect', { ...zone, class: 'chart-hit' }));
    return svg('g', { class: 'chart-month', role: 'group', 'aria-label': label },
      series('received', point.received, 0, point.href, half(0, split)),
      series('closed', point.closed, bar, point.closedHref, half(split, area.width - split)));
  })));
  root.append(svg('g', { class: 'chart-axis', 'aria-hidden': 'true' }, axis.map((tick, index) => {
    const cx = round(m.left + index * layout.slot + layout.slot / 2);
    return [
      svg('text', { x: cx, y: plotBottom + 16, 'text-anchor': 'middle', class: 'chart-tick' }, tick.month),
      tick.year ? svg('text', { x: cx, y: plotBottom + 32, 'text-anchor': 'middle', class: 'chart-tick chart-year' }, tick.year) : null,
    ];
  })));
  root.querySelectorAll('.chart-bars > *').forEach((item, index) => {
    const links = item.matches('a.chart-link') ? [item] : [...item.querySelectorAll('a.chart-link')];
    for (const link of links) {
      link.dataset.month = monthKeyOf(points[index].month);
      if (links.length > 1) link.dataset.series = link.querySelector('.chart-bar-closed') ? 'closed' : 'received';
    }
  });

  return el('figure', { id, class: ['chart', 'chart-trend'] },
    root,
    el('ul', { class: 'chart-legend', attrs: { 'aria-hidden': 'true' } },
      ['received', 'closed'].map((series) => el('li', null, el('span', { class: ['chart-swatch', `chart-swatch-${series}`] }), names[series]))),
    dataTable(title, [t('charts.column.month'), names.received, names.closed],
      points.map((p) => [p.label, formatNumber(p.received, lang), formatNumber(p.closed, lang)])));
}

function monthKeyOf({ year, month }) {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/// Horizontal bars, largest first: rows `{label, value, href, key}`. Long labels are cut with
/// an ellipsis (the full text is the bar's tooltip and in the hidden table). Returns a <figure>.
export function barChart({ id, title, desc, rows, lang, valueHeading, width = 400 }) {
  const rowHeight = 28;
  const m = { top: 6, right: 44, bottom: 6, left: Math.round(width * 0.36) };
  const labelUnits = Math.floor((m.left - 14) / 6.5);
  const height = m.top + m.bottom + Math.max(1, rows.length) * rowHeight;
  const max = Math.max(1, ...rows.map((row) => row.value));
  const x = scaleLinear([0, max], [0, width - m.left - m.right]);

  const root = frame(id, width, height, title, desc, 'chart-bar-svg');
  root.append(svg('g', { class: 'chart-bars' }, rows.map((row, index) => {
    const top = m.top + index * rowHeight;
    const label = t('charts.bar.point', { name: row.label, count: formatNumber(row.value, lang) });
    const area = { x: 0, y: top, width, height: rowHeight };
    const item = target(row.href, label,
      svg('rect', { ...area, class: 'chart-hover' }),
      svg('text', { x: m.left - 10, y: top + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'chart-label' }, truncateLabel(row.label, labelUnits)),
      svg('rect', { x: m.left, y: top + 5, width: round(Math.max(row.value > 0 ? 2 : 0, x(row.value))), height: rowHeight - 10, rx: 2, class: 'chart-bar chart-bar-count' }),
      svg('text', { x: round(m.left + x(row.value) + 6), y: top + rowHeight / 2 + 4, class: 'chart-value' }, formatNumber(row.value, lang)),
      svg('rect', { ...area, class: 'chart-hit' }));
    if (row.key != null) item.dataset.key = String(row.key);
    return item;
  })));

  return el('figure', { id, class: ['chart', 'chart-bars-h'] },
    root,
    dataTable(title, [t('charts.column.name'), valueHeading], rows.map((row) => [row.label, formatNumber(row.value, lang)])));
}

/// A line of values over time, oldest first: points `{key, label, tick, value}`, each a dot
/// whose tooltip (and hidden-table row) is `label`, with `tick` its short axis text. Values run
/// from 0 to `max` (a percentage by default). Returns a <figure>.
export function lineChart({ id, title, desc, points, lang, valueHeading, max = 100, width = 480 }) {
  const height = 200;
  const m = { top: 12, right: 16, bottom: 28, left: 40 };
  const plotBottom = height - m.bottom;
  const { top, ticks } = niceTicks(max);
  const y = scaleLinear([0, top], [plotBottom, m.top]);
  const xs = spread(points.length, width - m.left - m.right).map((x) => round(m.left + x));
  const at = points.map((point, index) => [xs[index], round(y(point.value))]);

  const root = frame(id, width, height, title, desc, 'chart-line-svg');
  root.append(yAxis(ticks, y, m.left, width - m.right, lang));
  if (points.length > 1) {
    root.append(svg('polyline', { points: at.map(([x, yAt]) => `${x},${yAt}`).join(' '), class: 'chart-line' }));
  }
  root.append(svg('g', { class: 'chart-dots' }, points.map((point, index) => {
    const item = target(null, point.label, svg('circle', { cx: at[index][0], cy: at[index][1], r: 4, class: 'chart-dot' }));
    item.dataset.key = String(point.key);
    return item;
  })));
  root.append(svg('g', { class: 'chart-axis', 'aria-hidden': 'true' }, labelIndexes(points.length, 6).map((index) =>
    svg('text', { x: xs[index], y: plotBottom + 18, 'text-anchor': 'middle', class: 'chart-tick' }, points[index].tick))));

  return el('figure', { id, class: ['chart', 'chart-line-figure'] },
    root,
    dataTable(title, [t('charts.column.name'), valueHeading], points.map((point) => [point.label, formatNumber(point.value, lang)])));
}
