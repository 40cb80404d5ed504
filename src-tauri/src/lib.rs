//! BranchDesk: complaint tracking, staff training and prevention plans for branch managers.
//!
//! The domain and the store compile without a display; `desktop` (a cargo feature, on by
//! default) adds the Tauri window, which is the only module that knows about Tauri.

pub mod access;
pub mod cases;
pub mod cli;
pub mod customers;
pub mod error;
pub mod export;
pub mod group;
pub mod import;
pub mod input;
pub mod lessons;
pub mod logging;
pub mod prevention;
pub mod reminders;
pub mod settings;
pub mod staff;
pub mod stats;
pub mod status;
pub mod store;
pub mod surveys;
pub mod training;

#[cfg(feature = "desktop")]
pub mod desktop;

pub use error::{Error, Result};
