-- Speed for the case list on large databases (hundreds of thousands of cases). The list shows a
-- page of cases and, beside it, how many cases each status has under the same filters. Counting
-- by walking an index costs about 100 ns a case, which is too slow for the unfiltered list and
-- for broad filters; these counts now come from running tallies kept by triggers. Narrower
-- filters get indexes that answer from the index alone. Nothing here changes what the list shows.

-- How many cases share each combination of status, grade, category, channel and assignee.
-- The list sums these rows when it filters on nothing but those columns (or on nothing at all).
-- A key cannot hold NULL, so an unassigned case counts under the assignee '' (which no id equals).
CREATE TABLE case_tallies (
    status       TEXT NOT NULL,
    grade        INTEGER NOT NULL,
    category_id  INTEGER NOT NULL,
    channel      TEXT NOT NULL,
    assignee_id  INTEGER NOT NULL,
    cases        INTEGER NOT NULL,
    PRIMARY KEY (status, grade, category_id, channel, assignee_id)
) WITHOUT ROWID;

INSERT INTO case_tallies (status, grade, category_id, channel, assignee_id, cases)
SELECT status, grade, category_id, channel, COALESCE(assignee_id, ''), COUNT(*)
FROM cases GROUP BY status, grade, category_id, channel, COALESCE(assignee_id, '');

CREATE TRIGGER case_tallies_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO case_tallies (status, grade, category_id, channel, assignee_id, cases)
    VALUES (NEW.status, NEW.grade, NEW.category_id, NEW.channel, COALESCE(NEW.assignee_id, ''), 1)
    ON CONFLICT DO UPDATE SET cases = cases + 1;
END;

CREATE TRIGGER case_tallies_update AFTER UPDATE OF status, grade, category_id, channel, assignee_id ON cases
WHEN OLD.status IS NOT NEW.status OR OLD.grade IS NOT NEW.grade OR OLD.category_id IS NOT NEW.category_id
    OR OLD.channel IS NOT NEW.channel OR OLD.assignee_id IS NOT NEW.assignee_id
BEGIN
    UPDATE case_tallies SET cases = cases - 1
    WHERE status = OLD.status AND grade = OLD.grade AND category_id = OLD.category_id
        AND channel = OLD.channel AND assignee_id = COALESCE(OLD.assignee_id, '');
    INSERT INTO case_tallies (status, grade, category_id, channel, assignee_id, cases)
    VALUES (NEW.status, NEW.grade, NEW.category_id, NEW.channel, COALESCE(NEW.assignee_id, ''), 1)
    ON CONFLICT DO UPDATE SET cases = cases + 1;
END;

-- Cases are never deleted, but a tally must not outlive its cases if one ever is.
CREATE TRIGGER case_tallies_delete AFTER DELETE ON cases
BEGIN
    UPDATE case_tallies SET cases = cases - 1
    WHERE status = OLD.status AND grade = OLD.grade AND category_id = OLD.category_id
        AND channel = OLD.channel AND assignee_id = COALESCE(OLD.assignee_id, '');
END;

-- Counting by received date (the date-range filter) from the index alone.
DROP INDEX cases_received;
CREATE INDEX cases_received ON cases (received_at, status);

-- Open cases with everything the overdue and due-today filters test, and the receipt time the
-- list sorts by, so finding and counting them needs no table reads. Same name and leading
-- column as before; it still serves the due-date range.
DROP INDEX cases_due;
CREATE INDEX cases_due ON cases (due_at, status, acknowledge_by, paused_since, received_at)
    WHERE status NOT IN ('closed', 'invalid');

-- The list sorted by due date (open cases first): the same expression as its ORDER BY, so
-- SQLite reads the first page off the index instead of sorting every case.
CREATE INDEX cases_due_order ON cases ((CASE WHEN status IN ('closed', 'invalid') THEN 1 ELSE 0 END), due_at);
