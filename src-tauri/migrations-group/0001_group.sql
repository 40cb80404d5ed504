-- Group mode's central schema (PostgreSQL). Forward-only, applied by `group-schema`.
--
-- Every branch-owned row is kept as the branch sent it: (branch code, table, the row's key in
-- the branch's SQLite) -> the row as JSON. The branch's SQLite stays the source of truth; this
-- is its copy for head office, so one row has one writer and nothing needs merging.
--
-- Access: NOLOGIN group roles `branchdesk_branch` and `branchdesk_office`. Each branch logs in
-- with its own role (a member of branchdesk_branch) mapped to its branch code in group_branches;
-- row-level security lets it write and read only its own rows. The mapping is read through
-- session_user, which a client cannot change without superuser rights (SET ROLE changes
-- current_user only), so a branch cannot pass itself off as another.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'branchdesk_branch') THEN
        CREATE ROLE branchdesk_branch NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'branchdesk_office') THEN
        CREATE ROLE branchdesk_office NOLOGIN;
    END IF;
END
$$;

CREATE TABLE group_branches (
    branch_code  text PRIMARY KEY,
    role_name    name NOT NULL UNIQUE,
    added_at     timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON group_branches TO branchdesk_office;

-- The branch code of the role that logged in, or NULL for a role that is not a branch.
CREATE FUNCTION group_my_branch() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT branch_code FROM public.group_branches WHERE role_name = session_user $$;
REVOKE ALL ON FUNCTION group_my_branch() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION group_my_branch() TO branchdesk_branch, branchdesk_office;

CREATE TABLE branch_rows (
    branch_code  text NOT NULL,
    tbl          text NOT NULL,
    row_key      text NOT NULL,
    data         jsonb NOT NULL,
    synced_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch_code, tbl, row_key)
);

ALTER TABLE branch_rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_reads_own ON branch_rows FOR SELECT TO branchdesk_branch
    USING (branch_code = group_my_branch());
CREATE POLICY branch_inserts_own ON branch_rows FOR INSERT TO branchdesk_branch
    WITH CHECK (branch_code = group_my_branch());
CREATE POLICY branch_updates_own ON branch_rows FOR UPDATE TO branchdesk_branch
    USING (branch_code = group_my_branch()) WITH CHECK (branch_code = group_my_branch());
CREATE POLICY branch_deletes_own ON branch_rows FOR DELETE TO branchdesk_branch
    USING (branch_code = group_my_branch());
CREATE POLICY office_reads_all ON branch_rows FOR SELECT TO branchdesk_office USING (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON branch_rows TO branchdesk_branch;
GRANT SELECT ON branch_rows TO branchdesk_office;

-- What head office publishes for every branch: categories, curriculum modules and drill
-- scenarios, each a new version of its key. Branches read them all and write none.
CREATE TABLE publications (
    kind          text NOT NULL CHECK (kind IN ('category', 'module', 'scenario')),
    key           text NOT NULL,
    version       integer NOT NULL CHECK (version > 0),
    data          jsonb NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, key, version)
);
GRANT SELECT ON publications TO branchdesk_branch;
GRANT SELECT, INSERT ON publications TO branchdesk_office;

-- Which schema version the server has: a branch refuses to sync with a newer one.
GRANT SELECT ON _sqlx_migrations TO branchdesk_branch, branchdesk_office;
