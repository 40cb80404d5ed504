//! The crate's one error type. It crosses IPC and the CLI as `{code, message, field}` with a
//! stable `code` that the UI translates; SQL text and file paths never reach the user.

use serde::ser::SerializeStruct;

use crate::store::faults::WriteProblem;

/// Why a piece of input was refused. Each maps to one stable code (`invalid.<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// The field is empty but required.
    Required,
    /// The text is longer than the field allows.
    TooLong,
    /// The text contains control characters (tabs, newlines, NUL…) where none belong.
    ControlChars,
    /// A branch code that is not 2–12 letters or digits.
    BranchCode,
    /// An industry outside the known list.
    Industry,
    /// A time zone name that is not in the IANA database.
    Timezone,
    /// A language other than the supported ones.
    Language,
    /// A date that is malformed or does not exist.
    Date,
    /// A phone number with characters a phone number does not have.
    Phone,
    /// A number outside its allowed range.
    Range,
    /// A value outside a fixed list (channel, customer type, root cause, status…).
    Choice,
    /// A reason is needed because of another choice (marking a case invalid, lowering its grade).
    ReasonRequired,
    /// An amount of money that is not written like `120`, `120.5` or `120.50`.
    Money,
    /// A case number that is not written like `SH01-202410-0001`.
    CaseNumber,
    /// A password shorter than 8 or longer than 128 characters.
    Password,
    /// A PIN that is not exactly six digits.
    Pin,
    /// A user name with spaces in it.
    Username,
}

impl Invalid {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            Invalid::Required => "invalid.required",
            Invalid::TooLong => "invalid.too_long",
            Invalid::ControlChars => "invalid.control_chars",
            Invalid::BranchCode => "invalid.branch_code",
            Invalid::Industry => "invalid.industry",
            Invalid::Timezone => "invalid.timezone",
            Invalid::Language => "invalid.language",
            Invalid::Date => "invalid.date",
            Invalid::Phone => "invalid.phone",
            Invalid::Range => "invalid.range",
            Invalid::Choice => "invalid.choice",
            Invalid::ReasonRequired => "invalid.reason_required",
            Invalid::Money => "invalid.money",
            Invalid::CaseNumber => "invalid.case_number",
            Invalid::Password => "invalid.password",
            Invalid::Pin => "invalid.pin",
            Invalid::Username => "invalid.username",
        }
    }
}

/// Why a file offered to the group roll-up was refused. Each maps to one stable code
/// (`export.<kind>`); the error names the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The file could not be opened or read.
    Unreadable,
    /// Not a BranchDesk monthly workbook: not xlsx at all, or no valid data sheet.
    NotBranchDesk,
    /// A workbook made by a newer BranchDesk whose data sheet this version cannot read.
    NewerVersion,
    /// A workbook of another month than the others (or than the month asked for).
    OtherMonth,
    /// A second workbook of a branch code already read.
    DuplicateBranch,
}

impl Refusal {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Unreadable => "export.unreadable",
            Refusal::NotBranchDesk => "export.not_branchdesk",
            Refusal::NewerVersion => "export.newer_version",
            Refusal::OtherMonth => "export.other_month",
            Refusal::DuplicateBranch => "export.duplicate_branch",
        }
    }

    /// What is wrong, in plain English.
    fn reason(self) -> &'static str {
        match self {
            Refusal::Unreadable => "cannot be read",
            Refusal::NotBranchDesk => "is not a BranchDesk monthly workbook",
            Refusal::NewerVersion => "was made by a newer BranchDesk; update this one",
            Refusal::OtherMonth => "is for another month than the others",
            Refusal::DuplicateBranch => "is a second workbook of a branch already included",
        }
    }
}

/// Why a prevention plan refused a change to its phase, status, measures or evidence. Each
/// maps to one stable code (`plan.<kind>`), apart from the cases' `invalid_transition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanRefusal {
    /// The plan is done or cancelled, so nothing on it changes any more.
    NotOpen,
    /// The phase is already the first (going back) or the last (going forward).
    NoFurtherPhase,
    /// That status cannot be set by hand from the plan's status (only a draft is started;
    /// done comes from recording the evaluation).
    CannotMove,
    /// The evaluation needs an active plan in the evaluate phase.
    NotEvaluating,
}

