//! Integration tests on real SQLite files in temporary folders.

mod backup;
mod case_records;
mod cases;
mod cli;
mod cli_demo;
mod concurrency;
mod demo;
mod export;
mod hostile;
mod import;
mod import_cli;
mod import_files;
mod list_counts;
mod prevention;
mod prevention_figures;
mod prevention_history;
mod prevention_support;
mod prevention_training;
mod rollup;
mod settings;
mod staff;
mod startup;
mod stats;
mod store;
mod support;
mod training;
