-- Customers as records (issue 16 point 1): a person, household, unit, room or tracking account
-- that complaints come from, the keys it is recognised by (phones and references, folded for
-- matching), its own audit trail, and the link from each case. Cases that existed before this
-- migration are linked once at start-up, in Rust (customers::upgrade_link), which records its
-- run in customer_link_runs so it never runs twice.

CREATE TABLE customers (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL DEFAULT '',
    name_key       TEXT,                            -- folded name, for suggestions only
    customer_type  TEXT NOT NULL DEFAULT 'unknown',
    notes          TEXT NOT NULL DEFAULT '',        -- what worked with them
    key_customer   INTEGER NOT NULL DEFAULT 0 CHECK (key_customer IN (0, 1)),
    key_reason     TEXT,                            -- why they are watched (重点客户)
    merged_into    INTEGER REFERENCES customers (id), -- set when merged away; never deleted
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX customers_name ON customers (name_key) WHERE name_key IS NOT NULL;
CREATE INDEX customers_watched ON customers (key_customer) WHERE key_customer = 1;

-- Phones and references a customer is recognised by: as typed, and folded for matching.
CREATE TABLE customer_keys (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    kind         TEXT NOT NULL CHECK (kind IN ('phone', 'reference')),
    value        TEXT NOT NULL,
    match_key    TEXT NOT NULL,
    UNIQUE (customer_id, kind, match_key)
);
CREATE INDEX customer_keys_match ON customer_keys (kind, match_key);

-- Every change to a customer: who, when, what, old and new value (merges name both ids).
CREATE TABLE customer_audit (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    at           TEXT NOT NULL,
    actor_id     INTEGER REFERENCES staff (id),
    field        TEXT NOT NULL,
    old_value    TEXT,
    new_value    TEXT
);
CREATE INDEX customer_audit_customer ON customer_audit (customer_id, at);

ALTER TABLE cases ADD COLUMN customer_id INTEGER REFERENCES customers (id);
CREATE INDEX cases_customer ON cases (customer_id, received_at) WHERE customer_id IS NOT NULL;

-- The start-up linking of existing cases: one row when it has run (this computer's record of
-- its own upgrade, like _sqlx_migrations; not sent to head office).
CREATE TABLE customer_link_runs (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    cases_linked    INTEGER NOT NULL,
    customers_made  INTEGER NOT NULL
);

-- Search, as for cases (see cases::search): trigrams for 3+ characters, single CJK characters,
-- pairs and words for shorter queries. Contentless: the text lives in customers/customer_keys.
CREATE VIRTUAL TABLE customer_search_trigram USING fts5 (
    body, tokenize = 'trigram', content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE customer_search_grams USING fts5 (
    body, tokenize = 'unicode61', content = '', contentless_delete = 1
);

-- Group mode: the new branch-owned tables go to head office like the others (see 0008).
CREATE TRIGGER group_outbox_customers_insert AFTER INSERT ON customers
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('customers', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_customers_update AFTER UPDATE ON customers
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'customers', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('customers', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_customers_delete AFTER DELETE ON customers
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('customers', json_array(OLD.id), 'D');
END;
CREATE TRIGGER group_outbox_customer_keys_insert AFTER INSERT ON customer_keys
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('customer_keys', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_customer_keys_update AFTER UPDATE ON customer_keys
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'customer_keys', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('customer_keys', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_customer_keys_delete AFTER DELETE ON customer_keys
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('customer_keys', json_array(OLD.id), 'D');
END;
CREATE TRIGGER group_outbox_customer_audit_insert AFTER INSERT ON customer_audit
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('customer_audit', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_customer_audit_update AFTER UPDATE ON customer_audit
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'customer_audit', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('customer_audit', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_customer_audit_delete AFTER DELETE ON customer_audit
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('customer_audit', json_array(OLD.id), 'D');
END;
