// A branch's cases of a month on the group dashboard, read from the rows it sent: number,
// received, category, grade, status and deadline state, 200 a page, oldest first. Names are
// masked by the backend; a number opens the case's read-only record.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { categoryNamer } from '../../lib/labels.js';
import { loadingState, emptyState } from '../../lib/states.js';
import { formatMonth, parseMonth } from '../../lib/months.js';
import { gradeBadge, statusBadge, deadlineBadge } from '../cases/case-ui.js';
import { groupHash } from './group-format.js';
import { failedState, trail } from './group-ui.js';

/// Renders page `page` of branch `route.code`'s cases of `route.month`.
export async function renderBranch(container, ctx, route, page = 0) {
  const lang = getLanguage();
  const month = route.month;
  const heading = el('h1', { class: 'page-title' }, route.code);
  const top = el('header', { class: 'page-header' }, el('div', { class: 'page-heading' }, trail({ month, code: route.code }), heading));
  container.replaceChildren(top, loadingState());
  if (!month) {
    location.hash = groupHash({});
    return;
  }
  let shown;
  try {
    shown = await api.groupBranchCases(route.code, month, page);
  } catch (err) {
    container.replaceChildren(top, failedState(err, () => renderBranch(container, ctx, route, page)));
    return;
  }
  const categoryName = categoryNamer(shown.categories);
  heading.textContent = t('groupView.branchTitle', { code: shown.code, name: shown.name, month: formatMonth(parseMonth(month), lang) });
  top.replaceChildren(el('div', { class: 'page-heading' }, trail({ month, code: shown.code, name: shown.name }), heading));
  const { rows, total, pageSize } = shown.page;
  if (!total) {
    container.replaceChildren(top, emptyState({ id: 'group-branch-empty', titleKey: 'groupView.noCases.title', bodyKeys: ['groupView.noCases.body'] }));
    return;
  }
  const size = pageSize || 200;
  const pages = Math.ceil(total / size);
  const pager = pages > 1 ? el('div', { class: 'group-pager' },
    el('button', { type: 'button', id: 'group-cases-previous', class: 'button', disabled: page === 0, i18n: 'groupView.previous', on: { click: () => renderBranch(container, ctx, route, page - 1) } }),
    el('span', { class: 'muted' }, t('groupView.pageOf', { page: page + 1, pages })),
    el('button', { type: 'button', id: 'group-cases-next', class: 'button', disabled: page + 1 >= pages, i18n: 'groupView.next', on: { click: () => renderBranch(container, ctx, route, page + 1) } })) : null;
  container.replaceChildren(top,
    el('p', { id: 'group-cases-total', class: 'muted' }, t('groupView.caseCount', { count: formatNumber(total, lang) })),
    el('div', { class: ['table-wrap', 'card'] },
      el('table', { id: 'group-cases', class: ['table', 'group-cases'] },
        el('thead', null, el('tr', null,
          ['groupView.col.number', 'groupView.col.received', 'groupView.col.category', 'groupView.col.grade', 'groupView.col.status', 'groupView.col.deadline', 'groupView.col.complainant']
            .map((key) => el('th', { scope: 'col', i18n: key })))),
        el('tbody', null, rows.map((row) => el('tr', { dataset: { id: String(row.id) } },
          el('td', null, el('a', { href: groupHash({ code: shown.code, id: row.id, month }), class: 'case-link' }, row.number)),
          el('td', { class: 'nowrap' }, formatDateTime(row.receivedAt, lang)),
          el('td', null, categoryName(row.categoryId)),
          el('td', null, gradeBadge(row.grade)),
          el('td', null, statusBadge(row.status)),
          el('td', null, deadlineBadge(row.deadline, row.acknowledgeOverdue)),
          el('td', { class: 'group-masked' }, row.complainantName)))))),
    pager);
}
