// Shared pieces of the group pages: the heading trail back to the dashboard, the empty
// states for a computer or server with nothing to show yet, and figure names.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { emptyState, errorState, linkButton } from '../../lib/states.js';
import { groupHash } from './group-format.js';

/// Group error codes (after `group.`) that mean "nothing to show yet" rather than a failure.
const EMPTY_CODES = {
  no_branches: { titleKey: 'groupView.empty.title', bodyKeys: ['groupView.empty.body', 'groupView.empty.next'] },
  no_server: { titleKey: 'groupView.notSetUp.title', bodyKeys: ['groupView.notSetUp.body'], settings: true },
};

/// What a failed load shows: an empty state with what to do next, or what went wrong with a
/// way to try again (the page and the month chosen stay as they were).
export function failedState(err, retry) {
  const [area, problem] = String(err?.code ?? '').split('.');
  const empty = area === 'group' && Object.hasOwn(EMPTY_CODES, problem) ? EMPTY_CODES[problem] : null;
  if (!empty) {
    const state = errorState(err, retry);
    state.id = 'group-error';
    state.dataset.code = err?.code ?? '';
    return state;
  }
  return emptyState({
    id: 'group-empty', titleKey: empty.titleKey, bodyKeys: empty.bodyKeys,
    actions: [
      empty.settings ? linkButton('#/settings', 'groupView.toSettings', true) : null,
      el('button', { type: 'button', class: 'button', i18n: 'common.retry', on: { click: retry } }),
    ].filter(Boolean),
  });
}

/// "Group › HM13 Name › Case" links above a drill-down page.
export function trail({ month, code, name, number }) {
  const items = [el('li', null, el('a', { href: groupHash({ month }), id: 'group-trail-dashboard', i18n: 'nav.group' }))];
  if (code) {
    items.push(el('li', null, number
      ? el('a', { href: groupHash({ code, month }), id: 'group-trail-branch' }, `${code} ${name ?? ''}`.trim())
      : el('span', { attrs: { 'aria-current': 'page' } }, `${code} ${name ?? ''}`.trim())));
  }
  if (number) items.push(el('li', null, el('span', { attrs: { 'aria-current': 'page' } }, number)));
  return el('nav', { class: 'group-trail', attrs: { 'aria-label': t('groupView.trail') } }, el('ol', null, items));
}

/// The figures' names in `lang` (`key → name`), from the glossary the workbook uses.
export async function figureNames(lang) {
  try {
    const entries = await api.reportGlossary(lang);
    return new Map(entries.map((entry) => [entry.key, entry.name]));
  } catch {
    return new Map();
  }
}
