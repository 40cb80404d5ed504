// Pure helpers for complaint cases: the fixed vocabularies, countdown and money text, the list's
// filters as they live in the URL hash, and how audit values read. No DOM at load time, so
// node --test can import it.

import { t, translate } from '../../i18n/index.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';

/// Every status, in workflow order.
export const STATUSES = Object.freeze(['new', 'acknowledged', 'investigating', 'resolving', 'follow_up', 'closed', 'reopened', 'invalid']);
/// Statuses that still need work.
export const OPEN_STATUSES = Object.freeze(STATUSES.filter((status) => status !== 'closed' && status !== 'invalid'));
/// Channels through which the customer came to the branch directly.
export const ORDINARY_CHANNELS = Object.freeze(['phone', 'letter', 'walk_in', 'email_online', 'own_app']);
/// Channels that went over the branch's head ("major" complaints).
export const ESCALATED_CHANNELS = Object.freeze(['head_office', 'association', 'consumer_association', 'lawyer', 'media']);
/// Every channel, ordinary first.
export const CHANNELS = Object.freeze([...ORDINARY_CHANNELS, ...ESCALATED_CHANNELS]);
/// Customer types; `unknown` means "not judged yet".
export const CUSTOMER_TYPES = Object.freeze(['passive', 'talker', 'angry', 'activist', 'unknown']);
/// Root causes for analysis.
export const ROOT_CAUSES = Object.freeze(['quality', 'communication', 'price', 'delay', 'staff', 'facilities', 'process', 'external']);
/// Grades, 1 (crisis) to 4 (general).
export const GRADES = Object.freeze([1, 2, 3, 4]);
/// The crisis checklist, in the order it is worked through.
export const ESCALATION_ITEMS = Object.freeze(['report_head_office', 'team_meeting', 'one_spokesperson']);
/// What can be written on the timeline by hand.
export const ENTRY_KINDS = Object.freeze(['note', 'call', 'visit']);
/// List orders.
export const SORTS = Object.freeze(['newest', 'oldest', 'due', 'grade']);
/// Rows per list page: enough to scan, few enough to render at once.
export const PAGE_SIZE = 50;

/// The crisis steps a close must be confirmed for: those not ticked on a grade 1 case (the
/// backend refuses to close it without a reason then); none for any other grade.
export function crisisStepsNotDone(detail) {
  if (Number(detail?.fields?.grade) !== 1) return [];
  const ticked = new Set((detail.escalationTicks ?? []).map((tick) => tick.item));
  return ESCALATION_ITEMS.filter((item) => !ticked.has(item));
}

/// Why an earlier case was listed as a likely duplicate: which key matched, and whether it is
/// in the same category ("Same phone number · same category").
export function duplicateReason(row, lang) {
  const keys = row?.matchedBy ?? [];
  const phone = keys.includes('phone');
  const reference = keys.includes('reference');
  const which = phone && reference ? 'both' : phone ? 'phone' : reference ? 'reference' : null;
  const parts = which ? [translate(lang, `intake.duplicates.by.${which}`)] : [];
  if (row?.sameCategory) parts.push(translate(lang, 'intake.duplicates.sameCategory'));
  return parts.join(' · ');
}

/// Whether the customer went over the branch's head.
export function isEscalated(channel) {
  return ESCALATED_CHANNELS.includes(channel);
}

/// `¥1,234.50` from an amount in fen; '' for a missing amount.
export function formatMoney(fen, lang) {
  const number = Number(fen);
  if (fen == null || fen === '' || !Number.isFinite(number)) return '';
  const yuan = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(Math.abs(number) / 100);
  return `${number < 0 ? '-' : ''}¥${yuan}`;
}

/// A span of time as people say it: days and hours, or hours, or minutes (at least one).
export function formatDuration(seconds, lang) {
  const minutes = Math.max(1, Math.floor(Math.abs(Number(seconds) || 0) / 60));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return translate(lang, hours > 0 ? 'duration.daysHours' : 'duration.days', { days, hours });
  if (hours > 0) return translate(lang, 'duration.hours', { hours });
  return translate(lang, 'duration.minutes', { minutes });
}

/// The countdown of an open case: "剩 2 天 3 小时", "超期 5 小时" or "已暂停"; '' when none.
export function countdownText(deadline, lang) {
  if (!deadline) return '';
  if (deadline.state === 'overdue') return translate(lang, 'deadline.overdue', { time: formatDuration(deadline.remainingSeconds, lang) });
  if (deadline.state === 'paused') return translate(lang, 'deadline.paused');
  return translate(lang, 'deadline.left', { time: formatDuration(deadline.remainingSeconds, lang) });
}

function zoned(timeZone, now) {
  let formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
  } catch {
    return zoned('UTC', now);
  }
  const map = {};
  for (const part of formatter.formatToParts(now)) map[part.type] = part.value;
  return map;
}

