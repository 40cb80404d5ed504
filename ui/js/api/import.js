// Importing a complaint log from a spreadsheet.

import { call, emptyToNull } from './core.js';

/// Lets the user pick a spreadsheet (the backend opens the file dialog) and opens it:
/// `{token, preview: {fileName, headers, rows, rowCount, sheets, sheet, encoding}, mapping,
/// remembered, complete}`, or null when cancelled. `token` names the file from then on.
export const importPickFile = () => call('import_pick_file');
/// Opens another sheet of a picked workbook; same shape as importPickFile.
export const importPreview = (token, sheet) => call('import_preview', { token, sheet: emptyToNull(sheet) });

/// Shapes the wizard's choices: a mapping `{field: column name}` without unchosen fields, and
/// the options for the whole file.
export function importChoices(mapping, { sheet, unknownCategoryToOther } = {}) {
  const chosen = Object.fromEntries(Object.entries(mapping ?? {}).filter(([, column]) => column != null && column !== ''));
  return { mapping: chosen, options: { sheet: emptyToNull(sheet), unknownCategoryToOther: Boolean(unknownCategoryToOther) } };
}
/// Checks every row of the picked file: `{rows, ready, closed, badRows, problems: [{row, field, code}], unknownCategories}`.
export const importDryRun = (token, mapping, options) => call('import_dry_run', { token, ...importChoices(mapping, options) });
/// Imports every row, or none when any row has a problem: `{imported, report}`.
export const importRun = (token, mapping, options) => call('import_run', { token, ...importChoices(mapping, options) });
