// The lessons-learned commands of the mock backend (loaded after mock-cases.js, mock-training.js
// and mock-prevention.js). Shapes follow src-tauri/src/lessons (repo.rs, model.rs). Rules in
// small: a lesson only on a closed case, what happened required plus what worked or what to do
// differently, one scenario and one measure per lesson, a measure only on an open plan.
// `&lessons=demo` writes a lesson whose texts are markup on the demo's closed case.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const EVIL = '<img src=x onerror=alert(1)>';
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const multi = (value, field, { required = false } = {}) => {
    const v = String(value ?? '').trim();
    if (required && !v) fail('invalid.required', field);
    if ([...v].length > 2000) fail('invalid.too_long', field);
    return v;
  };
  db.lessons = [];
  db.lessonAudit = [];
  let nextId = 500;

  const shape = (l) => {
    const c = db.cases.find((k) => k.id === l.caseId);
    const category = db.categories.find((k) => k.id === c.categoryId) ?? {};
    const measure = (db.measures ?? []).find((m) => m.id === l.measureId);
    return {
      ...l, caseNumber: c.number, categoryId: c.categoryId, categoryKey: category.seedKey ?? null,
      categoryName: category.name ?? null, customerType: c.customerType, planId: measure?.planId ?? null,
    };
  };
  const lesson = (id) => db.lessons.find((l) => l.id === id) ?? fail('not_found');
  const save = (caseId, input) => {
    const c = db.cases.find((k) => k.id === caseId) ?? fail('not_found');
    if (c.status !== 'closed') fail('lesson.case_not_closed');
    const happened = multi(input.happened, 'happened', { required: true });
    const worked = multi(input.worked, 'worked');
    const differently = multi(input.differently, 'differently');
    if (!worked && !differently) fail('invalid.required', 'differently');
    let l = db.lessons.find((k) => k.caseId === caseId);
    if (!l) {
      l = { id: ++nextId, caseId, authorName: null, drillScenarioId: null, measureId: null, createdAt: now() };
      db.lessons.push(l);
    }
    Object.assign(l, { happened, worked, differently, updatedAt: now() });
    db.lessonAudit.push({ caseId, field: 'lesson' });
    return shape(l);
  };

  Object.assign(commands, {
    case_lesson: ({ caseId }) => {
      const l = db.lessons.find((k) => k.caseId === caseId);
      return l ? shape(l) : null;
    },
    save_lesson: ({ caseId, input }) => save(caseId, input),
    list_lessons: ({ filter }) => db.lessons.map(shape)
      .filter((l) => !filter.text || `${l.happened} ${l.worked} ${l.differently} ${l.caseNumber}`.toLowerCase().includes(filter.text.toLowerCase()))
      .filter((l) => filter.categoryId == null || l.categoryId === filter.categoryId)
      .filter((l) => !filter.customerType || l.customerType === filter.customerType)
      .reverse(),
    lesson_scenario_draft: ({ id, lang }) => {
      const l = shape(lesson(id));
      const c = db.cases.find((k) => k.id === l.caseId);
      return {
        industry: db.branch.industry, customerType: l.customerType === 'unknown' ? '' : l.customerType,
        title: l.happened.split('\n')[0].slice(0, 60), who: lang === 'en' ? 'A customer' : '一位客户',
        happened: c.description, wants: c.customerRequest || l.happened, angrier: l.differently || l.happened,
        calmer: l.worked || l.happened, opening: c.description.split('\n')[0], briefing: `${l.caseNumber}: ${l.happened}`,
      };
    },
    lesson_to_scenario: ({ id, input }) => {
      const l = lesson(id);
      if (l.drillScenarioId != null) fail('lesson.already_converted');
      if (!input.customerType) fail('invalid.choice', 'customerType');
      l.drillScenarioId = commands.save_drill_scenario({ id: null, input }).id;
      return shape(l);
    },
    lesson_measure_draft: ({ id }) => {
      const l = lesson(id);
      const due = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
      return { description: l.differently || l.worked, kind: 'procedure', dueDate: due, ownerId: null, evidence: null, trainingModuleId: null, drillScenarioId: null };
    },
    lesson_to_measure: ({ id, planId, input }) => {
      const l = lesson(id);
      if (l.measureId != null) fail('lesson.already_converted');
      const page = commands.add_measure({ planId, input });
      if (!page) fail('not_found');
      l.measureId = db.measures[db.measures.length - 1].id;
      return shape(l);
    },
    lessons_since_drill: () => db.staff.filter((s) => s.active).map((s) => ({
      staffId: s.id, name: s.name, lastDrillAt: null, lessonIds: db.lessons.map((l) => l.id),
    })),
  });

  if (params.get('lessons') === 'demo') {
    const closed = db.cases.find((c) => c.status === 'closed');
    if (closed) save(closed.id, { happened: EVIL, worked: '=cmd|\' /C calc\'!A0', differently: '第一时间离开人群' });
  }
})();
