// Shared page furniture: page headers, empty states, loading and load-failure states.
// Every text comes from the dictionary by key.

import { el } from './dom.js';
import { errorMessage } from './form.js';

/// A page's heading block: title, optional intro sentence and optional action nodes.
export function pageHeader(titleKey, { introKey, actions = [] } = {}) {
  return el('header', { class: 'page-header' },
    el('div', { class: 'page-heading' },
      el('h1', { class: 'page-title', i18n: titleKey }),
      introKey ? el('p', { class: 'page-intro', i18n: introKey }) : null),
    actions.length ? el('div', { class: 'page-actions' }, actions) : null);
}

/// A friendly "nothing here yet" block: a title, one or two sentences, and what to do now.
export function emptyState({ titleKey, bodyKeys = [], actions = [], id }) {
  return el('section', { class: 'empty-state', id, attrs: { 'aria-labelledby': id ? `${id}-title` : null } },
    el('span', { class: 'empty-art', attrs: { 'aria-hidden': 'true' } }),
    el('h2', { class: 'empty-title', id: id ? `${id}-title` : null, i18n: titleKey }),
    bodyKeys.map((key) => el('p', { class: 'empty-body', i18n: key })),
    actions.length ? el('div', { class: 'empty-actions' }, actions) : null);
}

/// A link styled as a button that goes to another area, e.g. `#/staff`.
export function linkButton(href, labelKey, primary = false) {
  return el('a', { class: ['button', primary && 'button-primary'], href, i18n: labelKey });
}

/// A quiet placeholder while data loads.
export function loadingState() {
  return el('p', { class: 'loading', i18n: 'common.loading', attrs: { 'aria-busy': 'true' } });
}

/// Shown when a view could not load its data: what went wrong and a way to try again.
export function errorState(err, onRetry) {
  if (!err?.code) console.error(err);
  return el('section', { class: ['empty-state', 'error-state'], attrs: { role: 'alert' } },
    el('h2', { class: 'empty-title', i18n: 'common.loadFailed' }),
    el('p', { class: 'empty-body' }, errorMessage(err)),
    onRetry ? el('div', { class: 'empty-actions' },
      el('button', { type: 'button', class: 'button', i18n: 'common.retry', on: { click: onRetry } })) : null);
}
