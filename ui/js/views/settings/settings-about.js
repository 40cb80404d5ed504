// Settings › About: the version and where the log file is, with "show in folder", so a user
// can send the log to support without hunting for it.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t } from '../../i18n/index.js';
import { toastError } from '../../lib/toast.js';

/// The About section: `section` to place, `load()` to fill it from the backend.
export function buildAbout() {
  const version = el('code', { id: 'about-version' });
  const folder = el('code', { id: 'log-folder', class: 'path' });
  const file = el('code', { id: 'log-file', class: 'path' });
  const reveal = el('button', { type: 'button', id: 'log-reveal', class: 'button', i18n: 'settings.about.reveal' });
  reveal.addEventListener('click', async () => {
    try {
      await api.revealLog();
    } catch (err) {
      toastError(err);
    }
  });
  const fact = (labelKey, value) => [el('dt', { i18n: labelKey }), el('dd', null, value)];
  const section = el('section', { id: 'settings-about', class: ['card', 'settings-section'], attrs: { 'aria-labelledby': 'settings-about-title' } },
    el('h2', { id: 'settings-about-title', class: 'card-title', i18n: 'settings.about.title' }),
    el('p', { class: 'muted', i18n: 'settings.about.intro' }),
    el('dl', { class: 'facts' },
      fact('settings.about.version', version),
      fact('settings.about.logFolder', folder),
      fact('settings.about.logFile', file)),
    el('div', { class: 'form-actions' }, reveal));

  async function load() {
    try {
      const about = await api.about();
      version.textContent = about.version;
      folder.textContent = about.logFolder;
      file.textContent = about.logFile ?? t('settings.about.noLogFile');
    } catch (err) {
      toastError(err);
    }
  }
  return { section, load };
}
