-- Sign-in and roles. A sign-in belongs to one person of the staff directory (so every audit
-- line, timeline entry, sign-off and plan change keeps naming a staff row, as before) and
-- gives them a role. The secret is an argon2id PHC string, never the password or PIN itself.
-- A person deactivated in the staff directory cannot sign in. Nothing existing is changed:
-- every case, audit line and record keeps its author.

CREATE TABLE sign_ins (
    staff_id      INTEGER PRIMARY KEY REFERENCES staff (id),
    username      TEXT NOT NULL,                 -- as typed when created
    username_key  TEXT NOT NULL UNIQUE,          -- lower-cased: names are unique ignoring case
    role          TEXT NOT NULL CHECK (role IN ('manager', 'staff', 'trainer', 'viewer')),
    secret_hash   TEXT NOT NULL,                 -- argon2id PHC string
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Wrong sign-ins in a row, per user name (known or not, so the answer never tells) and
-- computer; a right one clears the row. The delay before the next try grows with `failures`.
CREATE TABLE sign_in_failures (
    username_key    TEXT NOT NULL,
    machine         TEXT NOT NULL,
    failures        INTEGER NOT NULL,
    last_failed_at  TEXT NOT NULL,
    PRIMARY KEY (username_key, machine)
);

-- Who recorded a sign-off or a drill's scores (the signed-in person), apart from the trainer
-- or observer chosen on the form. Rows from before sign-ins have none.
ALTER TABLE training_signoffs ADD COLUMN recorded_by INTEGER REFERENCES staff (id);
ALTER TABLE drills ADD COLUMN recorded_by INTEGER REFERENCES staff (id);

-- The "working as" choice goes: the signed-in person is the author from now on.
DELETE FROM app_settings WHERE key = 'current_staff_id';
