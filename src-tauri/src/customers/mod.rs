//! Customers as records (issue 16 point 1): the person, household, unit, room or tracking
//! account that complaints come from. A customer is matched or created at intake (and by import
//! and the upgrade) from the phone and reference keys; a name alone only suggests. Key customers
//! (重点客户) carry a reason that is shown on every new case of theirs; two records of one
//! customer can be merged.

pub mod demo;
pub mod link;
pub mod mask;
pub mod matching;
pub mod merge;
pub mod model;
pub mod read;
pub mod repo;
pub mod upgrade_link;

pub use model::{CustomerRefusal, CustomerSummary};
