// Monthly report (#/reports?month=YYYY-MM): pick a month (last complete month by default;
// never past the current one, counted in the branch's time zone), read its figures with
// last month and last year beside them, counts by category, channel and grade that lead to
// the case list, the 12-month trend, and what each figure means. Below: export the month's
// workbook for head office, and combine several branches' workbooks into a group roll-up.
// Changing the month rewrites the hash in place (replaceState) and reloads only the report.

import * as api from '../../api.js';
import { buildSurveyReport } from '../surveys/survey-cards.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { categoryNamer } from '../../lib/labels.js';
import { pageHeader, loadingState, errorState } from '../../lib/states.js';
import {
  parseMonth, monthKey, currentMonth, lastCompleteMonth, monthNavigation, clampMonth, formatMonth, compareMonths,
} from '../../lib/months.js';
import { reportHref } from './report-format.js';
import { kpiSection } from './reports-kpis.js';
import { trendSection, breakdownSection } from './reports-breakdowns.js';
import { loadGlossary, glossarySection, installDefinitionToggles } from './reports-glossary.js';
import { exportPanel } from './reports-export.js';
import { rollupPanel } from './reports-rollup.js';
import { printReport } from './reports-print.js';
import { toastError } from '../../lib/toast.js';

/// The month named in a reports hash (`#/reports?month=2024-03`), or null.
export function monthFromHash(hash) {
  const query = String(hash ?? '').split('?')[1] ?? '';
  return parseMonth(new URLSearchParams(query).get('month'));
}

/// Whether nothing at all happened in the report's month (no complaint received, none open
/// from before, none closed): the screen then says so instead of a table of zeros.
export function isEmptyMonth(report) {
  const value = (key) => Number(report?.kpis?.find((kpi) => kpi.key === key)?.value ?? 0);
  return value('received') === 0 && value('open_at_start') === 0 && value('closed') === 0;
}

/// Renders the reports page.
export async function render(container, ctx) {
  const timeZone = ctx.status?.branch?.timezone;
  const now = currentMonth(timeZone);
  const view = {
    container, ctx, now, seq: 0,
    month: clampMonth(monthFromHash(location.hash), now, lastCompleteMonth(timeZone)),
  };
  const lang = getLanguage();
  const [glossary, categories] = await Promise.all([loadGlossary(lang), api.listCategories().catch(() => [])]);
  view.glossary = glossary;
  view.lookups = { categoryName: categoryNamer(categories) };
  view.picker = monthPicker(view);
  view.body = el('div', { id: 'report-body', class: 'report-body' });
  view.exporter = exportPanel(view);
  installDefinitionToggles(view.body);
  container.replaceChildren(
    pageHeader('nav.reports', {
      introKey: 'reports.intro',
      actions: [el('button', { type: 'button', id: 'report-print', class: ['button', 'no-print'], i18n: 'reports.print', on: { click: () => printReport(container).catch(toastError) } })],
    }),
    view.picker.node,
    view.body,
    glossarySection(glossary),
    view.exporter.node,
    rollupPanel(view).node);
  await load(view);
}

function monthPicker(view) {
  const title = el('h2', { id: 'report-month', class: 'month-title', attrs: { 'aria-live': 'polite' } });
  const note = el('p', { id: 'report-month-note', class: ['month-note', 'muted'], hidden: true });
  // On paper the app's header is gone: say whose report it is and when it was produced.
  const meta = el('p', { id: 'report-print-meta', class: ['month-note', 'print-only'] });
  const prev = el('button', { type: 'button', id: 'report-prev', class: ['button', 'button-small', 'no-print'], i18n: 'reports.month.previous' });
  const next = el('button', { type: 'button', id: 'report-next', class: ['button', 'button-small', 'no-print'], i18n: 'reports.month.next' });
  const node = el('div', { class: 'month-picker', attrs: { role: 'group', 'aria-label': t('reports.month.label') } },
    prev, title, next, note, meta);
  const update = () => {
    const lang = getLanguage();
    const nav = monthNavigation(view.month, view.now);
    title.textContent = formatMonth(view.month, lang);
    prev.setAttribute('title', t('reports.month.goTo', { month: formatMonth(nav.previous, lang) }));
    prev.setAttribute('aria-label', t('reports.month.goTo', { month: formatMonth(nav.previous, lang) }));
    next.disabled = !nav.next;
    next.setAttribute('title', nav.next ? t('reports.month.goTo', { month: formatMonth(nav.next, lang) }) : t('reports.month.noFuture'));
    next.setAttribute('aria-label', next.getAttribute('title'));
  };
  const go = (month) => {
    if (!month) return;
    view.month = month;
    history.replaceState(null, '', reportHref(month));
    update();
    view.exporter.setMonth(month);
    load(view);
  };
  prev.addEventListener('click', () => go(monthNavigation(view.month, view.now).previous));
  next.addEventListener('click', () => go(monthNavigation(view.month, view.now).next));
  update();
  return { node, note, meta, update, go };
}

async function load(view) {
  const seq = ++view.seq;
  const { body } = view;
  body.setAttribute('aria-busy', 'true');
  body.replaceChildren(loadingState());
  let report;
  try {
    report = await api.monthlyReport(monthKey(view.month));
  } catch (err) {
    if (seq === view.seq) {
      body.removeAttribute('aria-busy');
      body.replaceChildren(errorState(err, () => load(view)));
    }
    return;
  }
  if (seq !== view.seq || !view.container.isConnected) return; // another month was picked meanwhile
  body.removeAttribute('aria-busy');
  const lang = getLanguage();
  const current = compareMonths(view.month, view.now) === 0;
  const time = formatDateTime(report.computedAt, lang, view.ctx.status?.branch?.timezone);
  view.picker.note.hidden = !current;
  view.picker.note.textContent = current ? t('reports.month.soFar', { time }) : '';
  view.picker.meta.textContent = t('reports.printMeta', { name: report.branch?.name ?? '', code: report.branch?.code ?? '', time });
  if (isEmptyMonth(report)) {
    body.replaceChildren(emptyMonth(view, lang));
    return;
  }
  body.replaceChildren(
    kpiSection(report, { glossary: view.glossary, lang }),
    trendSection(report, { lang }),
    breakdownSection(report, { lang, lookups: view.lookups }),
    buildSurveyReport(monthKey(view.month)));
}

function emptyMonth(view, lang) {
  const month = formatMonth(view.month, lang);
  const previous = monthNavigation(view.month, view.now).previous;
  return el('section', { id: 'report-empty', class: 'empty-state', attrs: { 'aria-labelledby': 'report-empty-title' } },
    el('span', { class: 'empty-art', attrs: { 'aria-hidden': 'true' } }),
    el('h2', { id: 'report-empty-title', class: 'empty-title' }, t('reports.none.title', { month })),
    el('p', { class: 'empty-body', i18n: 'reports.none.body' }),
    el('div', { class: 'empty-actions' },
      el('a', { href: '#/cases/new', class: ['button', 'button-primary'], i18n: 'reports.none.record' }),
      el('button', {
        type: 'button', id: 'report-empty-previous', class: 'button',
        on: { click: () => view.picker.go(previous) },
      }, t('reports.none.previous', { month: formatMonth(previous, lang) }))));
}
