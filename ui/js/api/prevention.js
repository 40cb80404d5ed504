// Prevention plans, measures and emergency drills.

import { call, emptyToNull, trimmed, toId, toInt, multiline, optionalMultiline } from './core.js';

/// Shapes a plan form: ids and whole numbers as numbers (or null), blank dates and cause as null.
export function planInput(values) {
  return {
    title: trimmed(values.title),
    categoryId: toId(values.categoryId),
    rootCause: emptyToNull(values.rootCause),
    goalPercent: toInt(values.goalPercent),
    goalDays: toInt(values.goalDays),
    ownerId: toId(values.ownerId),
    startDate: emptyToNull(values.startDate),
    reviewDate: emptyToNull(values.reviewDate),
    notes: multiline(values.notes),
    parentId: toId(values.parentId),
  };
}

/// Shapes a measure form. The training links stay null until the training area wires a picker.
export function measureInput(values) {
  return {
    description: multiline(values.description),
    kind: trimmed(values.kind),
    ownerId: toId(values.ownerId),
    dueDate: emptyToNull(values.dueDate),
    evidence: optionalMultiline(values.evidence),
    trainingModuleId: toId(values.trainingModuleId),
    drillScenarioId: toId(values.drillScenarioId),
  };
}

/// Shapes an emergency plan form.
export function emergencyInput(values) {
  return {
    title: trimmed(values.title),
    scenario: multiline(values.scenario),
    contacts: multiline(values.contacts),
    steps: multiline(values.steps),
    spokespersonId: toId(values.spokespersonId),
    mediaNote: multiline(values.mediaNote),
    drillEveryDays: toInt(values.drillEveryDays),
  };
}

/// Top categories, root causes and hot spots of the last 3 complete months.
export const preventionAnalysis = () => call('prevention_analysis');
/// Active and draft plan counts and the overdue measures, for the dashboard.
export const preventionOverview = () => call('prevention_overview');
/// Every plan with its measures' progress.
export const listPlans = () => call('list_plans');
/// One plan's page: `{plan, measures, cases, history, followOns, effect, today}`.
export const getPlan = (id) => call('get_plan', { id });
/// Writes a new plan (a draft); resolves to its page. So do all the plan changes below.
export const createPlan = (values) => call('create_plan', { input: planInput(values) });
export const updatePlan = (id, values) => call('update_plan', { id, input: planInput(values) });
/// Moves a plan's phase `forward` or `back`.
export const movePlanPhase = (id, direction) => call('move_plan_phase', { id, direction });
/// Starts (`active`) or cancels (`cancelled`) a plan.
export const setPlanStatus = (id, status) => call('set_plan_status', { id, status });
/// Records the evaluation and closes the plan.
export const recordPlanEvaluation = (id, { conclusion, nextStep }) =>
  call('record_plan_evaluation', { id, input: { conclusion: trimmed(conclusion), nextStep: multiline(nextStep) } });
export const addMeasure = (planId, values) => call('add_measure', { planId, input: measureInput(values) });
export const updateMeasure = (id, values) => call('update_measure', { id, input: measureInput(values) });
/// Moves a measure on: `{status, doneOn, evidence}`.
export const setMeasureStatus = (id, { status, doneOn, evidence }) =>
  call('set_measure_status', { id, change: { status, doneOn: emptyToNull(doneOn), evidence: optionalMultiline(evidence) } });
/// Attaches a case to a plan, by id (case page) or by number (plan page).
export const attachPlanCase = (planId, { caseId = null, caseNumber = null }) =>
  call('attach_plan_case', { planId, case: { caseId: toId(caseId), caseNumber: emptyToNull(caseNumber) } });
export const detachPlanCase = (planId, caseId) => call('detach_plan_case', { planId, caseId });
/// The plans a case page shows: `[{id, title, phase, status, attached}]`.
export const plansForCase = (caseId) => call('plans_for_case', { caseId });
/// Every emergency plan with its drills; saving a plan or logging a drill resolves to the same.
export const listEmergencyPlans = () => call('list_emergency_plans');
export const saveEmergencyPlan = (id, values) => call('save_emergency_plan', { id: toId(id), input: emergencyInput(values) });
export const logEmergencyDrill = (planId, { heldOn, participants, findings }) =>
  call('log_emergency_drill', { planId, input: { heldOn: emptyToNull(heldOn), participants: multiline(participants), findings: multiline(findings) } });
