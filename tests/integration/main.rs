//! Integration tests on real SQLite files in temporary folders.

mod backup;
mod case_records;
mod cases;
mod cli;
mod cli_demo;
mod concurrency;
mod demo;
mod hostile;
mod list_counts;
mod settings;
mod staff;
mod startup;
mod store;
mod support;
