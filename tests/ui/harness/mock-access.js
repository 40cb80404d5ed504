// The mock backend's sign-in: a session kept in memory like Rust's AppState, refusing every
// data command while nobody is signed in or the window is locked. ?signin=required starts
// signed out with two sign-ins (manager wang, staff lina); ?signin=none starts with none
// (first run, or a database upgraded from before sign-ins); otherwise the manager is signed in.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const mode = params.get('signin') || (params.get('state') === 'fresh' ? 'none' : 'signed-in');
  const PUBLIC = new Set(['app_status', 'setup_branch', 'show_window', 'retry_open', 'quit_app', 'about', 'reveal_log',
    'database_lock_holder', 'list_timezones', 'session_status', 'sign_in', 'create_first_manager', 'recover_sign_in', 'lock_session', 'sign_out']);
  const MANAGER_ONLY = new Set(['update_branch', 'add_category', 'rename_category', 'move_category', 'set_category_hidden',
    'delete_category', 'update_time_limits', 'add_staff', 'update_staff', 'set_staff_active', 'list_sign_ins',
    'create_sign_in', 'reset_sign_in', 'set_sign_in_role', 'update_sign_in_settings', 'back_up_now', 'restore_backup']);
  db.signIns = mode === 'none' ? [] : [
    { staffId: 90, name: '王经理', username: 'wang', role: 'manager', active: true, secret: 'Plum-blossom-2026' },
    { staffId: 91, name: '李娜', username: 'lina', role: 'staff', active: true, secret: 'lina-password' },
  ];
  db.signInSettings = { secretKind: 'password', idleMinutes: 10 };
  const account = (s) => ({ staffId: s.staffId, name: s.name, username: s.username, role: s.role, active: s.active });
  db.session = mode === 'signed-in' ? { account: account(db.signIns[0]), locked: false } : null;
  // The author of changes is the signed-in person, as in Rust (the other mocks read this).
  Object.defineProperty(db, 'currentStaffId', {
    get: () => (db.session && !db.session.locked ? db.session.account.staffId : null),
    set: () => {},
  });
  /// Tests sign in as a person of the staff list: `window.__signInAs(1)`.
  window.__signInAs = (staffId, role = 'manager') => {
    const person = db.staff.find((s) => s.id === staffId);
    db.session = { account: { staffId, name: person?.name ?? '', username: `u${staffId}`, role, active: true }, locked: false };
  };

  const sessionStatus = () => ({
    hasSignIns: db.signIns.length > 0,
    account: db.session?.account ?? null,
    locked: !db.session || db.session.locked,
    settings: { ...db.signInSettings },
    seesPersonalData: ['manager', 'staff'].includes(db.session?.account?.role),
    firstRunStaff: db.signIns.length ? [] : db.staff.filter((s) => s.active).map((s) => ({ ...s })),
  });

  Object.assign(commands, {
    session_status: () => sessionStatus(),
    sign_in: ({ username, secret }) => {
      const found = db.signIns.find((s) => s.username.toLowerCase() === String(username).toLowerCase());
      if (!found || found.secret !== secret || !found.active) fail('access.wrong_sign_in');
      db.session = { account: account(found), locked: false };
      return sessionStatus();
    },
    create_first_manager: ({ input }) => {
      if (db.signIns.length) fail('already_initialized');
      if (!String(input.username ?? '').trim()) fail('invalid.required', 'username');
      if (String(input.secret ?? '').length < 8) fail('invalid.password', 'secret');
      const picked = db.staff.find((s) => s.id === input.staffId);
      const created = { staffId: picked?.id ?? db.nextId++, name: picked?.name ?? input.name, username: input.username, role: 'manager', active: true, secret: input.secret };
      db.signIns.push(created);
      db.session = { account: account(created), locked: false };
      return { session: sessionStatus(), recoveryCode: 'K7Q2M-ABCDE-FGHJK-MNPQR' };
    },
    recover_sign_in: () => fail('access.wrong_sign_in'),
    lock_session: () => { if (db.session) db.session.locked = true; return null; },
    sign_out: () => { db.session = null; return null; },
    get_sign_in_settings: () => ({ ...db.signInSettings }),
    list_sign_ins: () => db.signIns.map(account),
    create_sign_in: ({ input }) => {
      if (db.signIns.some((s) => s.username.toLowerCase() === String(input.username).toLowerCase())) fail('duplicate', 'username');
      const person = db.staff.find((s) => s.id === input.staffId) ?? fail('not_found');
      const created = { staffId: person.id, name: person.name, username: input.username, role: input.role, active: true, secret: input.secret };
      db.signIns.push(created);
      return account(created);
    },
    reset_sign_in: ({ staffId, secret }) => {
      const found = db.signIns.find((s) => s.staffId === staffId) ?? fail('not_found');
      if (String(secret).length < 8) fail('invalid.password', 'secret');
      found.secret = secret;
      return null;
    },
    set_sign_in_role: ({ staffId, role }) => {
      const found = db.signIns.find((s) => s.staffId === staffId) ?? fail('not_found');
      const managers = db.signIns.filter((s) => s.role === 'manager' && s.staffId !== staffId);
      if (found.role === 'manager' && role !== 'manager' && !managers.length) fail('access.last_manager');
      found.role = role;
      return account(found);
    },
    update_sign_in_settings: ({ settings }) => {
      if (!(settings.idleMinutes >= 1 && settings.idleMinutes <= 240)) fail('invalid.range', 'idleMinutes');
      db.signInSettings = { ...settings };
      return { ...settings };
    },
  });

  // The one gate, as in Rust: every data command checks the session first.
  const invoke = window.__TAURI__.core.invoke;
  window.__TAURI__.core.invoke = async (cmd, args) => {
    if (!PUBLIC.has(cmd)) {
      if (!db.session) { db.calls.push(cmd); fail('access.signed_out'); }
      if (db.session.locked) { db.calls.push(cmd); fail('access.locked'); }
      if (MANAGER_ONLY.has(cmd) && db.session.account.role !== 'manager') { db.calls.push(cmd); fail('access.denied'); }
    }
    return invoke(cmd, args);
  };
})();