/// Now in the branch's zone as a datetime-local value, `YYYY-MM-DDTHH:MM`.
export function localDateTimeInput(timeZone, now = new Date()) {
  const p = zoned(timeZone, now);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/// A file size in KB or MB, one decimal for MB.
export function formatFileSize(bytes, lang) {
  const size = Math.max(0, Number(bytes) || 0);
  if (size >= 1024 * 1024) return translate(lang, 'size.mb', { size: (size / (1024 * 1024)).toFixed(1) });
  return translate(lang, 'size.kb', { size: formatNumber(Math.max(1, Math.ceil(size / 1024)), lang) });
}

/// "第 1–50 条，共 1,234 条" parts: the first and last row shown (1-based) and the total.
export function pageRange(page, pageSize, total) {
  if (!total) return { first: 0, last: 0, total: 0 };
  const first = page * pageSize + 1;
  return { first: Math.min(first, total), last: Math.min(total, first + pageSize - 1), total };
}

// ---------- The case routes and the list's filters in the hash ----------

const DEFAULT_FILTERS = Object.freeze({
  status: '', grade: '', categoryId: '', channel: '', assigneeId: '', rootCause: '', reference: '',
  overdue: false, dueToday: false, from: '', to: '', search: '', sort: 'newest', page: 0,
  figure: '', figureMonth: '', figureCode: '', figureHits: false,
});
const FLAG_KEYS = ['overdue', 'dueToday', 'figureHits'];
const isDay = (value) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/// Which case screen a hash names: `{view: 'list', filters}`, `{view: 'new'}` or `{view: 'case', id}`.
export function parseCaseHash(hash) {
  const text = String(hash ?? '').replace(/^#\/?/, '');
  const [path, query = ''] = text.split('?');
  const segment = path.split('/')[1] ?? '';
  if (segment === 'new') return { view: 'new' };
  if (/^\d+$/.test(segment)) return { view: 'case', id: Number(segment) };
  return { view: 'list', filters: filtersFromQuery(query) };
}

/// Filters from a hash query such as `status=open&overdue=1`; unknown or malformed values are dropped.
export function filtersFromQuery(query) {
  const params = new URLSearchParams(query);
  const filters = { ...DEFAULT_FILTERS };
  const status = params.get('status') ?? '';
  if (status === 'open' || STATUSES.includes(status)) filters.status = status;
  const grade = params.get('grade') ?? '';
  if (GRADES.map(String).includes(grade)) filters.grade = grade;
  for (const key of ['categoryId', 'assigneeId']) {
    const value = params.get(key) ?? '';
    if (/^\d+$/.test(value)) filters[key] = value;
  }
  const channel = params.get('channel') ?? '';
  if (CHANNELS.includes(channel)) filters.channel = channel;
  const rootCause = params.get('rootCause') ?? '';
  if (rootCause === 'none' || ROOT_CAUSES.includes(rootCause)) filters.rootCause = rootCause;
  filters.reference = (params.get('reference') ?? '').slice(0, 100);
  for (const key of FLAG_KEYS) filters[key] = params.get(key) === '1';
  for (const key of ['from', 'to']) {
    const value = params.get(key) ?? '';
    if (isDay(value)) filters[key] = value;
  }
  filters.search = (params.get('search') ?? '').slice(0, 200);
  // The cases behind a report figure: a figure or breakdown key and its month, both or neither.
  const figure = params.get('figure') ?? '';
  const figureMonth = params.get('figureMonth') ?? '';
  if (/^[a-z_0-9]{1,40}$/.test(figure) && /^\d{4}-\d{2}$/.test(figureMonth)) {
    Object.assign(filters, { figure, figureMonth, figureCode: (params.get('figureCode') ?? '').slice(0, 100) });
  } else {
    filters.figureHits = false;
  }
  const sort = params.get('sort') ?? '';
  if (SORTS.includes(sort)) filters.sort = sort;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 0) filters.page = page;
  return filters;
}

/// The hash for a list with `filters`: defaults are left out, so a plain list is `#/cases`.
export function hashForFilters(filters) {
  const params = new URLSearchParams();
  for (const [key, fallback] of Object.entries(DEFAULT_FILTERS)) {
    const value = filters[key];
    if (value == null || value === fallback || value === '') continue;
    if (FLAG_KEYS.includes(key)) {
      if (value) params.set(key, '1');
    } else {
      params.set(key, String(value));
    }
  }
  const query = params.toString();
  return query ? `#/cases?${query}` : '#/cases';
}

/// Whether anything narrows the list (the order and the page do not).
export function hasActiveFilters(filters) {
  return Object.keys(DEFAULT_FILTERS)
    .filter((key) => key !== 'sort' && key !== 'page' && key !== 'figureHits')
    .some((key) => filters[key] !== DEFAULT_FILTERS[key] && filters[key] !== '');
}

/// The same filters with nothing narrowing the list (the order is kept).
export function clearedFilters(filters) {
  return { ...DEFAULT_FILTERS, sort: filters.sort };
}

/// The backend's CaseQuery for `filters`.
export function queryForFilters(filters, pageSize = PAGE_SIZE) {
  const id = (value) => (value === '' || value == null ? null : Number(value));
  const text = (value) => (String(value ?? '').trim() === '' ? null : String(value).trim());
  return {
    status: text(filters.status),
    grade: id(filters.grade),
    categoryId: id(filters.categoryId),
    channel: text(filters.channel),
    assigneeId: id(filters.assigneeId),
    rootCause: text(filters.rootCause),
    reference: text(filters.reference),
    overdue: Boolean(filters.overdue),
    dueToday: Boolean(filters.dueToday),
    from: text(filters.from),
    to: text(filters.to),
    search: text(filters.search),
    figure: filters.figure && filters.figureMonth ? {
      month: filters.figureMonth, key: filters.figure, code: text(filters.figureCode), hits: Boolean(filters.figureHits),
    } : null,
    sort: filters.sort || 'newest',
    page: Number(filters.page) || 0,
    pageSize,
  };
}

/// Per-status counts as a map, plus `all` and `open` totals.
export function countsByStatus(statusCounts) {
  const counts = { all: 0, open: 0 };
  for (const [status, count] of statusCounts ?? []) {
    counts[status] = (counts[status] ?? 0) + count;
    counts.all += count;
    if (OPEN_STATUSES.includes(status)) counts.open += count;
  }
  return counts;
}

// ---------- Audit values ----------

const INSTANT_FIELDS = new Set(['acknowledged_at', 'resolved_at', 'closed_at', 'acknowledge_by', 'resolve_by', 'due_at', 'paused_since', 'received_at']);
const FLAG_FIELDS = new Set(['media_exposure_risk', 'lawsuit_risk', 'needs_other_departments', 'customer_accepted', 'justified']);
const CODE_FIELDS = { status: 'status', channel: 'channel', customer_type: 'customerType', root_cause: 'rootCause', follow_up_kind: 'followUpKind' };

/// An audit field's label: `audit_field.<name>`, or the raw column name when there is none.
export function auditFieldLabel(field, lang) {
  const key = `audit_field.${field}`;
  const text = translate(lang, key);
  return text === key ? String(field) : text;
}

/// An audit value as people read it: codes translated, instants in the branch's zone, money
/// in yuan, flags as yes/no, ids as names. `lookup` has `categoryName(id)` and `staffName(id)`.
export function auditValue(field, value, { lang, timeZone, lookup = {} } = {}) {
  if (value == null || value === '') return translate(lang, 'common.none');
  const text = String(value);
  if (INSTANT_FIELDS.has(field)) return formatDateTime(text, lang, timeZone) || text;
  if (field === 'called_on') return formatDate(text, lang) || text;
  if (FLAG_FIELDS.has(field)) return translate(lang, text === '0' ? 'common.no' : 'common.yes');
  if (field === 'goodwill_fen') return formatMoney(text, lang);
  if (field === 'grade' || field === 'suggested_grade') return gradeText(text, lang);
  if (field === 'satisfaction') return satisfactionText(text, lang);
  if (Object.hasOwn(CODE_FIELDS, field)) return codeText(CODE_FIELDS[field], text, lang);
  if (field === 'category_id') return lookup.categoryName?.(Number(text)) ?? text;
  if (field === 'taken_by_id' || field === 'assignee_id') return lookup.staffName?.(Number(text)) ?? text;
  if (field === 'escalation_unticked') {
    const items = text.split(',').map((item) => codeText('escalation', item, lang));
    return new Intl.ListFormat(lang === 'en' ? 'en' : 'zh-CN', { type: 'conjunction' }).format(items);
  }
  return text;
}

function codeText(namespace, code, lang) {
  const key = `${namespace}.${code}`;
  const text = translate(lang, key);
  return text === key ? code : text;
}

/// "二级" for 2, or the raw value when it is not a grade.
export function gradeText(grade, lang) {
  return GRADES.map(String).includes(String(grade)) ? translate(lang, `gradeShort.${grade}`) : String(grade ?? '');
}

/// "4 – 满意" for 4.
export function satisfactionText(score, lang) {
  return ['1', '2', '3', '4', '5'].includes(String(score)) ? translate(lang, `satisfaction.${score}`) : String(score ?? '');
}

/// The timeline text of a status or grade change: "状态：新建 → 已受理".
export function changeText(kind, oldValue, newValue, lang) {
  if (kind === 'status') {
    const from = oldValue ? codeText('status', oldValue, lang) : '';
    return translate(lang, from ? 'timeline.statusChange' : 'timeline.statusSet', { from, to: codeText('status', newValue, lang) });
  }
  return translate(lang, 'timeline.gradeChange', { from: gradeText(oldValue, lang), to: gradeText(newValue, lang) });
}

/// The translation of `prefix + code` (prefix ends with a dot, e.g. `escalation.`), or the
/// code itself when the dictionary has no such key (a newer backend's code still shows).
export function label(prefix, code) {
  const key = `${prefix}${code}`;
  const text = t(key);
  return text === key ? String(code ?? '') : text;
}
