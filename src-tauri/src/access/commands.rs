//! What every window command needs. The desktop's commands each call `authorize` with the
//! permission named here, and a test there checks that every registered command is listed
//! and checks what is listed. A new command is one line here.

use super::role::Permission::{self, *};

/// Command name → the permission it checks before touching the store.
pub const COMMAND_PERMISSIONS: &[(&str, Permission)] = &[
    // Start-up, first run, the window and the session itself.
    ("app_status", Public),
    ("setup_branch", Public),
    ("show_window", Public),
    ("retry_open", Public),
    ("quit_app", Public),
    ("about", Public),
    ("reveal_log", Public),
    ("database_lock_holder", Public),
    ("session_status", Public),
    ("sign_in", Public),
    ("create_first_manager", Public),
    ("recover_sign_in", Public),
    ("lock_session", Public),
    ("sign_out", Public),
    ("open_other_database", Restore),
    // Settings.
    ("update_branch", Settings),
    ("set_language", SignedIn),
    ("set_theme", SignedIn),
    ("set_menu_language", Public),
    ("reminder_settings", SignedIn),
    ("set_reminder_settings", Settings),
    ("list_timezones", Public),
    ("list_categories", ReadCases),
    ("add_category", Settings),
    ("rename_category", Settings),
    ("move_category", Settings),
    ("set_category_hidden", Settings),
    ("delete_category", Settings),
    ("get_time_limits", ReadCases),
    ("update_time_limits", Settings),
    ("reveal_database", Settings),
    // Group mode: the server address, its password and syncing are the manager's.
    ("group_overview", Settings),
    ("save_group_settings", Settings),
    ("save_group_password", Settings),
    ("test_group_connection", Settings),
    ("sync_group_now", Settings),
    // Head office: only a manager makes this computer head office; every role reads the
    // group dashboard masked, only managers see a branch case's personal data.
    ("group_mode", ReadCases),
    ("office_settings", Settings),
    ("save_office_settings", Settings),
    ("test_office_connection", Settings),
    ("group_dashboard", ReadCases),
    ("group_branch_cases", ReadCases),
    ("group_case", ReadCases),
    ("group_case_personal", SeeGroupPersonalData),
    ("export_group_workbook", ExportMasked),
    ("get_sign_in_settings", SignedIn),
    ("update_sign_in_settings", Settings),
    // Staff and sign-ins.
    ("list_staff", ReadCases),
    ("add_staff", ManageStaff),
    ("update_staff", ManageStaff),
    ("set_staff_active", ManageStaff),
    ("list_sign_ins", ManageStaff),
    ("create_sign_in", ManageStaff),
    ("reset_sign_in", ManageStaff),
    ("set_sign_in_role", ManageStaff),
    // Cases.
    ("check_case_intake", IntakeCases),
    // Customers: anyone reads (masked without personal data), staff edit details and notes,
    // managers flag key customers and merge records.
    ("list_customers", ReadCases),
    ("get_customer", ReadCases),
    ("case_customer", ReadCases),
    ("update_customer", HandleCases),
    ("set_key_customer", HandleAnyCase),
    ("merge_customers", HandleAnyCase),
    ("create_case", IntakeCases),
    ("list_cases", ReadCases),
    ("case_counts", ReadCases),
    ("get_case", ReadCases),
    ("update_case", HandleCases),
    ("change_case_status", HandleCases),
    ("set_case_grade", HandleCases),
    ("pause_case", HandleCases),
    ("resume_case", HandleCases),
    ("add_case_entry", HandleCases),
    ("tick_case_escalation", HandleCases),
    ("case_casework", ReadCases),
    ("set_case_judgement", HandleCases),
    ("add_case_support", HandleCases),
    ("update_case_support", HandleCases),
    ("set_case_support_done", HandleCases),
    ("remove_case_support", HandleCases),
    ("add_case_progress", HandleCases),
    ("add_case_attachment", HandleCases),
    ("open_case_attachment", ReadCases),
    ("print_page", ReadCases),
    ("case_print_record", ReadCases),
    // Backups.
    ("backup_overview", Backup),
    ("back_up_now", Backup),
    ("set_backup_keep", Backup),
    ("reveal_backups", Backup),
    ("restore_backup", Restore),
    ("restore_backup_from_file", Restore),
    // Reports and workbooks.
    ("monthly_report", ReadCases),
    ("report_glossary", ReadCases),
    ("export_month", ExportMasked),
    ("rollup_files", ExportMasked),
    ("open_path", SignedIn),
    ("reveal_path", SignedIn),
    // Import.
    ("import_pick_file", Import),
    ("import_preview", Import),
    ("import_dry_run", Import),
    ("import_run", Import),
    // Training.
    ("list_training_modules", ReadTraining),
    ("save_training_module", ManageTraining),
    ("move_training_module", ManageTraining),
    ("set_training_module_retired", ManageTraining),
    ("assign_training_module", ManageTraining),
    ("unassign_training", ManageTraining),
    ("sign_off_training", ManageTraining),
    ("withdraw_training_sign_off", ManageTraining),
    ("training_matrix", ReadTraining),
    ("training_person", ReadTraining),
    ("list_drill_scenarios", ReadTraining),
    ("save_drill_scenario", ManageTraining),
    ("set_drill_scenario_retired", ManageTraining),
    ("save_drill", ManageTraining),
    ("training_progress", ReadTraining),
    ("case_drill_suggestion", ReadTraining),
    ("export_training", ManageTraining),
    // Prevention.
    ("prevention_analysis", ReadPrevention),
    ("prevention_overview", ReadPrevention),
    ("list_plans", ReadPrevention),
    ("get_plan", ReadPrevention),
    ("create_plan", ManagePrevention),
    ("update_plan", ManagePrevention),
    ("move_plan_phase", ManagePrevention),
    ("set_plan_status", ManagePrevention),
    ("record_plan_evaluation", ManagePrevention),
    ("add_measure", ManagePrevention),
    ("update_measure", ManagePrevention),
    ("set_measure_status", ManagePrevention),
    ("attach_plan_case", ManagePrevention),
    ("detach_plan_case", ManagePrevention),
    ("plans_for_case", ReadPrevention),
    ("list_emergency_plans", ReadPrevention),
    ("save_emergency_plan", ManagePrevention),
    ("log_emergency_drill", ManageTraining),
    // Lessons learned.
    ("case_lesson", ReadCases),
    ("save_lesson", HandleCases),
    ("list_lessons", ReadTraining),
    ("lesson_scenario_draft", ManageTraining),
    ("lesson_to_scenario", ManageTraining),
    ("lesson_measure_draft", ManagePrevention),
    ("lesson_to_measure", ManagePrevention),
    ("lessons_since_drill", ReadTraining),
    // Surveys and feedback.
    ("list_surveys", ReadCases),
    ("save_survey", Settings),
    ("record_survey_response", IntakeCases),
    ("record_feedback", IntakeCases),
    ("survey_month", ReadCases),
    ("list_feedback", ReadCases),
    ("survey_targets", ReadPrevention),
];

