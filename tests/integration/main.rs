//! Integration tests on real SQLite files in temporary folders.

mod cases;
mod cli;
mod settings;
mod staff;
mod store;
mod support;
