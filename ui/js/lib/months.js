// Calendar months as `{year, month}` (month 1–12), the shape the backend's reports use.
// Which month "now" is depends on the branch's time zone, not the computer's: a report opened
// at 00:30 on 1 November in Shanghai is already in November. Pure: importable from node.

import { translate } from '../i18n/index.js';
import { todayIso } from './format.js';
import { daysInMonth } from './validate.js';

const pad = (n) => String(n).padStart(2, '0');

/// `{year, month}` from `YYYY-MM`; null for anything else (including month 13).
export function parseMonth(text) {
  const match = /^(\d{4})-(\d{2})$/.exec(String(text ?? ''));
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 && year >= 1 ? { year, month } : null;
}

/// `YYYY-MM` for a month.
export function monthKey({ year, month }) {
  return `${String(year).padStart(4, '0')}-${pad(month)}`;
}

/// The month `count` months after `m` (negative goes back), across year boundaries.
export function addMonths({ year, month }, count) {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/// Negative when `a` is before `b`, 0 when the same month, positive after.
export function compareMonths(a, b) {
  return (a.year - b.year) * 12 + (a.month - b.month);
}

/// The month it is now in `timeZone` (IANA name; the computer's zone when missing).
export function currentMonth(timeZone, now = new Date()) {
  const zone = timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  return parseMonth(todayIso(zone, now).slice(0, 7));
}

/// The last month that has ended in `timeZone`: the report a branch usually sends.
export function lastCompleteMonth(timeZone, now = new Date()) {
  return addMonths(currentMonth(timeZone, now), -1);
}

/// Where the month picker may go from `m`: back always, forward until the current month.
export function monthNavigation(m, current) {
  return {
    previous: addMonths(m, -1),
    next: compareMonths(m, current) < 0 ? addMonths(m, 1) : null,
  };
}

/// A month the picker may show: a valid month no later than `current`, else `fallback`.
export function clampMonth(m, current, fallback) {
  return m && compareMonths(m, current) <= 0 ? m : fallback;
}

/// The first and last day of the month, `YYYY-MM-DD`, for the case list's received filters.
export function monthRange(m) {
  const key = monthKey(m);
  return { from: `${key}-01`, to: `${key}-${pad(daysInMonth(m.year, m.month))}` };
}

/// "2024年3月" or "Mar 2024".
export function formatMonth(m, lang) {
  return translate(lang, 'format.yearMonth', { year: m.year, month: translate(lang, `format.month.${m.month}`) });
}
