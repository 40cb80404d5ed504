// A stand-in for the Rust backend, for driving the real UI in a browser without the app.
// Loaded before js/main.js by tests/ui/harness/server.mjs. It mimics the command contract
// (names, camelCase shapes, {code, message, field} errors) and keeps state in memory.
// The starting state comes from the page URL: ?state=fresh | ready | fatal.
(() => {
  const params = new URLSearchParams(location.search);
  const mode = params.get('state') || 'ready';
  const SEEDS = ['delivery_delay', 'parcel_loss', 'service_attitude', 'communication', 'price', 'other'];
  const db = {
    language: params.get('lang') || 'zh-CN',
    theme: params.get('theme') || 'system',
    reminders: { off: [], summaryTime: '08:30' },
    branch: null,
    categories: SEEDS.map((seedKey, index) => ({ id: index + 1, seedKey, name: null, position: index, hidden: false })),
    inUse: new Set([1]),
    limits: [[1, 2, 1], [2, 12, 3], [3, 24, 7], [4, 48, 15]].map(([grade, acknowledgeHours, resolveDays]) => ({ grade, acknowledgeHours, resolveDays })),
    staff: [],
    nextId: 100,
    shown: 0,
    calls: [],
  };
  if (mode === 'ready') {
    db.branch = { name: '阳光花园物业服务中心', code: 'SH01', industry: 'property', timezone: 'Asia/Shanghai', createdAt: '2024-10-31T15:30:00Z' };
  }
  if (params.get('staff') === 'demo') {
    db.staff = [
      { id: 1, name: '张伟', position: '客服主管', department: '客户服务部', phone: '+86 138 0013 8000', startDate: '2021-06-01', active: true },
      { id: 2, name: 'Alexandra Montgomery-Richardson', position: 'Front desk supervisor (night shift)', department: 'Guest relations and concierge', phone: '(021) 6234 5678', startDate: '2023-11-15', active: true },
      { id: 3, name: '李娜', position: '', department: '', phone: null, startDate: null, active: false },
    ];
  }
  window.__mock = db;
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });

  const fail = (code, field = null) => { throw { code, message: `${field ?? ''}: ${code}`, field }; };
  const text = (value, field, { required = false, max = 100 } = {}) => {
    const v = String(value ?? '').trim();
    if (required && !v) fail('invalid.required', field);
    if ([...v].length > max) fail('invalid.too_long', field);
    if (/[\u0000-\u001f]/.test(v)) fail('invalid.control_chars', field);
    return v;
  };
  const branchInput = (input) => {
    const name = text(input.name, 'name', { required: true });
    const code = text(input.code, 'code', { required: true });
    if (!/^[A-Za-z0-9]{2,12}$/.test(code)) fail('invalid.branch_code', 'code');
    if (!['property', 'hotel', 'postal', 'other'].includes(input.industry)) fail('invalid.industry', 'industry');
    if (!/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/.test(input.timezone ?? '') && input.timezone !== 'UTC') fail('invalid.timezone', 'timezone');
    return { name, code: code.toUpperCase(), industry: input.industry, timezone: input.timezone };
  };
  const staffInput = (input) => {
    const out = {
      name: text(input.name, 'name', { required: true }),
      position: text(input.position, 'position'),
      department: text(input.department, 'department'),
      phone: input.phone,
      startDate: input.startDate,
    };
    if (out.phone != null && !/^[0-9+\-() ]{3,20}$/.test(out.phone)) fail('invalid.phone', 'phone');
    if (out.startDate != null && !/^\d{4}-\d{2}-\d{2}$/.test(out.startDate)) fail('invalid.date', 'startDate');
    return out;
  };
  const status = () => ({
    initialized: Boolean(db.branch),
    branch: db.branch,
    language: db.language,
    theme: db.theme,
    dbPath: '/home/user/.local/share/com.branchdesk.app/branchdesk.db',
    osTimezone: 'Asia/Shanghai',
    schemaVersion: 1,
    sqliteVersion: '3.51.3',
    startupError: mode === 'fatal' ? { code: 'database', message: 'x', field: null } : null,
    currentStaffId: db.currentStaffId ?? null,
  });
  const category = (id) => db.categories.find((c) => c.id === id) ?? fail('not_found');
  const reorder = () => db.categories.forEach((c, i) => { c.position = i; });

  const commands = {
    app_status: () => status(),
    setup_branch: ({ input }) => {
      if (db.branch) fail('already_initialized');
      db.branch = { ...branchInput(input), createdAt: new Date().toISOString() };
      db.language = input.language;
      return status();
    },
    update_branch: ({ input }) => {
      db.branch = { ...db.branch, ...branchInput(input) };
      return db.branch;
    },
    set_language: ({ language }) => {
      if (!['zh-CN', 'en'].includes(language)) fail('invalid.language', 'language');
      db.language = language;
      return null;
    },
    set_theme: ({ theme }) => {
      if (!['system', 'light', 'dark'].includes(theme)) fail('invalid.choice', 'theme');
      db.theme = theme;
      return null;
    },
    reminder_settings: () => db.reminders,
    set_reminder_settings: ({ settings }) => {
      const time = String(settings?.summaryTime ?? '').trim();
      const match = /^(\d{2}):(\d{2})$/.exec(time);
      if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) fail('invalid.range', 'summaryTime');
      db.reminders = { off: [...new Set(settings.off)], summaryTime: time };
      return db.reminders;
    },
    list_timezones: () => ['Asia/Shanghai', 'Asia/Hong_Kong', 'Europe/London', 'UTC'],
    list_categories: () => db.categories.map((c) => ({ ...c })),
    add_category: ({ name }) => {
      const clean = text(name, 'name', { required: true });
      if (db.categories.some((c) => c.name === clean)) fail('duplicate', 'name');
      const created = { id: db.nextId++, seedKey: null, name: clean, position: db.categories.length, hidden: false };
      db.categories.push(created);
      return { ...created };
    },
    rename_category: ({ id, name }) => {
      const c = category(id);
      c.name = text(name, 'name', { required: true });
      return { ...c };
    },
    move_category: ({ id, offset }) => {
      const from = db.categories.indexOf(category(id));
      const to = Math.max(0, Math.min(db.categories.length - 1, from + offset));
      const [moved] = db.categories.splice(from, 1);
      db.categories.splice(to, 0, moved);
      reorder();
      return db.categories.map((c) => ({ ...c }));
    },
    set_category_hidden: ({ id, hidden }) => {
      const c = category(id);
      c.hidden = hidden;
      return { ...c };
    },
    delete_category: ({ id }) => {
      category(id);
      if (db.inUse.has(id)) fail('in_use');
      db.categories = db.categories.filter((c) => c.id !== id);
      reorder();
      return null;
    },
    get_time_limits: () => db.limits.map((l) => ({ ...l })),
    update_time_limits: ({ limits }) => {
      for (const l of limits) {
        if (!(l.acknowledgeHours >= 1 && l.acknowledgeHours <= 720)) fail('invalid.range', `limits.${l.grade}.acknowledgeHours`);
        if (!(l.resolveDays >= 1 && l.resolveDays <= 365)) fail('invalid.range', `limits.${l.grade}.resolveDays`);
      }
      db.limits = limits.map((l) => ({ ...l }));
      return db.limits;
    },
    list_staff: ({ includeInactive }) => db.staff.filter((s) => includeInactive || s.active).map((s) => ({ ...s })),
    add_staff: ({ input }) => {
      const created = { id: db.nextId++, ...staffInput(input), active: true };
      db.staff.push(created);
      return { ...created };
    },
    update_staff: ({ id, input }) => {
      const s = db.staff.find((x) => x.id === id) ?? fail('not_found');
      Object.assign(s, staffInput(input));
      return { ...s };
    },
    set_staff_active: ({ id, active }) => {
      const s = db.staff.find((x) => x.id === id) ?? fail('not_found');
      s.active = active;
      return { ...s };
    },
    reveal_database: () => null,
    about: () => ({ version: '0.1.0', logFolder: '/home/zhang/.local/share/com.branchdesk.app/logs', logFile: '/home/zhang/.local/share/com.branchdesk.app/logs/branchdesk-app.2026-10-31.log' }),
    reveal_log: () => { db.logRevealed = (db.logRevealed ?? 0) + 1; return null; },
    database_lock_holder: () => db.lockHolder ?? null,
    show_window: () => { db.shown += 1; return null; },
    set_menu_language: ({ language }) => { db.menuLanguage = language; return null; },
  };

  // mock-cases.js (loaded next) adds the complaint-case commands and shares these helpers.
  window.__mockCommands = commands;
  window.__mockHelpers = { fail, text, status };

  // The backend's events (the native menu, reminders): tests call window.__emit(name, payload)
  // (or its other name, __mockEmit) to send one as the backend would.
  const eventListeners = new Map();
  window.__emit = (name, payload) => {
    for (const handler of eventListeners.get(name) ?? []) handler({ event: name, payload });
    return (eventListeners.get(name) ?? []).length;
  };
  window.__mockEmit = window.__emit;

  window.__TAURI__ = {
    event: {
      async listen(name, handler) {
        if (!eventListeners.has(name)) eventListeners.set(name, []);
        eventListeners.get(name).push(handler);
        return () => eventListeners.set(name, eventListeners.get(name).filter((h) => h !== handler));
      },
    },
    core: {
      async invoke(cmd, args) {
        db.calls.push(cmd);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (!Object.hasOwn(commands, cmd)) throw `command ${cmd} not found`;
        // Another program holding the data file: `hold` delays a command (ms), `locked`
        // refuses its next N calls as the backend does once its wait is over.
        if (db.hold?.[cmd]) await new Promise((resolve) => setTimeout(resolve, db.hold[cmd]));
        if (db.locked?.[cmd] > 0) {
          db.locked[cmd] -= 1;
          fail('write.locked');
        }
        return JSON.parse(JSON.stringify(commands[cmd](args ?? {}) ?? null));
      },
    },
  };
})();
