//! Group mode: the branch sends every record it owns to head office's PostgreSQL and takes what
//! head office publishes. The branch's SQLite stays the source of truth; the server keeps a
//! copy keyed by (branch code, table, the row's key). Nothing else in the crate imports this
//! module: the outbox is filled by SQLite triggers (migration 0008), so the repositories do not
//! know that group mode exists.

pub mod app;
mod copy;
pub mod dashboard;
pub mod drill;
pub mod figures;
pub mod office;
pub mod publications;
pub mod recompute;
pub mod report;
pub mod run;
pub mod schema;
pub mod server;
pub mod sync;
pub mod tables;

/// Why a group-mode operation failed. Each maps to one stable code (`group.<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupProblem {
    /// No server address was given and none is set.
    NoServer,
    /// The server address is not a `postgres://` address.
    BadAddress,
    /// The server could not be reached (down, wrong host or port, network, TLS).
    Unreachable,
    /// The server refused the user name or password.
    Auth,
    /// The role is not a branch role for this branch's code (or may not do this).
    WrongRole,
    /// The server has no group schema yet (`group-schema` was never run there).
    NoSchema,
    /// The server's group schema is newer than this app understands.
    SchemaNewer,
    /// The password file can be read by other users.
    PasswordFileOpen,
    /// The server failed for another reason (logged).
    Server,
    /// A sync is already running.
    Busy,
    /// The server has no branch records for the report yet.
    NoBranches,
    /// The sync was stopped part-way on purpose (a test's failpoint); what was committed stays.
    Interrupted,
    /// Head office's login is not a member of `branchdesk_office`.
    NotOffice,
}

impl GroupProblem {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            GroupProblem::NoServer => "group.no_server",
            GroupProblem::BadAddress => "group.bad_address",
            GroupProblem::Unreachable => "group.unreachable",
            GroupProblem::Auth => "group.auth",
            GroupProblem::WrongRole => "group.wrong_role",
            GroupProblem::NoSchema => "group.no_schema",
            GroupProblem::SchemaNewer => "group.schema_newer",
            GroupProblem::PasswordFileOpen => "group.password_file_open",
            GroupProblem::Server => "group.server",
            GroupProblem::Busy => "group.busy",
            GroupProblem::NoBranches => "group.no_branches",
            GroupProblem::Interrupted => "group.interrupted",
            GroupProblem::NotOffice => "group.not_office",
        }
    }

    /// The problem behind a PostgreSQL error; the error itself (which may name tables or
    /// hosts) goes to the log only.
    pub fn of_postgres(error: &sqlx::Error) -> Self {
        let problem = match error {
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Protocol(_) => GroupProblem::Unreachable,
            sqlx::Error::Configuration(_) => GroupProblem::BadAddress,
            sqlx::Error::Database(db) => match db.code().as_deref() {
                // invalid_password, invalid_authorization_specification
                Some("28P01" | "28000") => GroupProblem::Auth,
                // insufficient_privilege (also a row refused by row-level security)
                Some("42501") => GroupProblem::WrongRole,
                // undefined_table, undefined_function: no group schema there
                Some("42P01" | "42883") => GroupProblem::NoSchema,
                // invalid_catalog_name: no such database on the server
                Some("3D000") => GroupProblem::Unreachable,
                // admin_shutdown, crash_shutdown, cannot_connect_now
                Some("57P01" | "57P02" | "57P03") => GroupProblem::Unreachable,
                _ => GroupProblem::Server,
            },
            _ => GroupProblem::Server,
        };
        tracing::error!(code = problem.code(), error = %error, "group server operation failed");
        problem
    }
}

impl From<GroupProblem> for crate::Error {
    fn from(problem: GroupProblem) -> Self {
        crate::Error::Group(problem)
    }
}

/// Turns a PostgreSQL error into the crate's error (see [`GroupProblem::of_postgres`]).
pub fn pg_error(error: sqlx::Error) -> crate::Error {
    crate::Error::Group(GroupProblem::of_postgres(&error))
}
