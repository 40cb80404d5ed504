// The customer on the intake form and on the case page. At intake the backend says which
// records match (and by which key: phone, reference, or only the name) and which one will be
// linked; the user may pick another or "new customer". A key customer (重点客户) shows a
// banner with the reason they are watched, on intake and on the case page.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';

/// The text under a matched record: which keys it shares with the complaint.
export function matchReason(matchedBy) {
  const keys = (matchedBy ?? []).filter((key) => ['phone', 'reference', 'name'].includes(key));
  return keys.map((key) => t(`customerMatch.by.${key}`)).join(t('customerMatch.joiner'));
}

/// The pick to keep after a new check: the user's own pick while it is still offered,
/// otherwise what the backend chose (`auto`).
export function keptPick(pick, match) {
  if (pick === 'new') return 'new';
  const ids = (match?.candidates ?? []).map((c) => String(c.id));
  return pick && pick !== 'auto' && ids.includes(String(pick)) ? String(pick) : 'auto';
}

/// A key customer's banner, or null when `customer` is not one.
export function keyBanner(customer, id) {
  if (!customer?.keyCustomer) return null;
  return el('section', { id, class: 'key-customer-banner', attrs: { role: 'alert' } },
    el('strong', { class: 'key-customer-title', i18n: 'customer.keyBanner' }),
    el('span', { class: 'key-customer-name' }, customer.name || t('customer.noName')),
    customer.keyReason ? el('span', { class: 'key-customer-reason' }, customer.keyReason) : null);
}

function label(customer) {
  const keys = [...(customer.phones ?? []), ...(customer.references ?? [])].join(' · ');
  return [customer.name || t('customer.noName'), keys].filter(Boolean).join(' — ');
}

/// Renders the intake's customer panel into `panel` from a check's `match`; `pick` is the
/// current choice (`auto`, `new` or an id). Radios are named `customerPick`.
export function renderIntakeCustomer(panel, match, pick) {
  const candidates = match?.candidates ?? [];
  const chosenId = match?.chosen ?? null;
  const chosen = candidates.find((c) => c.id === chosenId) ?? null;
  const current = keptPick(pick, match);
  const picked = current === 'auto' ? chosen
    : candidates.find((c) => String(c.id) === current) ?? null;
  const radio = (value, labelNodes, extra) => {
    const id = `intake-customer-${value}`;
    return el('li', { class: 'customer-choice', dataset: extra },
      el('label', { class: 'radio', htmlFor: id },
        el('input', { type: 'radio', id, name: 'customerPick', value, checked: current === value }),
        labelNodes));
  };
  const items = candidates.map((c) => radio(c.id === chosenId ? 'auto' : String(c.id), [
    el('a', { href: `#/customers/${Number(c.id)}`, class: 'customer-link' }, label(c)),
    el('span', { class: ['hint', 'customer-why'] }, matchReason(c.matchedBy)),
    c.id === chosenId ? el('span', { class: 'customer-auto', i18n: 'customerMatch.linked' }) : null,
    c.keyCustomer ? el('span', { class: 'customer-key-badge', i18n: 'customer.keyShort' }) : null,
  ], { customerId: String(c.id), matchedBy: (c.matchedBy ?? []).join(' ') }));
  const newLabel = chosen ? 'customerMatch.newInstead' : 'customerMatch.new';
  // Without a linked match, "new customer" is what happens anyway: it is the default choice.
  items.push(radio(chosen ? 'new' : 'auto', el('span', { i18n: newLabel }), { customerId: 'new' }));
  panel.hidden = false;
  // replaceChildren() would print a missing banner (null) as the text "null".
  panel.replaceChildren(...[
    el('h3', { class: 'customer-match-title', i18n: 'customerMatch.title' }),
    el('p', { class: 'hint', i18n: candidates.length ? 'customerMatch.body' : 'customerMatch.none' }),
    keyBanner(picked, 'intake-key-customer'),
    el('ul', { class: 'customer-choices' }, items)].filter(Boolean));
}

/// The case page's customer card (a link to the customer) with the key-customer banner; the
/// card fills in when the backend answers, so the rest of the page does not wait for it.
export function buildCaseCustomer(caseId) {
  const card = el('section', { id: 'case-customer', class: ['card', 'case-customer'], hidden: true, attrs: { 'aria-labelledby': 'case-customer-title' } });
  api.caseCustomer(caseId).then((customer) => {
    if (!customer || !card.isConnected) return;
    card.hidden = false;
    card.replaceChildren(...[
      el('h2', { id: 'case-customer-title', class: 'card-title', i18n: 'customer.cardTitle' }),
      keyBanner(customer, 'case-key-customer'),
      el('p', null, el('a', { href: `#/customers/${Number(customer.id)}`, id: 'case-customer-link' }, label(customer))),
      el('p', { class: 'hint' }, t('customer.caseCount', { count: customer.caseCount, open: customer.openCount }))].filter(Boolean));
  }).catch(() => { /* the case page stands without its customer card */ });
  return card;
}
