//! Monthly statistics: the figures head office asks for, computed in the branch's local time.
//!
//! `facts` (what a case contributes), `figures` (one month's figures, pure), `kpi` (the list of
//! figures and their comparisons), `breakdown`, `glossary` (names and definitions in both
//! languages) and `repo` (loading a month from the database) build the [`report`] value.

pub mod breakdown;
pub mod facts;
pub mod figures;
pub mod glossary;
pub mod kpi;
pub mod month;
pub mod repo;
pub mod report;
pub mod sets;

pub use month::{Period, current_month};
pub use repo::monthly_report;
pub use report::{Month, MonthlyReport};
