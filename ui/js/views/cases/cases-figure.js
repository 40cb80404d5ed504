// The note above the case list when it shows the cases behind a report figure ("the cases
// behind “Closed” in the October 2026 report"), with a way back to that report. The cases
// themselves are picked by the backend with the report's own definition; this only says which.

import { el } from '../../lib/dom.js';
import { getLanguage } from '../../i18n/index.js';
import { categoryNamer } from '../../lib/labels.js';
import { figureNoteText, monthOfKey, reportHref } from '../reports/report-format.js';
import { loadGlossary, kpiName } from '../reports/reports-glossary.js';

/// Fills `node` with the note for `filters`, or empties and hides it without a figure.
export async function showFigureNote(node, filters, categories) {
  if (!filters.figure || !filters.figureMonth) {
    node.replaceChildren();
    node.hidden = true;
    return;
  }
  const lang = getLanguage();
  const glossary = await loadGlossary(lang);
  const text = figureNoteText(filters, {
    lang, figureName: (key) => kpiName(glossary, key), categoryName: categoryNamer(categories),
  });
  node.replaceChildren(
    el('span', { class: 'case-figure-text' }, text),
    el('a', { href: reportHref(monthOfKey(filters.figureMonth)), class: 'case-figure-report', i18n: 'cases.figure.report' }));
  node.hidden = false;
}
