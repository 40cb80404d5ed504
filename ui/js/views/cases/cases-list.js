// The case list (#/cases): search, filters, sort and paging, all done by the backend; only the
// page shown (≤ 50 rows) is rendered. The filters live in the URL hash, so the dashboard can
// link straight to "overdue" and Back returns to the same list. Changing a filter rewrites the
// hash with replaceState (no hashchange, so the page is not rebuilt and the focus stays put).
// A link from a report figure lists exactly that figure's cases, with a note saying so.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { categoryName } from '../../lib/labels.js';
import { pageHeader, emptyState, loadingState, errorState } from '../../lib/states.js';
import {
  STATUSES, GRADES, SORTS, ROOT_CAUSES, PAGE_SIZE, hashForFilters, hasActiveFilters, clearedFilters, queryForFilters,
  countsByStatus, pageRange,
} from './case-format.js';
import { showFigureNote } from './cases-figure.js';
import { gradeBadge, statusBadge, deadlineBadge, channelLabel, categoryLabel, whenText, caseLink, channelOptions } from './case-ui.js';
import { ariaShortcut } from '../../lib/shortcuts.js';
import { snippetNode } from '../../lib/snippet.js';
import { keepLive, swapIfChanged } from '../../lib/live.js';

const SEARCH_DELAY_MS = 300;
// Category and channel share a cell, as do grade and status (two short lines each), so the
// table fits a 960-pixel window without squeezing names to a few letters per line.
const COLUMNS = ['cases.column.number', 'cases.column.received', 'cases.column.categoryChannel',
  'cases.column.complainant', 'cases.column.gradeStatus', 'cases.column.assignee', 'cases.column.deadline'];

/// Renders the case list with `filters` (from the hash).
export async function renderList(container, ctx, filters) {
  const [categories, staff] = await Promise.all([api.listCategories(), api.listStaff(true)]);
  const view = { container, ctx, filters: { ...filters }, categories, staff, seq: 0, timer: null, page: null };
  view.results = el('div', { class: 'case-results', attrs: { 'aria-live': 'polite', 'aria-busy': 'true' } }, loadingState());
  view.toolbar = buildToolbar(view);
  view.figureNote = el('p', { id: 'case-figure-note', class: 'case-figure-note', hidden: true, attrs: { role: 'status' } });
  container.replaceChildren(
    pageHeader('nav.cases', {
      introKey: 'cases.intro',
      actions: [el('a', { href: '#/cases/new', id: 'case-new', class: ['button', 'button-primary'], attrs: { 'aria-keyshortcuts': ariaShortcut('N') }, i18n: 'cases.new' })],
    }),
    view.toolbar,
    view.figureNote,
    view.results);
  fillStatusOptions(view, []);
  showFigureNote(view.figureNote, view.filters, categories);
  view.toolbar.addEventListener('submit', (event) => event.preventDefault());
  view.toolbar.addEventListener('change', (event) => onFilterChange(view, event));
  view.toolbar.addEventListener('input', (event) => onSearchInput(view, event));
  view.toolbar.addEventListener('keydown', (event) => {
    if (event.target.id === 'case-search' && event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(view.timer);
      applyFilters(view, { search: event.target.value, page: 0 });
    }
  });
  container.addEventListener('click', (event) => onClick(view, event));
  await load(view);
  keepLive(view.results, () => refreshRows(view));
}

/// Asks again for the page shown and patches each row's countdown, status and lateness in
/// place; rows that came or went wait for the next search or page, so nothing jumps under
/// the pointer.
async function refreshRows(view) {
  const seq = view.seq;
  const page = await api.listCases(queryForFilters(view.filters, PAGE_SIZE));
  if (seq !== view.seq) return; // the user changed the filters meanwhile
  for (const row of page.rows) {
    const tr = view.results.querySelector(`tr[data-case-id="${Number(row.id)}"]`);
    if (!tr) continue;
    tr.className = rowClass(row).filter(Boolean).join(' ');
    swapIfChanged(tr.querySelector('.case-status .status-badge'), statusBadge(row.status));
    const cell = tr.querySelector('.case-deadline');
    const fresh = deadlineCell(row);
    const changed = cell.textContent !== fresh.textContent || cell.firstElementChild?.className !== fresh.firstElementChild?.className;
    if (changed) cell.replaceChildren(...fresh.childNodes);
  }
}

