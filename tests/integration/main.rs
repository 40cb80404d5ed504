//! Integration tests on real SQLite files in temporary folders.

mod backup;
mod case_records;
mod cases;
mod cli;
mod cli_demo;
mod demo;
mod import;
mod import_cli;
mod import_files;
mod list_counts;
mod settings;
mod staff;
mod store;
mod support;
