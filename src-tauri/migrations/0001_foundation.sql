-- Foundation: the branch, app settings, complaint categories, time limits per grade, staff.
-- Instants are stored as RFC 3339 UTC text; calendar dates as YYYY-MM-DD.

CREATE TABLE branch (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    code        TEXT NOT NULL,
    industry    TEXT NOT NULL CHECK (industry IN ('property', 'hotel', 'postal', 'other')),
    timezone    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE app_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- A seeded category is named through the UI dictionary (seed_key) until the user renames it.
CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    seed_key    TEXT UNIQUE,
    name        TEXT,
    position    INTEGER NOT NULL,
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at  TEXT NOT NULL,
    CHECK (seed_key IS NOT NULL OR name IS NOT NULL)
);

CREATE TABLE grade_time_limits (
    grade              INTEGER PRIMARY KEY CHECK (grade BETWEEN 1 AND 4),
    acknowledge_hours  INTEGER NOT NULL CHECK (acknowledge_hours BETWEEN 1 AND 720),
    resolve_days       INTEGER NOT NULL CHECK (resolve_days BETWEEN 1 AND 365)
);

CREATE TABLE staff (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    position    TEXT NOT NULL DEFAULT '',
    department  TEXT NOT NULL DEFAULT '',
    phone       TEXT,
    start_date  TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX staff_active_name ON staff (active, name);
