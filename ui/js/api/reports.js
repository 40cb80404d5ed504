// Monthly reports, the workbook and the roll-up of branch workbooks.

import { call } from './core.js';

/// A month's figures for this branch (`month` is `YYYY-MM`): `{branch, month, computedAt, kpis,
/// breakdowns, trend}` as in src-tauri/src/stats/report.rs.
export const monthlyReport = (month) => call('monthly_report', { month });

const glossaries = new Map();
/// Every figure's name and definition in `lang`, `[{key, name, definition}]`: the same words
/// the workbook uses. Fixed while the app runs, so each language is fetched once.
export function reportGlossary(lang) {
  if (!glossaries.has(lang)) {
    glossaries.set(lang, call('report_glossary', { lang }).catch((err) => {
      glossaries.delete(lang);
      throw err;
    }));
  }
  return glossaries.get(lang);
}

/// Writes the month's workbook to `path`; resolves to `{path}`. Names and phone numbers are
/// masked unless `includePersonalData`.
export const exportMonth = ({ month, lang, includePersonalData, maskDescriptions, path }) =>
  call('export_month', {
    month, lang, includePersonalData: Boolean(includePersonalData),
    // Unset: the backend masks descriptions exactly when names and phones are masked.
    maskDescriptions: maskDescriptions === undefined ? null : Boolean(maskDescriptions), path,
  });

/// Combines branch workbooks of one month into a group workbook at `out`; resolves to
/// `{out, month, branches: [{code, name}]}`. Refusals name the file in `field`.
export const rollupFiles = ({ paths, out, lang }) => call('rollup_files', { paths: [...paths], out, lang });
