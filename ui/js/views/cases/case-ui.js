// Small building blocks shared by the case screens: badges, labelled textareas, checkboxes
// and selects filled with user-named things (staff, categories), built like lib/fields.js.

import { el } from '../../lib/dom.js';
import { errorSlot } from '../../lib/form.js';
import { t, getLanguage } from '../../i18n/index.js';
import { categoryName } from '../../lib/labels.js';
import { formatDateTime } from '../../lib/format.js';
import { countdownText, isEscalated, ORDINARY_CHANNELS, ESCALATED_CHANNELS } from './case-format.js';

/// The grade as a short coloured badge ("二级"), with the full name as its tooltip.
export function gradeBadge(grade, id) {
  return el('span', {
    id, class: ['badge', 'grade-badge', `grade-${grade}`], dataset: { grade: String(grade) },
    attrs: { title: t(`grade.${grade}`) },
  }, t(`gradeShort.${grade}`));
}

/// The status as a badge.
export function statusBadge(status, id) {
  return el('span', { id, class: ['badge', 'status-badge', `status-${status}`], dataset: { status } }, t(`status.${status}`));
}

/// The countdown of an open case ("剩 2 天 3 小时"), plus "受理超时" when it was not
/// acknowledged in time. Colour is never the only sign: the words say it too.
export function deadlineBadge(deadline, acknowledgeOverdue, id) {
  const state = deadline?.state ?? 'none';
  return el('span', { id, class: ['deadline', `deadline-${state}`], dataset: { state } },
    deadline ? countdownText(deadline, getLanguage()) : t('common.none'),
    acknowledgeOverdue ? el('span', { class: 'deadline-ack', i18n: 'deadline.ackOverdue' }) : null);
}

/// The channel's name, with a mark when the customer went over the branch's head.
export function channelLabel(channel) {
  return el('span', { class: 'channel' },
    t(`channel.${channel}`),
    isEscalated(channel) ? el('span', { class: ['tag', 'tag-escalated'], i18n: 'channel.escalatedTag' }) : null);
}

/// The display name of category `id` from the loaded list; '' when unknown.
export function categoryLabel(categories, id) {
  const found = categories.find((category) => category.id === id);
  return found ? categoryName(found) : '';
}

/// A received time in the branch's zone.
export function whenText(instant, ctx) {
  return formatDateTime(instant, getLanguage(), ctx.status?.branch?.timezone);
}

/// A case number linking to its page.
export function caseLink(row) {
  return el('a', { href: `#/cases/${Number(row.id)}`, class: 'case-link' }, row.number);
}

function wrap({ formId, id, name, field = name, labelKey, hintKey, control, optional, className }) {
  const slot = errorSlot(formId, field, labelKey);
  const hint = hintKey ? el('p', { class: 'hint', id: `${id}-hint`, i18n: hintKey }) : null;
  control.setAttribute('aria-describedby', [hint?.id, slot.id].filter(Boolean).join(' '));
  if (field !== name) control.dataset.field = field;
  const label = el('label', { htmlFor: id, class: 'field-label' },
    el('span', { i18n: labelKey }),
    optional ? el('span', { class: 'optional', i18n: 'common.optional' }) : null);
  return el('div', { class: ['field', `field-${name}`, className] }, label, control, hint, slot);
}

/// A labelled multi-line text field (line breaks are kept).
export function textareaField({ formId, id, name, field, labelKey, hintKey, value = '', rows = 3, optional, placeholderKey, maxLength }) {
  const control = el('textarea', {
    id, name, rows, class: ['input', 'textarea'], value: value ?? '',
    i18nPlaceholder: placeholderKey, attrs: { maxlength: maxLength },
  });
  return wrap({ formId, id, name, field, labelKey, hintKey, control, optional });
}

/// A labelled select whose options are `[value, text]` pairs of user data (names), optionally
/// after a first "—" choice for "nobody".
export function namedSelectField({ formId, id, name, field, labelKey, hintKey, choices, value = '', noneKey, optional }) {
  const options = choices.map(([optionValue, text]) => el('option', { value: String(optionValue) }, text));
  if (noneKey) options.unshift(el('option', { value: '', i18n: noneKey }));
  const control = el('select', { id, name, class: 'input', value: value == null ? '' : String(value) }, options);
  return wrap({ formId, id, name, field, labelKey, hintKey, control, optional });
}

/// A checkbox with its label to the right, and an error slot for its field.
export function checkboxField({ formId, id, name, field = name, labelKey, hintKey, checked = false }) {
  const slot = errorSlot(formId, field, labelKey);
  const hint = hintKey ? el('p', { class: 'hint', id: `${id}-hint`, i18n: hintKey }) : null;
  const input = el('input', { type: 'checkbox', id, name, checked: Boolean(checked) });
  input.setAttribute('aria-describedby', [hint?.id, slot.id].filter(Boolean).join(' '));
  if (field !== name) input.dataset.field = field;
  return el('div', { class: ['field', 'field-checkbox', `field-${name}`] },
    el('label', { class: 'checkbox', htmlFor: id }, input, el('span', { i18n: labelKey })),
    hint, slot);
}

/// Channel options grouped into "ordinary" and "escalated" for a select.
export function channelOptions() {
  const group = (labelKey, channels) => el('optgroup', { label: t(labelKey) },
    channels.map((channel) => el('option', { value: channel, i18n: `channel.${channel}` })));
  return [group('channel.groupOrdinary', ORDINARY_CHANNELS), group('channel.groupEscalated', ESCALATED_CHANNELS)];
}

/// Staff as select choices; former staff are marked, and only listed when `keepId` is one of them
/// (a case keeps showing who handled it even after that person left).
export function staffChoices(staff, keepId) {
  return staff
    .filter((member) => member.active || member.id === keepId)
    .map((member) => [member.id, member.active ? member.name : t('staff.formerNamed', { name: member.name })]);
}

/// The rules behind a grade suggestion, translated; "general" when none fired.
export function firedRules(suggestion) {
  const codes = suggestion.fired?.length ? suggestion.fired : ['general'];
  // The customer rules name the open case they come from.
  const number = suggestion.customerCase ?? '';
  return el('ul', { class: 'rule-list' }, codes.map((code) => el('li', { dataset: { rule: code } }, t(`grade_rule.${code}`, { number }))));
}