impl PlanRefusal {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            PlanRefusal::NotOpen => "plan.not_open",
            PlanRefusal::NoFurtherPhase => "plan.no_further_phase",
            PlanRefusal::CannotMove => "plan.cannot_move",
            PlanRefusal::NotEvaluating => "plan.not_evaluating",
        }
    }

    /// What is wrong, in plain English.
    fn reason(self) -> &'static str {
        match self {
            PlanRefusal::NotOpen => "the plan is closed and can no longer change",
            PlanRefusal::NoFurtherPhase => "the plan has no phase further that way",
            PlanRefusal::CannotMove => "the plan cannot be given that status",
            PlanRefusal::NotEvaluating => {
                "the plan can be evaluated only when active and in the evaluate phase"
            }
        }
    }
}

/// Why a sign-in or a command was refused for who is (or is not) signed in. Each maps to one
/// stable code (`access.<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessRefusal {
    /// Nobody is signed in at this window (or, in the CLI, no `--user` was given).
    SignedOut,
    /// The window is locked: sign in again.
    Locked,
    /// The signed-in person's role does not allow it.
    Denied,
    /// A staff member may change only the cases they took or are assigned.
    NotYours,
    /// The user name or password is wrong (which of the two is never said).
    WrongSignIn,
    /// Too many wrong tries in a row: wait before the next.
    Wait,
    /// The branch's only manager cannot lose the role or be deactivated.
    LastManager,
}

impl AccessRefusal {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            AccessRefusal::SignedOut => "access.signed_out",
            AccessRefusal::Locked => "access.locked",
            AccessRefusal::Denied => "access.denied",
            AccessRefusal::NotYours => "access.not_yours",
            AccessRefusal::WrongSignIn => "access.wrong_sign_in",
            AccessRefusal::Wait => "access.wait",
            AccessRefusal::LastManager => "access.last_manager",
        }
    }

    /// What is wrong and what to do, in plain English.
    fn reason(self) -> &'static str {
        match self {
            AccessRefusal::SignedOut => "nobody is signed in; sign in first",
            AccessRefusal::Locked => "the window is locked; sign in again",
            AccessRefusal::Denied => "your role does not allow this; ask a manager",
            AccessRefusal::NotYours => {
                "this case is neither taken by you nor assigned to you; ask a manager"
            }
            AccessRefusal::WrongSignIn => "the user name or password is wrong",
            AccessRefusal::Wait => "too many wrong tries; wait a little and try again",
            AccessRefusal::LastManager => {
                "the branch's only manager must stay an active manager; make another manager first"
            }
        }
    }
}

