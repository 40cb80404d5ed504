//! The staff directory.

pub mod activity;
pub mod model;
pub mod repo;

pub use model::{Staff, StaffInput};