function rowClass(row) {
  const state = row.deadline?.state;
  const overdue = state === 'overdue' || row.acknowledgeOverdue;
  return ['case-row', overdue && 'case-overdue', !overdue && state === 'due_today' && 'case-due-today'];
}

function deadlineCell(row) {
  return el('td', { class: 'case-deadline' }, row.deadline || row.acknowledgeOverdue ? deadlineBadge(row.deadline, row.acknowledgeOverdue) : t('common.none'),
    // A late case whose customer is due a progress update (the rule is the backend's).
    row.needsUpdate ? el('span', { class: ['tag', 'progress-due'], title: t('progress.prompt'), i18n: 'progress.listMarker' }) : null);
}

function control(id, labelKey, node) {
  return el('div', { class: 'filter' }, el('label', { htmlFor: id, class: 'filter-label', i18n: labelKey }), node);
}

function buildToolbar(view) {
  const f = view.filters;
  const option = (value, labelKey) => el('option', { value, i18n: labelKey });
  const named = (value, text) => el('option', { value: String(value) }, text);
  const select = (id, name, options, value) => el('select', { id, name, class: ['input', 'input-compact'], value }, options);
  const channel = select('case-filter-channel', 'channel', [option('', 'cases.filter.allChannels'), ...channelOptions()], f.channel);
  return el('form', { id: 'case-filters', class: 'case-filters', noValidate: true, attrs: { role: 'search', 'aria-label': t('cases.filter.label') } },
    el('div', { class: 'filter-row' },
      el('div', { class: 'filter filter-search' },
        el('label', { htmlFor: 'case-search', class: 'visually-hidden', i18n: 'cases.search.label' }),
        el('input', { type: 'search', id: 'case-search', name: 'search', class: 'input', value: f.search, i18nPlaceholder: 'cases.search.placeholder', i18nTitle: 'search.shortcutHint', attrs: { autocomplete: 'off', maxlength: 200, 'aria-keyshortcuts': `${ariaShortcut('F')} /` } })),
      control('case-filter-status', 'cases.filter.status', select('case-filter-status', 'status', [], f.status)),
      control('case-sort', 'cases.sort.label', select('case-sort', 'sort', SORTS.map((s) => option(s, `cases.sort.${s}`)), f.sort))),
    el('div', { class: 'filter-row filter-row-wrap' },
      control('case-filter-grade', 'cases.filter.grade', select('case-filter-grade', 'grade',
        [option('', 'cases.filter.allGrades'), ...GRADES.map((g) => option(String(g), `grade.${g}`))], f.grade)),
      control('case-filter-category', 'cases.filter.category', select('case-filter-category', 'categoryId',
        [option('', 'cases.filter.allCategories'), ...view.categories.map((c) => named(c.id, categoryName(c)))], f.categoryId)),
      control('case-filter-channel', 'cases.filter.channel', channel),
      control('case-filter-assignee', 'cases.filter.assignee', select('case-filter-assignee', 'assigneeId',
        [option('', 'cases.filter.allAssignees'),
          ...view.staff.map((m) => named(m.id, m.active ? m.name : t('staff.formerNamed', { name: m.name })))], f.assigneeId)),
      control('case-filter-root-cause', 'cases.filter.rootCause', select('case-filter-root-cause', 'rootCause',
        [option('', 'cases.filter.allRootCauses'), ...ROOT_CAUSES.map((c) => option(c, `rootCause.${c}`)), option('none', 'cases.filter.noRootCause')], f.rootCause)),
      control('case-filter-reference', 'cases.filter.reference', el('input', { type: 'text', id: 'case-filter-reference', name: 'reference', class: ['input', 'input-compact'], value: f.reference, attrs: { maxlength: 100, autocomplete: 'off' } })),
      control('case-filter-from', 'cases.filter.from', el('input', { type: 'date', id: 'case-filter-from', name: 'from', class: ['input', 'input-compact'], value: f.from })),
      control('case-filter-to', 'cases.filter.to', el('input', { type: 'date', id: 'case-filter-to', name: 'to', class: ['input', 'input-compact'], value: f.to })),
      el('div', { class: 'filter-checks' },
        el('label', { class: 'checkbox', htmlFor: 'case-filter-overdue' },
          el('input', { type: 'checkbox', id: 'case-filter-overdue', name: 'overdue', checked: f.overdue }), el('span', { i18n: 'cases.filter.overdue' })),
        el('label', { class: 'checkbox', htmlFor: 'case-filter-due-today' },
          el('input', { type: 'checkbox', id: 'case-filter-due-today', name: 'dueToday', checked: f.dueToday }), el('span', { i18n: 'cases.filter.dueToday' }))),
      el('button', { type: 'button', id: 'case-clear-filters', class: ['button', 'button-small', 'button-quiet'], hidden: !hasActiveFilters(f), i18n: 'cases.filter.clear' })));
}

