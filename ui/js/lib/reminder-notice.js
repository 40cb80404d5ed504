// Reminders inside the window. The backend shows each reminder as an OS notification and also
// tells the window (`reminder`); the latest one stays in a small notice with Open, for
// systems whose notification server does not report clicks. A click on an OS notification
// that is reported (`reminder-open`) brings the window forward and opens the page at once.

import { el } from './dom.js';

/// Shows `{title, body, route}` as the notice (replacing any earlier one).
export function showReminderNotice({ title, body, route }, navigate) {
  document.getElementById('reminder-notice')?.remove();
  const notice = el('div', { id: 'reminder-notice', class: 'reminder-notice', attrs: { role: 'status' } },
    el('p', { class: 'reminder-notice-text' }, el('strong', null, title), ' ', body),
    el('div', { class: 'reminder-notice-actions' },
      el('button', {
        type: 'button', id: 'reminder-notice-open', class: ['button', 'button-small', 'button-primary'], i18n: 'reminders.notice.open',
        on: { click: () => { notice.remove(); navigate(route); } },
      }),
      el('button', { type: 'button', id: 'reminder-notice-close', class: ['button', 'button-small', 'button-quiet'], i18n: 'reminders.notice.close', on: { click: () => notice.remove() } })));
  document.body.append(notice);
}

/// Whether `route` is one of the app's own pages (`#/…`): a reminder opens nothing else.
export function isAppRoute(route) {
  return typeof route === 'string' && /^#\/[\w/?=&-]*$/.test(route);
}
