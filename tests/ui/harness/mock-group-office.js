// Head office's group dashboard in the mock backend (see mock-tauri.js, loaded first). Shapes
// follow src-tauri/src/group/{office,dashboard,drill}.rs. ?office=on sets this computer up as
// head office; ?office=empty (no branch synced), ?office=down (server unreachable) and
// ?office=not_office (a branch's login) make the reads fail as the backend would.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const mode = params.get('office');
  db.office = {
    server: mode ? 'postgres://office@db.example/group' : null,
    password: null, reveals: [], exports: [], calls: [],
  };
  // [key, unit, better] as stats/kpi.rs has them (the ones the mock branches carry).
  const KPIS = [['received', 'count', 'neutral'], ['valid', 'count', 'neutral'], ['closed', 'count', 'higher'],
    ['closure_rate', 'share', 'higher'], ['resolved_on_time', 'share', 'higher'], ['open_at_end', 'count', 'lower'],
    ['average_satisfaction', 'score', 'higher'], ['crises', 'count', 'lower']];
  const BRANCHES = [
    { code: 'BJ02', name: '北京二店 <img src=x onerror=alert(1)>', values: [40, 38, 30, 0.789, 0.7, 8, 4.1, 2], lastReceived: '2026-12-03T07:00:00Z', stale: false },
    { code: 'GZ03', name: '广州三店', values: [25, 25, 24, 0.96, null, 1, null, 0], lastReceived: '2026-11-20T02:00:00Z', stale: true },
    { code: 'SH01', name: '上海一店', values: [60, 57, 45, 0.789, 0.82, 12, 4.5, 3], lastReceived: '2026-12-03T08:00:00Z', stale: false },
  ];
  // As group/dashboard.rs rank_by: best first by the figure's direction, ties share a rank.
  const ranks = (index) => Object.fromEntries(KPIS.flatMap(([key, , better], k) => {
    const value = BRANCHES[index].values[k];
    if (value == null) return [];
    const beats = (x) => (better === 'lower' ? x < value : x > value);
    return [[key, 1 + BRANCHES.filter((b) => b.values[k] != null && beats(b.values[k])).length]];
  }));
  // Settings › Group › Head office is a manager's, as access/commands.rs has it.
  const managerOnly = () => {
    if (db.session?.account?.role !== 'manager') fail('access.denied');
  };
  const failIfDown = () => {
    if (!db.office.server) fail('group.no_server');
    if (mode === 'down') fail('group.unreachable');
    if (mode === 'not_office') fail('group.not_office');
    if (mode === 'empty') fail('group.no_branches');
  };
  const CASES = Array.from({ length: 5 }, (_, i) => ({
    id: i + 1, number: `SH01-202611-${String(i + 1).padStart(4, '0')}`, receivedAt: `2026-11-0${i + 1}T02:30:00Z`,
    status: i < 3 ? 'closed' : 'investigating', grade: i === 4 ? 1 : 3, categoryId: 1, channel: 'phone',
    complainantName: i === 0 ? '<b>张**' : '李**', assigneeName: null,
    deadline: i < 3 ? null : { state: i === 4 ? 'overdue' : 'on_track', dueAt: '2026-12-05T00:00:00Z', remainingSeconds: i === 4 ? -3600 : 86400 },
    acknowledgeOverdue: false,
  }));
  const record = (id, personal) => {
    const row = CASES.find((c) => c.id === id) ?? fail('not_found');
    return {
      code: 'SH01', masked: !personal,
      canShowPersonal: db.session?.account?.role === 'manager',
      fields: {
        number: row.number, receivedAt: row.receivedAt, channel: 'phone', grade: row.grade,
        complainantName: personal ? '张三丰 <script>x</script>' : '张**', phone: personal ? '13800138000' : '138****8000',
        reference: personal ? 'Room 1203' : 'R**', categoryName: null, categorySeedKey: 'front_desk',
        description: personal ? '房间 1203 的空调坏了，电话 13800138000' : '房间 1203 的空调坏了，电话 138****8000',
        customerRequest: '', department: '客房部', actionTaken: null, rootCause: 'facilities', goodwillFen: 0, satisfaction: null, followUpComment: null,
      },
      status: row.status, deadline: row.deadline, acknowledgeOverdue: false,
      timeline: [{ at: row.receivedAt, authorName: '王经理', kind: 'created', body: '', oldValue: null, newValue: null },
        { at: '2026-11-02T03:00:00Z', authorName: null, kind: 'status', body: '', oldValue: 'new', newValue: 'acknowledged' }],
      audit: [{ at: '2026-11-02T03:00:00Z', actorName: '王经理', field: 'status', oldValue: 'new', newValue: 'acknowledged' }],
      attachments: [],
    };
  };
  Object.assign(commands, {
    group_mode: () => db.office.server !== null,
    office_settings: () => {
      managerOnly();
      return { server: db.office.server, passwordSaved: db.office.password !== null };
    },
    save_office_settings: ({ server, password }) => {
      managerOnly();
      if (server && !/^postgres(ql)?:\/\//.test(server)) fail('invalid.choice', 'server');
      db.office.server = server ? server.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1@') : null;
      if (password) db.office.password = password;
      return { server: db.office.server, passwordSaved: db.office.password !== null };
    },
    test_office_connection: () => {
      managerOnly();
      failIfDown();
      return BRANCHES.length;
    },
    group_dashboard: ({ month }) => {
      db.office.calls.push(['group_dashboard', month]);
      failIfDown();
      return {
        month: month ?? '2026-11', computedAt: '2026-12-03T09:00:00Z',
        branches: BRANCHES.map((b, i) => ({
          code: b.code, name: b.name, lastReceived: b.lastReceived, stale: b.stale, ranks: ranks(i),
          kpis: KPIS.map(([key, unit, better], k) => ({ key, unit, better, value: b.values[k], previous: null, lastYear: null, parts: null })),
        })),
      };
    },
    group_branch_cases: ({ code, month, page }) => {
      failIfDown();
      if (!BRANCHES.some((b) => b.code === code)) fail('not_found');
      return {
        code, name: BRANCHES.find((b) => b.code === code).name, month,
        page: { rows: code === 'SH01' ? CASES : [], total: code === 'SH01' ? CASES.length : 0, statusCounts: [], page, pageSize: 200 },
        categories: [{ id: 1, seedKey: 'front_desk', name: null, position: 1, hidden: false }],
      };
    },
    group_case: ({ code, id }) => {
      failIfDown();
      if (code !== 'SH01') fail('not_found');
      return record(id, false);
    },
    group_case_personal: ({ code, id }) => {
      if (db.session?.account?.role !== 'manager') fail('access.denied');
      failIfDown();
      if (code !== 'SH01') fail('not_found');
      db.office.reveals.push({ code, id, by: db.session.account.staffId });
      return { ...record(id, true), canShowPersonal: true };
    },
    export_group_workbook: ({ month, lang, path }) => {
      failIfDown();
      window.__emit('group-export-progress', { stage: 'connecting', branches: 0 });
      window.__emit('group-export-progress', { stage: 'reading', branches: 3 });
      db.office.exports.push({ month, lang, path });
      return ['SH01', 'BJ02', 'GZ03'];
    },
  });
  // The export runs until the test calls window.__mock.office.finish(), so its progress can
  // be seen; everything before that (sign-in gate, server errors) is the command above.
  const invoke = window.__TAURI__.core.invoke;
  window.__TAURI__.core.invoke = async (cmd, args) => {
    const answer = await invoke(cmd, args);
    if (cmd !== 'export_group_workbook') return answer;
    return new Promise((resolve) => {
      db.office.finish = () => {
        window.__emit('group-export-progress', { stage: 'writing', branches: 3 });
        resolve(answer);
      };
    });
  };
})();
