// The Customers list (#/customers): search (Chinese of any length, on the backend), key
// customers only, and what the upgrade linked. An empty branch says what to do.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { pageHeader, emptyState, linkButton, loadingState, errorState } from '../../lib/states.js';
import { keyBadge } from './customer-format.js';

const SEARCH_DELAY_MS = 300;

/// Renders the list.
export async function renderCustomerList(container, ctx) {
  const view = { container, ctx, search: '', keyOnly: false, seq: 0, timer: null };
  view.notice = el('p', { id: 'customers-upgrade', class: 'customers-upgrade', hidden: true, attrs: { role: 'status' } });
  view.results = el('div', { class: 'customer-results', attrs: { 'aria-live': 'polite' } }, loadingState());
  const search = el('input', { type: 'search', id: 'customer-search', name: 'search', class: 'input', i18nPlaceholder: 'customers.searchPlaceholder', i18nAriaLabel: 'customers.search' });
  const keyOnly = el('input', { type: 'checkbox', id: 'customer-key-only', name: 'keyOnly' });
  const toolbar = el('form', { class: ['toolbar', 'customer-toolbar'], attrs: { role: 'search' } },
    search,
    el('label', { class: 'checkbox', htmlFor: 'customer-key-only' }, keyOnly, el('span', { i18n: 'customers.keyOnly' })));
  toolbar.addEventListener('submit', (event) => event.preventDefault());
  search.addEventListener('input', () => {
    clearTimeout(view.timer);
    view.timer = setTimeout(() => {
      view.search = search.value;
      load(view);
    }, SEARCH_DELAY_MS);
  });
  keyOnly.addEventListener('change', () => {
    view.keyOnly = keyOnly.checked;
    load(view);
  });
  container.replaceChildren(pageHeader('nav.customers', { introKey: 'customers.intro' }), view.notice, toolbar, view.results);
  await load(view);
}

async function load(view) {
  const seq = ++view.seq;
  try {
    const page = await api.listCustomers({ search: view.search, keyOnly: view.keyOnly });
    if (seq !== view.seq) return;
    draw(view, page);
  } catch (err) {
    if (seq === view.seq) view.results.replaceChildren(errorState(err, () => load(view)));
  }
}

function draw(view, page) {
  const upgrade = page.upgrade;
  view.notice.hidden = !upgrade;
  view.notice.textContent = upgrade ? t('customers.upgradeNotice', { cases: upgrade.casesLinked, customers: upgrade.customersMade }) : '';
  if (!page.rows.length) {
    const filtered = Boolean(view.search.trim()) || view.keyOnly;
    view.results.replaceChildren(filtered
      ? emptyState({ id: 'customers-none', titleKey: 'customers.noneMatch', bodyKeys: ['customers.noneMatchBody'] })
      : emptyState({ id: 'customers-empty', titleKey: 'customers.emptyTitle', bodyKeys: ['customers.emptyBody'], actions: [linkButton('#/cases/new', 'cases.new', true)] }));
    return;
  }
  const lang = getLanguage();
  const tz = view.ctx.status?.branch?.timezone;
  const rows = page.rows.map((c) => el('tr', { dataset: { customerId: String(c.id) }, class: c.keyCustomer ? 'is-key' : null },
    el('td', null, el('a', { href: `#/customers/${Number(c.id)}`, class: 'customer-name' }, c.name || t('customer.noName')), keyBadge(c)),
    el('td', null, t(`customerType.${c.customerType}`)),
    el('td', { class: 'customer-keys' }, [...c.phones, ...c.references].join(' · ')),
    el('td', { class: 'numeric' }, t('customer.caseCount', { count: c.caseCount, open: c.openCount })),
    el('td', null, c.lastCaseAt ? formatDateTime(c.lastCaseAt, lang, tz) : '')));
  view.results.replaceChildren(
    el('p', { class: 'hint', id: 'customers-total' }, t('customers.total', { count: page.total })),
    el('div', { class: 'table-wrap' },
      el('table', { class: ['table', 'customer-table'] },
        el('thead', null, el('tr', null, ['customers.column.name', 'customers.column.type', 'customers.column.keys', 'customers.column.cases', 'customers.column.last']
          .map((key) => el('th', { scope: 'col', i18n: key })))),
        el('tbody', null, rows))));
}
