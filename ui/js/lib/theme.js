// The colour theme: Settings offers System, Light and Dark (stored by the backend like the
// language); System follows the operating system's dark mode and changes with it while the
// app is open. The result is <html data-theme="light|dark">, which css/theme.css styles.

const DARK_QUERY = '(prefers-color-scheme: dark)';

/// The themes offered in Settings, in order.
export const THEMES = Object.freeze(['system', 'light', 'dark']);

/// The theme to draw: the user's choice, or for `system` (and anything unknown) what the OS
/// prefers. Pure: importable from node.
export function resolveTheme(choice, systemPrefersDark) {
  if (choice === 'light' || choice === 'dark') return choice;
  return systemPrefersDark ? 'dark' : 'light';
}

let chosen = 'system';
let watching = null;

/// Applies `choice` now, and keeps following the OS while the choice is `system`.
export function applyTheme(choice) {
  chosen = THEMES.includes(choice) ? choice : 'system';
  const query = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  if (query && !watching) {
    watching = () => draw(query.matches);
    query.addEventListener('change', watching);
  }
  draw(query?.matches ?? false);
}

/// The theme chosen in Settings.
export function chosenTheme() {
  return chosen;
}

function draw(systemPrefersDark) {
  document.documentElement.dataset.theme = resolveTheme(chosen, systemPrefersDark);
}
