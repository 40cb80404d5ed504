-- Speed for the monthly report on large databases. Nothing here changes what any screen shows.

-- Cases open at a past instant: a closed case can have been open at it only if its last close
-- came later. The report walks this index from the instant on, reading the receipt time from
-- the index itself.
CREATE INDEX cases_closed ON cases (closed_at, received_at) WHERE status = 'closed';

-- The status moves of the report's cases, read from the index alone.
CREATE INDEX case_events_moves ON case_events (case_id, at, new_value, old_value)
    WHERE kind = 'status';

-- Cases closed in each month of the trend, counted without reading any other event.
CREATE INDEX case_events_closes ON case_events (new_value, at, case_id) WHERE kind = 'status';

-- A customer's complaints in the 90 days before a case (repeat complaints): the same names
-- and leading keys as before, now with the receipt time and status, so one index range
-- answers without reading the cases.
DROP INDEX cases_phone;
CREATE INDEX cases_phone ON cases (phone_key, received_at, status) WHERE phone_key IS NOT NULL;
DROP INDEX cases_reference;
CREATE INDEX cases_reference ON cases (reference_key, received_at, status)
    WHERE reference_key IS NOT NULL;
