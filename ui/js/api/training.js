// Staff training: curriculum, sign-offs, drills and progress.

import { call, orNull } from './core.js';

/// The curriculum: modules in their current version, with items and assignments.
export const listTrainingModules = (includeRetired = false) => call('list_training_modules', { includeRetired });
/// Adds (`id` null) or edits a module: `{title, refresherMonths, items: [{lineageId, text}]}`.
export const saveTrainingModule = (id, { title, refresherMonths, items }) => call('save_training_module', {
  id: orNull(id),
  input: {
    title: String(title ?? '').trim(),
    refresherMonths: orNull(refresherMonths) == null ? null : Number(refresherMonths),
    items: items.map((item) => ({ lineageId: orNull(item.lineageId) == null ? null : Number(item.lineageId), text: String(item.text ?? '').trim() })),
  },
});
/// Moves a module up (-1) or down (+1) in the curriculum.
export const moveTrainingModule = (id, offset) => call('move_training_module', { id, offset });
/// Retires a module or brings it back.
export const setTrainingModuleRetired = (id, retired) => call('set_training_module_retired', { id, retired });
/// Assigns a module to one person (`staffId`) or a position.
export const assignTrainingModule = (moduleId, { staffId = null, position = null }) => call('assign_training_module', {
  input: { moduleId, staffId: orNull(staffId) == null ? null : Number(staffId), position: orNull(position?.trim?.() ?? position) },
});
/// Withdraws an assignment made by mistake (`reason` required); it stays on record.
export const unassignTraining = (id, reason) => call('unassign_training', { id, reason });
/// Signs items off for a person: `{staffId, itemIds, signedOn, trainerId}`.
export const signOffTraining = ({ staffId, itemIds, signedOn, trainerId }) => call('sign_off_training', {
  input: { staffId, itemIds: itemIds.map(Number), signedOn, trainerId: orNull(trainerId) == null ? null : Number(trainerId) },
});
/// Withdraws a sign-off recorded by mistake (`reason` required); it stays in the history.
export const withdrawTrainingSignOff = (id, reason) => call('withdraw_training_sign_off', { id, reason });
/// The training matrix, filtered by department, position and cell state.
export const trainingMatrix = ({ department = null, position = null, status = null } = {}) => call('training_matrix', {
  filter: { department: orNull(department), position: orNull(position), status: orNull(status) },
});
/// A person's training page.
export const trainingPerson = (staffId) => call('training_person', { staffId });
/// The scenario library.
export const listDrillScenarios = (includeRetired = false) => call('list_drill_scenarios', { includeRetired });
/// Adds (`id` null) or edits a scenario.
export const saveDrillScenario = (id, input) => call('save_drill_scenario', { id: orNull(id), input });
/// Retires a scenario or brings it back.
export const setDrillScenarioRetired = (id, retired) => call('set_drill_scenario_retired', { id, retired });
/// Saves a drill: scenario, trainees, observer, actor, seconds, scores `[{step, score, note}]`, comments.
export const saveDrill = (input) => call('save_drill', { input });
/// The team's progress and the dashboard tile's figures.
export const trainingProgress = () => call('training_progress');
/// The drill a case suggests when its handling went wrong, or null.
export const caseDrillSuggestion = (caseId) => call('case_drill_suggestion', { caseId });
/// Writes the training workbook to `path` in `lang`.
export const exportTraining = ({ lang, path }) => call('export_training', { lang, path });
