// The training commands of the mock backend (loaded after mock-tauri.js): curriculum,
// assignments, sign-offs, matrix, person page, scenarios, drills, progress, the case page's
// drill suggestion and the workbook export. Cell states follow the same rules as the Rust
// model (refresher due at the oldest sign-off + N months; due soon 30 days before).
// With `&training=demo` a module is assigned to the position 客服主管 (whose holder's refresher
// is overdue) and another to one person, and a drill is on record.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail, text } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const EVIL = '<img src=x onerror=alert(1)>';
  const STEPS = ['separate', 'ask', 'listen', 'no_interrupt', 'confirm', 'apologise', 'acknowledge', 'summarise', 'explain', 'thank', 'follow_up'];
  const bi = (en, zh) => ({ en, zh });
  const persona = (title) => ({
    title, who: bi('A guest in a hurry', '赶时间的客人'), happened: bi('Charged twice', '被重复扣款'), wants: bi('A refund now', '马上退款'),
    angrier: bi('Being kept waiting', '被晾着'), calmer: bi('A printed receipt', '打印的凭证'), opening: bi('You took my money twice!', '你们扣了我两次钱！'),
    briefing: bi('Take him aside and explain.', '把客人请到一旁并解释清楚。'),
  });
  const t = {
    nextId: 1000,
    modules: [
      { id: 1, seedKey: 'principles', industry: null, refresherMonths: 12, retired: false, version: 1, titleEn: 'Handling principles', titleZh: '投诉处理原则', items: [{ id: 1, lineageId: 1, textEn: 'Feelings first', textZh: '先处理情绪' }, { id: 2, lineageId: 2, textEn: 'Respond at once', textZh: '立即回应' }] },
      { id: 2, seedKey: 'technique', industry: null, refresherMonths: null, retired: false, version: 1, titleEn: 'The handling sequence', titleZh: '投诉处理步骤', items: [{ id: 3, lineageId: 3, textEn: 'Separate from onlookers', textZh: '与围观者隔开' }, { id: 4, lineageId: 4, textEn: 'Listen', textZh: '倾听' }] },
    ],
    assignments: [],
    signoffs: [],
    scenarios: [
      { id: 1, seedKey: 'hotel_angry', industry: 'hotel', customerType: 'angry', retired: false, ...persona(bi('Double-charged at check-out', '退房被重复扣款')) },
      { id: 2, seedKey: 'postal_passive', industry: 'postal', customerType: 'passive', retired: false, ...persona(bi('The parcel that never came', '迟迟未到的包裹')) },
      { id: 3, seedKey: null, industry: 'other', customerType: 'talker', retired: false, ...persona(bi(EVIL, EVIL)) },
    ],
    drills: [],
    exports: [],
  };
  db.training = t;
  // Today in the mock branch's zone, Asia/Shanghai (UTC+8 all year), as the UI's date inputs use it.
  const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
  const addMonths = (day, n) => {
    const [y, m, d] = day.split('-').map(Number);
    const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
    return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
  };
  const minusDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86400000).toISOString().slice(0, 10);
  const staff = () => db.staff.filter((s) => s.active);
  const person = (id) => db.staff.find((s) => s.id === id) ?? fail('not_found');
  const moduleOf = (id) => t.modules.find((m) => m.id === id) ?? fail('not_found');
  // Withdrawn assignments and sign-offs stay on record but count nowhere.
  const live = (rows) => rows.filter((r) => !r.withdrawn);
  const assigned = (m, p) => live(t.assignments).some((a) => a.moduleId === m.id && (a.staffId === p.id || (a.position && a.position === p.position)));
  const latest = (p, lineage) => live(t.signoffs).filter((s) => s.staffId === p.id && s.lineageId === lineage).sort((a, b) => b.signedOn.localeCompare(a.signedOn) || b.id - a.id)[0];
  const cell = (m, p) => {
    const dates = m.items.map((i) => latest(p, i.lineageId)?.signedOn ?? null);
    const signed = dates.filter(Boolean).length;
    const out = { status: 'not_assigned', dueOn: null, signed, total: m.items.length };
    if (!assigned(m, p)) return out;
    if (!signed) return { ...out, status: 'assigned' };
    if (signed < dates.length) return { ...out, status: 'in_progress' };
    const dueOn = m.refresherMonths ? addMonths(dates.slice().sort()[0], m.refresherMonths) : null;
    const now = today();
    const status = dueOn && now >= dueOn ? 'overdue' : dueOn && now >= minusDays(dueOn, 30) ? 'due_soon' : 'complete';
    return { ...out, status, dueOn };
  };
  const pct = (a, b) => (b ? Math.round((a * 100) / b) : null);
  const done = (c) => c.status === 'complete' || c.status === 'due_soon';
  // What a prevention measure linked to a module or scenario shows (used by mock-prevention.js).
  window.__mockTrainingLink = {
    module: (id) => {
      const m = moduleOf(id);
      const people = staff().filter((p) => assigned(m, p));
      const complete = people.filter((p) => ['complete', 'due_soon'].includes(cell(m, p).status)).length;
      return { id, titleEn: m.titleEn, titleZh: m.titleZh, complete, assigned: people.length };
    },
    drill: (id, sinceDay) => {
      const s = t.scenarios.find((x) => x.id === id) ?? fail('not_found');
      const held = t.drills.filter((d) => d.scenarioId === id && d.heldAt.slice(0, 10) >= sinceDay).length;
      return { id, titleEn: s.title.en, titleZh: s.title.zh, held };
    },
  };
  const named = (a) => ({ ...a, staffName: a.staffId ? person(a.staffId).name : null });
  const withAssignments = (m) => ({
    ...m,
    assignments: live(t.assignments).filter((a) => a.moduleId === m.id).map(named),
    withdrawnAssignments: t.assignments.filter((a) => a.moduleId === m.id && a.withdrawn).map(named).reverse(),
  });
  // Marks a row withdrawn as the backend does: a reason is required, twice is not_found.
  const withdraw = (row, reason) => {
    if (!row || row.withdrawn) fail('not_found');
    const why = String(reason ?? '').trim();
    if (!why) fail('invalid.reason_required', 'reason');
    if ([...why].length > 2000) fail('invalid.too_long', 'reason');
    const actor = db.staff.find((s) => s.id === db.currentStaffId && s.active);
    row.withdrawn = { at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), byName: actor?.name ?? null, reason: why };
  };
  const summary = (d) => {
    const s = t.scenarios.find((x) => x.id === d.scenarioId);
    return { ...d, scenarioTitle: s.title, customerType: s.customerType, observerName: d.observerId ? person(d.observerId).name : null, traineeNames: d.traineeIds.map((id) => person(id).name) };
  };
  const averages = (drills) => STEPS.map((step) => {
    const scores = drills.flatMap((d) => d.scores.filter((s) => s.step === step).map((s) => s.score));
    return { step, average: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null, count: scores.length };
  });
  const personPage = (staffId) => {
    const p = person(staffId);
    const modules = t.modules.filter((m) => !m.retired).map((m) => ({ m, c: cell(m, p) }))
      .filter(({ m, c }) => c.status !== 'not_assigned' || m.items.some((i) => latest(p, i.lineageId)))
      .map(({ m, c }) => ({
        id: m.id, titleEn: m.titleEn, titleZh: m.titleZh, refresherMonths: m.refresherMonths, cell: c,
        items: m.items.map((i) => ({ id: i.id, textEn: i.textEn, textZh: i.textZh, signedOn: latest(p, i.lineageId)?.signedOn ?? null, trainerName: latest(p, i.lineageId)?.trainerName ?? null })),
      }));
    const drills = t.drills.filter((d) => d.traineeIds.includes(staffId)).slice().reverse();
    return {
      staff: p, percent: pct(modules.filter((m) => done(m.cell)).length, modules.filter((m) => m.cell.status !== 'not_assigned').length), modules,
      history: t.signoffs.filter((s) => s.staffId === staffId).slice().sort((a, b) => b.signedOn.localeCompare(a.signedOn) || b.id - a.id),
      drills: drills.map(summary), stepAverages: averages(drills),
    };
  };

  Object.assign(commands, {
    list_training_modules: ({ includeRetired }) => t.modules.filter((m) => includeRetired || !m.retired).map(withAssignments),
    save_training_module: ({ id, input }) => {
      const title = text(input.title, 'title', { required: true });
      if (!input.items?.length) fail('invalid.required', 'items');
      input.items.forEach((item, n) => text(item.text, `items.${n}`, { required: true, max: 200 }));
      const items = input.items.map((item) => {
        const itemId = ++t.nextId;
        return { id: itemId, lineageId: item.lineageId ?? itemId, textEn: item.text, textZh: item.text };
      });
      if (id == null) {
        const module = { id: ++t.nextId, seedKey: null, industry: null, refresherMonths: input.refresherMonths, retired: false, version: 1, titleEn: title, titleZh: title, items };
        t.modules.push(module);
        return withAssignments(module);
      }
      const module = moduleOf(id);
      Object.assign(module, { titleEn: title, titleZh: title, items, refresherMonths: input.refresherMonths, version: module.version + 1 });
      return withAssignments(module);
    },
    move_training_module: ({ id, offset }) => {
      const from = t.modules.findIndex((m) => m.id === id);
      const to = Math.max(0, Math.min(t.modules.length - 1, from + Math.sign(offset)));
      [t.modules[from], t.modules[to]] = [t.modules[to], t.modules[from]];
      return t.modules.map(withAssignments);
    },
    set_training_module_retired: ({ id, retired }) => withAssignments(Object.assign(moduleOf(id), { retired })),
    assign_training_module: ({ input }) => {
      const module = moduleOf(input.moduleId);
      if ((input.staffId == null) === (input.position == null)) fail('invalid.required', 'staffId');
      if (!live(t.assignments).some((a) => a.moduleId === module.id && a.staffId === input.staffId && a.position === input.position)) {
        t.assignments.push({ id: ++t.nextId, moduleId: module.id, staffId: input.staffId, position: input.position, assignedAt: new Date().toISOString(), withdrawn: null });
      }
      return withAssignments(module);
    },
    unassign_training: ({ id, reason }) => {
      const a = t.assignments.find((x) => x.id === id);
      withdraw(a, reason);
      return withAssignments(moduleOf(a.moduleId));
    },
    sign_off_training: ({ input }) => {
      if (!input.itemIds.length) fail('invalid.required', 'itemIds');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.signedOn ?? '') || input.signedOn > today()) fail('invalid.date', 'signedOn');
      if (input.trainerId == null) fail('invalid.required', 'trainerId');
      for (const itemId of input.itemIds) {
        const module = t.modules.find((m) => m.items.some((i) => i.id === itemId)) ?? fail('invalid.choice', 'itemIds');
        const item = module.items.find((i) => i.id === itemId);
        t.signoffs.push({
          id: ++t.nextId, staffId: input.staffId, lineageId: item.lineageId, signedOn: input.signedOn, trainerName: person(input.trainerId).name,
          itemEn: item.textEn, itemZh: item.textZh, moduleEn: module.titleEn, moduleZh: module.titleZh, version: module.version, withdrawn: null,
        });
      }
      return personPage(input.staffId);
    },
    withdraw_training_sign_off: ({ id, reason }) => {
      const s = t.signoffs.find((x) => x.id === id);
      withdraw(s, reason);
      return personPage(s.staffId);
    },
    training_matrix: ({ filter }) => {
      const modules = t.modules.filter((m) => !m.retired);
      const everyone = staff();
      const people = everyone.filter((p) => (!filter.department || p.department === filter.department) && (!filter.position || p.position === filter.position))
        .map((p) => {
          const cells = modules.map((m) => cell(m, p));
          const a = cells.filter((c) => c.status !== 'not_assigned').length;
          const c = cells.filter(done).length;
          return { id: p.id, name: p.name, position: p.position, department: p.department, cells, assigned: a, complete: c, percent: pct(c, a) };
        })
        .filter((p) => !filter.status || p.cells.some((c) => c.status === filter.status));
      return {
        today: today(),
        modules: modules.map((m, col) => {
          const a = people.filter((p) => p.cells[col].status !== 'not_assigned').length;
          const c = people.filter((p) => done(p.cells[col])).length;
          return { id: m.id, titleEn: m.titleEn, titleZh: m.titleZh, refresherMonths: m.refresherMonths, assigned: a, complete: c, percent: pct(c, a) };
        }),
        people,
        departments: [...new Set(everyone.map((p) => p.department).filter(Boolean))].sort(),
        positions: [...new Set(everyone.map((p) => p.position).filter(Boolean))].sort(),
      };
    },
    training_person: ({ staffId }) => personPage(staffId),
    list_drill_scenarios: ({ includeRetired }) => t.scenarios.filter((s) => includeRetired || !s.retired),
    save_drill_scenario: ({ id, input }) => {
      const fields = ['title', 'who', 'happened', 'wants', 'angrier', 'calmer', 'opening', 'briefing'];
      const texts = Object.fromEntries(fields.map((f) => { const v = text(input[f], f, { required: true, max: 2000 }); return [f, bi(v, v)]; }));
      if (id == null) {
        const s = { id: ++t.nextId, seedKey: null, industry: input.industry, customerType: input.customerType, retired: false, ...texts };
        t.scenarios.push(s);
        return s;
      }
      return Object.assign(t.scenarios.find((s) => s.id === id) ?? fail('not_found'), { industry: input.industry, customerType: input.customerType }, texts);
    },
    set_drill_scenario_retired: ({ id, retired }) => Object.assign(t.scenarios.find((s) => s.id === id) ?? fail('not_found'), { retired }),
    save_drill: ({ input }) => {
      if (!input.traineeIds?.length) fail('invalid.required', 'traineeIds');
      const missing = STEPS.find((step) => !input.scores.some((s) => s.step === step));
      if (missing) fail('invalid.required', `scores.${missing}`);
      const total = input.scores.reduce((sum, s) => sum + s.score, 0);
      const drill = {
        id: ++t.nextId, heldAt: new Date(Date.now() - input.durationSeconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z'), scenarioId: input.scenarioId,
        total, maxTotal: STEPS.length * 3, durationSeconds: input.durationSeconds, observerId: input.observerId, traineeIds: input.traineeIds,
        comments: input.comments ?? '', scores: input.scores,
      };
      t.drills.push(drill);
      return summary(drill);
    },
    training_progress: () => {
      const cells = staff().flatMap((p) => t.modules.filter((m) => !m.retired).map((m) => cell(m, p).status));
      const now = new Date();
      const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1)).toISOString().slice(0, 7));
      const perMonth = months.map((month) => ({ month, count: t.drills.filter((d) => d.heldAt.startsWith(month)).length }));
      const quarterStart = `${now.getUTCFullYear()}-${String(Math.floor(now.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;
      return {
        quarterStart,
        weakestSteps: averages(t.drills.filter((d) => d.heldAt >= quarterStart)).filter((s) => s.average != null).sort((a, b) => a.average - b.average),
        drillsPerMonth: perMonth, drillsThisMonth: perMonth[11].count,
        dueSoon: cells.filter((s) => s === 'due_soon').length, overdue: cells.filter((s) => s === 'overdue').length,
        recent: t.drills.slice().reverse().map(summary),
      };
    },
    case_drill_suggestion: ({ caseId }) => {
      const found = (db.cases ?? []).find((c) => c.id === caseId);
      if (!found || !(found.reopenCount > 0 || found.status === 'in_progress')) return null;
      return { reasons: found.reopenCount > 0 ? ['reopened'] : ['overdue'], scenario: t.scenarios[0], staff: db.staff.slice(0, 1).map((s) => [s.id, s.name]) };
    },
    export_training: ({ lang, path }) => {
      t.exports.push({ lang, path });
      return { path };
    },
  });

  if (params.get('training') === 'demo' && db.staff.length) {
    t.assignments.push({ id: ++t.nextId, moduleId: 1, staffId: null, position: '客服主管', assignedAt: '2023-01-01T00:00:00Z', withdrawn: null });
    t.assignments.push({ id: ++t.nextId, moduleId: 2, staffId: 2, position: null, assignedAt: '2023-01-01T00:00:00Z', withdrawn: null });
    const lead = db.staff[0];
    for (const item of t.modules[0].items) {
      t.signoffs.push({ id: ++t.nextId, staffId: lead.id, lineageId: item.lineageId, signedOn: '2023-01-15', trainerName: lead.name, itemEn: item.textEn, itemZh: item.textZh, moduleEn: 'Handling principles', moduleZh: '投诉处理原则', version: 1, withdrawn: null });
    }
    t.drills.push({
      id: ++t.nextId, heldAt: new Date(Date.now() - 86400000).toISOString().replace(/\.\d+Z$/, 'Z'), scenarioId: 1, total: 22, maxTotal: 33, durationSeconds: 420,
      observerId: lead.id, traineeIds: [2], comments: EVIL, scores: STEPS.map((step, i) => ({ step, score: i === 0 ? 0 : 2, note: '' })),
    });
  }
})();
