// The group commands of the mock backend (see mock-tauri.js, loaded first): Settings › Group
// against an imaginary head-office server. ?group=down makes the server unreachable.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  db.group = {
    server: null, intervalMinutes: 0, lastSync: null, pending: 42, password: null,
    reachable: params.get('group') !== 'down',
  };
  const overview = () => ({
    server: db.group.server,
    intervalMinutes: db.group.intervalMinutes,
    lastSync: db.group.lastSync,
    pending: db.group.pending,
    passwordSaved: db.group.password !== null,
  });
  Object.assign(commands, {
    group_overview: overview,
    save_group_settings: ({ server, intervalMinutes }) => {
      if (server && !/^postgres(ql)?:\/\//.test(server)) fail('invalid.choice', 'server');
      // As the backend does: the address is kept without its password.
      db.group.server = server ? server.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1@') : null;
      db.group.intervalMinutes = intervalMinutes;
      return overview();
    },
    save_group_password: ({ password }) => {
      db.group.password = password || null;
      return null;
    },
    test_group_connection: () => {
      if (!db.group.reachable) fail('group.unreachable');
      return 'SH01';
    },
    sync_group_now: () => {
      if (!db.group.reachable) fail('group.unreachable');
      const sent = db.group.pending;
      db.group.pending = 0;
      db.group.lastSync = '2026-12-03T08:00:00Z';
      return {
        code: 'SH01',
        sent: { sent: { cases: sent - 2, 'case events': 2 }, removed: 0, batches: 1 },
        taken: { categories: 1, modules: 0, scenarios: 0, refused: 0 },
      };
    },
  });
})();
