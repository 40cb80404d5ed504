// The training matrix: staff × modules, each cell's state in colour and words (so it prints),
// filters by department, position and state kept in the hash, completion per person and per
// module, and the training workbook export.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { emptyState, linkButton } from '../../lib/states.js';
import { CELL_STATES, moduleTitle, percentText, trainingHash } from './training-format.js';
import { exportCard } from './training-export.js';

/// One cell: the state in words, and the due date when a refresher is due.
export function cellNode(cell, lang) {
  const words = t(`training.status.${cell.status}`);
  const due = cell.dueOn && cell.status !== 'complete' ? t('training.cell.due', { date: formatDate(cell.dueOn, lang) }) : null;
  return el('td', { class: ['matrix-cell', `cell-${cell.status}`], dataset: { status: cell.status } },
    el('span', { class: 'cell-word' }, words),
    due ? el('span', { class: 'cell-due' }, due) : null,
    cell.total && cell.status === 'in_progress' ? el('span', { class: 'cell-count' }, `${cell.signed}/${cell.total}`) : null);
}

function filterSelect(id, name, labelKey, values, value, labelOf = (v) => v) {
  return el('label', { class: 'filter', htmlFor: id },
    el('span', { class: 'filter-label', i18n: labelKey }),
    el('select', { id, name, class: ['input', 'input-compact'], value: value ?? '' },
      el('option', { value: '', i18n: 'training.filter.all' }),
      values.map((v) => el('option', { value: v }, labelOf(v)))));
}

/// Renders the matrix with the filters of `route.params`.
export async function renderMatrix(body, ctx, route) {
  const params = { department: route.params.department ?? '', position: route.params.position ?? '', status: route.params.status ?? '' };
  const matrix = await api.trainingMatrix(params);
  const lang = getLanguage();
  const filters = el('form', { id: 'matrix-filters', class: ['filters', 'no-print'], attrs: { role: 'search' } },
    filterSelect('matrix-department', 'department', 'training.filter.department', matrix.departments, params.department),
    filterSelect('matrix-position', 'position', 'training.filter.position', matrix.positions, params.position),
    filterSelect('matrix-status', 'status', 'training.filter.status', CELL_STATES.filter((s) => s !== 'not_assigned'), params.status, (s) => t(`training.status.${s}`)));
  filters.addEventListener('change', () => {
    const next = Object.fromEntries(['department', 'position', 'status'].map((name) => [name, filters.elements[name].value]));
    location.hash = trainingHash('matrix', next);
  });
  const legend = el('ul', { id: 'matrix-legend', class: 'matrix-legend', attrs: { 'aria-label': t('training.legend') } },
    CELL_STATES.map((status) => el('li', { class: ['matrix-cell', `cell-${status}`] }, t(`training.status.${status}`))));

  if (!matrix.people.length) {
    const filtered = Object.values(params).some(Boolean);
    body.replaceChildren(filters, emptyState({
      id: 'matrix-empty',
      titleKey: filtered ? 'training.matrix.noMatch.title' : 'training.matrix.noStaff.title',
      bodyKeys: [filtered ? 'training.matrix.noMatch.body' : 'training.matrix.noStaff.body'],
      actions: [filtered ? linkButton('#/training', 'training.matrix.clearFilters', true) : linkButton('#/staff', 'training.matrix.addStaff', true)],
    }));
    return;
  }
  const anyAssigned = matrix.people.some((p) => p.assigned > 0);
  const table = el('table', { id: 'training-matrix', class: ['table', 'matrix-table'] },
    el('caption', { class: 'visually-hidden' }, t('training.matrix.caption', { date: formatDate(matrix.today, lang) })),
    el('thead', null, el('tr', null,
      el('th', { scope: 'col', i18n: 'training.matrix.person' }),
      el('th', { scope: 'col', class: 'matrix-percent', i18n: 'training.matrix.completion' }),
      matrix.modules.map((module) => el('th', { scope: 'col', class: 'matrix-module', dataset: { moduleId: String(module.id) } },
        el('span', { class: 'matrix-module-title' }, moduleTitle(lang, module)),
        el('span', { class: 'matrix-module-percent' }, percentText(module.percent) ?? '—'))))),
    el('tbody', null, matrix.people.map((person) => el('tr', { dataset: { staffId: String(person.id) } },
      el('th', { scope: 'row', class: 'matrix-person' },
        el('a', { href: trainingHash('person', {}, person.id), class: 'matrix-name' }, person.name),
        el('span', { class: ['hint', 'matrix-role'] }, [person.position, person.department].filter(Boolean).join(' · '))),
      el('td', { class: 'matrix-percent' }, percentText(person.percent) ?? '—'),
      person.cells.map((cell) => cellNode(cell, lang))))));
  // replaceChildren() would print a skipped (null) part as the text "null".
  body.replaceChildren(...[filters,
    anyAssigned ? null : el('p', { id: 'matrix-nothing-assigned', class: ['note', 'no-print'] },
      t('training.matrix.nothingAssigned'), ' ', el('a', { href: trainingHash('curriculum') }, t('training.matrix.toCurriculum'))),
    el('div', { class: 'matrix-scroll' }, table),
    legend,
    exportCard(ctx)].filter(Boolean));
}
