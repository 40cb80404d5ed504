-- Prevention: plans against the branch's most common complaints, their measures, the cases
-- attached as evidence, a change history, and emergency plans for crises with their drills.
-- Nothing here is hard-deleted except a case's link to a plan (a link is not a record).

-- A plan targets a category, a root cause or both. Phase: collect -> analyse -> formulate ->
-- implement -> evaluate. Status: draft, active, done (evaluated), cancelled.
CREATE TABLE prevention_plans (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    category_id   INTEGER REFERENCES categories (id),
    root_cause    TEXT,
    goal_percent  INTEGER NOT NULL CHECK (goal_percent BETWEEN 1 AND 100),
    goal_days     INTEGER NOT NULL CHECK (goal_days BETWEEN 1 AND 730),
    owner_id      INTEGER REFERENCES staff (id),
    start_date    TEXT NOT NULL,                -- YYYY-MM-DD, branch-local
    review_date   TEXT NOT NULL,                -- YYYY-MM-DD, branch-local
    phase         TEXT NOT NULL,
    status        TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '',
    conclusion    TEXT,                         -- effective | partly | not_effective
    next_step     TEXT,
    evaluated_at  TEXT,
    parent_id     INTEGER REFERENCES prevention_plans (id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (category_id IS NOT NULL OR root_cause IS NOT NULL),
    CHECK (review_date > start_date)
);
CREATE INDEX prevention_plans_status ON prevention_plans (status, review_date);

-- A measure of the training kind can point at a training module or a drill scenario (0005).
CREATE TABLE prevention_measures (
    id                  INTEGER PRIMARY KEY,
    plan_id             INTEGER NOT NULL REFERENCES prevention_plans (id),
    description         TEXT NOT NULL,
    kind                TEXT NOT NULL,
    owner_id            INTEGER REFERENCES staff (id),
    due_date            TEXT NOT NULL,          -- YYYY-MM-DD, branch-local: due by its end
    status              TEXT NOT NULL,          -- planned | in_progress | done | dropped
    done_on             TEXT,                   -- YYYY-MM-DD the owner says it was done
    closed_at           TEXT,                   -- UTC instant it was marked done or dropped
    evidence            TEXT NOT NULL DEFAULT '',
    training_module_id  INTEGER REFERENCES training_modules (id),
    drill_scenario_id   INTEGER REFERENCES drill_scenarios (id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX prevention_measures_plan ON prevention_measures (plan_id, due_date);
CREATE INDEX prevention_measures_due ON prevention_measures (due_date, closed_at);

-- Cases attached to a plan as evidence.
CREATE TABLE prevention_plan_cases (
    plan_id   INTEGER NOT NULL REFERENCES prevention_plans (id),
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    added_at  TEXT NOT NULL,
    added_by  INTEGER REFERENCES staff (id),
    PRIMARY KEY (plan_id, case_id)
);
CREATE INDEX prevention_plan_cases_case ON prevention_plan_cases (case_id);

-- Every change to a plan, its measures and its evidence: who, when, what, old and new value.
CREATE TABLE prevention_audit (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES prevention_plans (id),
    at         TEXT NOT NULL,
    actor_id   INTEGER REFERENCES staff (id),
    field      TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT
);
CREATE INDEX prevention_audit_plan ON prevention_audit (plan_id, at);
-- The monthly report reads each plan's status as it stood at a month's end from here.
CREATE INDEX prevention_audit_status ON prevention_audit (field, at, plan_id) WHERE field = 'status';

-- Emergency plans for crises: who to call, what to do, who speaks to the media, how often
-- to drill. Contacts and steps are one per line.
CREATE TABLE emergency_plans (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    scenario          TEXT NOT NULL DEFAULT '',
    contacts          TEXT NOT NULL DEFAULT '',
    steps             TEXT NOT NULL DEFAULT '',
    spokesperson_id   INTEGER REFERENCES staff (id),
    media_note        TEXT NOT NULL DEFAULT '',
    drill_every_days  INTEGER NOT NULL CHECK (drill_every_days BETWEEN 7 AND 730),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

CREATE TABLE emergency_drills (
    id                 INTEGER PRIMARY KEY,
    emergency_plan_id  INTEGER NOT NULL REFERENCES emergency_plans (id),
    held_on            TEXT NOT NULL,           -- YYYY-MM-DD
    participants       TEXT NOT NULL,
    findings           TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    created_by         INTEGER REFERENCES staff (id)
);
CREATE INDEX emergency_drills_plan ON emergency_drills (emergency_plan_id, held_on);
