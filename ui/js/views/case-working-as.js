// "Working as" in the header: who is at this computer. Changes to cases are recorded in that
// person's name. The list of current staff is refreshed on every page change, so someone added
// on the Staff page shows up at once.

import * as api from '../api.js';
import { el } from '../lib/dom.js';
import { t } from '../i18n/index.js';
import { toast, toastError } from '../lib/toast.js';

/// Wires the `#current-staff` select. `getStatus()` returns the current AppStatus;
/// `setStaffId(id)` stores a new choice in it. Returns `refresh()`.
export function installWorkingAs(select, { getStatus, setStaffId }) {
  let seq = 0;
  async function refresh() {
    const mine = ++seq;
    let staff;
    try {
      staff = await api.listStaff(false);
    } catch (err) {
      console.warn(err);
      return;
    }
    if (mine !== seq) return;
    const current = getStatus()?.currentStaffId ?? null;
    select.replaceChildren(
      el('option', { value: '', i18n: 'workingAs.nobody' }),
      ...staff.map((member) => el('option', { value: String(member.id) }, member.name)));
    select.value = current == null ? '' : String(current);
    // The stored choice may be someone who has since left: the backend ignores them.
    if (select.value === '' && current != null) setStaffId(null);
    showHints(select.value !== '');
  }

  select.addEventListener('change', async () => {
    const previous = getStatus()?.currentStaffId ?? null;
    const id = select.value === '' ? null : Number(select.value);
    try {
      await api.setCurrentStaff(id);
      setStaffId(id);
      showHints(id != null);
      toast(id == null ? t('workingAs.cleared') : t('workingAs.set', { name: select.selectedOptions[0]?.textContent ?? '' }), 'success');
    } catch (err) {
      select.value = previous == null ? '' : String(previous);
      toastError(err);
    }
  });
  return refresh;
}

// The hint on case screens asks people to pick a name; it goes away once they have.
function showHints(chosen) {
  for (const hint of document.querySelectorAll('.working-as-hint')) hint.hidden = chosen;
}
