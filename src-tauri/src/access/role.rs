//! Roles and what each may do: the permission matrix, as pure rules.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};

/// What a signed-in person is at the branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything: settings, staff and sign-ins, backups, restore, export with personal data.
    Manager,
    /// Intake, and handling of the cases they took or are assigned; no settings.
    Staff,
    /// Training and drills; cases read-only.
    Trainer,
    /// Reads, changes nothing.
    Viewer,
}

/// Every role, for tests and pickers.
pub const ROLES: [Role; 4] = [Role::Manager, Role::Staff, Role::Trainer, Role::Viewer];

impl Role {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Staff => "staff",
            Role::Trainer => "trainer",
            Role::Viewer => "viewer",
        }
    }

    /// Reads a stored or typed role name.
    pub fn parse(field: &str, value: &str) -> Result<Role> {
        ROLES
            .into_iter()
            .find(|role| role.as_str() == value.trim())
            .ok_or_else(|| Error::invalid(field, Invalid::Choice))
    }

    /// Whether this role may do what `permission` guards. The one matrix of the app.
    pub fn allows(self, permission: Permission) -> bool {
        use Permission as P;
        match permission {
            P::Public | P::SignedIn | P::ReadCases | P::ReadTraining | P::ReadPrevention => true,
            P::ExportMasked => self != Role::Trainer,
            P::IntakeCases | P::HandleCases | P::SeePersonalData => {
                matches!(self, Role::Manager | Role::Staff)
            }
            P::ManageTraining => matches!(self, Role::Manager | Role::Trainer),
            P::HandleAnyCase
            | P::ManagePrevention
            | P::Settings
            | P::ManageStaff
            | P::Backup
            | P::Restore
            | P::Import
            | P::ExportPersonalData
            | P::SeeGroupPersonalData => self == Role::Manager,
        }
    }
}

/// What a command needs. Each Tauri command names exactly one (see
/// [`super::commands::COMMAND_PERMISSIONS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// No sign-in needed: start-up, first run, signing in, the window itself. Touches no
    /// business data.
    Public,
    /// Anyone signed in and not locked (their own language, files they wrote).
    SignedIn,
    /// Lists, case pages, counts, reports, prints.
    ReadCases,
    /// Registering a new complaint.
    IntakeCases,
    /// Changing a case: staff only their own (taken or assigned), managers any.
    HandleCases,
    /// Changing any case, whoever took it.
    HandleAnyCase,
    /// Complainants' names and phones in full (others see them masked).
    SeePersonalData,
    /// Training records, modules, drills: reading.
    ReadTraining,
    /// Training modules, assignments, sign-offs, drills and scenarios: changing.
    ManageTraining,
    /// Prevention plans and emergency plans: reading.
    ReadPrevention,
    /// Prevention plans and emergency plans: changing.
    ManagePrevention,
    /// Branch settings, categories, time limits, sign-in settings.
    Settings,
    /// The staff directory, sign-ins, roles and password resets.
    ManageStaff,
    /// Making backups and seeing them.
    Backup,
    /// Replacing the database with a backup, or opening another data file.
    Restore,
    /// Importing complaints from a spreadsheet.
    Import,
    /// Workbooks with names and phones masked.
    ExportMasked,
    /// Workbooks with names and phones in full.
    ExportPersonalData,
    /// On head office's group dashboard, a branch case's names, phones and references in full
    /// (each time recorded): other branches' customers are further from the reader than the
    /// branch's own, so only managers.
    SeeGroupPersonalData,
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission as P;

    fn allowed(role: Role) -> Vec<Permission> {
        ALL.into_iter().filter(|p| role.allows(*p)).collect()
    }

    const ALL: [Permission; 19] = [
        P::Public,
        P::SignedIn,
        P::ReadCases,
        P::IntakeCases,
        P::HandleCases,
        P::HandleAnyCase,
        P::SeePersonalData,
        P::ReadTraining,
        P::ManageTraining,
        P::ReadPrevention,
        P::ManagePrevention,
        P::Settings,
        P::ManageStaff,
        P::Backup,
        P::Restore,
        P::Import,
        P::ExportMasked,
        P::ExportPersonalData,
        P::SeeGroupPersonalData,
    ];

    #[test]
    fn a_manager_may_do_everything() {
        assert_eq!(allowed(Role::Manager), ALL.to_vec());
    }

    #[test]
    fn staff_take_and_handle_cases_but_touch_no_settings_nor_personal_exports() {
        let staff = allowed(Role::Staff);
        for p in [
            P::IntakeCases,
            P::HandleCases,
            P::SeePersonalData,
            P::ExportMasked,
        ] {
            assert!(staff.contains(&p), "{p:?}");
        }
        for p in [
            P::HandleAnyCase,
            P::Settings,
            P::ManageStaff,
            P::Backup,
            P::Restore,
            P::Import,
            P::ExportPersonalData,
            P::SeeGroupPersonalData,
            P::ManageTraining,
            P::ManagePrevention,
        ] {
            assert!(!staff.contains(&p), "{p:?}");
        }
    }

    #[test]
    fn a_trainer_runs_training_and_only_reads_cases_masked() {
        let trainer = allowed(Role::Trainer);
        assert!(trainer.contains(&P::ManageTraining));
        assert!(trainer.contains(&P::ReadCases));
        for p in [
            P::IntakeCases,
            P::HandleCases,
            P::SeePersonalData,
            P::Settings,
        ] {
            assert!(!trainer.contains(&p), "{p:?}");
        }
    }

    #[test]
    fn a_viewer_only_reads() {
        assert_eq!(
            allowed(Role::Viewer),
            vec![
                P::Public,
                P::SignedIn,
                P::ReadCases,
                P::ReadTraining,
                P::ReadPrevention,
                P::ExportMasked
            ]
        );
    }

    #[test]
    fn role_names_round_trip_and_others_are_refused() {
        for role in ROLES {
            assert_eq!(Role::parse("role", role.as_str()).unwrap(), role);
        }
        assert!(Role::parse("role", "admin").is_err());
        assert!(Role::parse("role", "").is_err());
    }
}
