// The case page's record: what the customer said and wants, who they are, who handles it,
// and — once recorded — how it was resolved and how the follow-up went. Customer text is
// always set as text (it is written by the public).

import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { formatMoney, satisfactionText } from './case-format.js';

function facts(rows) {
  return el('dl', { class: ['facts', 'case-facts'] },
    rows.filter(Boolean).map(([labelKey, value, id]) => [
      el('dt', { i18n: labelKey }),
      el('dd', { id }, value == null || value === '' ? t('common.none') : value),
    ]));
}

function paragraph(id, text) {
  return el('p', { id, class: 'case-text' }, text || t('common.none'));
}

/// The "complaint" card: description, request, complainant and handling facts.
export function buildFields(page) {
  const f = page.detail.fields;
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  const flags = [
    f.mediaExposureRisk ? t('field.mediaExposureRisk') : null,
    f.lawsuitRisk ? t('field.lawsuitRisk') : null,
    f.needsOtherDepartments ? t('field.needsOtherDepartments') : null,
  ].filter(Boolean);
  return el('section', { id: 'case-fields', class: 'card', attrs: { 'aria-labelledby': 'case-fields-title' } },
    el('h2', { id: 'case-fields-title', class: 'card-title', i18n: 'case.fields.title' }),
    el('h3', { class: 'subhead', i18n: 'field.description' }),
    paragraph('case-description', f.description),
    el('h3', { class: 'subhead', i18n: 'field.customerRequest' }),
    paragraph('case-request', f.customerRequest),
    facts([
      ['field.complainantName', f.complainantName || t('case.anonymous'), 'case-complainant'],
      ['field.phone', f.phone, 'case-phone'],
      ['field.reference', f.reference, 'case-reference'],
      ['field.customerType', t(`customerType.${f.customerType}`), 'case-customer-type'],
      ['field.department', f.department, 'case-department'],
      ['field.takenById', f.takenByName, 'case-taken-by'],
      ['field.assigneeId', f.assigneeName || t('case.unassigned'), 'case-assignee'],
      ['case.fields.flags', flags.length ? flags.join(t('common.listSeparator')) : t('case.fields.noFlags'), 'case-flags'],
      ['field.households', formatNumber(f.households ?? 1, lang), 'case-households'],
      f.acknowledgedAt ? ['case.fields.acknowledgedAt', formatDateTime(f.acknowledgedAt, lang, tz)] : null,
      f.reopenCount ? ['case.fields.reopenCount', formatNumber(f.reopenCount, lang)] : null,
    ]));
}

/// How the case ended so far: resolution, follow-up, or why it is not a valid complaint.
/// Nothing is shown until one of them is recorded.
export function buildOutcome(page) {
  const f = page.detail.fields;
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  const parts = [];
  if (f.invalidReason && page.detail.status === 'invalid') {
    parts.push(el('h3', { class: 'subhead', i18n: 'case.outcome.invalid' }), paragraph('case-invalid-reason', f.invalidReason));
  }
  if (f.actionTaken) {
    parts.push(
      el('h3', { class: 'subhead', i18n: 'case.outcome.resolution' }),
      paragraph('case-action-taken', f.actionTaken),
      facts([
        ['case.outcome.accepted', t(f.customerAccepted ? 'common.yes' : 'common.no'), 'case-accepted'],
        ['case.outcome.goodwill', f.goodwillFen ? formatMoney(f.goodwillFen, lang) : t('case.outcome.noGoodwill'), 'case-goodwill'],
        ['field.rootCause', f.rootCause ? t(`rootCause.${f.rootCause}`) : null, 'case-root-cause'],
        f.resolvedAt ? ['case.outcome.resolvedAt', formatDateTime(f.resolvedAt, lang, tz)] : null,
      ]));
  }
  if (f.followUpKind === 'called') {
    parts.push(
      el('h3', { class: 'subhead', i18n: 'case.outcome.followUp' }),
      facts([
        ['field.calledOn', formatDate(f.calledOn, lang), 'case-called-on'],
        ['field.satisfaction', satisfactionText(f.satisfaction, lang), 'case-satisfaction'],
        ['field.comment', f.followUpComment, 'case-follow-up-comment'],
        f.closedAt ? ['case.outcome.closedAt', formatDateTime(f.closedAt, lang, tz)] : null,
      ]));
  } else if (f.followUpKind === 'unreachable') {
    parts.push(
      el('h3', { class: 'subhead', i18n: 'case.outcome.followUp' }),
      el('p', { class: 'note', i18n: 'case.outcome.unreachable' }),
      paragraph('case-follow-up-comment', f.followUpComment));
  }
  if (!parts.length) return null;
  return el('section', { id: 'case-outcome', class: 'card', attrs: { 'aria-labelledby': 'case-outcome-title' } },
    el('h2', { id: 'case-outcome-title', class: 'card-title', i18n: 'case.outcome.title' }),
    parts);
}
