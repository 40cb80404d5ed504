// The prevention commands of the mock backend (loaded after mock-tauri.js and mock-cases.js).
// Shapes follow src-tauri/src/prevention (plans.rs, measures.rs, effect.rs, analysis.rs,
// emergency.rs). Rules are the backend's in small: a target is required, the goal is 1–100%,
// phases move one step, only drafts start, the evaluation needs the evaluate phase of an active
// plan and closes it. The effect is made up from a fixed baseline (9 complaints in the 90 days
// before the start) and the plan's own `since` count, enough to draw every state.
// `&prevention=demo` adds a plan with an overdue measure, an evaluated plan, an emergency plan
// whose drill is overdue, and an analysis with a hot spot whose reference is markup.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail, text } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const demo = params.get('prevention') === 'demo';
  const EVIL = '<img src=x onerror=alert(1)>';
  const PHASES = ['collect', 'analyse', 'formulate', 'implement', 'evaluate'];
  const KINDS = ['training', 'procedure', 'inspection', 'notice', 'feedback', 'supervision', 'emergency_drill'];
  const CAUSES = ['quality', 'communication', 'price', 'delay', 'staff', 'facilities', 'process', 'external'];
  const DAY = 86400000;
  const today = () => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date()).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
  const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
  const days = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const staffName = (id) => db.staff.find((s) => s.id === id)?.name ?? null;
  const actor = () => db.currentStaffId ?? null;

  db.plans = [];
  db.measures = [];
  db.planCases = [];
  db.planAudit = [];
  db.emergency = [];

  // Multi-line text (steps, evidence, next step): line breaks and tabs are allowed.
  const multi = (value, field, { required = false } = {}) => {
    const v = String(value ?? '').trim();
    if (required && !v) fail('invalid.required', field);
    if ([...v].length > 2000) fail('invalid.too_long', field);
    if (/[\u0000-\u0008\u000b-\u001f]/.test(v)) fail('invalid.control_chars', field);
    return v;
  };
  const audit = (planId, field, oldValue, newValue) => db.planAudit.push({ planId, at: now(), actorId: actor(), field, oldValue, newValue });
  const plan = (id) => db.plans.find((p) => p.id === id) ?? fail('not_found');
  const openPlan = (id) => {
    const p = plan(id);
    if (p.status !== 'draft' && p.status !== 'active') fail('plan.not_open');
    return p;
  };
  const isOverdue = (m) => (m.status === 'planned' || m.status === 'in_progress') && m.dueDate < today();
  const trainingOf = (m) => {
    const link = window.__mockTrainingLink;
    if (!link || (m.trainingModuleId == null && m.drillScenarioId == null)) return null;
    return {
      module: m.trainingModuleId == null ? null : link.module(m.trainingModuleId),
      drill: m.drillScenarioId == null ? null : link.drill(m.drillScenarioId, plan(m.planId).startDate),
    };
  };
  const measureOut = (m) => ({ ...m, ownerName: staffName(m.ownerId), overdue: isOverdue(m), training: trainingOf(m) });
  const planOut = (p) => ({ ...p, ownerName: staffName(p.ownerId), parentTitle: p.parentId ? plan(p.parentId).title : null });

  const window30 = (from, to, count) => ({ from, to, days: days(from, to), count, per30Days: (count * 30) / days(from, to) });
  const effectOf = (p) => {
    const start = p.startDate;
    const before = window30(addDays(start, -90), addDays(start, -1), 9);
    const goalPer30Days = before.per30Days * (100 - p.goalPercent) / 100;
    const blocks = [0, 1, 2].map((i) => ({ afterStart: false, ...window30(addDays(start, -90 + i * 30), addDays(start, -61 + i * 30), 3) }));
    if (start > today()) {
      return { state: 'not_started', before, since: null, goalPer30Days, change: null, goalMet: null, reviewPassed: false, blocks };
    }
    const to = today() < p.reviewDate ? today() : p.reviewDate;
    const since = window30(start, to, p.sinceCount ?? 0);
    blocks.push({ afterStart: true, ...since });
    const change = since.per30Days / before.per30Days - 1;
    return { state: 'measured', before, since, goalPer30Days, change, goalMet: since.per30Days <= goalPer30Days, reviewPassed: today() > p.reviewDate, blocks };
  };
  const detail = (id) => {
    const p = plan(id);
    return {
      plan: planOut(p),
      measures: db.measures.filter((m) => m.planId === id).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id).map(measureOut),
      cases: db.planCases.filter((l) => l.planId === id).map((l) => {
        const c = db.cases.find((x) => x.id === l.caseId);
        return { id: c.id, number: c.number, receivedAt: c.receivedAt, status: c.status, categoryId: c.categoryId, rootCause: c.rootCause ?? null, addedAt: l.addedAt };
      }),
      history: db.planAudit.filter((a) => a.planId === id).slice().reverse().map((a) => ({ at: a.at, actorName: staffName(a.actorId), field: a.field, oldValue: a.oldValue, newValue: a.newValue })),
      followOns: db.plans.filter((x) => x.parentId === id).map((x) => ({ id: x.id, title: x.title, status: x.status })),
      effect: effectOf(p),
      today: today(),
    };
  };
  const isDay = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  const planInput = (input) => {
    const title = text(input.title, 'title', { required: true, max: 120 });
    if (input.rootCause != null && !CAUSES.includes(input.rootCause)) fail('invalid.choice', 'rootCause');
    if (input.categoryId == null && input.rootCause == null) fail('invalid.required', 'target');
    if (input.goalPercent == null) fail('invalid.required', 'goalPercent');
    if (input.goalPercent < 1 || input.goalPercent > 100) fail('invalid.range', 'goalPercent');
    if (input.goalDays == null) fail('invalid.required', 'goalDays');
    if (input.goalDays < 1 || input.goalDays > 730) fail('invalid.range', 'goalDays');
    if (!isDay(input.startDate)) fail(input.startDate ? 'invalid.date' : 'invalid.required', 'startDate');
    const reviewDate = input.reviewDate ?? addDays(input.startDate, input.goalDays);
    if (!isDay(reviewDate)) fail('invalid.date', 'reviewDate');
    if (reviewDate <= input.startDate) fail('invalid.range', 'reviewDate');
    return {
      title, categoryId: input.categoryId, rootCause: input.rootCause, goalPercent: input.goalPercent, goalDays: input.goalDays,
      ownerId: input.ownerId, startDate: input.startDate, reviewDate, notes: input.notes ?? '',
    };
  };
  const measureInput = (input) => {
    const description = multi(input.description, 'description', { required: true });
    if (!KINDS.includes(input.kind)) fail('invalid.choice', 'kind');
    if (!isDay(input.dueDate)) fail(input.dueDate ? 'invalid.date' : 'invalid.required', 'dueDate');
    const linkable = input.kind === 'training' || input.kind === 'emergency_drill';
    if (!linkable && input.trainingModuleId != null) fail('invalid.choice', 'trainingModuleId');
    if (!linkable && input.drillScenarioId != null) fail('invalid.choice', 'drillScenarioId');
    return { description, kind: input.kind, ownerId: input.ownerId, dueDate: input.dueDate, evidence: input.evidence ?? '', trainingModuleId: input.trainingModuleId, drillScenarioId: input.drillScenarioId };
  };
  const createPlan = (input, extra = {}) => {
    const p = { id: db.nextId++, ...planInput(input), phase: 'collect', status: 'draft', conclusion: null, nextStep: null, evaluatedAt: null, parentId: input.parentId ?? null, createdAt: now(), ...extra };
    db.plans.push(p);
    audit(p.id, 'status', null, 'draft');
    return p;
  };
  const addMeasure = (planId, input, extra = {}) => {
    const m = { id: db.nextId++, planId, ...measureInput(input), status: 'planned', doneOn: null, ...extra };
    db.measures.push(m);
    audit(planId, 'measure.added', null, m.description);
    return m;
  };

  const nextDrill = (e) => {
    const last = e.drills[0]?.heldOn ?? e.createdOn;
    const due = addDays(last, e.drillEveryDays);
    return { due, overdue: today() > due };
  };
  const emergencyOut = () => db.emergency.map((e) => ({ ...e, spokespersonName: staffName(e.spokespersonId), nextDrill: nextDrill(e) }));
  const emergencyInput = (input) => {
    const out = {
      title: text(input.title, 'title', { required: true, max: 120 }), scenario: input.scenario ?? '', contacts: input.contacts ?? '',
      steps: multi(input.steps, 'steps', { required: true }), spokespersonId: input.spokespersonId, mediaNote: input.mediaNote ?? '',
      drillEveryDays: input.drillEveryDays,
    };
    if (out.drillEveryDays == null) fail('invalid.required', 'drillEveryDays');
    if (out.drillEveryDays < 7 || out.drillEveryDays > 730) fail('invalid.range', 'drillEveryDays');
    return out;
  };

  const monthsBack = (n) => {
    const [y, m] = today().split('-').map(Number);
    const d = new Date(Date.UTC(y, m - 1 - n, 1));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  };
  const windows = () => ({ first: monthsBack(3), last: monthsBack(1), previousFirst: monthsBack(6), previousLast: monthsBack(4) });
  const ranked = (rows) => {
    const total = rows.reduce((sum, [, n]) => sum + n, 0);
    return rows.map(([key, count, previous]) => ({ key, count, share: count / total, previous, change: previous ? count / previous - 1 : null }));
  };

  Object.assign(commands, {
    prevention_analysis: () => (demo ? {
      windows: windows(), total: 40, previousTotal: 32,
      categories: ranked([[1, 18, 12], [3, 10, 10], [2, 8, 0], [6, 4, 10]]),
      rootCauses: ranked([['delay', 16, 8], ['staff', 12, 14], [null, 8, 6], ['price', 4, 4]]),
      hotSpots: [
        { key: '3-502', reference: '3-502', count: 4, categories: 2, lastReceivedAt: now(), mainCategoryId: 1 },
        { key: EVIL.toLowerCase().replace(/\s+/g, ''), reference: EVIL, count: 2, categories: 1, lastReceivedAt: now(), mainCategoryId: 3 },
      ],
    } : { windows: windows(), total: 0, previousTotal: 0, categories: [], rootCauses: [], hotSpots: [] }),
    prevention_overview: () => ({
      activePlans: db.plans.filter((p) => p.status === 'active').length,
      draftPlans: db.plans.filter((p) => p.status === 'draft').length,
      overdue: db.measures.filter(isOverdue).sort((a, b) => a.dueDate.localeCompare(b.dueDate))
        .map((m) => ({ id: m.id, planId: m.planId, planTitle: plan(m.planId).title, description: m.description, dueDate: m.dueDate, ownerName: staffName(m.ownerId) })),
    }),
    list_plans: () => db.plans.map((p) => {
      const ms = db.measures.filter((m) => m.planId === p.id);
      return { ...planOut(p), measuresTotal: ms.filter((m) => m.status !== 'dropped').length, measuresDone: ms.filter((m) => m.status === 'done').length, measuresOverdue: ms.filter(isOverdue).length };
    }).sort((a, b) => Number(!['draft', 'active'].includes(a.status)) - Number(!['draft', 'active'].includes(b.status)) || a.reviewDate.localeCompare(b.reviewDate)),
    get_plan: ({ id }) => detail(id),
    create_plan: ({ input }) => detail(createPlan(input).id),
    update_plan: ({ id, input }) => {
      const p = openPlan(id);
      const next = planInput(input);
      for (const [key, value] of Object.entries(next)) {
        if (String(p[key] ?? '') !== String(value ?? '')) audit(id, key, p[key] == null ? null : String(p[key]), value == null ? null : String(value));
      }
      Object.assign(p, next);
      return detail(id);
    },
    move_plan_phase: ({ id, direction }) => {
      const p = openPlan(id);
      const index = PHASES.indexOf(p.phase) + (direction === 'forward' ? 1 : -1);
      if (index < 0 || index >= PHASES.length) fail('plan.no_further_phase');
      audit(id, 'phase', p.phase, PHASES[index]);
      p.phase = PHASES[index];
      return detail(id);
    },
    set_plan_status: ({ id, status }) => {
      const p = plan(id);
      const allowed = (p.status === 'draft' && ['active', 'cancelled'].includes(status)) || (p.status === 'active' && status === 'cancelled');
      if (!allowed) fail(p.status === 'draft' || p.status === 'active' ? 'plan.cannot_move' : 'plan.not_open');
      audit(id, 'status', p.status, status);
      p.status = status;
      if (status === 'cancelled') {
        for (const m of db.measures.filter((x) => x.planId === id && (x.status === 'planned' || x.status === 'in_progress'))) m.status = 'dropped';
      }
      return detail(id);
    },
    record_plan_evaluation: ({ id, input }) => {
      const p = plan(id);
      if (!['effective', 'partly', 'not_effective'].includes(input.conclusion)) fail('invalid.choice', 'conclusion');
      const nextStep = multi(input.nextStep, 'nextStep', { required: true });
      if (p.status !== 'draft' && p.status !== 'active') fail('plan.not_open');
      if (p.status !== 'active' || p.phase !== 'evaluate') fail('plan.not_evaluating');
      Object.assign(p, { conclusion: input.conclusion, nextStep, evaluatedAt: now(), status: 'done' });
      audit(id, 'conclusion', null, input.conclusion);
      audit(id, 'status', 'active', 'done');
      return detail(id);
    },
    add_measure: ({ planId, input }) => {
      openPlan(planId);
      addMeasure(planId, input);
      return detail(planId);
    },
    update_measure: ({ id, input }) => {
      const m = db.measures.find((x) => x.id === id) ?? fail('not_found');
      openPlan(m.planId);
      Object.assign(m, measureInput(input));
      return detail(m.planId);
    },
    set_measure_status: ({ id, change }) => {
      const m = db.measures.find((x) => x.id === id) ?? fail('not_found');
      openPlan(m.planId);
      if (!['planned', 'in_progress', 'done', 'dropped'].includes(change.status)) fail('invalid.choice', 'status');
      let doneOn = null;
      if (change.status === 'done') {
        doneOn = change.doneOn ?? today();
        if (!isDay(doneOn)) fail('invalid.date', 'doneOn');
        if (doneOn > today()) fail('invalid.range', 'doneOn');
      }
      audit(m.planId, `measure.${id}.status`, m.status, change.status);
      Object.assign(m, { status: change.status, doneOn }, change.evidence != null ? { evidence: change.evidence } : {});
      return detail(m.planId);
    },
    attach_plan_case: ({ planId, case: ref }) => {
      openPlan(planId);
      if (ref.caseId == null && !ref.caseNumber) fail('invalid.required', 'caseNumber');
      const c = db.cases.find((x) => x.id === ref.caseId || (ref.caseNumber && x.number.toLowerCase() === ref.caseNumber.toLowerCase())) ?? fail('invalid.case_number', 'caseNumber');
      if (!db.planCases.some((l) => l.planId === planId && l.caseId === c.id)) {
        db.planCases.push({ planId, caseId: c.id, addedAt: now() });
        audit(planId, 'case', null, c.number);
      }
      return detail(planId);
    },
    detach_plan_case: ({ planId, caseId }) => {
      openPlan(planId);
      const before = db.planCases.length;
      db.planCases = db.planCases.filter((l) => !(l.planId === planId && l.caseId === caseId));
      if (before === db.planCases.length) fail('not_found');
      return detail(planId);
    },
    plans_for_case: ({ caseId }) => {
      const c = db.cases.find((x) => x.id === caseId) ?? fail('not_found');
      const attached = (p) => db.planCases.some((l) => l.planId === p.id && l.caseId === caseId);
      return db.plans.filter((p) => attached(p) || (p.status === 'active' && (p.categoryId === c.categoryId || (p.categoryId == null && p.rootCause === c.rootCause))))
        .map((p) => ({ id: p.id, title: p.title, phase: p.phase, status: p.status, attached: attached(p) }));
    },
    list_emergency_plans: () => emergencyOut(),
    save_emergency_plan: ({ id, input }) => {
      const values = emergencyInput(input);
      if (id == null) db.emergency.push({ id: db.nextId++, ...values, drills: [], createdOn: today() });
      else Object.assign(db.emergency.find((e) => e.id === id) ?? fail('not_found'), values);
      return emergencyOut();
    },
    log_emergency_drill: ({ planId, input }) => {
      const e = db.emergency.find((x) => x.id === planId) ?? fail('not_found');
      if (!isDay(input.heldOn)) fail(input.heldOn ? 'invalid.date' : 'invalid.required', 'heldOn');
      if (input.heldOn > today()) fail('invalid.range', 'heldOn');
      const participants = multi(input.participants, 'participants', { required: true });
      e.drills.unshift({ id: db.nextId++, heldOn: input.heldOn, participants, findings: input.findings ?? '' });
      e.drills.sort((a, b) => b.heldOn.localeCompare(a.heldOn));
      return emergencyOut();
    },
  });

  if (demo) {
    const active = createPlan({ title: `Fewer delivery delays ${EVIL}`, categoryId: 1, rootCause: 'delay', goalPercent: 30, goalDays: 90, ownerId: db.staff[0]?.id ?? null, startDate: addDays(today(), -40), notes: '=cmd|\' /C calc\'!A0' }, { sinceCount: 4 });
    Object.assign(active, { status: 'active', phase: 'implement' });
    addMeasure(active.id, { description: 'Script for late parcels at the counter', kind: 'procedure', ownerId: db.staff[0]?.id ?? null, dueDate: addDays(today(), -5) });
    addMeasure(active.id, { description: 'Role-play training for all couriers', kind: 'training', dueDate: addDays(today(), 20) });
    const finished = createPlan({ title: '前台服务态度', categoryId: 3, goalPercent: 20, goalDays: 60, startDate: addDays(today(), -120), reviewDate: addDays(today(), -60) }, { sinceCount: 2 });
    Object.assign(finished, { status: 'done', phase: 'evaluate', conclusion: 'partly', nextStep: '继续培训，增加满意度调查', evaluatedAt: now() });
    db.emergency.push({
      id: db.nextId++, title: '媒体曝光应急预案', scenario: 'A complaint goes viral', contacts: '张伟 客服主管 138 0013 8000\n区域经理 139 0000 0000',
      steps: 'Call the area manager\nName one spokesperson\n<b>Reply within 2 hours</b>', spokespersonId: db.staff[0]?.id ?? null, mediaNote: 'Facts only',
      drillEveryDays: 90, drills: [{ id: db.nextId++, heldOn: addDays(today(), -120), participants: 'Front desk team', findings: 'Contacts list was out of date' }], createdOn: addDays(today(), -200),
    });
  }
})();
