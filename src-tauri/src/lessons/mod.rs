//! Lessons learned (issue 16 point 5): what a closed case taught the branch (what happened,
//! what worked, what to do differently), a searchable library of them, and the two things a
//! lesson can become: a drill scenario for training and a measure in a prevention plan.
//!
//! `model` holds the rules (input, drafts of the scenario and the measure); `repo` the SQL.

pub mod demo;
pub mod model;
pub mod repo;

pub use model::{LessonFilter, LessonInput, ValidLesson};
pub use repo::{Lesson, LessonsSinceDrill};
