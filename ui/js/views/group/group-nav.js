// The "Group" entry of the main navigation shows only on head office's computer.

import * as api from '../../api.js';

/// Shows or hides the nav entry after asking the backend whether this computer is head
/// office; a failure (signed out, locked) hides it.
export async function refreshGroupNav() {
  const item = document.getElementById('nav-group-item');
  if (!item) return;
  try {
    item.hidden = !(await api.groupMode());
  } catch {
    item.hidden = true;
  }
}