/// The permission a command checks, if it is listed.
pub fn permission_of(command: &str) -> Option<Permission> {
    COMMAND_PERMISSIONS
        .iter()
        .find(|(name, _)| *name == command)
        .map(|(_, permission)| *permission)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::role::{ROLES, Role};

    fn allowed_commands(role: Role) -> Vec<&'static str> {
        COMMAND_PERMISSIONS
            .iter()
            .filter(|(_, p)| role.allows(*p))
            .map(|(name, _)| *name)
            .collect()
    }

    #[test]
    fn each_command_is_listed_once() {
        let mut names: Vec<_> = COMMAND_PERMISSIONS.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before);
    }

    #[test]
    fn a_manager_may_call_every_command() {
        assert_eq!(
            allowed_commands(Role::Manager).len(),
            COMMAND_PERMISSIONS.len()
        );
    }

    #[test]
    fn only_managers_change_settings_staff_backups_and_restore() {
        let managers_only = [
            "update_branch",
            "add_category",
            "update_time_limits",
            "update_sign_in_settings",
            "add_staff",
            "set_staff_active",
            "create_sign_in",
            "reset_sign_in",
            "set_sign_in_role",
            "back_up_now",
            "restore_backup",
            "restore_backup_from_file",
            "open_other_database",
            "import_run",
        ];
        for role in ROLES.into_iter().filter(|r| *r != Role::Manager) {
            let allowed = allowed_commands(role);
            for command in managers_only {
                assert!(!allowed.contains(&command), "{role:?} may {command}");
            }
        }
    }

    #[test]
    fn every_role_reads_cases_but_only_staff_and_managers_change_them() {
        let changes = [
            "create_case",
            "update_case",
            "change_case_status",
            "add_case_entry",
        ];
        for role in ROLES {
            let allowed = allowed_commands(role);
            assert!(allowed.contains(&"list_cases") && allowed.contains(&"get_case"));
            let may_change = matches!(role, Role::Manager | Role::Staff);
            for command in changes {
                assert_eq!(allowed.contains(&command), may_change, "{role:?} {command}");
            }
        }
    }

    #[test]
    fn trainers_run_training_and_drills_and_viewers_change_nothing() {
        let trainer = allowed_commands(Role::Trainer);
        for command in ["save_drill", "sign_off_training", "log_emergency_drill"] {
            assert!(trainer.contains(&command), "{command}");
        }
        let viewer = allowed_commands(Role::Viewer);
        let writes = COMMAND_PERMISSIONS
            .iter()
            .filter(|(_, p)| {
                !matches!(
                    p,
                    Permission::Public
                        | Permission::SignedIn
                        | Permission::ReadCases
                        | Permission::ReadTraining
                        | Permission::ReadPrevention
                        | Permission::ExportMasked
                )
            })
            .map(|(n, _)| *n);
        for command in writes {
            assert!(!viewer.contains(&command), "viewer may {command}");
        }
    }

    #[test]
    fn unknown_commands_have_no_permission() {
        assert_eq!(permission_of("list_cases"), Some(ReadCases));
        assert_eq!(permission_of("drop_everything"), None);
    }
}
