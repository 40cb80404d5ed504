// The crisis banner with its escalation checklist, the customer's other complaints, and the
// case's attachments.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { toast, toastError } from '../../lib/toast.js';
import { ESCALATION_ITEMS, OPEN_STATUSES, formatFileSize } from './case-format.js';
import { statusBadge, gradeBadge } from './case-ui.js';

/// Grade 1: a banner and the three things to do at once. Ticks are kept (and shown) even if
/// the grade is lowered later, because they are part of the record. Once the case is closed
/// or voided the banner no longer calls for action: it reads as the record of what was done,
/// with steps never ticked marked as not done.
export function buildCrisis(page) {
  const { detail } = page;
  const ticks = detail.escalationTicks ?? [];
  if (detail.fields.grade !== 1 && !ticks.length) return null;
  const open = OPEN_STATUSES.includes(detail.status);
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  const items = ESCALATION_ITEMS.map((item) => {
    const tick = ticks.find((candidate) => candidate.item === item);
    const id = `case-escalation-${item}`;
    const box = el('input', { type: 'checkbox', id, checked: Boolean(tick), disabled: Boolean(tick) || !open, dataset: { escalation: item } });
    let note = null;
    if (tick) {
      note = el('span', { class: ['hint', 'escalation-by'] }, t('escalation.tickedBy', {
        name: tick.tickedByName || t('timeline.nobody'), time: formatDateTime(tick.tickedAt, lang, tz),
      }));
    } else if (!open) {
      note = el('span', { class: ['hint', 'escalation-not-done'], i18n: 'escalation.notDone' });
    }
    return el('li', { class: ['escalation-item', tick && 'is-ticked'] },
      el('label', { class: 'checkbox', htmlFor: id }, box, el('span', { i18n: `escalation.${item}` })),
      note);
  });
  const section = el('section', { id: 'case-crisis', class: ['crisis', !open && 'is-record'], attrs: { role: 'region', 'aria-labelledby': 'case-crisis-title' } },
    el('h2', { id: 'case-crisis-title', class: 'crisis-title', i18n: open ? 'escalation.title' : 'escalation.titleClosed' }),
    el('p', { i18n: open ? 'escalation.body' : 'escalation.bodyClosed' }),
    el('ul', { class: 'escalation-list' }, items));
  if (!open) return section;
  section.addEventListener('change', async (event) => {
    const box = event.target.closest('input[data-escalation]');
    if (!box || !box.checked) return;
    box.disabled = true;
    const ok = await page.run(() => api.tickCaseEscalation(page.id, box.dataset.escalation), { toastKey: 'escalation.ticked' });
    if (!ok) {
      box.checked = false;
      box.disabled = false;
    }
  });
  return section;
}

/// "本客户 90 天内第 3 次投诉" and links to the customer's other cases (same phone or reference).
export function buildHistory(page) {
  const { history } = page.detail;
  const ordinal = history?.ordinalIn90Days ?? 1;
  const cases = history?.cases ?? [];
  if (ordinal < 2 && !cases.length) return null;
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  return el('section', { id: 'case-history', class: ['card', 'history', ordinal >= 2 && 'is-repeat'], attrs: { 'aria-labelledby': 'case-history-title' } },
    el('h2', { id: 'case-history-title', class: 'card-title', i18n: 'history.title' }),
    ordinal >= 2 ? el('p', { id: 'case-history-ordinal', class: 'history-ordinal' }, t('history.ordinal', { n: formatNumber(ordinal, lang) })) : null,
    cases.length ? el('ul', { class: 'history-list' }, cases.map((row) => el('li', { dataset: { caseId: String(row.id) } },
      el('a', { href: `#/cases/${Number(row.id)}` }, row.number),
      el('span', { class: 'muted' }, formatDateTime(row.receivedAt, lang, tz)),
      el('span', { class: 'history-badges' }, gradeBadge(row.grade), statusBadge(row.status))))) : null);
}

/// Photos and PDFs on the case, each opened in the system's viewer.
export function buildAttachments(page) {
  const lang = getLanguage();
  const tz = page.ctx.status?.branch?.timezone;
  const files = page.detail.attachments ?? [];
  const section = el('section', { id: 'case-attachments', class: 'card', attrs: { 'aria-labelledby': 'case-attachments-title' } },
    el('h2', { id: 'case-attachments-title', class: 'card-title', i18n: 'attachments.title' }),
    files.length
      ? el('ul', { class: 'attachment-list' }, files.map((file) => el('li', { dataset: { attachmentId: String(file.id) } },
        el('span', { class: 'attachment-name' }, file.fileName),
        el('span', { class: ['hint', 'attachment-meta'] }, `${formatFileSize(file.sizeBytes, lang)} · ${formatDateTime(file.addedAt, lang, tz)}`),
        el('button', {
          type: 'button', class: ['button', 'button-small', 'attachment-open', 'no-print'], dataset: { attachmentId: String(file.id) },
          attrs: { 'aria-label': t('attachments.openNamed', { name: file.fileName }) }, i18n: 'attachments.open',
        }))))
      : el('p', { class: 'hint', i18n: 'attachments.none' }),
    el('div', { class: ['form-actions', 'no-print'] },
      el('button', { type: 'button', id: 'case-attach', class: ['button', 'button-small'], i18n: 'attachments.add' }),
      el('span', { class: 'hint', i18n: 'attachments.hint' })));
  section.addEventListener('click', async (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.id === 'case-attach') {
      button.disabled = true;
      const before = files.length;
      // The backend shows the file dialog; cancelling it returns the case unchanged.
      const ok = await page.run(() => api.addCaseAttachment(page.id), { toastKey: null });
      if (ok && page.detail.attachments.length > before) toast(t('attachments.added'), 'success');
      if (!ok) button.disabled = false;
      return;
    }
    if (button.dataset.attachmentId) {
      try {
        await api.openCaseAttachment(Number(button.dataset.attachmentId));
      } catch (err) {
        toastError(err);
      }
    }
  });
  return section;
}
