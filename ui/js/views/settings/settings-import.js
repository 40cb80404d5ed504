// Settings › Import: the way into the import wizard (#/import) for a complaint log kept in a
// spreadsheet.

import { el } from '../../lib/dom.js';

/// The section: what importing does and the button that opens the wizard.
export function importSection() {
  return el('section', { id: 'settings-import', class: ['card', 'settings-section'], attrs: { 'aria-labelledby': 'settings-import-title' } },
    el('h2', { id: 'settings-import-title', class: 'card-title', i18n: 'settings.import.title' }),
    el('p', { class: 'muted', i18n: 'settings.import.intro' }),
    el('div', { class: 'form-actions' },
      el('a', { id: 'settings-import-open', href: '#/import', class: 'button', i18n: 'settings.import.open' })));
}
