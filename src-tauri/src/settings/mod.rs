//! Branch settings: first-run setup, language, categories and time limits per grade.

pub mod appearance;
pub mod model;
pub mod repo;

pub use model::{Branch, BranchInput, Category, Industry, Language, TimeLimit};
