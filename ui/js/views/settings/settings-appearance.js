// Settings › Appearance: System (follow the OS's light or dark mode), Light or Dark. Saved
// by the backend like the language, and applied at once.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { selectField } from '../../lib/fields.js';
import { THEMES, applyTheme, chosenTheme } from '../../lib/theme.js';
import { toastSaved, toastError } from '../../lib/toast.js';

/// The Appearance card.
export function appearanceSection() {
  const field = selectField({
    formId: 'settings-theme-form', id: 'settings-theme', name: 'theme',
    labelKey: 'settings.theme.label', hintKey: 'settings.theme.hint',
    options: THEMES.map((value) => ({ value, labelKey: `settings.theme.${value}` })),
    value: chosenTheme(),
  });
  const control = field.querySelector('select');
  control.addEventListener('change', async () => {
    const before = chosenTheme();
    applyTheme(control.value);
    try {
      await api.setTheme(control.value);
      toastSaved();
    } catch (err) {
      applyTheme(before);
      control.value = before;
      toastError(err);
    }
  });
  return el('section', { id: 'settings-appearance', class: ['card', 'settings-section'], attrs: { 'aria-labelledby': 'settings-appearance-title' } },
    el('h2', { id: 'settings-appearance-title', class: 'card-title', i18n: 'settings.theme.title' }),
    field);
}
