// What the native menu's items do in the window. The backend sends an item's id (see
// src-tauri/src/desktop/menu_model.rs); this maps it to a place in the app. Pure, so node
// --test checks every id.

const PAGES = Object.freeze(['dashboard', 'cases', 'training', 'prevention', 'reports', 'staff', 'settings']);

/// Where item `id` takes the user: `{hash, focus}`, `focus` naming the element to bring into
/// view there (or null); null for an id the window does not handle.
export function menuTarget(id) {
  switch (id) {
    case 'file.new-case':
      return { hash: '#/cases/new', focus: 'case-channel' };
    case 'file.export-month':
      return { hash: '#/reports', focus: 'report-export' };
    case 'help.about':
      return { hash: '#/settings', focus: 'settings-about' };
    default: {
      const page = /^view\.([a-z]+)$/.exec(String(id))?.[1];
      return page && PAGES.includes(page) ? { hash: `#/${page}`, focus: null } : null;
    }
  }
}

/// Whether going to `target` means changing the address: not when the user is already on
/// that page (the month chosen on Reports stays as it is).
export function needsNavigation(currentHash, targetHash) {
  return String(currentHash ?? '').split('?')[0] !== targetHash;
}
