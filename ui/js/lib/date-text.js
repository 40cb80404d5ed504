// Reading a date the user typed and laying out a month for the date picker. Pure: importable
// from node. The value a date field holds is always `YYYY-MM-DD` (the compact form Chinese
// users write, and what the backend reads), whatever language the app shows.

import { isIsoDate, daysInMonth } from './validate.js';

const pad = (n) => String(n).padStart(2, '0');

/// Reads what a person typed into a date field: `2026-12-03`, `2026/12/3`, `2026.12.3`,
/// `2026年12月3日`, `2026 12 3` or `20261203`. Returns the date as `YYYY-MM-DD`, '' for a
/// blank field, or null when it is not an existing date (left for the form to refuse).
export function parseDateText(text) {
  const value = String(text ?? '').trim();
  if (value === '') return '';
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const spaced = /^(\d{4})\s*[-/.年\s]\s*(\d{1,2})\s*[-/.月\s]\s*(\d{1,2})\s*日?$/.exec(value);
  const match = compact ?? spaced;
  if (!match) return null;
  const iso = `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
  return isIsoDate(iso) ? iso : null;
}

/// Reads a date and 24-hour time: a date as parseDateText reads it, then `HH:MM` after a
/// space or a `T` (`2026-12-03 14:30`, `2026年12月3日 9:05`). Returns `YYYY-MM-DD HH:MM`,
/// '' for a blank field, or null when either part is unreadable.
export function parseDateTimeText(text) {
  const value = String(text ?? '').trim();
  if (value === '') return '';
  const match = /^(.+?)\s*(?:T|\s)\s*(\d{1,2})[:：](\d{2})$/.exec(value);
  if (!match) return null;
  const date = parseDateText(match[1]);
  const [hour, minute] = [Number(match[2]), Number(match[3])];
  if (!date || hour > 23 || minute > 59) return null;
  return `${date} ${pad(hour)}:${pad(minute)}`;
}

/// The weeks of `month` (1–12) of `year`, Monday first, as rows of seven cells; each cell is
/// a `YYYY-MM-DD` date or null for the days before the 1st and after the last day.
export function monthGrid(year, month) {
  // Monday = 0 … Sunday = 6 (weeks in China start on Monday).
  const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells = Array(firstWeekday).fill(null);
  for (let day = 1; day <= daysInMonth(year, month); day += 1) cells.push(`${year}-${pad(month)}-${pad(day)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/// The month before (`step` -1) or after (+1) `{year, month}`, across year ends.
export function shiftMonth({ year, month }, step) {
  const index = year * 12 + (month - 1) + step;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/// Whether `iso` lies within the optional `min` and `max` bounds (all `YYYY-MM-DD`, which
/// compare correctly as strings).
export function withinBounds(iso, min, max) {
  return !(min && iso < min) && !(max && iso > max);
}
