-- Reminders already sent, one row per event (its key names the case and deadline, the
-- measure and due date, the person, module and due date, or the summary's day), so the same
-- event is never notified twice, across restarts and across two windows on one database.
CREATE TABLE reminders_sent (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    route TEXT NOT NULL,
    sent_at TEXT NOT NULL
);
