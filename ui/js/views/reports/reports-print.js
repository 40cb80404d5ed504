// Printing the monthly report: the figures, trend and breakdowns on A4, then the glossary on
// a page of its own (ui/css/print-report.css). The glossary is a <details> the user may have
// left folded, and a folded one prints nothing, so it is opened before printing. The report
// holds counts only, never a customer's name or phone, so nothing on it needs masking.

import * as api from '../../api.js';

/// Prints the report shown under `root`.
export async function printReport(root) {
  const glossary = root.querySelector('#report-glossary');
  if (glossary) glossary.open = true;
  await api.printPage();
}
