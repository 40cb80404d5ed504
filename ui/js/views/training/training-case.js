// On a case whose handling went wrong (reopened, rated 1–2, resolution refused, or late), the
// side panel suggests a drill scenario of the same customer type for the staff involved, with
// a link into the drill runner already filled in. Loaded after the case is drawn, so a slow or
// failed answer never holds up the case page.

import * as api from '../../api.js';
import { el } from '../../lib/dom.js';
import { t, getLanguage } from '../../i18n/index.js';
import { pickBi, trainingHash } from './training-format.js';

/// A side-panel card that fills itself in when the backend has a suggestion for the case.
export function buildDrillSuggestion(page) {
  const section = el('section', { id: 'case-drill', class: ['card', 'case-drill', 'no-print'], hidden: true, attrs: { 'aria-labelledby': 'case-drill-title' } });
  api.caseDrillSuggestion(page.id).then((suggestion) => {
    if (!suggestion || !section.isConnected) return;
    const lang = getLanguage();
    const trainees = suggestion.staff.map(([id]) => id);
    section.replaceChildren(...[
      el('h2', { id: 'case-drill-title', class: 'card-title', i18n: 'training.case.title' }),
      el('p', { class: 'muted' }, t('training.case.why', { reasons: suggestion.reasons.map((r) => t(`training.case.reason.${r}`)).join(t('training.case.and')) })),
      el('p', { id: 'case-drill-scenario', class: 'case-drill-scenario' }, pickBi(lang, suggestion.scenario.title)),
      suggestion.staff.length ? el('p', { class: 'hint' }, t('training.case.for', { names: suggestion.staff.map(([, name]) => name).join(', ') })) : null,
      el('a', {
        href: trainingHash('drill', { scenario: suggestion.scenario.id, trainees: trainees.join(',') }),
        id: 'case-drill-schedule', class: ['button', 'button-small', 'button-primary'], i18n: 'training.case.schedule',
      })].filter(Boolean));
    section.hidden = false;
  }).catch((err) => console.warn(err));
  return section;
}
