// The monthly-report commands of the mock backend (loaded after mock-tauri.js and
// mock-cases.js): monthly_report, report_glossary, export_month, rollup_files, open_path,
// reveal_path, and the dialog plugin's save/open. Shapes follow src-tauri/src/stats/report.rs.
// Figures come from the cases in memory (received, closed, breakdowns), so the dashboard and
// the case list agree. With `&report=demo` in the page URL every month of the last two years
// also gets steady made-up history and a category whose name is markup, for the report screen.
(() => {
  const db = window.__mock;
  const commands = window.__mockCommands;
  const { fail } = window.__mockHelpers;
  const params = new URLSearchParams(location.search);
  const demo = params.get('report') === 'demo';
  const TZ = 'Asia/Shanghai';
  const EVIL = '<img src=x onerror=alert(1)>';

  // [key, unit, better]: the order of the glossary and the screen.
  const KPIS = [
    ['received', 'count', 'neutral'], ['valid', 'count', 'neutral'], ['closed', 'count', 'higher'], ['closure_rate', 'share', 'higher'],
    ['open_at_start', 'count', 'lower'], ['open_at_end', 'count', 'lower'], ['acknowledged_on_time', 'share', 'higher'],
    ['resolved_on_time', 'share', 'higher'], ['resolved_within_7_days', 'share', 'higher'], ['resolved_within_14_days', 'share', 'higher'],
    ['mean_days_to_resolve', 'days', 'lower'], ['median_days_to_resolve', 'days', 'lower'], ['follow_up_rate', 'share', 'higher'],
    ['average_satisfaction', 'score', 'higher'], ['satisfied_share', 'share', 'higher'], ['repeat_complaints', 'count', 'lower'],
    ['crises', 'count', 'lower'], ['escalated_channels', 'count', 'lower'], ['goodwill_total', 'yuan', 'neutral'],
    ['training_completion', 'share', 'higher'], ['drills_held', 'count', 'higher'], ['plans_active', 'count', 'higher'], ['measures_overdue', 'count', 'lower'],
  ];
  const NAMES = {
    received: ['收到投诉', 'Complaints received', '本月登记的全部投诉（含无效）。', 'Every complaint recorded in the month, including invalid ones.'],
    valid: ['有效投诉', 'Valid complaints', '收到的投诉减去判定为无效的。', 'Complaints received, less those found invalid.'],
    closed: ['结案数', 'Closed', '本月有效投诉中月末已结案的。', 'Valid complaints of the month that stood closed at its end.'],
    closure_rate: ['结案率', 'Closure rate', '本月收到的有效投诉中，已在月底前结案的比例。', 'Of the valid complaints received in the month, the share closed by its end.'],
    open_at_start: ['月初未结', 'Open at start of month', '月初仍在处理的投诉。', 'Complaints still open when the month began.'],
    open_at_end: ['月末未结', 'Open at end of month', '月末仍在处理的投诉。', 'Complaints still open when the month ended.'],
    acknowledged_on_time: ['按时受理率', 'Acknowledged on time', '在时限内受理的比例。', 'Share acknowledged within the time limit of their grade.'],
    resolved_on_time: ['按时解决率', 'Resolved on time', '在时限内解决的比例。', 'Share resolved within the time limit of their grade.'],
    resolved_within_7_days: ['7 天内解决率', 'Resolved within 7 days', '7 天内解决的比例。', 'Share resolved within 7 days of receipt.'],
    resolved_within_14_days: ['14 天内解决率', 'Resolved within 14 days', '14 天内解决的比例。', 'Share resolved within 14 days of receipt.'],
    mean_days_to_resolve: ['平均解决天数', 'Mean days to resolve', '从收到到解决的平均天数（不含暂停）。', 'Average days from receipt to resolution, pauses excluded.'],
    median_days_to_resolve: ['解决天数中位数', 'Median days to resolve', '从收到到解决天数的中位数。', 'Median days from receipt to resolution.'],
    follow_up_rate: ['回访率', 'Follow-up rate', '结案前成功回访的比例。', 'Share of closed complaints whose customer was called back.'],
    average_satisfaction: ['平均满意度', 'Average satisfaction', '回访打分（1–5）的平均值。', 'Average follow-up score from 1 to 5.'],
    satisfied_share: ['满意率', 'Satisfied', '回访打 4 分或 5 分的比例。', 'Share of follow-ups scoring 4 or 5.'],
    repeat_complaints: ['重复投诉', 'Repeat complaints', '同一客户 90 天内的再次投诉。', 'Complaints from a customer who complained in the 90 days before.'],
    crises: ['危机事件', 'Crises', '一级投诉的数量。', 'Grade 1 complaints received.'],
    escalated_channels: ['越级投诉', 'Escalated', '经总部、协会、律师或媒体来的投诉。', 'Complaints that came through head office, an association, a lawyer or the press.'],
    goodwill_total: ['补偿金额', 'Goodwill paid', '本月结案投诉的补偿合计（元）。', 'Goodwill paid on complaints closed in the month, in yuan.'],
    training_completion: ['培训完成率', 'Training completion', '员工完成必修培训的比例。', 'Share of staff who completed the required training.'],
    drills_held: ['演练次数', 'Drills held', '本月进行的情景演练。', 'Role-play drills held in the month.'],
    plans_active: ['进行中的预防计划', 'Active prevention plans', '月末处于执行中的预防计划。', 'Prevention plans active at the month\'s end.'],
    measures_overdue: ['逾期措施', 'Overdue measures', '过了期限仍未完成的预防措施。', 'Prevention measures past their due date.'],
  };

  const NOTES = {
    breakdowns: ['分类统计', 'Breakdowns', '只计本月的有效投诉；按根本原因只计月末已结案的。', 'The month\'s valid complaints; root causes only those closed at its end.'],
    trend: ['12个月趋势', '12-month trend', '每月的受理数和已结案数即该月的指标。', 'Each month\'s received and closed figures.'],
  };
  Object.assign(NAMES, NOTES);

  const monthOf = (instant) => {
    if (!instant) return null;
    const p = {};
    for (const part of new Intl.DateTimeFormat('en-US', { timeZone: TZ, year: 'numeric', month: '2-digit' }).formatToParts(new Date(instant))) p[part.type] = part.value;
    return `${p.year}-${p.month}`;
  };
  const parse = (key) => ({ year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) });
  const shift = (key, n) => {
    const { year, month } = parse(key);
    const index = year * 12 + month - 1 + n;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };
  const nowKey = () => monthOf(Date.now());
  const age = (key) => {
    const a = parse(nowKey());
    const b = parse(key);
    return (a.year - b.year) * 12 + (a.month - b.month);
  };

  if (demo && !db.categories.some((c) => c.name === EVIL)) {
    db.categories.push({ id: 7, seedKey: null, name: EVIL, position: db.categories.length, hidden: false });
  }

  // Made-up history for `report=demo`: steady, a little seasonal, nothing older than two years.
  const synthetic = (key) => {
    const n = age(key);
    if (!demo || n < 0 || n > 24) return { received: 0, closed: 0 };
    const { month } = parse(key);
    const received = 18 + ((month * 7) % 11) + (n % 3) - Math.floor(n / 12) * 3;
    // One of each month's made-up complaints is invalid, so at most the others are closed.
    return { received, closed: Math.max(0, received - 3 + (month % 3)) };
  };
  // The month's cases as the Rust figures define them (src-tauri/src/stats/sets.rs): received
  // (voided too), valid (not voided), closed (valid and closed by the month's end; the mock
  // keeps no reopenings, so a closed case was closed from its closedAt on).
  const inMonth = (key) => {
    const received = db.cases.filter((c) => monthOf(c.receivedAt) === key);
    const valid = received.filter((c) => c.status !== 'invalid');
    const closed = valid.filter((c) => c.status === 'closed' && monthOf(c.closedAt) <= key);
    return { received, valid, closed };
  };
  const ESCALATED = ['head_office', 'association', 'consumer_association', 'lawyer', 'media'];
  const counts = (key) => {
    const real = inMonth(key);
    const made = synthetic(key);
    return { received: real.received.length + made.received, closed: real.closed.length + made.closed };
  };

  const figures = (key) => {
    const { received, closed } = counts(key);
    const real = inMonth(key);
    const seed = parse(key).month;
    const invalid = real.received.filter((c) => c.status === 'invalid').length + (synthetic(key).received ? 1 : 0);
    const valid = received - invalid;
    const share = (num, den) => (den ? num / den : null);
    const empty = received === 0 && closed === 0;
    const satisfaction = [...real.closed.map((c) => c.satisfaction).filter(Boolean)];
    const withSynthetic = synthetic(key).received ? [4, 5, 4, 3, 5, 4 + (seed % 2)] : [];
    const scores = [...satisfaction, ...withSynthetic];
    const grade1 = real.valid.filter((c) => c.grade === 1).length + (synthetic(key).received ? seed % 2 : 0);
    const escalated = real.valid.filter((c) => ESCALATED.includes(c.channel)).length + (synthetic(key).received ? 2 : 0);
    return {
      received, valid, closed, closure_rate: [closed, valid],
      open_at_start: empty ? 0 : 3 + (seed % 4), open_at_end: empty ? 0 : 2 + (seed % 5),
      acknowledged_on_time: valid ? [valid - (seed % 3 ? 1 : 0), valid] : null,
      resolved_on_time: closed ? [closed - 1 + (seed % 2), closed] : null,
      resolved_within_7_days: closed ? [Math.max(0, closed - 3), closed] : null,
      resolved_within_14_days: closed ? [Math.max(0, closed - 1), closed] : null,
      mean_days_to_resolve: closed ? 2.5 + (seed % 4) * 0.4 : null,
      median_days_to_resolve: closed ? 2 + (seed % 3) * 0.5 : null,
      follow_up_rate: closed ? [Math.max(0, closed - (seed % 2)), closed] : null,
      average_satisfaction: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      satisfied_share: scores.length ? [scores.filter((s) => s >= 4).length, scores.length] : null,
      repeat_complaints: empty ? 0 : seed % 3,
      crises: grade1,
      escalated_channels: escalated,
      goodwill_total: real.closed.reduce((sum, c) => sum + (c.goodwillFen ?? 0), 0) / 100 + (synthetic(key).received ? 300 + seed * 25 : 0),
      training_completion: empty ? null : [30 + (seed % 10), 40], drills_held: empty ? 0 : seed % 4, plans_active: empty ? 0 : 1 + (seed % 2), measures_overdue: empty ? 0 : seed % 2,
    };
  };
  const valueOf = (raw) => (Array.isArray(raw) ? (raw[1] ? raw[0] / raw[1] : null) : raw);

  // By the Rust definition: the month's valid cases; root causes only the closed ones.
  const CODERS = {
    category: (c) => c.categoryId, channel: (c) => c.channel, grade: (c) => c.grade,
    department: (c) => String(c.department ?? '').trim() || 'none', customer_type: (c) => c.customerType,
    root_cause: (c) => c.rootCause ?? 'none',
  };
  const counted = (key, breakdown) => (breakdown === 'root_cause' ? inMonth(key).closed : inMonth(key).valid);

  const breakdowns = (key) => {
    const made = synthetic(key).received;
    const tally = (breakdown, weightsOrNull) => {
      const code = CODERS[breakdown];
      const map = new Map();
      for (const c of counted(key, breakdown)) map.set(String(code(c)), (map.get(String(code(c))) ?? 0) + 1);
      if (made && weightsOrNull) {
        const total = weightsOrNull.reduce((a, [, w]) => a + w, 0);
        let left = made;
        weightsOrNull.forEach(([k, w], i) => {
          const n = i === weightsOrNull.length - 1 ? left : Math.floor((made * w) / total);
          left -= n;
          map.set(String(k), (map.get(String(k)) ?? 0) + n);
        });
      }
      return [...map.entries()].filter(([, n]) => n > 0);
    };
    const sorted = (entries, label = () => '') => entries
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code, count]) => ({ code, label: label(code), count }));
    const categoryLabel = (code) => db.categories.find((c) => String(c.id) === code)?.name ?? '';
    return [
      { key: 'category', rows: sorted(tally('category', [[1, 5], [7, 3], [2, 2], [3, 2], [4, 1]]), categoryLabel) },
      { key: 'channel', rows: sorted(tally('channel', [['phone', 6], ['walk_in', 3], ['own_app', 2], ['media', 1]])) },
      { key: 'grade', rows: sorted(tally('grade', [[4, 6], [3, 3], [2, 2], [1, 1]])) },
      { key: 'department', rows: sorted(tally('department', [['客服部', 3], ['Front desk', 2]]), (code) => (code === 'none' ? '' : code)) },
      { key: 'root_cause', rows: sorted(tally('root_cause', [['delay', 3], ['staff', 2], ['quality', 1]])) },
      { key: 'customer_type', rows: sorted(tally('customer_type', [['passive', 4], ['talker', 2], ['angry', 1]])) },
    ];
  };

  // The cases behind a figure or breakdown row, for the case list's `figure` filter (the mock's
  // list_cases asks here). Made-up history has no cases behind it; the mock's timeliness and
  // satisfaction figures are made up too, so their links list the month's valid cases.
  window.__mockFigureMembers = ({ month, key, code, hits }) => {
    if (!/^\d{4}-\d{2}$/.test(String(month ?? ''))) fail('invalid.date', 'figure');
    const real = inMonth(month);
    const ids = (list) => list.map((c) => c.id);
    if (code != null && code !== '') {
      if (!CODERS[key] || hits) return null;
      return ids(counted(month, key).filter((c) => String(CODERS[key](c)) === String(code)));
    }
    const sets = {
      received: [real.received], valid: [real.valid], closed: [real.closed], closure_rate: [real.valid, real.closed],
      crises: [real.valid.filter((c) => c.grade === 1)], escalated_channels: [real.valid.filter((c) => ESCALATED.includes(c.channel))],
    };
    const madeUp = !['training_completion', 'drills_held', 'plans_active', 'measures_overdue'].includes(key)
      && KPIS.some(([k]) => k === key);
    const [all, part] = sets[key] ?? (madeUp ? [real.valid, real.valid] : [null]);
    if (!all) return null;
    if (hits) return part ? ids(part) : null;
    return ids(all);
  };

  const report = (key) => {
    const now = figures(key);
    const before = figures(shift(key, -1));
    const yearAgo = figures(shift(key, -12));
    return {
      branch: { name: db.branch?.name ?? '', code: db.branch?.code ?? '', industry: db.branch?.industry ?? 'other', timezone: TZ },
      month: parse(key),
      computedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      kpis: KPIS.map(([k, unit, better]) => ({
        key: k, unit, better, value: valueOf(now[k]), previous: valueOf(before[k]), lastYear: valueOf(yearAgo[k]),
        parts: Array.isArray(now[k]) ? now[k] : null,
      })),
      breakdowns: breakdowns(key),
      trend: Array.from({ length: 12 }, (_, i) => {
        const m = shift(key, i - 11);
        return { month: parse(m), ...counts(m) };
      }),
    };
  };

  const monthArg = (month) => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(String(month ?? ''))) fail('invalid.date', 'month');
    if (month > nowKey()) fail('invalid.range', 'month');
    return month;
  };
  const langArg = (lang) => (['zh-CN', 'en'].includes(lang) ? lang : fail('invalid.language', 'lang'));
  const base = (path) => String(path).split(/[\\/]/).pop();

  Object.assign(db, {
    exports: [], rollups: [], dialogs: [], openedPaths: [], revealedPaths: [], glossaryCalls: 0,
    // What the next dialogs answer; tests change these. null = the user cancelled.
    saveAnswer: undefined,
    openAnswer: ['/home/user/Downloads/SH01_2024-03_complaints.xlsx', '/home/user/Downloads/BJ02_2024-03_complaints.xlsx'],
  });

  Object.assign(commands, {
    monthly_report: ({ month }) => report(monthArg(month)),
    report_glossary: ({ lang }) => {
      db.glossaryCalls += 1;
      const en = langArg(lang) === 'en';
      // The figures, then the notes on the breakdowns and the trend, as the Rust glossary.
      return [...KPIS.map(([key]) => key), ...Object.keys(NOTES)]
        .map((key) => ({ key, name: NAMES[key][en ? 1 : 0], definition: NAMES[key][en ? 3 : 2] }));
    },
    export_month: ({ month, lang, includePersonalData, maskDescriptions, path }) => {
      monthArg(month);
      langArg(lang);
      if (typeof includePersonalData !== 'boolean') fail('invalid.choice', 'includePersonalData');
      if (maskDescriptions !== null && typeof maskDescriptions !== 'boolean') fail('invalid.choice', 'maskDescriptions');
      if (!path) fail('invalid.required', 'path');
      if (String(path).includes('/readonly/')) fail('io', 'path');
      // The backend checks every path it is sent (export::destination).
      if (!String(path).toLowerCase().endsWith('.xlsx')) fail('output.not_xlsx');
      db.exports.push({ month, lang, includePersonalData, maskDescriptions, path });
      return { path };
    },
    rollup_files: ({ paths, out, lang }) => {
      langArg(lang);
      if (!Array.isArray(paths) || !paths.length) fail('invalid.required', 'paths');
      const seen = new Map();
      let month = null;
      for (const path of paths) {
        const name = base(path);
        const match = /^([A-Z0-9]{2,12})_(\d{4}-\d{2})_complaints\.xlsx$/.exec(name);
        if (!match) fail('export.not_branchdesk', name);
        if (month && match[2] !== month) fail('export.other_month', name);
        month = match[2];
        if (seen.has(match[1])) fail('export.duplicate_branch', name);
        seen.set(match[1], match[1] === 'BJ02' ? EVIL : `${match[1]} 网点`);
      }
      db.rollups.push({ paths, out, lang });
      return { out, month: parse(month), branches: [...seen.entries()].map(([code, name]) => ({ code, name })) };
    },
    open_path: ({ path }) => { db.openedPaths.push(path); return null; },
    reveal_path: ({ path }) => { db.revealedPaths.push(path); return null; },
    'plugin:dialog|save': ({ options }) => {
      db.dialogs.push(['save', options]);
      return db.saveAnswer === undefined ? `/home/user/Documents/${options.defaultPath}` : db.saveAnswer;
    },
    'plugin:dialog|open': ({ options }) => {
      db.dialogs.push(['open', options]);
      return db.openAnswer;
    },
  });
})();
