//! Customers as records (issue 16 point 1): the person, household, unit, room or tracking
//! account that complaints come from. A customer is matched or created at intake (and by import
//! and the upgrade) from the phone and reference keys; a name alone only suggests. Key customers
//! (重点客户) carry a reason that is shown on every new case of theirs; two records of one
//! customer can be merged.

pub mod bulk_link;
pub mod demo;
pub mod link;
pub mod link_plan;
pub mod mask;
pub mod matching;
pub mod merge;
pub mod model;
pub mod read;
pub mod repo;
pub mod upgrade_link;

pub use model::{CustomerRefusal, CustomerSummary};

#[cfg(test)]
mod tests {
    use crate::access::Role;
    use crate::access::commands::COMMAND_PERMISSIONS;

    fn may(role: Role, command: &str) -> bool {
        let (_, permission) = COMMAND_PERMISSIONS
            .iter()
            .find(|(name, _)| *name == command)
            .expect("the command is in the permission table");
        role.allows(*permission)
    }

    #[test]
    fn only_managers_flag_key_customers_and_merge_records() {
        for command in ["set_key_customer", "merge_customers"] {
            assert!(may(Role::Manager, command), "{command}");
            for role in [Role::Staff, Role::Trainer, Role::Viewer] {
                assert!(!may(role, command), "{role:?} {command}");
            }
        }
        assert!(may(Role::Staff, "update_customer"));
        assert!(!may(Role::Viewer, "update_customer"));
        for role in [Role::Manager, Role::Staff, Role::Trainer, Role::Viewer] {
            assert!(may(role, "list_customers") && may(role, "get_customer"));
        }
    }
}
