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
