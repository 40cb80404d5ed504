//! Integration tests on real SQLite files in temporary folders.

mod backup;
mod backup_attachments;
mod case_records;
mod case_rules;
mod cases;
mod casework;
mod cli;
mod cli_demo;
mod cli_pipes;
mod cli_writes;
mod concurrency;
mod customers;
mod demo;
mod export;
mod export_privacy;
mod foreign;
mod group;
mod hostile;
mod import;
mod import_cli;
mod import_files;
mod import_sources;
mod lessons;
mod list_counts;
mod logging;
mod manners;
mod outputs;
mod packaging;
mod prevention;
mod prevention_figures;
mod prevention_history;
mod prevention_support;
mod prevention_training;
// Read-only files and folders are made with Unix modes, `chattr` and bind mounts.
#[cfg(unix)]
#[path = "../common/read_only.rs"]
mod read_only;
mod release_workflow;
mod restore_checks;
mod rollup;
mod settings;
mod sign_in;
mod sign_in_cli;
mod sign_in_rules;
mod staff;
mod startup;
mod stats;
mod store;
mod support;
mod surveys;
mod training;
mod windows_paths;
mod write_faults;
