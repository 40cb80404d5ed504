// Training: the matrix (staff × modules), a person's page, the curriculum, the scenario
// library, the team's progress, and the full-window drill runner. This module picks the
// sub-view from the hash (#/training/<view>/<id>?filters) and draws the shared tabs.

import { el } from '../../lib/dom.js';
import { pageHeader } from '../../lib/states.js';
import { parseTrainingHash, trainingHash } from './training-format.js';
import { renderMatrix } from './training-matrix.js';
import { renderPerson } from './training-person.js';
import { renderCurriculum } from './training-curriculum.js';
import { renderScenarios } from './training-scenarios.js';
import { renderProgress } from './training-progress.js';
import { renderDrill } from './training-drill.js';
import { renderLessons } from '../lessons/lessons-library.js';

const TABS = ['matrix', 'curriculum', 'scenarios', 'progress', 'lessons'];
const RENDER = {
  matrix: renderMatrix,
  person: renderPerson,
  curriculum: renderCurriculum,
  scenarios: renderScenarios,
  progress: renderProgress,
  lessons: renderLessons,
};

/// Renders whichever training screen the hash names.
export async function render(container, ctx) {
  const route = parseTrainingHash(location.hash);
  if (route.view === 'drill') return renderDrill(container, ctx, route.params);
  const current = route.view === 'person' ? 'matrix' : route.view;
  const tabs = el('nav', { class: ['tabs', 'training-tabs', 'no-print'], i18nAriaLabel: 'training.tabs' },
    TABS.map((tab) => el('a', {
      href: trainingHash(tab), id: `training-tab-${tab}`, class: ['tab', tab === current && 'is-current'],
      attrs: { 'aria-current': tab === current ? 'page' : null }, i18n: `training.tab.${tab}`,
    })));
  const body = el('div', { class: 'training-body' });
  container.replaceChildren(
    pageHeader('nav.training', {
      introKey: 'training.intro',
      actions: [el('a', { href: trainingHash('drill'), id: 'training-start-drill', class: ['button', 'button-primary'], i18n: 'training.drill.start' })],
    }),
    tabs, body);
  await RENDER[route.view](body, ctx, route);
}
