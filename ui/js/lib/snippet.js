// Why a searched case matched: the backend's snippet (cases/snippet.rs) as text nodes, the
// matched words in <mark>. Built from parts, never from markup, so a complaint that contains
// `<img onerror=…>` shows exactly that.

import { el } from './dom.js';
import { t } from '../i18n/index.js';

// The field each snippet can come from, and the label it is shown with.
const FIELD_LABELS = {
  description: 'field.description',
  complainantName: 'field.complainantName',
  reference: 'field.reference',
  phone: 'field.phone',
  number: 'field.caseNumber',
};

/// A `<span class="case-snippet">` for `snippet` ({field, parts: [{text, hit}]}), or null.
export function snippetNode(snippet) {
  if (!snippet?.parts?.length) return null;
  const labelKey = FIELD_LABELS[snippet.field] ?? 'field.description';
  return el('span', { class: 'case-snippet' },
    el('span', { class: 'case-snippet-field' }, t('cases.snippet.field', { field: t(labelKey) })),
    snippet.parts.map((part) => (part.hit ? el('mark', { class: 'search-hit' }, part.text) : part.text)));
}
