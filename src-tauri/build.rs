//! Build script: generates Tauri's context and the permission set for our own commands.

/// Every command the UI may call. `capabilities/main.json` grants exactly these to the main
/// window; a command missing here cannot be granted and so cannot be called.
#[cfg(feature = "desktop")]
const COMMANDS: &[&str] = &[
    "app_status",
    "setup_branch",
    "update_branch",
    "set_language",
    "list_timezones",
    "list_categories",
    "add_category",
    "rename_category",
    "move_category",
    "set_category_hidden",
    "delete_category",
    "get_time_limits",
    "update_time_limits",
    "list_staff",
    "add_staff",
    "update_staff",
    "set_staff_active",
    "reveal_database",
    "show_window",
    "set_current_staff",
    "check_case_intake",
    "create_case",
    "list_cases",
    "case_counts",
    "get_case",
    "update_case",
    "change_case_status",
    "set_case_grade",
    "pause_case",
    "resume_case",
    "add_case_entry",
    "tick_case_escalation",
    "add_case_attachment",
    "open_case_attachment",
    "print_page",
    "backup_overview",
    "back_up_now",
    "set_backup_keep",
    "restore_backup",
    "restore_backup_from_file",
    "reveal_backups",
    "retry_open",
    "open_other_database",
    "quit_app",
    "monthly_report",
    "report_glossary",
    "export_month",
    "rollup_files",
    "open_path",
    "reveal_path",
    "import_pick_file",
    "import_preview",
    "import_dry_run",
    "import_run",
    "list_training_modules",
    "save_training_module",
    "move_training_module",
    "set_training_module_retired",
    "assign_training_module",
    "unassign_training",
    "sign_off_training",
    "withdraw_training_sign_off",
    "training_matrix",
    "training_person",
    "list_drill_scenarios",
    "save_drill_scenario",
    "set_drill_scenario_retired",
    "save_drill",
    "training_progress",
    "case_drill_suggestion",
    "export_training",
];

fn main() {
    // `sqlx::migrate!` embeds the migrations folder; rebuild when a migration is added.
    println!("cargo:rerun-if-changed=migrations");
    #[cfg(feature = "desktop")]
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
