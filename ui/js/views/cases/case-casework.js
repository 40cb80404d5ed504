// The casework part of a case page: the prompt to keep a late case's customer informed,
// verification's verdict, and the supporting departments. Loads on its own (the case page
// never waits for it) and keeps the answer on the page so a redraw does not flicker. After a
// change the whole case is fetched again, since the timeline and audit trail grew too.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { clearErrors, showError, whileBusy } from '../../lib/form.js';
import { toastError } from '../../lib/toast.js';
import { buildJudgement } from './case-judgement.js';
import { buildSupport } from './case-support.js';
import { buildProgress } from './case-progress.js';

/// The casework slot of the case page.
export function buildCasework(page) {
  const slot = el('div', { id: 'case-casework', class: 'casework' });
  const fill = (panel) => {
    const act = (form, work, toastKey) => save(page, form, work, toastKey);
    slot.replaceChildren(...[
      buildProgress(page, panel, act),
      buildJudgement(page, panel, act),
      buildSupport(page, panel, act),
    ].filter(Boolean));
  };
  if (page.casework?.caseId === page.id) fill(page.casework.panel);
  api.caseCasework(page.id).then((panel) => {
    page.casework = { caseId: page.id, panel };
    if (slot.isConnected) fill(panel);
  }).catch((err) => {
    // The case page must keep working without this part.
    if (!err?.code) console.error(err);
  });
  return slot;
}

/// Runs a casework change that resolves to the new panel, then redraws the page from the case
/// as stored. Errors go next to the field in `form`, or to a toast. Resolves to whether it worked.
async function save(page, form, work, toastKey = 'common.saved') {
  try {
    if (form) clearErrors(form);
    const panel = form ? await whileBusy(form, work) : await work();
    page.casework = { caseId: page.id, panel };
    page.caseworkForm = null;
    return await page.run(() => api.getCase(page.id), { toastKey });
  } catch (err) {
    if (form && form.isConnected) showError(form, err);
    else toastError(err);
    return false;
  }
}
