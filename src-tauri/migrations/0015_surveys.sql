-- Surveys and feedback beyond complaints (issue 16 point 6).
--
-- A survey's title and questions live in versions, like the training curriculum (0005):
-- editing a survey writes a new version and never touches the questions past answers were
-- given to, so a past answer keeps the text it answered. A question keeps its `lineage_id`
-- (the id of its first appearance) across versions, so its averages run on across a fixed
-- typo; a question left out of a newer version is no longer asked. Scores are 1-5.
-- Dates are local calendar dates (YYYY-MM-DD), instants RFC 3339 UTC.

CREATE TABLE surveys (
    id          INTEGER PRIMARY KEY,
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at  TEXT NOT NULL
);

CREATE TABLE survey_versions (
    id          INTEGER PRIMARY KEY,
    survey_id   INTEGER NOT NULL REFERENCES surveys (id),
    version     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (survey_id, version)
);

CREATE TABLE survey_questions (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES survey_versions (id),
    lineage_id  INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX survey_questions_version ON survey_questions (version_id, position);

-- One respondent's form, entered by staff or imported. Name and phone are optional and are
-- masked wherever they leave the branch.
CREATE TABLE survey_responses (
    id             INTEGER PRIMARY KEY,
    version_id     INTEGER NOT NULL REFERENCES survey_versions (id),
    answered_on    TEXT NOT NULL,
    channel        TEXT NOT NULL,
    customer_name  TEXT NOT NULL DEFAULT '',
    phone          TEXT,
    comment        TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL CHECK (source IN ('staff', 'import')),
    entered_by     INTEGER REFERENCES staff (id),
    created_at     TEXT NOT NULL
);
CREATE INDEX survey_responses_day ON survey_responses (answered_on);

CREATE TABLE survey_answers (
    response_id  INTEGER NOT NULL REFERENCES survey_responses (id),
    question_id  INTEGER NOT NULL REFERENCES survey_questions (id),
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (response_id, question_id)
);
CREATE INDEX survey_answers_question ON survey_answers (question_id);

-- Suggestions and praise: what customers tell the branch that is not a complaint. Praise may
-- name the staff member praised.
CREATE TABLE feedback (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('suggestion', 'praise')),
    text         TEXT NOT NULL,
    received_on  TEXT NOT NULL,
    staff_id     INTEGER REFERENCES staff (id),
    entered_by   INTEGER REFERENCES staff (id),
    created_at   TEXT NOT NULL
);
CREATE INDEX feedback_day ON feedback (received_on);

-- Group mode sends them like every branch-owned table (see 0008).
CREATE TRIGGER group_outbox_surveys_insert AFTER INSERT ON surveys
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('surveys', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_surveys_update AFTER UPDATE ON surveys
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'surveys', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('surveys', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_surveys_delete AFTER DELETE ON surveys
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('surveys', json_array(OLD.id), 'D');
END;
CREATE TRIGGER group_outbox_survey_versions_insert AFTER INSERT ON survey_versions
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_versions', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_survey_versions_update AFTER UPDATE ON survey_versions
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'survey_versions', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_versions', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_survey_versions_delete AFTER DELETE ON survey_versions
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_versions', json_array(OLD.id), 'D');
END;
CREATE TRIGGER group_outbox_survey_questions_insert AFTER INSERT ON survey_questions
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_questions', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_survey_questions_update AFTER UPDATE ON survey_questions
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'survey_questions', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_questions', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_survey_questions_delete AFTER DELETE ON survey_questions
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_questions', json_array(OLD.id), 'D');
END;
CREATE TRIGGER group_outbox_survey_responses_insert AFTER INSERT ON survey_responses
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_responses', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_survey_responses_update AFTER UPDATE ON survey_responses
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'survey_responses', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_responses', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_survey_responses_delete AFTER DELETE ON survey_responses
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_responses', json_array(OLD.id), 'D');
END;
CREATE TRIGGER group_outbox_survey_answers_insert AFTER INSERT ON survey_answers
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_answers', json_array(NEW.response_id, NEW.question_id), 'I');
END;
CREATE TRIGGER group_outbox_survey_answers_update AFTER UPDATE ON survey_answers
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'survey_answers', json_array(OLD.response_id, OLD.question_id), 'D'
        WHERE json_array(OLD.response_id, OLD.question_id) <> json_array(NEW.response_id, NEW.question_id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_answers', json_array(NEW.response_id, NEW.question_id), 'U');
END;
CREATE TRIGGER group_outbox_survey_answers_delete AFTER DELETE ON survey_answers
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('survey_answers', json_array(OLD.response_id, OLD.question_id), 'D');
END;
CREATE TRIGGER group_outbox_feedback_insert AFTER INSERT ON feedback
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('feedback', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_feedback_update AFTER UPDATE ON feedback
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'feedback', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('feedback', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_feedback_delete AFTER DELETE ON feedback
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('feedback', json_array(OLD.id), 'D');
END;
