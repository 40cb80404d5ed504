// Pure helpers of the group dashboard (no DOM): its routes, the figures its table shows, and
// the branches in the order of a chosen figure's rank. The ranks themselves come from Rust
// (group/dashboard.rs rank_by); the page only orders by them.

/// The figures of the branch table, in its column order (keys of stats/kpi.rs).
export const COLUMNS = Object.freeze([
  'received', 'valid', 'closed', 'closure_rate', 'resolved_on_time', 'open_at_end',
  'average_satisfaction', 'crises',
]);

/// The figure the table is ranked by until the user picks another.
export const DEFAULT_RANK = 'closure_rate';

const CODE = /^[A-Z0-9]{1,16}$/;
const MONTH = /^\d{4}-\d{2}$/;

/// Reads `#/group[/CODE[/ID]][?month=YYYY-MM&rank=KEY]`: `{code, id, month, rank}`, each null
/// when absent or malformed (a hand-typed hash never reaches the backend unchecked).
export function parseGroupHash(hash) {
  const [path, query = ''] = String(hash ?? '').replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  const code = parts[1] && CODE.test(parts[1]) ? parts[1] : null;
  const id = code && /^\d{1,15}$/.test(parts[2] ?? '') ? Number(parts[2]) : null;
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month') : null;
  const rank = /^[a-z0-9_]{1,40}$/.test(params.get('rank') ?? '') ? params.get('rank') : null;
  return { code, id, month, rank };
}

/// The hash of a group page: the dashboard, a branch's cases, or one case, for `month`.
export function groupHash({ code = null, id = null, month = null, rank = null } = {}) {
  const path = ['#/group', code, code && id != null ? String(id) : null].filter(Boolean).join('/');
  const params = new URLSearchParams();
  if (month) params.set('month', month);
  if (rank && !code) params.set('rank', rank);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/// Branch `branch`'s figure `key`, or undefined.
export function figure(branch, key) {
  return branch.kpis.find((kpi) => kpi.key === key);
}

/// The branches best first by figure `key`: by the rank Rust gave, unranked (no value) last,
/// ties by code. Each entry is `{branch, rank}` (rank null when unranked).
export function rankedBranches(branches, key) {
  return branches
    .map((branch) => ({ branch, rank: branch.ranks?.[key] ?? null }))
    .sort((a, b) => {
      if (a.rank !== b.rank) {
        if (a.rank == null) return 1;
        if (b.rank == null) return -1;
        return a.rank - b.rank;
      }
      return a.branch.code < b.branch.code ? -1 : a.branch.code > b.branch.code ? 1 : 0;
    });
}

/// The figures a branch may be ranked by: those some branch has a rank for, in column order
/// first, then the rest in report order.
export function rankChoices(branches) {
  const ranked = new Set(branches.flatMap((branch) => Object.keys(branch.ranks ?? {})));
  const order = branches[0]?.kpis.map((kpi) => kpi.key) ?? [];
  return [...COLUMNS, ...order.filter((key) => !COLUMNS.includes(key))].filter((key) => ranked.has(key));
}

/// The months the picker offers: `count` months ending with `latest` (`YYYY-MM`), newest first.
export function monthChoices(latest, count = 24) {
  let [year, month] = latest.split('-').map(Number);
  const out = [];
  for (let i = 0; i < count; i += 1) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}
