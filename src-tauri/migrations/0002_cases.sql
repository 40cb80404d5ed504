-- Complaint cases: the case itself, its timeline, audit trail, pauses, attachments, crisis
-- checklist ticks and the two search indexes. Nothing here is ever hard-deleted.

-- The last sequence issued per local month; numbers are never reused, even if a case is voided.
CREATE TABLE case_sequences (
    month_key      INTEGER PRIMARY KEY,          -- YYYYMM in the branch's time zone
    last_sequence  INTEGER NOT NULL
);

-- Who is working at this computer; every change is recorded in their name.
-- (Stored in app_settings under 'current_staff_id'.)

CREATE TABLE cases (
    id                       INTEGER PRIMARY KEY,
    number                   TEXT NOT NULL UNIQUE,
    received_at              TEXT NOT NULL,
    received_month           INTEGER NOT NULL,   -- YYYYMM local, for monthly figures
    channel                  TEXT NOT NULL,
    complainant_name         TEXT NOT NULL DEFAULT '',
    phone                    TEXT,
    phone_key                TEXT,               -- digits only, to link a customer's cases
    reference                TEXT,
    reference_key            TEXT,               -- lower-cased, to link a customer's cases
    customer_type            TEXT NOT NULL,
    category_id              INTEGER NOT NULL REFERENCES categories (id),
    description              TEXT NOT NULL,
    customer_request         TEXT NOT NULL DEFAULT '',
    taken_by_id              INTEGER REFERENCES staff (id),
    assignee_id              INTEGER REFERENCES staff (id),
    department               TEXT NOT NULL DEFAULT '',
    media_exposure_risk      INTEGER NOT NULL DEFAULT 0 CHECK (media_exposure_risk IN (0, 1)),
    lawsuit_risk             INTEGER NOT NULL DEFAULT 0 CHECK (lawsuit_risk IN (0, 1)),
    households               INTEGER NOT NULL DEFAULT 1 CHECK (households BETWEEN 0 AND 100000),
    needs_other_departments  INTEGER NOT NULL DEFAULT 0 CHECK (needs_other_departments IN (0, 1)),
    suggested_grade          INTEGER NOT NULL CHECK (suggested_grade BETWEEN 1 AND 4),
    grade                    INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
    grade_reason             TEXT,
    status                   TEXT NOT NULL,
    acknowledge_by           TEXT NOT NULL,
    resolve_by               TEXT NOT NULL,      -- from the grade's limit, before pauses
    due_at                   TEXT NOT NULL,      -- resolve_by moved by finished pauses
    paused_since             TEXT,               -- set while waiting on the customer
    acknowledged_at          TEXT,
    resolved_at              TEXT,               -- when the case entered follow-up
    closed_at                TEXT,
    reopen_count             INTEGER NOT NULL DEFAULT 0,
    invalid_reason           TEXT,
    action_taken             TEXT,
    customer_accepted        INTEGER,
    goodwill_fen             INTEGER NOT NULL DEFAULT 0,
    root_cause               TEXT,
    follow_up_kind           TEXT,               -- called | unreachable
    called_on                TEXT,
    satisfaction             INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    follow_up_comment        TEXT,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL
);

CREATE INDEX cases_received ON cases (received_at);
CREATE INDEX cases_status ON cases (status, received_at);
CREATE INDEX cases_grade ON cases (grade, received_at);
CREATE INDEX cases_category ON cases (category_id, received_at);
CREATE INDEX cases_channel ON cases (channel, received_at);
CREATE INDEX cases_assignee ON cases (assignee_id, received_at);
CREATE INDEX cases_month ON cases (received_month);
CREATE INDEX cases_due ON cases (due_at) WHERE status NOT IN ('closed', 'invalid');
CREATE INDEX cases_phone ON cases (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX cases_reference ON cases (reference_key) WHERE reference_key IS NOT NULL;

-- The timeline: notes, calls, visits, status and grade changes, pauses, attachments, ticks.
CREATE TABLE case_events (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    at         TEXT NOT NULL,
    author_id  INTEGER REFERENCES staff (id),
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    old_value  TEXT,
    new_value  TEXT
);
CREATE INDEX case_events_case ON case_events (case_id, at);

-- Every field change: who, when, old and new value.
CREATE TABLE case_audit (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    at         TEXT NOT NULL,
    actor_id   INTEGER REFERENCES staff (id),
    field      TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT
);
CREATE INDEX case_audit_case ON case_audit (case_id, at);

-- Time spent waiting on the customer; the resolve clock stops meanwhile.
CREATE TABLE case_pauses (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    start_at  TEXT NOT NULL,
    end_at    TEXT,
    reason    TEXT NOT NULL
);
CREATE INDEX case_pauses_case ON case_pauses (case_id);

-- Photos and documents, copied into the app-data folder.
CREATE TABLE case_attachments (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    file_name    TEXT NOT NULL,
    stored_name  TEXT NOT NULL UNIQUE,
    size_bytes   INTEGER NOT NULL,
    added_at     TEXT NOT NULL,
    added_by     INTEGER REFERENCES staff (id)
);
CREATE INDEX case_attachments_case ON case_attachments (case_id);

-- The crisis (grade 1) escalation checklist.
CREATE TABLE case_escalation_ticks (
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    item       TEXT NOT NULL,
    ticked_at  TEXT NOT NULL,
    ticked_by  INTEGER REFERENCES staff (id),
    PRIMARY KEY (case_id, item)
);

-- Search. Trigrams find any substring of 3+ characters; trigrams cannot match 1-2 character
-- queries, so a second index holds single CJK characters, CJK character pairs and lower-cased
-- words (see cases::search). Both are contentless: the text lives in `cases`.
CREATE VIRTUAL TABLE case_search_trigram USING fts5 (
    body, tokenize = 'trigram', content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE case_search_grams USING fts5 (
    body, tokenize = 'unicode61', content = '', contentless_delete = 1
);
