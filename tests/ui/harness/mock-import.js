// The import commands of the mock backend (see mock-tauri.js, loaded first). The "picked"
// file is a small Chinese complaint log with markup in a cell; its dry run finds a bad date
// and an unknown category until the test "fixes the file" (window.__mock.importFixed = true).
// ?importPick=cancel makes the dialog return nothing.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const headers = ['编号', '受理时间', '投诉人', '电话', '房号/单号', '投诉内容', '类别', '状态'];
  const cells = [
    ['X-1', '2024/3/1 10:30', '王小明', '13800138000', 'SF1', '<img src=x onerror=alert(1)>', '派送延误', '已处理'],
    ['X-2', '2024-02-30', '李女士', '', '', '日期写错了', '派送延误', ''],
    ['X-3', '2024-03-03', '', '', '', '门口绿化没人管', '绿化', ''],
    ['X-4', '2024年3月4日', 'Ms Lee', '', '', 'Parcel lost', 'Lost parcel', 'closed'],
  ];
  const suggested = {
    received_at: '受理时间', complainant_name: '投诉人', phone: '电话', reference: '房号/单号',
    description: '投诉内容', category: '类别', status: '状态', original_number: '编号',
  };
  Object.assign(db, { importFixed: false, importCalls: [], imported: 0 });

  const picked = () => ({
    token: 7,
    preview: {
      fileName: 'complaints-2024.csv', headers, rows: cells.map((row, i) => ({ number: i + 2, cells: row })),
      rowCount: cells.length, sheets: [], sheet: null, encoding: 'gb18030',
    },
    mapping: { ...suggested }, remembered: false, complete: true,
  });
  const report = ({ token, mapping, options }) => {
    if (token !== 7) fail('not_found');
    if (!mapping.received_at) fail('invalid.required', 'mapping.received_at');
    const problems = [];
    if (!db.importFixed) {
      problems.push({ row: 3, field: 'received_at', code: 'invalid.date' });
      if (!options.unknownCategoryToOther) problems.push({ row: 4, field: 'category', code: 'import.unknown_category' });
    }
    const badRows = new Set(problems.map((p) => p.row)).size;
    return {
      rows: cells.length, ready: cells.length - badRows, closed: 2, badRows, problems,
      unknownCategories: problems.some((p) => p.code === 'import.unknown_category') ? ['绿化'] : [],
      timezone: 'Asia/Shanghai',
      times: [{ row: 2, written: '2024-03-01T02:30:00Z', local: '2024-03-01 10:30' },
        { row: 5, written: '2024年3月4日', local: '2024-03-04 00:00' }],
    };
  };

  Object.assign(commands, {
    import_pick_file: () => (params.get('importPick') === 'cancel' ? null : picked()),
    import_preview: () => picked(),
    import_dry_run: (args) => {
      db.importCalls.push(['dry_run', args]);
      return report(args);
    },
    import_run: (args) => {
      db.importCalls.push(['run', args]);
      const checked = report(args);
      if (checked.badRows) return { imported: 0, report: checked };
      db.imported += checked.ready;
      return { imported: checked.ready, report: checked };
    },
  });
})();
