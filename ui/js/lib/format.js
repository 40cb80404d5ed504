// Dates and numbers written the way each language expects. The patterns and month names
// live in the dictionaries (format.*) rather than in Intl's locale data, because those
// patterns change between ICU versions (en-GB "Sep" vs "Sept") and the webview's ICU is not
// the one node tests run with. Intl is used only for time-zone arithmetic, which is stable.
// Pure: importable from node.

import { translate } from '../i18n/index.js';
import { isIsoDate } from './validate.js';

function parts(year, month, day) {
  return { year: Number(year), month: Number(month), day: Number(day) };
}

function writeDate({ year, month, day }, lang) {
  return translate(lang, 'format.date', { year, day, month: translate(lang, `format.month.${month}`) });
}

/// Formats a calendar date `YYYY-MM-DD`: `2024年3月5日` in Chinese, `5 Mar 2024` in English.
/// Anything that is not such a date comes back as an empty string, so a missing start date
/// shows as a blank cell rather than as "Invalid Date".
export function formatDate(isoDate, lang) {
  if (!isIsoDate(isoDate)) return '';
  const [year, month, day] = isoDate.split('-');
  return writeDate(parts(year, month, day), lang);
}

/// Formats an instant (RFC 3339, e.g. `2024-10-31T15:30:00Z`) as date and 24-hour time in
/// `timeZone` (IANA name). A complaint logged 23:30 in Shanghai shows 23:30, whatever the
/// computer's own zone. Returns '' for an unreadable instant; falls back to UTC for an
/// unknown zone.
export function formatDateTime(instant, lang, timeZone) {
  const date = new Date(String(instant ?? ''));
  if (Number.isNaN(date.getTime())) return '';
  const local = zonedParts(date, timeZone);
  return translate(lang, 'format.dateTime', { date: writeDate(local, lang), time: `${local.hour}:${local.minute}` });
}

function zonedParts(date, timeZone) {
  let formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone || 'UTC',
      year: 'numeric', month: 'numeric', day: 'numeric',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
  } catch {
    return zonedParts(date, 'UTC');
  }
  const map = {};
  for (const part of formatter.formatToParts(date)) map[part.type] = part.value;
  return {
    ...parts(map.year, map.month, map.day),
    hour: map.hour.padStart(2, '0'),
    minute: map.minute.padStart(2, '0'),
  };
}

/// Today's date `YYYY-MM-DD` in `timeZone` (for date inputs' upper bound and defaults).
export function todayIso(timeZone, now = new Date()) {
  const local = zonedParts(now, timeZone);
  const pad = (n) => String(n).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}

/// Formats a whole number with the language's digit grouping (1,234 in both languages).
export function formatNumber(value, lang) {
  const number = Number(value);
  if (!Number.isFinite(number)) return '';
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN').format(number);
}