// The status choices carry their counts ("处理中 (12)"), which depend on the other filters.
function fillStatusOptions(view, statusCounts) {
  const counts = countsByStatus(statusCounts);
  const select = view.toolbar.querySelector('#case-filter-status');
  const option = (value, name) => el('option', { value }, t('cases.filter.withCount', { name, count: formatNumber(counts[value || 'all'] ?? 0, getLanguage()) }));
  select.replaceChildren(
    option('', t('cases.filter.allStatuses')),
    option('open', t('cases.filter.open')),
    ...STATUSES.map((status) => option(status, t(`status.${status}`))));
  select.value = view.filters.status;
}

function onFilterChange(view, event) {
  const { name } = event.target;
  if (!name || name === 'search') return;
  const value = event.target.type === 'checkbox' ? event.target.checked : event.target.value;
  applyFilters(view, { [name]: value, page: 0 });
}

function onSearchInput(view, event) {
  if (event.target.id !== 'case-search') return;
  clearTimeout(view.timer);
  const { value } = event.target;
  view.timer = setTimeout(() => applyFilters(view, { search: value, page: 0 }), SEARCH_DELAY_MS);
}

function applyFilters(view, changes) {
  // A search typed just before leaving the page must not rewrite the next page's address.
  if (!view.container.isConnected) return;
  view.filters = { ...view.filters, ...changes };
  history.replaceState(null, '', hashForFilters(view.filters));
  view.toolbar.querySelector('#case-clear-filters').hidden = !hasActiveFilters(view.filters);
  if (!view.filters.figure) showFigureNote(view.figureNote, view.filters, view.categories);
  load(view);
}

function syncToolbar(view) {
  const f = view.filters;
  const form = view.toolbar;
  for (const name of ['search', 'sort', 'status', 'grade', 'categoryId', 'channel', 'assigneeId', 'from', 'to']) {
    form.elements[name].value = f[name];
  }
  form.elements.overdue.checked = f.overdue;
  form.elements.dueToday.checked = f.dueToday;
}

function onClick(view, event) {
  const target = event.target;
  if (target.closest('#case-clear-filters, .case-clear-filters')) {
    view.filters = clearedFilters(view.filters);
    syncToolbar(view);
    applyFilters(view, {});
    view.toolbar.querySelector('#case-search').focus();
    return;
  }
  if (target.closest('#case-prev')) {
    applyFilters(view, { page: Math.max(0, view.filters.page - 1) });
    return;
  }
  if (target.closest('#case-next')) {
    applyFilters(view, { page: view.filters.page + 1 });
    return;
  }
  // The whole row opens the case; the number inside is a real link for keyboard users.
  const row = target.closest('tr[data-case-id]');
  if (row && !target.closest('a, button')) location.hash = `#/cases/${Number(row.dataset.caseId)}`;
}

