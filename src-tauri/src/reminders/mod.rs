//! Reminders: OS notifications for a case about to miss a deadline, a new crisis, an overdue
//! prevention measure, a refresher falling due, and a daily summary. What is due is decided
//! in `model` (pure); `repo` loads the facts and records what was sent so nothing is sent
//! twice. The window (`desktop::reminders`) shows them.

pub mod model;
pub mod repo;
pub mod texts;

#[cfg(test)]
mod tests;

pub use model::{Reminder, ReminderKind, ReminderSettings};
