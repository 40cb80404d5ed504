// The backup commands of the mock backend (see mock-tauri.js, loaded first). Backups live in
// memory; a restore is remembered in sessionStorage because the page reloads afterwards.
// Starting data from the page URL: ?backups=some (three backups); with ?state=fatal,
// &fatalCode=startup.corrupt picks the start-up error, and &retry=ok makes "Try again" work.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const folder = '/home/user/.local/share/com.branchdesk.app/backups';
  db.backupKeep = 14;
  db.backups = params.get('backups') === 'some'
    ? [['2026-11-22T01:00:00Z', 'daily', 5_400_000], ['2026-11-21T09:30:00Z', 'manual', 5_300_000], ['2026-11-20T00:40:00Z', 'preMigration', 900]]
      .map(([madeAt, kind, sizeBytes]) => ({ path: `${folder}/branchdesk_${madeAt.replace(/\D/g, '').slice(0, 14)}_${kind}.sqlite`, madeAt, kind, sizeBytes }))
    : [];
  db.restoreFromFile = params.get('restoreFile'); // 'damaged' makes the dialog pick a damaged file

  const appStatus = commands.app_status;
  const fatalCode = params.get('fatalCode');
  Object.assign(commands, {
    app_status: () => {
      const status = appStatus();
      if (status.startupError && fatalCode) status.startupError = { code: fatalCode, message: fatalCode, field: null };
      if (sessionStorage.getItem('mock.recovered')) status.startupError = null;
      return status;
    },
    retry_open: () => {
      if (params.get('retry') !== 'ok') fail(fatalCode ?? 'database');
      sessionStorage.setItem('mock.recovered', 'retry');
      return null;
    },
    open_other_database: () => false,
    quit_app: () => { db.quit = true; return null; },
    backup_overview: () => ({ backups: db.backups, keep: db.backupKeep, folder }),
    back_up_now: () => {
      const madeAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const made = { path: `${folder}/branchdesk_${madeAt.replace(/\D/g, '').slice(0, 14)}_manual.sqlite`, madeAt, kind: 'manual', sizeBytes: 2_500_000 };
      db.backups = [made, ...db.backups].slice(0, db.backupKeep);
      return made;
    },
    set_backup_keep: ({ keep }) => {
      if (!(Number.isInteger(keep) && keep >= 1 && keep <= 365)) fail('invalid.range', 'keep');
      db.backupKeep = keep;
      db.backups = db.backups.slice(0, keep);
      return keep;
    },
    restore_backup: ({ path }) => {
      if (!db.backups.some((b) => b.path === path)) fail('backup.missing');
      sessionStorage.setItem('mock.restored', path);
      return { path: `${folder}/branchdesk_pre-restore.sqlite`, madeAt: new Date().toISOString(), kind: 'preRestore', sizeBytes: 1 };
    },
    restore_backup_from_file: () => {
      if (db.restoreFromFile === 'damaged') fail('backup.damaged');
      return null;
    },
    reveal_backups: () => null,
  });
})();