/// Everything that can go wrong in BranchDesk's domain and store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// User input was refused; `field` names the input it concerns.
    #[error("{field}: {}", kind.code())]
    Invalid {
        /// The input field, as the UI names it (e.g. `name`, `limits.2.resolveDays`).
        field: String,
        /// What is wrong with it.
        kind: Invalid,
    },
    /// A case cannot move from one status to the other; both are status codes.
    #[error("cannot move a case from {from} to {to}")]
    Transition {
        /// The status the case is in.
        from: &'static str,
        /// The status that was asked for.
        to: &'static str,
    },
    /// A crisis (grade 1) case cannot close while steps of its escalation checklist are
    /// unticked unless a reason is given (field `escalationReason`); `unticked` names them.
    #[error("crisis steps not done: {}; give the reason for closing without them", unticked.join(", "))]
    CrisisSteps {
        /// The unticked checklist items, in checklist order.
        unticked: Vec<&'static str>,
    },
    /// A prevention plan refused a change; `at` is the plan's status (or phase, for a phase
    /// move past either end) that it was refused from.
    #[error("{} (plan {at})", refusal.reason())]
    Plan {
        /// Why it was refused.
        refusal: PlanRefusal,
        /// The status or phase the plan is in.
        at: &'static str,
    },
    /// Refused for who is (or is not) signed in.
    #[error("{}", .0.reason())]
    Access(AccessRefusal),
    /// A lesson learned could not be written or converted.
    #[error("{}", .0.reason())]
    Lesson(crate::lessons::model::LessonRefusal),
    /// The record asked for does not exist.
    #[error("not found")]
    NotFound,
    /// The record is referenced by others and cannot be deleted.
    #[error("in use")]
    InUse,
    /// A record with the same name already exists.
    #[error("{field}: duplicate")]
    Duplicate {
        /// The field whose value collides.
        field: String,
    },
    /// First-run setup was attempted on a database that already has a branch.
    #[error("already initialised")]
    AlreadyInitialized,
    /// An action needs the branch to be set up first.
    #[error("not initialised")]
    NotInitialized,
    /// There is no database at the path (no file, or an empty one), and this command does not
    /// create one.
    #[error("there is no BranchDesk database there")]
    NoDatabase,
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A file operation failed.
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    /// A backup cannot be restored.
    #[error("{}", .0.code())]
    Backup(crate::store::backup::BackupProblem),
    /// The database could not be opened, for a reason the user can act on.
    #[error("{}", .0.code())]
    Startup(crate::store::startup::StartupProblem),
    /// A workbook offered to the roll-up was refused; `file` is its name (never its folder).
    #[error("{file} {}", reason.reason())]
    Workbook {
        /// The file's name.
        file: String,
        /// Why it was refused.
        reason: Refusal,
    },
    /// Writing a workbook failed.
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// A spreadsheet cannot be imported.
    #[error("{}", .0.code())]
    Import(crate::import::ImportProblem),
    /// A workbook may not be written where asked.
    #[error("{}", .0.reason())]
    Output(crate::export::OutputProblem),
    /// No program on this computer opens the file: the system found none for its type, or
    /// the one it found refused it. The file itself is fine (Show in folder reaches it).
    #[error("no program on this computer opens this kind of file")]
    NoProgram,
    /// A file this session wrote is no longer where it was written (moved or deleted).
    #[error("the file is no longer there")]
    FileGone,
    /// Group mode (head office's PostgreSQL) could not do what was asked.
    #[error("{}", .0.code())]
    Group(crate::group::GroupProblem),
    /// A change to a customer record was refused.
    #[error("{}", .0.reason())]
    Customer(crate::customers::CustomerRefusal),
}

/// The crate's result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Shorthand for an input error on `field`.
    pub fn invalid(field: impl Into<String>, kind: Invalid) -> Self {
        Error::Invalid {
            field: field.into(),
            kind,
        }
    }

    /// The stable code the UI branches on and translates.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { kind, .. } => kind.code(),
            Error::Transition { .. } => "invalid_transition",
            Error::CrisisSteps { .. } => "crisis.steps_unticked",
            Error::Plan { refusal, .. } => refusal.code(),
            Error::Access(refusal) => refusal.code(),
            Error::Lesson(refusal) => refusal.code(),
            Error::NotFound => "not_found",
            Error::InUse => "in_use",
            Error::Duplicate { .. } => "duplicate",
            Error::AlreadyInitialized => "already_initialized",
            Error::NotInitialized => "not_initialized",
            Error::NoDatabase => "no_database",
            Error::Database(db) => WriteProblem::of_sqlx(db).map_or("database", WriteProblem::code),
            Error::Migrate(_) => "database",
            Error::Io(io) => WriteProblem::of_io(io).map_or("io", WriteProblem::code),
            Error::Backup(problem) => problem.code(),
            Error::Startup(problem) => problem.code(),
            Error::Workbook { reason, .. } => reason.code(),
            Error::Xlsx(_) => "export.write",
            Error::Import(problem) => problem.code(),
            Error::Output(problem) => problem.code(),
            Error::NoProgram => "open.no_program",
            Error::FileGone => "open.file_gone",
            Error::Group(problem) => problem.code(),
            Error::Customer(refusal) => refusal.code(),
        }
    }

    /// The field the error concerns, if any; for a refused workbook, the file's name, so the
    /// UI can say which of the chosen files it was.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } | Error::Duplicate { field } => Some(field),
            Error::Workbook { file, .. } => Some(file),
            Error::CrisisSteps { .. } => Some("escalationReason"),
            _ => None,
        }
    }

    /// Why a write could not proceed, when the disk or another program is the reason.
    pub fn write_problem(&self) -> Option<WriteProblem> {
        match self {
            Error::Database(db) => WriteProblem::of_sqlx(db),
            Error::Io(io) => WriteProblem::of_io(io),
            _ => None,
        }
    }

    /// Writes the cause the user is not shown (SQL, paths, library detail) to the log, where the
    /// error is shown: without it nobody could ever find out what happened.
    pub fn log_cause(&self) {
        if matches!(
            self,
            Error::Database(_) | Error::Migrate(_) | Error::Io(_) | Error::Xlsx(_)
        ) {
            tracing::error!(code = self.code(), error = %self, "operation failed");
        }
    }

    /// A one-line English message safe to show: internal detail (SQL, paths) stays in the log.
    pub fn public_message(&self) -> String {
        if let Some(problem) = self.write_problem() {
            return problem.message().into();
        }
        match self {
            Error::Database(_) | Error::Migrate(_) => {
                "the database could not complete the operation".into()
            }
            Error::Io(_) => "a file could not be read or written".into(),
            Error::Xlsx(_) => "the workbook could not be written".into(),
            other => other.to_string(),
        }
    }
}

