//! Integration tests on real SQLite files in temporary folders.

mod case_records;
mod cases;
mod cli;
mod cli_demo;
mod demo;
mod export;
mod list_counts;
mod rollup;
mod settings;
mod staff;
mod stats;
mod store;
mod support;
