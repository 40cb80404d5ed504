// The complaint-case commands of the mock backend (see mock-tauri.js, loaded first). It keeps
// cases in memory and mimics the contract: shapes, workflow table, grading rules, what each
// move needs, and {code, field} errors. Deadlines are simplified (days from receipt).
// Starting data from the page URL: ?cases=demo (six varied cases) or ?cases=many (120).
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail, text } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const DAY = 86400000;
  const TZ = 'Asia/Shanghai';
  const NEXT = {
    new: ['acknowledged', 'invalid'], acknowledged: ['investigating'], investigating: ['resolving', 'invalid'],
    resolving: ['follow_up'], follow_up: ['closed'], closed: ['reopened'], reopened: ['investigating'], invalid: [],
  };
  const CHANNELS = ['phone', 'letter', 'walk_in', 'email_online', 'own_app', 'head_office', 'association', 'consumer_association', 'lawyer', 'media'];
  const TYPES = ['passive', 'talker', 'angry', 'activist', 'unknown'];
  const CAUSES = ['quality', 'communication', 'price', 'delay', 'staff', 'facilities', 'process', 'external'];
  const ITEMS = ['report_head_office', 'team_meeting', 'one_spokesperson'];
  const isOpen = (c) => c.status !== 'closed' && c.status !== 'invalid';
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const localDay = (ms) => {
    const parts = {};
    for (const p of new Intl.DateTimeFormat('en-US', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms))) parts[p.type] = p.value;
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
  const limits = (grade) => db.limits.find((l) => l.grade === grade);
  const staffName = (id) => db.staff.find((s) => s.id === id)?.name ?? null;
  const actor = () => db.currentStaffId ?? null;
  // Multi-line text: like text(), but line breaks and tabs are fine.
  const multi = (value, field, { required = false, max = 2000 } = {}) => {
    const v = String(value ?? '').trim().replace(/\r\n?/g, '\n');
    if (required && !v) fail('invalid.required', field);
    if ([...v].length > max) fail('invalid.too_long', field);
    if (/[\u0000-\u0008\u000b-\u001f]/.test(v)) fail('invalid.control_chars', field);
    return v;
  };

  // Uncaught errors and rejections, so tests can assert the page ran cleanly.
  window.__errors = [];
  window.addEventListener('error', (event) => window.__errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason?.message ?? event.reason?.code ?? event.reason)));

  Object.assign(db, { cases: [], events: [], audit: [], ticks: [], attachments: [], printed: 0, opened: [], currentStaffId: null });

  // The customer's most serious (grade 1 or 2) other open case received no later than `c`.
  const openSerious = (c) => db.cases
    .filter((o) => o.id !== c.id && isOpen(o) && o.grade <= 2 && o.receivedAt <= c.receivedAt && sameCustomer(o, c))
    .sort((a, b) => a.grade - b.grade || a.receivedAt.localeCompare(b.receivedAt) || a.id - b.id)[0] ?? null;
  const suggest = (c, now = Date.now()) => {
    const openDays = isOpen(c) ? Math.floor((now - Date.parse(c.receivedAt)) / DAY) : 0;
    const customer = openSerious(c);
    const rules = [
      ['media_exposure', 1, c.mediaExposureRisk], ['media_channel', 1, c.channel === 'media'],
      ['households_10_plus', 1, c.households >= 10], ['customer_open_crisis', 1, customer?.grade === 1],
      ['lawsuit_risk', 2, c.lawsuitRisk], ['lawyer_channel', 2, c.channel === 'lawyer'],
      ['regulator_channel', 2, c.channel === 'consumer_association'], ['households_3_to_9', 2, c.households >= 3 && c.households <= 9],
      ['repeated_by_3_people_30d', 2, false], ['customer_open_serious', 2, customer?.grade === 2], ['open_over_30_days_own_fault', 2, openDays > 30 && c.fault === 'branch'],
      ['reopened_3_times', 3, (c.reopenCount ?? 0) >= 3], ['has_supporting_departments', 3, c.needsOtherDepartments || (c.supports ?? []).length > 0],
    ].filter((rule) => rule[2]);
    const suggestion = { grade: Math.min(4, ...rules.map((rule) => rule[1])), fired: rules.map((rule) => rule[0]) };
    if (customer) suggestion.customerCase = customer.number;
    return suggestion;
  };
  // Where the resolve window starts: the last reopening, else receipt.
  const windowStart = (c) => db.events.filter((e) => e.caseId === c.id && e.kind === 'status' && e.newValue === 'reopened')
    .map((e) => e.at).sort().pop() ?? c.receivedAt;
  // Resolved, closed or voided, the case no longer waits: the wait moves the deadline, as resume does.
  const endPause = (c) => {
    if (!c.pausedSince) return;
    set(c, 'due_at', 'dueAt', iso(Date.parse(c.dueAt) + (Date.now() - Date.parse(c.pausedSince))));
    set(c, 'paused_since', 'pausedSince', null);
  };
  // Intake's checks on an edit apply to the values it changes.
  const checkReferences = (fields, old = null) => {
    if (old?.categoryId !== fields.categoryId && !db.categories.some((k) => k.id === fields.categoryId && !k.hidden)) fail('invalid.choice', 'categoryId');
    for (const key of ['takenById', 'assigneeId']) {
      const id = fields[key];
      if (id == null || (old && old[key] === id)) continue;
      if (!db.staff.some((person) => person.id === id && person.active)) fail('invalid.choice', key);
    }
  };
  const deadline = (c, now = Date.now()) => {
    if (!isOpen(c)) return null;
    const due = Date.parse(c.dueAt);
    const remainingSeconds = Math.round((due - now) / 1000);
    let state = 'on_track';
    if (due <= now) state = 'overdue';
    else if (c.pausedSince) state = 'paused';
    else if (localDay(due) === localDay(now)) state = 'due_today';
    return { state, dueAt: c.dueAt, remainingSeconds };
  };
  const ackOverdue = (c) => c.status === 'new' && Date.parse(c.acknowledgeBy) < Date.now();
  const row = (c) => ({
    id: c.id, number: c.number, receivedAt: c.receivedAt, status: c.status, grade: c.grade, categoryId: c.categoryId,
    channel: c.channel, complainantName: c.complainantName, assigneeName: staffName(c.assigneeId),
    deadline: deadline(c), acknowledgeOverdue: ackOverdue(c),
  });
  // Like cases/snippet.rs, without the window: the first field holding the search, in parts.
  const snippet = (c, needle) => {
    if (!needle) return {};
    const fields = [['description', c.description], ['complainantName', c.complainantName], ['reference', c.reference], ['phone', c.phone], ['number', c.number]];
    const found = fields.find(([, v]) => String(v ?? '').toLowerCase().includes(needle));
    if (!found) return {};
    const [field, text] = found;
    const parts = [];
    let at = 0;
    for (let i = text.toLowerCase().indexOf(needle); i !== -1; i = text.toLowerCase().indexOf(needle, at)) {
      if (i > at) parts.push({ text: text.slice(at, i), hit: false });
      parts.push({ text: text.slice(i, i + needle.length), hit: true });
      at = i + needle.length;
    }
    if (at < text.length) parts.push({ text: text.slice(at), hit: false });
    return { snippet: { field, parts } };
  };
  const digits = (v) => String(v ?? '').replace(/\D/g, '');
  const sameCustomer = (a, b) => (digits(a.phone) && digits(a.phone) === digits(b.phone)) || (a.reference && a.reference === b.reference);
  const event = (c, kind, body = '', oldValue = null, newValue = null) => db.events.push({ caseId: c.id, at: iso(Date.now()), authorId: actor(), kind, body, oldValue, newValue });
  const set = (c, column, key, value) => {
    const old = c[key] == null ? null : String(c[key] === true ? 1 : c[key] === false ? 0 : c[key]);
    const next = value == null ? null : String(value === true ? 1 : value === false ? 0 : value);
    if (old === next) return;
    c[key] = value;
    db.audit.push({ caseId: c.id, at: iso(Date.now()), actorId: actor(), field: column, oldValue: old, newValue: next });
  };
  const find = (id) => db.cases.find((c) => c.id === id) ?? fail('not_found');
  const money = (value) => {
    const v = String(value ?? '').trim().replace(/^[¥￥]\s*/, '');
    if (!v) return 0;
    if (!/^\d+(\.\d{1,2})?$/.test(v)) fail('invalid.money', 'goodwill');
    return Math.round(Number(v) * 100);
  };

  const parseInput = (input, { keepReceived = null } = {}) => {
    let received = Date.now();
    if (keepReceived) received = Date.parse(keepReceived);
    else if (input.receivedAt) {
      // The branch is on Shanghai time (UTC+8) in every mock state.
      received = Date.parse(`${input.receivedAt.replace(' ', 'T')}:00+08:00`);
      if (Number.isNaN(received)) fail('invalid.date', 'receivedAt');
      if (received > Date.now() + 300000) fail('invalid.range', 'receivedAt');
    }
    const households = input.households ?? 1;
    if (!(households >= 1 && households <= 100000)) fail('invalid.range', 'households');
    if (!(input.categoryId > 0)) fail('invalid.required', 'categoryId');
    if (!CHANNELS.includes(input.channel)) fail('invalid.choice', 'channel');
    const out = {
      receivedAt: iso(received), channel: input.channel,
      complainantName: text(input.complainantName, 'complainantName'), phone: input.phone ?? null,
      reference: input.reference ? text(input.reference, 'reference') : null,
      customerType: TYPES.includes(input.customerType) ? input.customerType : fail('invalid.choice', 'customerType'),
      categoryId: input.categoryId, description: multi(input.description, 'description', { required: true, max: 20000 }),
      customerRequest: multi(input.customerRequest, 'customerRequest', { max: 20000 }), takenById: input.takenById ?? null, assigneeId: input.assigneeId ?? null,
      department: text(input.department, 'department'), mediaExposureRisk: Boolean(input.mediaExposureRisk), lawsuitRisk: Boolean(input.lawsuitRisk),
      households, needsOtherDepartments: Boolean(input.needsOtherDepartments),
    };
    if (out.phone != null && !/^[0-9+\-() ]{3,20}$/.test(out.phone)) fail('invalid.phone', 'phone');
    if (input.grade != null && !(input.grade >= 1 && input.grade <= 4)) fail('invalid.range', 'grade');
    return out;
  };

  const insert = (fields, { grade = null, status = 'new', number = null } = {}) => {
    const c = { id: db.nextId++, status, reopenCount: 0, pausedSince: null, pauseReason: null, gradeReason: null, goodwillFen: 0, ...fields };
    c.suggestedGrade = suggest(c).grade;
    c.grade = grade ?? c.suggestedGrade;
    const received = Date.parse(c.receivedAt);
    const limit = limits(c.grade);
    c.acknowledgeBy = iso(received + limit.acknowledgeHours * 3600000);
    c.resolveBy = iso(received + limit.resolveDays * DAY);
    c.dueAt = c.dueAt ?? c.resolveBy;
    const month = localDay(received).slice(0, 7).replace('-', '');
    const seq = db.cases.filter((other) => other.number.includes(`-${month}-`)).length + 1;
    c.number = number ?? `${db.branch?.code ?? 'SH01'}-${month}-${String(seq).padStart(4, '0')}`;
    c.createdAt = iso(Date.now());
    db.cases.push(c);
    return c;
  };

  const detail = (id) => {
    const c = find(id);
    const category = db.categories.find((k) => k.id === c.categoryId) ?? {};
    const history = db.cases.filter((o) => o.id !== c.id && sameCustomer(o, c)).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    const since = Date.parse(c.receivedAt) - 90 * DAY;
    const earlier = history.filter((o) => Date.parse(o.receivedAt) >= since && o.receivedAt <= c.receivedAt).length;
    return {
      fields: {
        ...c, categoryName: category.name ?? null, categorySeedKey: category.seedKey ?? null,
        takenByName: staffName(c.takenById), assigneeName: staffName(c.assigneeId),
        mediaExposureRisk: c.mediaExposureRisk ? 1 : 0, lawsuitRisk: c.lawsuitRisk ? 1 : 0, needsOtherDepartments: c.needsOtherDepartments ? 1 : 0,
        customerAccepted: c.customerAccepted == null ? null : (c.customerAccepted ? 1 : 0), goodwillFen: c.goodwillFen ?? 0,
      },
      status: c.status, allowedNext: NEXT[c.status], suggestion: suggest(c), deadline: deadline(c), acknowledgeOverdue: ackOverdue(c),
      pauseReason: c.pausedSince ? c.pauseReason : null,
      timeline: db.events.filter((e) => e.caseId === id).map((e) => ({ at: e.at, authorName: staffName(e.authorId), kind: e.kind, body: e.body, oldValue: e.oldValue, newValue: e.newValue })),
      audit: db.audit.filter((a) => a.caseId === id).map((a) => ({ at: a.at, actorName: staffName(a.actorId), field: a.field, oldValue: a.oldValue, newValue: a.newValue })),
      escalationTicks: db.ticks.filter((k) => k.caseId === id).map((k) => ({ item: k.item, tickedAt: k.tickedAt, tickedByName: staffName(k.tickedBy) })),
      attachments: db.attachments.filter((a) => a.caseId === id).map(({ caseId, ...rest }) => rest),
      history: { cases: history.map(row), ordinalIn90Days: earlier + 1 },
    };
  };

  const resolution = (input) => {
    const actionTaken = multi(input.actionTaken, 'actionTaken', { required: true });
    const goodwillFen = money(input.goodwill);
    if (!CAUSES.includes(input.rootCause)) fail('invalid.choice', 'rootCause');
    return { actionTaken, customerAccepted: Boolean(input.customerAccepted), goodwillFen, rootCause: input.rootCause };
  };
  const storeResolution = (c, r) => {
    set(c, 'action_taken', 'actionTaken', r.actionTaken);
    set(c, 'customer_accepted', 'customerAccepted', r.customerAccepted);
    set(c, 'goodwill_fen', 'goodwillFen', r.goodwillFen);
    set(c, 'root_cause', 'rootCause', r.rootCause);
  };

  Object.assign(commands, {
    check_case_intake: ({ input }) => {
      const c = parseInput(input);
      const likelyDuplicates = db.cases.filter((o) => o.status !== 'invalid' && sameCustomer(o, c)
        && (o.status !== 'closed' || Math.abs(Date.parse(o.receivedAt) - Date.parse(c.receivedAt)) <= 90 * DAY))
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id - a.id).slice(0, 10)
        .map((o) => ({
          ...row(o),
          matchedBy: [digits(o.phone) && digits(o.phone) === digits(c.phone) && 'phone', o.reference && o.reference === c.reference && 'reference'].filter(Boolean),
          sameCategory: o.categoryId === c.categoryId,
        }));
      return { suggestion: suggest(c), likelyDuplicates };
    },
    create_case: ({ input }) => {
      const fields = parseInput(input);
      checkReferences(fields);
      const suggested = suggest(fields).grade;
      const grade = input.grade ?? suggested;
      if (grade > suggested && !String(input.gradeReason ?? '').trim()) fail('invalid.reason_required', 'gradeReason');
      const c = insert({ ...fields, gradeReason: input.gradeReason ?? null }, { grade });
      event(c, 'created', '', null, 'new');
      db.audit.push({ caseId: c.id, at: iso(Date.now()), actorId: actor(), field: 'created', oldValue: null, newValue: c.number });
      if (grade !== suggested) event(c, 'grade', input.gradeReason ?? '', String(suggested), String(grade));
      return detail(c.id);
    },
    list_cases: ({ query }) => {
      const q = query ?? {};
      const size = Math.min(200, q.pageSize ?? 50);
      const needle = String(q.search ?? '').trim().toLowerCase();
      // A report figure's cases come from the reports mock, by the same definitions.
      const members = q.figure ? window.__mockFigureMembers?.(q.figure) : null;
      if (q.figure && !members) fail('invalid.choice', 'figure');
      const others = db.cases.filter((c) => {
        const d = deadline(c);
        if (members && !members.includes(c.id)) return false;
        if (q.grade != null && c.grade !== q.grade) return false;
        if (q.categoryId != null && c.categoryId !== q.categoryId) return false;
        if (q.channel && c.channel !== q.channel) return false;
        if (q.assigneeId != null && c.assigneeId !== q.assigneeId) return false;
        if (q.rootCause && (q.rootCause === 'none' ? c.rootCause != null : c.rootCause !== q.rootCause)) return false;
        if (q.reference && String(c.reference ?? '').replace(/\s+/g, '').toLowerCase() !== q.reference.replace(/\s+/g, '').toLowerCase()) return false;
        if (q.overdue && !(d?.state === 'overdue' || ackOverdue(c))) return false;
        if (q.dueToday && !(d && d.state !== 'paused' && localDay(Date.parse(d.dueAt)) === localDay(Date.now()))) return false;
        if (q.from && localDay(Date.parse(c.receivedAt)) < q.from) return false;
        if (q.to && localDay(Date.parse(c.receivedAt)) > q.to) return false;
        if (needle && ![c.number, c.complainantName, c.phone, c.reference, c.description].some((v) => String(v ?? '').toLowerCase().includes(needle))) return false;
        return true;
      });
      const matches = others.filter((c) => !q.status || (q.status === 'open' ? isOpen(c) : c.status === q.status));
      const order = {
        newest: (a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id - a.id,
        oldest: (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id - b.id,
        due: (a, b) => (isOpen(b) - isOpen(a)) || a.dueAt.localeCompare(b.dueAt),
        grade: (a, b) => a.grade - b.grade || b.receivedAt.localeCompare(a.receivedAt),
      }[q.sort ?? 'newest'] ?? ((a, b) => b.id - a.id);
      const counts = {};
      for (const c of others) counts[c.status] = (counts[c.status] ?? 0) + 1;
      const page = q.page ?? 0;
      return {
        rows: [...matches].sort(order).slice(page * size, page * size + size).map((c) => ({ ...row(c), ...snippet(c, needle) })),
        total: matches.length, statusCounts: Object.entries(counts), page, pageSize: size,
      };
    },
    case_counts: () => {
      const open = db.cases.filter(isOpen);
      return {
        open: open.length,
        overdue: open.filter((c) => deadline(c)?.state === 'overdue' || ackOverdue(c)).length,
        dueToday: open.filter((c) => deadline(c)?.state === 'due_today').length,
        crisis: open.filter((c) => c.grade === 1).length,
      };
    },
    get_case: ({ id }) => detail(id),
    update_case: ({ id, input }) => {
      const c = find(id);
      const fields = parseInput(input, { keepReceived: c.receivedAt });
      checkReferences(fields, c);
      const columns = { channel: 'channel', complainantName: 'complainant_name', phone: 'phone', reference: 'reference', customerType: 'customer_type',
        categoryId: 'category_id', description: 'description', customerRequest: 'customer_request', takenById: 'taken_by_id', assigneeId: 'assignee_id',
        department: 'department', mediaExposureRisk: 'media_exposure_risk', lawsuitRisk: 'lawsuit_risk', households: 'households', needsOtherDepartments: 'needs_other_departments' };
      for (const [key, column] of Object.entries(columns)) set(c, column, key, fields[key]);
      return detail(id);
    },
    change_case_status: ({ id, change: asked }) => {
      let change = asked;
      const c = find(id);
      const to = change.to;
      if (!NEXT[c.status]?.includes(to)) throw { code: 'invalid_transition', message: `cannot move a case from ${c.status} to ${to}`, field: null };
      const now = iso(Date.now());
      if (to === 'invalid') {
        if (!String(change.reason ?? '').trim()) fail('invalid.reason_required', 'invalidReason');
        set(c, 'invalid_reason', 'invalidReason', change.reason.trim());
      }
      if (to === 'follow_up') {
        if (change.resolution) storeResolution(c, resolution(change.resolution));
        set(c, 'resolved_at', 'resolvedAt', now);
      }
      if (to === 'closed') {
        const r = change.resolution ? resolution(change.resolution) : null;
        const f = change.followUp;
        if (f) {
          if (f.unreachable) multi(f.unreachableNote, 'unreachableNote', { required: true });
          else {
            if (!f.calledOn) fail('invalid.required', 'calledOn');
            if (f.calledOn > localDay(Date.now()) || f.calledOn < localDay(Date.parse(c.receivedAt))) fail('invalid.range', 'calledOn');
            if (f.satisfaction == null) fail('invalid.required', 'satisfaction');
          }
        }
        if (!r && !c.actionTaken) fail('invalid.required', 'resolution');
        if (!f) fail('invalid.required', 'followUp');
        const notDone = c.grade === 1 ? ITEMS.filter((item) => !db.ticks.some((k) => k.caseId === id && k.item === item)) : [];
        const skipped = String(change.escalationReason ?? '').trim();
        if (notDone.length && !skipped) {
          throw { code: 'crisis.steps_unticked', message: `crisis steps not done: ${notDone.join(', ')}; give the reason for closing without them`, field: 'escalationReason' };
        }
        if (notDone.length) {
          db.audit.push({ caseId: id, at: now, actorId: actor(), field: 'escalation_unticked', oldValue: null, newValue: notDone.join(',') });
          db.audit.push({ caseId: id, at: now, actorId: actor(), field: 'escalation_reason', oldValue: null, newValue: skipped });
          change = { ...change, reason: skipped };
        }
        if (r) storeResolution(c, r);
        set(c, 'follow_up_kind', 'followUpKind', f.unreachable ? 'unreachable' : 'called');
        set(c, 'called_on', 'calledOn', f.unreachable ? null : f.calledOn);
        set(c, 'satisfaction', 'satisfaction', f.unreachable ? null : f.satisfaction);
        set(c, 'follow_up_comment', 'followUpComment', f.unreachable ? f.unreachableNote : (f.comment ?? null));
        set(c, 'closed_at', 'closedAt', now);
      }
      if (['follow_up', 'closed', 'invalid'].includes(to)) endPause(c);
      if (to === 'acknowledged') set(c, 'acknowledged_at', 'acknowledgedAt', now);
      if (to === 'reopened') {
        set(c, 'reopen_count', 'reopenCount', (c.reopenCount ?? 0) + 1);
        set(c, 'due_at', 'dueAt', iso(Date.now() + limits(c.grade).resolveDays * DAY));
        for (const [column, key] of [['closed_at', 'closedAt'], ['resolved_at', 'resolvedAt'], ['action_taken', 'actionTaken'], ['customer_accepted', 'customerAccepted'],
          ['root_cause', 'rootCause'], ['follow_up_kind', 'followUpKind'], ['called_on', 'calledOn'], ['satisfaction', 'satisfaction'], ['follow_up_comment', 'followUpComment']]) set(c, column, key, null);
        set(c, 'goodwill_fen', 'goodwillFen', 0);
      }
      const from = c.status;
      set(c, 'status', 'status', to);
      event(c, 'status', String(change.reason ?? '').trim(), from, to);
      return detail(id);
    },
    set_case_grade: ({ id, grade, reason }) => {
      const c = find(id);
      if (!isOpen(c)) fail('invalid.choice', 'grade');
      if (!(grade >= 1 && grade <= 4)) fail('invalid.range', 'grade');
      const suggested = suggest(c).grade;
      if (grade > suggested && !String(reason ?? '').trim()) fail('invalid.reason_required', 'gradeReason');
      const old = c.grade;
      set(c, 'grade', 'grade', grade);
      set(c, 'suggested_grade', 'suggestedGrade', suggested);
      set(c, 'grade_reason', 'gradeReason', reason ?? null);
      set(c, 'due_at', 'dueAt', iso(Date.parse(windowStart(c)) + limits(grade).resolveDays * DAY));
      event(c, 'grade', reason ?? '', String(old), String(grade));
      return detail(id);
    },
    pause_case: ({ id, reason }) => {
      const c = find(id);
      if (!String(reason ?? '').trim()) fail('invalid.required', 'reason');
      if (!isOpen(c) || c.pausedSince) fail('invalid.choice', 'reason');
      set(c, 'paused_since', 'pausedSince', iso(Date.now()));
      c.pauseReason = reason.trim();
      event(c, 'pause', c.pauseReason);
      return detail(id);
    },
    resume_case: ({ id }) => {
      const c = find(id);
      if (!c.pausedSince) fail('invalid.choice', 'reason');
      set(c, 'due_at', 'dueAt', iso(Date.parse(c.dueAt) + (Date.now() - Date.parse(c.pausedSince))));
      set(c, 'paused_since', 'pausedSince', null);
      event(c, 'resume');
      return detail(id);
    },
    add_case_entry: ({ id, kind, body }) => {
      const c = find(id);
      if (!['note', 'call', 'visit'].includes(kind)) fail('invalid.choice', 'kind');
      event(c, kind, multi(body, 'body', { required: true, max: 20000 }));
      return detail(id);
    },
    tick_case_escalation: ({ id, item }) => {
      const c = find(id);
      if (!ITEMS.includes(item)) fail('invalid.choice', 'item');
      if (!db.ticks.some((k) => k.caseId === id && k.item === item)) {
        db.ticks.push({ caseId: id, item, tickedAt: iso(Date.now()), tickedBy: actor() });
        event(c, 'escalation', '', null, item);
      }
      return detail(id);
    },
    add_case_attachment: ({ id }) => {
      const c = find(id);
      const fileName = '现场照片 <1>.jpg';
      db.attachments.push({ caseId: id, id: db.nextId++, fileName, sizeBytes: 2457600, addedAt: iso(Date.now()) });
      event(c, 'attachment', fileName);
      return detail(id);
    },
    open_case_attachment: ({ attachmentId }) => {
      if (!db.attachments.some((a) => a.id === attachmentId)) fail('not_found');
      db.opened.push(attachmentId);
      return null;
    },
    print_page: () => { db.printed += 1; return null; },
  });

  // ---------- Starting data ----------
  const ago = (days, hours = 0) => iso(Date.now() - days * DAY - hours * 3600000);
  const base = (over) => ({
    channel: 'phone', complainantName: '', phone: null, reference: null, customerType: 'unknown', categoryId: 1,
    description: '', customerRequest: '', takenById: null, assigneeId: null, department: '', mediaExposureRisk: false,
    lawsuitRisk: false, households: 1, needsOtherDepartments: false, ...over,
  });
  const seedEvents = (c, statuses) => {
    db.events.push({ caseId: c.id, at: c.receivedAt, authorId: null, kind: 'created', body: '', oldValue: null, newValue: 'new' });
    let from = 'new';
    for (const to of statuses) {
      db.events.push({ caseId: c.id, at: c.receivedAt, authorId: 1, kind: 'status', body: '', oldValue: from, newValue: to });
      from = to;
    }
  };
  if (params.get('cases') === 'demo') {
    const evil = insert(base({
      receivedAt: ago(20), channel: 'consumer_association', complainantName: '<img src=x onerror=alert(1)>', phone: '138 0013 8000',
      reference: '3-502', customerType: 'activist', description: '快递三天没到，打电话没人接。\n<script>alert("x")</script>\n要求赔偿。',
      customerRequest: '赔偿运费', lawsuitRisk: true, assigneeId: 1, department: '客服部',
    }), { status: 'investigating' });
    seedEvents(evil, ['acknowledged', 'investigating']);
    const fresh = insert(base({ receivedAt: ago(0, 1), complainantName: '王芳', phone: '139 0000 1111', categoryId: 3, description: '前台态度不好', customerType: 'angry', takenById: 1 }));
    seedEvents(fresh, []);
    const crisis = insert(base({
      receivedAt: ago(0, 23), channel: 'media', complainantName: '业主群', categoryId: 1, description: '小区停水两天，业主在网上发帖',
      mediaExposureRisk: true, households: 40, assigneeId: 2,
    }), { status: 'acknowledged' });
    seedEvents(crisis, ['acknowledged']);
    const closed = insert(base({
      receivedAt: ago(12), complainantName: 'Li Lei', phone: '137 1234 5678', categoryId: 2, description: 'Parcel lost', needsOtherDepartments: true,
    }), { status: 'closed' });
    Object.assign(closed, { actionTaken: 'Refunded and apologised', customerAccepted: true, goodwillFen: 12050, rootCause: 'process', followUpKind: 'called', calledOn: localDay(Date.now() - 2 * DAY), satisfaction: 4, followUpComment: 'OK now', resolvedAt: ago(5), closedAt: ago(2) });
    seedEvents(closed, ['acknowledged', 'investigating', 'resolving', 'follow_up', 'closed']);
    const repeat = insert(base({ receivedAt: ago(3), complainantName: '<img src=x onerror=alert(1)>', phone: '13800138000', categoryId: 1, description: '又延误了', assigneeId: 1 }), { status: 'follow_up' });
    Object.assign(repeat, { actionTaken: '加急派送', customerAccepted: true, goodwillFen: 0, rootCause: 'delay', resolvedAt: ago(1) });
    seedEvents(repeat, ['acknowledged', 'investigating', 'resolving', 'follow_up']);
    const paused = insert(base({ receivedAt: ago(2), complainantName: '赵强', categoryId: 4, description: '账单有误', customerType: 'talker' }), { status: 'resolving' });
    Object.assign(paused, { pausedSince: ago(1), pauseReason: '等客户提供小票' });
    seedEvents(paused, ['acknowledged', 'investigating', 'resolving']);
  }
  if (params.get('cases') === 'many') {
    const statuses = ['new', 'acknowledged', 'investigating', 'resolving', 'follow_up', 'closed', 'invalid'];
    for (let i = 0; i < 120; i += 1) {
      insert(base({
        receivedAt: ago(i % 40, i % 24), channel: CHANNELS[i % CHANNELS.length], complainantName: `客户 ${i + 1}`,
        categoryId: (i % 6) + 1, description: `第 ${i + 1} 单投诉`, households: i % 17 === 0 ? 4 : 1,
      }), { status: statuses[i % statuses.length] });
    }
  }
})();
