//! Complaint cases: the pure rules of the lifecycle (statuses and moves between them), grading,
//! deadlines in branch local time, resolution and follow-up, money and case numbers.
//! No SQL and no Tauri here: types and rules only.

pub mod case_number;
pub mod deadlines;
pub mod demo;
pub mod grading;
pub mod intake;
pub mod judgement;
pub mod money;
pub mod progress;
/// SQL for cases.
pub mod repo;
pub mod resolution;
pub mod search;
pub mod snippet;
pub mod status;
pub mod support;
pub mod text;
pub mod vocab;

pub use case_number::{CaseNumber, local_month_of};
pub use deadlines::{
    Countdown, DeadlineState, Deadlines, Pause, countdown, deadlines, effective_resolve_by,
    start_of_local_day,
};
pub use grading::{
    GENERAL_CODE, Grade, GradeRule, GradeSuggestion, GradingFacts, check_grade_choice,
    suggest_grade,
};
pub use money::Money;
pub use resolution::{
    FollowUpInput, FollowUpOutcome, Resolution, ResolutionInput, Satisfaction, check_close,
};
pub use status::{Status, check_invalidation, check_transition};
pub use vocab::{Channel, CustomerType, RootCause};
