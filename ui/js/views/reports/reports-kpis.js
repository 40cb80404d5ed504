// The report's figures as one table, grouped (volume, timeliness, follow-up and satisfaction,
// escalation, training and prevention). Each comparison shows an arrow, the signed change and
// "better"/"worse" in words, so it still reads on a black-and-white printout. Each figure that
// counts cases links to them, as the dashboard's figures do.

import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { formatMonth, addMonths } from '../../lib/months.js';
import { groupKpis, formatKpiValue, changeText, figureHref, isCaseFigure } from './report-format.js';
import { kpiName, definitionToggle } from './reports-glossary.js';

// The value opens the cases it is computed over (for a share, those it divides by); a share's
// "3 of 5" opens the 3 and the 5 separately. A dash (no data) and non-case figures are plain.
function valueCell(kpi, month, lang) {
  const parts = kpi.unit === 'share' && Array.isArray(kpi.parts) && kpi.parts.length === 2 ? kpi.parts : null;
  const linked = kpi.value != null && isCaseFigure(kpi.key);
  const link = (text, hits, className) => el('a', {
    href: figureHref(kpi.key, month, { hits }), class: [className, 'kpi-link'], dataset: { part: hits ? 'hits' : 'all' },
  }, text);
  const value = formatKpiValue(kpi.unit, kpi.value, lang);
  const [num, den] = parts ? parts.map((n) => formatNumber(n, lang)) : [];
  return el('td', { class: 'kpi-value' },
    linked ? link(value, false, 'kpi-figure') : el('span', { class: 'kpi-figure' }, value),
    parts ? el('span', { class: ['kpi-note', 'muted'] }, linked
      ? partsLinks(t('reports.kpis.parts', { num: '\u0000', den: '\u0001' }), link(num, true, 'kpi-part'), link(den, false, 'kpi-part'))
      : t('reports.kpis.parts', { num, den })) : null);
}

// "{num} of {den}" in the current language with the two numbers as links, wherever the
// dictionary puts them.
function partsLinks(template, numLink, denLink) {
  return template.split(/(\u0000|\u0001)/).filter(Boolean)
    .map((piece) => (piece === '\u0000' ? numLink : piece === '\u0001' ? denLink : piece));
}

function changeCell(kpi, which, lang) {
  const change = changeText(kpi, which, lang);
  const reference = which === 'lastYear' ? kpi.lastYear : kpi.previous;
  const referenceText = formatKpiValue(kpi.unit, reference, lang);
  return el('td', { class: ['kpi-change', `change-${change.verdict}`], dataset: { direction: change.direction, verdict: change.verdict } },
    el('span', { class: 'change-main' },
      change.arrow ? el('span', { class: 'change-arrow', attrs: { 'aria-hidden': 'true' } }, change.arrow) : null,
      change.deltaText ? el('span', { class: 'change-delta' }, change.deltaText) : null,
      change.verdictText ? el('span', { class: 'change-verdict' }, change.verdictText) : null),
    el('span', { class: ['change-ref', 'muted'] },
      t(which === 'lastYear' ? 'reports.kpis.wasLastYear' : 'reports.kpis.wasPrevious', { value: referenceText })));
}

function kpiRow(kpi, month, glossary, lang) {
  return el('tr', { class: 'kpi-row', dataset: { kpi: kpi.key, unit: kpi.unit, better: kpi.better } },
    el('th', { scope: 'row', class: 'kpi-name' },
      el('span', { class: 'kpi-label' }, kpiName(glossary, kpi.key)),
      definitionToggle(glossary, kpi.key)),
    valueCell(kpi, month, lang),
    changeCell(kpi, 'previous', lang),
    changeCell(kpi, 'lastYear', lang));
}

/// The figures of `report` as a grouped table in a card.
export function kpiSection(report, { glossary, lang }) {
  const month = report.month;
  const columns = [
    t('reports.kpis.column.name'),
    formatMonth(month, lang),
    t('reports.kpis.column.previous', { month: formatMonth(addMonths(month, -1), lang) }),
    t('reports.kpis.column.lastYear', { month: formatMonth(addMonths(month, -12), lang) }),
  ];
  return el('section', { id: 'report-kpis', class: ['card', 'report-kpis'], attrs: { 'aria-labelledby': 'report-kpis-title' } },
    el('h2', { id: 'report-kpis-title', class: 'card-title', i18n: 'reports.kpis.title' }),
    el('div', { class: 'table-wrap' },
      el('table', { class: ['table', 'kpi-table'] },
        el('caption', { class: 'visually-hidden' }, t('reports.kpis.caption', { month: formatMonth(month, lang) })),
        el('thead', null, el('tr', null, columns.map((text) => el('th', { scope: 'col' }, text)))),
        groupKpis(report.kpis).map(({ group, kpis }) => el('tbody', { class: 'kpi-group', dataset: { group } },
          el('tr', { class: 'kpi-group-row' },
            el('th', { scope: 'colgroup', colSpan: 4, class: 'kpi-group-title', i18n: `reports.group.${group}` })),
          kpis.map((kpi) => kpiRow(kpi, month, glossary, lang)))))));
}
