//! End-to-end tests: the real BranchDesk window driven through tauri-driver and
//! WebKitWebDriver (Linux; under Xvfb on CI). Each test gets its own temporary database through
//! `BRANCHDESK_DB`, and the tests run one at a time.

mod cases;
mod crash;
mod driver;
mod first_run;
mod fixtures;
mod group;
mod logging;
mod menu;
mod prevention;
mod print;
#[path = "../common/read_only.rs"]
mod read_only;
mod reports;
mod session;
mod sign_in;
mod single_instance;
mod startup;
mod startup_write;
mod training;
mod unsaved;

/// The dictionaries the UI uses, so tests check what a user reads without copying UI text.
mod dictionary;
