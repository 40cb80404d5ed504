// The casework commands of the mock backend (loaded after mock-cases.js): verification's
// verdict, supporting departments and progress updates. Shapes follow
// src-tauri/src/cases/repo/casework.rs; the rules are the backend's in small: leaving
// investigation needs a verdict, changing one needs a reason, a line needs a department and a
// task, an update needs a method and words, and a late case prompts until the customer has
// been told within the last 3 days. `&casework=demo` gives the first demo case (late, under
// investigation) two supporting departments, one overdue and one named in markup.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const DAY = 86400000;
  const AGAIN_DAYS = 3;
  const JUSTIFIED = ['service_delay', 'damage', 'billing_error', 'staff_conduct', 'other'];
  const UNJUSTIFIED = ['misunderstanding', 'unreasonable_expectation', 'mood', 'other'];
  const FAULTS = ['branch', 'other_department', 'third_party', 'customer'];
  const METHODS = ['call', 'message', 'visit'];
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
  const actor = () => db.currentStaffId ?? null;
  const staffName = (id) => db.staff.find((s) => s.id === id)?.name ?? null;
  const work = new Map();
  const of = (id) => {
    if (!db.cases.some((c) => c.id === id)) fail('not_found');
    if (!work.has(id)) work.set(id, { judgement: null, supports: [], progress: [] });
    return work.get(id);
  };
  const log = (caseId, kind, body, newValue, field, oldAudit, newAudit) => {
    const at = iso(Date.now());
    db.events.push({ caseId, at, authorId: actor(), kind, body, oldValue: null, newValue });
    db.audit.push({ caseId, at, actorId: actor(), field, oldValue: oldAudit, newValue: newAudit });
  };
  const verdict = (input) => {
    if (input?.justified == null) fail('invalid.required', 'justified');
    if (!String(input.cause ?? '').trim()) fail('invalid.required', 'judgementCause');
    if (!(input.justified ? JUSTIFIED : UNJUSTIFIED).includes(input.cause)) fail('invalid.choice', 'judgementCause');
    if (!String(input.fault ?? '').trim()) fail('invalid.required', 'fault');
    if (!FAULTS.includes(input.fault)) fail('invalid.choice', 'fault');
    return { justified: input.justified, cause: input.cause, fault: input.fault };
  };
  const summary = (j) => `${j.justified ? 'justified' : 'unjustified'}/${j.cause}/${j.fault}`;
  const storeVerdict = (id, j, reason) => {
    const w = of(id);
    const old = w.judgement;
    w.judgement = j;
    const c = db.cases.find((x) => x.id === id);
    c.fault = j.fault;
    log(id, 'judgement', reason ?? '', summary(j), 'fault', old?.fault ?? null, j.fault);
  };
  const late = (id) => {
    const c = db.cases.find((x) => x.id === id);
    const d = commands.get_case({ id });
    if (c.pausedSince || !['new', 'acknowledged', 'investigating', 'resolving', 'reopened'].includes(c.status)) return null;
    if (d.acknowledgeOverdue) return c.receivedAt;
    return d.deadline?.state === 'overdue' ? d.deadline.dueAt : null;
  };
  const panel = (id) => {
    const w = of(id);
    const supports = w.supports.map((l) => ({
      ...l, ownerStaffName: staffName(l.ownerStaffId), doneByName: staffName(l.doneBy),
      overdue: !l.doneOn && Boolean(l.dueOn) && l.dueOn < today(),
    }));
    const since = late(id);
    const last = w.progress.map((p) => p.toldAt).sort().at(-1) ?? null;
    const fresh = last && last >= since && Date.now() - Date.parse(last) <= AGAIN_DAYS * DAY;
    return {
      judgement: w.judgement, supports,
      outstanding: { open: supports.filter((l) => !l.doneOn).length, overdue: supports.filter((l) => l.overdue).length },
      progress: [...w.progress].sort((a, b) => b.toldAt.localeCompare(a.toldAt)).map((p) => ({ ...p, authorName: staffName(p.authorId) })),
      prompt: since && !fresh ? { lateSince: since, lastUpdate: last } : null,
      promptAgainAfterDays: AGAIN_DAYS,
    };
  };
  const line = (input) => {
    const department = String(input.department ?? '').trim();
    if (!department) fail('invalid.required', 'department');
    const task = String(input.task ?? '').trim();
    if (!task) fail('invalid.required', 'task');
    if (input.dueOn && !/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn)) fail('invalid.date', 'dueOn');
    return { department, task, ownerStaffId: input.ownerStaffId ?? null, ownerName: input.ownerStaffId ? null : (input.ownerName || null), dueOn: input.dueOn || null };
  };
  const text = (l) => [l.department, l.task, staffName(l.ownerStaffId) ?? l.ownerName ?? '', l.dueOn ?? '', l.doneOn ?? ''].join(' | ');
  const findLine = (id, lineId) => of(id).supports.find((l) => l.id === lineId) ?? fail('not_found');

  const changeStatus = commands.change_case_status;
  const listCases = commands.list_cases;
  Object.assign(commands, {
    change_case_status: (args) => {
      const c = db.cases.find((x) => x.id === args.id);
      const leaving = c?.status === 'investigating' && args.change.to === 'resolving';
      const given = leaving && args.change.judgement ? verdict(args.change.judgement) : null;
      if (leaving && !given && !of(args.id).judgement) fail('invalid.required', 'justified');
      // As the backend does: the verdict's timeline entry comes before the move's.
      if (given) storeVerdict(args.id, given, '');
      return changeStatus(args);
    },
    list_cases: (args) => {
      const page = listCases(args);
      return { ...page, rows: page.rows.map((r) => ({ ...r, needsUpdate: Boolean(panel(r.id).prompt) })) };
    },
    case_casework: ({ id }) => panel(id),
    set_case_judgement: ({ id, judgement, reason }) => {
      const j = verdict(judgement);
      if (db.cases.find((c) => c.id === id)?.status === 'invalid') fail('invalid.choice', 'justified');
      if (of(id).judgement && !String(reason ?? '').trim()) fail('invalid.reason_required', 'judgementReason');
      storeVerdict(id, j, reason ?? '');
      return panel(id);
    },
    add_case_support: ({ id, input }) => {
      const l = { id: db.nextId++, ...line(input), doneOn: null, doneBy: null };
      of(id).supports.push(l);
      log(id, 'support', text(l), 'added', 'support', null, text(l));
      return panel(id);
    },
    update_case_support: ({ id, lineId, input }) => {
      const l = findLine(id, lineId);
      const before = text(l);
      Object.assign(l, line(input));
      log(id, 'support', text(l), 'changed', 'support', before, text(l));
      return panel(id);
    },
    set_case_support_done: ({ id, lineId, done }) => {
      const l = findLine(id, lineId);
      const before = text(l);
      Object.assign(l, done ? { doneOn: today(), doneBy: actor() } : { doneOn: null, doneBy: null });
      log(id, 'support', text(l), done ? 'done' : 'undone', 'support', before, text(l));
      return panel(id);
    },
    remove_case_support: ({ id, lineId }) => {
      const l = findLine(id, lineId);
      of(id).supports = of(id).supports.filter((x) => x !== l);
      log(id, 'support', text(l), 'removed', 'support', text(l), null);
      return panel(id);
    },
    add_case_progress: ({ id, input }) => {
      if (!String(input.method ?? '').trim()) fail('invalid.required', 'method');
      if (!METHODS.includes(input.method)) fail('invalid.choice', 'method');
      const said = String(input.said ?? '').trim();
      if (!said) fail('invalid.required', 'said');
      const toldAt = input.toldAt ? iso(Date.parse(`${input.toldAt}+08:00`)) : iso(Date.now());
      if (Number.isNaN(Date.parse(toldAt)) || Date.parse(toldAt) > Date.now()) fail('invalid.range', 'toldAt');
      of(id).progress.push({ method: input.method, said, toldAt, authorId: actor() });
      log(id, 'progress', said, input.method, 'progress_update', null, `${input.method} ${toldAt}`);
      return panel(id);
    },
  });

  if (params.get('casework') === 'demo' && db.cases.length) {
    const first = db.cases[0].id;
    of(first).supports.push(
      { id: db.nextId++, department: '工程部', task: '上门检修', ownerStaffId: null, ownerName: '王师傅', dueOn: '2020-01-02', doneOn: null, doneBy: null },
      { id: db.nextId++, department: '<img src=x onerror=alert(1)>', task: '=cmd|calc', ownerStaffId: 1, ownerName: null, dueOn: '2999-01-01', doneOn: null, doneBy: null },
    );
  }
})();
