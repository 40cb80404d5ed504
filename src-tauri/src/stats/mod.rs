//! Monthly statistics: the figures head office asks for, computed in the branch's local time.

pub mod report;
