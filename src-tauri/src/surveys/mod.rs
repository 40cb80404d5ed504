//! Surveys and feedback beyond complaints (issue 16 point 6): short satisfaction surveys the
//! branch defines (questions on a 1–5 scale, versioned so an edit never changes past answers),
//! one form per respondent entered by staff, suggestions and praise, the month's satisfaction
//! per question and overall, and the low-scoring questions that prevention should target.
//!
//! `model` holds the rules (input, averages, thresholds); `repo` the SQL.

pub mod demo;
pub mod model;
pub mod repo;

pub use model::{FeedbackInput, ResponseInput, SurveyInput, Tally};
