-- Casework depth (issue 16 points 2-4): whether a valid complaint is justified and whose fault
-- it is, the departments that support a case (replacing the yes/no needs_other_departments
-- flag), and the progress updates that keep a late case's customer informed.

-- Recorded on leaving verification (investigating -> resolving); NULL until then.
ALTER TABLE cases ADD COLUMN justified INTEGER CHECK (justified IN (0, 1));
ALTER TABLE cases ADD COLUMN judgement_cause TEXT;
ALTER TABLE cases ADD COLUMN fault TEXT
    CHECK (fault IN ('branch', 'other_department', 'third_party', 'customer'));

-- One line per department that helps with a case. The owner is a member of staff or, for
-- someone outside the branch, a name; dates are local calendar days.
CREATE TABLE case_supports (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases (id),
    department      TEXT NOT NULL,
    task            TEXT NOT NULL,
    owner_name      TEXT,
    owner_staff_id  INTEGER REFERENCES staff (id),
    due_on          TEXT,
    done_on         TEXT,
    done_by         INTEGER REFERENCES staff (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX case_supports_case ON case_supports (case_id);

-- What the customer was told while the case ran late: how, what, and when (UTC instant).
CREATE TABLE case_progress_updates (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    method     TEXT NOT NULL CHECK (method IN ('call', 'message', 'visit')),
    said       TEXT NOT NULL,
    told_at    TEXT NOT NULL,
    author_id  INTEGER REFERENCES staff (id),
    created_at TEXT NOT NULL
);
CREATE INDEX case_progress_updates_case ON case_progress_updates (case_id, told_at);

CREATE TRIGGER group_outbox_case_supports_insert AFTER INSERT ON case_supports
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_supports', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_case_supports_update AFTER UPDATE ON case_supports
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_supports', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_supports', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_case_supports_delete AFTER DELETE ON case_supports
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_supports', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_case_progress_updates_insert AFTER INSERT ON case_progress_updates
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_progress_updates', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_case_progress_updates_update AFTER UPDATE ON case_progress_updates
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_progress_updates', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_progress_updates', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_case_progress_updates_delete AFTER DELETE ON case_progress_updates
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_progress_updates', json_array(OLD.id), 'D');
END;

-- The old flag becomes one line "unspecified", so nothing that was known is lost. The flag
-- column stays for the intake form's tick box, which now adds such a line; grading reads the
-- lines.
INSERT INTO case_supports (case_id, department, task, created_at, updated_at)
    SELECT id, 'unspecified', '', updated_at, updated_at FROM cases WHERE needs_other_departments = 1;
