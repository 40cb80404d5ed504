-- Withdrawing a sign-off or an assignment keeps the row and marks it: when (RFC 3339 UTC),
-- by whom (the person working at the computer, when one is set) and why. A withdrawn row
-- counts nowhere, not even in past months, but the trainer's record still shows it.
-- Existing rows stay as they were: none of them is withdrawn.

ALTER TABLE training_signoffs ADD COLUMN withdrawn_at TEXT;
ALTER TABLE training_signoffs ADD COLUMN withdrawn_by INTEGER REFERENCES staff (id);
ALTER TABLE training_signoffs ADD COLUMN withdrawn_reason TEXT;

ALTER TABLE training_assignments ADD COLUMN withdrawn_at TEXT;
ALTER TABLE training_assignments ADD COLUMN withdrawn_by INTEGER REFERENCES staff (id);
ALTER TABLE training_assignments ADD COLUMN withdrawn_reason TEXT;

-- Who was on staff at an instant: every change of a person's `active` flag, so a past month's
-- training figures count the people who worked there then, not today's active staff. A
-- person is on staff at T when they were created before T and their latest change before T
-- (if any) made them active. Existing staff are seeded from their current state: active
-- people since they were created, former staff inactive since their record last changed
-- (the best instant on record for their deactivation).
CREATE TABLE staff_activity (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    active      INTEGER NOT NULL CHECK (active IN (0, 1)),
    changed_at  TEXT NOT NULL
);

CREATE INDEX staff_activity_staff ON staff_activity (staff_id, changed_at);

INSERT INTO staff_activity (staff_id, active, changed_at)
    SELECT id, active, CASE WHEN active = 1 THEN created_at ELSE updated_at END FROM staff;