/// An error as it crosses IPC: a plain, clonable copy of `{code, message, field}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ErrorPayload {
    /// The stable code.
    pub code: String,
    /// A one-line English message without internal detail.
    pub message: String,
    /// The field concerned, if any.
    pub field: Option<String>,
}

impl From<&Error> for ErrorPayload {
    fn from(error: &Error) -> Self {
        ErrorPayload {
            code: error.code().to_owned(),
            message: error.public_message(),
            field: error.field().map(str::to_owned),
        }
    }
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.log_cause();
        let mut payload = serializer.serialize_struct("Error", 3)?;
        payload.serialize_field("code", self.code())?;
        payload.serialize_field("message", &self.public_message())?;
        payload.serialize_field("field", &self.field())?;
        payload.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_input_serialises_with_code_message_and_field() {
        let json = serde_json::to_value(Error::invalid("name", Invalid::TooLong)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "invalid.too_long", "message": "name: invalid.too_long", "field": "name"})
        );
    }

    #[test]
    fn refused_workbooks_name_the_file_and_keep_a_stable_code() {
        let err = Error::Workbook {
            file: "SH01_2026-10_complaints.xlsx".into(),
            reason: Refusal::OtherMonth,
        };
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "export.other_month",
                "message": "SH01_2026-10_complaints.xlsx is for another month than the others",
                "field": "SH01_2026-10_complaints.xlsx"
            })
        );
        let codes = [
            Refusal::Unreadable,
            Refusal::NotBranchDesk,
            Refusal::NewerVersion,
            Refusal::DuplicateBranch,
        ]
        .map(Refusal::code);
        assert_eq!(
            codes,
            [
                "export.unreadable",
                "export.not_branchdesk",
                "export.newer_version",
                "export.duplicate_branch"
            ]
        );
    }

    #[test]
    fn refused_plan_changes_have_their_own_codes_apart_from_the_cases() {
        let err = Error::Plan {
            refusal: PlanRefusal::NotOpen,
            at: "cancelled",
        };
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({
                "code": "plan.not_open",
                "message": "the plan is closed and can no longer change (plan cancelled)",
                "field": null
            })
        );
        let codes = [
            PlanRefusal::NoFurtherPhase,
            PlanRefusal::CannotMove,
            PlanRefusal::NotEvaluating,
        ]
        .map(PlanRefusal::code);
        assert_eq!(
            codes,
            [
                "plan.no_further_phase",
                "plan.cannot_move",
                "plan.not_evaluating"
            ]
        );
        let case = Error::Transition {
            from: "closed",
            to: "new",
        };
        assert_eq!(case.code(), "invalid_transition");
    }

    #[test]
    fn database_errors_hide_their_detail() {
        let err = Error::Database(sqlx::Error::Protocol(
            "SELECT secret FROM /home/x.db".into(),
        ));
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "database");
        assert_eq!(json["field"], serde_json::Value::Null);
        assert!(!json["message"].as_str().unwrap().contains("SELECT"));
    }
}