async function load(view) {
  const seq = ++view.seq;
  view.results.setAttribute('aria-busy', 'true');
  let page;
  try {
    page = await api.listCases(queryForFilters(view.filters, PAGE_SIZE));
  } catch (err) {
    if (seq === view.seq) view.results.replaceChildren(errorState(err, () => load(view)));
    return;
  } finally {
    if (seq === view.seq) view.results.removeAttribute('aria-busy');
  }
  if (seq !== view.seq) return; // a newer search overtook this one
  // Past the end (rows deleted or a hand-typed page): go to the last page that has rows.
  if (!page.rows.length && page.total > 0 && view.filters.page > 0) {
    applyFilters(view, { page: Math.max(0, Math.ceil(page.total / page.pageSize) - 1) });
    return;
  }
  view.page = page;
  fillStatusOptions(view, page.statusCounts);
  renderResults(view);
}

function renderResults(view) {
  const { page, filters } = view;
  if (!page.rows.length) {
    const anyCase = countsByStatus(page.statusCounts).all > 0 || hasActiveFilters(filters);
    view.results.replaceChildren(anyCase
      ? emptyState({
        id: 'case-no-match', titleKey: 'cases.noMatch.title', bodyKeys: ['cases.noMatch.body'],
        actions: [el('button', { type: 'button', class: ['button', 'case-clear-filters'], i18n: 'cases.filter.clear' })],
      })
      : emptyState({
        id: 'case-empty', titleKey: 'cases.first.title', bodyKeys: ['cases.first.body', 'cases.first.shortcut'],
        actions: [el('a', { href: '#/cases/new', class: ['button', 'button-primary'], i18n: 'cases.first.action' }),
          el('a', { id: 'case-empty-import', href: '#/import', class: 'button', i18n: 'cases.first.import' })],
      }));
    return;
  }
  const { first, last, total } = pageRange(page.page, page.pageSize, page.total);
  const lang = getLanguage();
  view.results.replaceChildren(
    el('div', { class: 'table-wrap' },
      el('table', { id: 'case-table', class: ['table', 'case-table'] },
        el('caption', { class: 'visually-hidden', i18n: 'cases.tableCaption' }),
        el('thead', null, el('tr', null, COLUMNS.map((key) => el('th', { scope: 'col', i18n: key })))),
        el('tbody', null, page.rows.map((row) => caseRow(view, row))))),
    el('nav', { class: 'pager', attrs: { 'aria-label': t('cases.pager.label') } },
      el('span', { id: 'case-range', class: 'muted' }, t('cases.pager.range', {
        first: formatNumber(first, lang), last: formatNumber(last, lang), total: formatNumber(total, lang),
      })),
      el('button', { type: 'button', id: 'case-prev', class: ['button', 'button-small'], disabled: page.page === 0, i18n: 'cases.pager.prev' }),
      el('button', { type: 'button', id: 'case-next', class: ['button', 'button-small'], disabled: last >= total, i18n: 'cases.pager.next' })));
}

function caseRow(view, row) {
  return el('tr', {
    class: rowClass(row),
    dataset: { caseId: String(row.id) },
  },
  el('td', { class: 'case-number' }, caseLink(row)),
  el('td', { class: 'case-received' }, whenText(row.receivedAt, view.ctx)),
  el('td', { class: 'case-category' },
    el('span', { class: 'case-category-name' }, categoryLabel(view.categories, row.categoryId)),
    el('span', { class: 'case-channel' }, channelLabel(row.channel))),
  el('td', { class: 'case-complainant' }, row.complainantName || t('case.anonymous'), snippetNode(row.snippet)),
  el('td', { class: 'case-state' },
    el('span', { class: 'case-grade' }, gradeBadge(row.grade)),
    el('span', { class: 'case-status' }, statusBadge(row.status))),
  el('td', { class: 'case-assignee' }, row.assigneeName || t('case.unassigned')),
  deadlineCell(row));
}
