-- Lessons learned (issue 16 point 5): what a closed case taught the branch. One lesson per
-- case, written on closing or later; its category and customer type are the case's, read
-- through the join so they never drift. A lesson links forward to what it became: a drill
-- scenario for training and a measure in a prevention plan. Every create, edit and conversion
-- is recorded in the case's audit trail (fields `lesson_*`).

CREATE TABLE lessons (
    id                 INTEGER PRIMARY KEY,
    case_id            INTEGER NOT NULL UNIQUE REFERENCES cases (id),
    happened           TEXT NOT NULL,
    worked             TEXT NOT NULL DEFAULT '',
    differently        TEXT NOT NULL DEFAULT '',
    author_id          INTEGER REFERENCES staff (id),
    drill_scenario_id  INTEGER REFERENCES drill_scenarios (id),
    measure_id         INTEGER REFERENCES prevention_measures (id),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE INDEX lessons_created ON lessons (created_at);

-- Group mode sends lessons like every branch-owned table (see 0008).
CREATE TRIGGER group_outbox_lessons_insert AFTER INSERT ON lessons
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('lessons', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_lessons_update AFTER UPDATE ON lessons
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'lessons', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('lessons', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_lessons_delete AFTER DELETE ON lessons
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('lessons', json_array(OLD.id), 'D');
END;
