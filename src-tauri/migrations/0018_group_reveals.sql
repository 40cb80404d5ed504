-- Head office's computer: who was shown a branch case's personal data on the group dashboard,
-- when, and which case. It is this computer's own record (never sent to the server, see
-- group/tables.rs is_unsent) and is only ever added to.

CREATE TABLE group_reveals (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    staff_id     INTEGER REFERENCES staff (id),
    branch_code  TEXT NOT NULL,
    case_id      INTEGER NOT NULL,
    case_number  TEXT NOT NULL
);

CREATE INDEX group_reveals_at ON group_reveals (at);
