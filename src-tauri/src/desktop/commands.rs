//! The commands the UI may call (each granted in `capabilities/main.json` and listed in
//! `build.rs`). Each is a one-liner over the domain: no rules live here.

use tauri::{AppHandle, Runtime, State};

use super::AppState;
use crate::access::Permission;
use crate::error::{Error, Result};
use crate::settings::{self, Branch, BranchInput, Category, TimeLimit};
use crate::staff::{self, Staff, StaffInput};
use crate::status::{self, AppStatus, SetupInput};

/// Every command, for `Builder::invoke_handler`.
pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app_status,
        setup_branch,
        update_branch,
        set_language,
        set_theme,
        list_timezones,
        list_categories,
        add_category,
        rename_category,
        move_category,
        set_category_hidden,
        delete_category,
        get_time_limits,
        update_time_limits,
        list_staff,
        add_staff,
        update_staff,
        set_staff_active,
        reveal_database,
        show_window,
        super::menu::set_menu_language,
        super::case_commands::check_case_intake,
        super::case_commands::create_case,
        super::case_commands::list_cases,
        super::case_commands::case_counts,
        super::case_commands::get_case,
        super::case_commands::update_case,
        super::case_commands::change_case_status,
        super::case_commands::set_case_grade,
        super::case_commands::pause_case,
        super::case_commands::resume_case,
        super::case_commands::add_case_entry,
        super::case_commands::tick_case_escalation,
        super::casework_commands::case_casework,
        super::casework_commands::set_case_judgement,
        super::casework_commands::add_case_support,
        super::casework_commands::update_case_support,
        super::casework_commands::set_case_support_done,
        super::casework_commands::remove_case_support,
        super::casework_commands::add_case_progress,
        super::case_commands::add_case_attachment,
        super::case_commands::open_case_attachment,
        super::case_commands::print_page,
        super::print_commands::case_print_record,
        super::customer_commands::list_customers,
        super::customer_commands::get_customer,
        super::customer_commands::case_customer,
        super::customer_commands::update_customer,
        super::customer_commands::set_key_customer,
        super::customer_commands::merge_customers,
        super::backup_commands::backup_overview,
        super::backup_commands::back_up_now,
        super::backup_commands::set_backup_keep,
        super::backup_commands::restore_backup,
        super::backup_commands::restore_backup_from_file,
        super::backup_commands::reveal_backups,
        super::group_commands::group_overview,
        super::group_commands::save_group_settings,
        super::group_commands::save_group_password,
        super::group_commands::test_group_connection,
        super::group_commands::sync_group_now,
        super::group_dashboard_commands::group_mode,
        super::group_dashboard_commands::office_settings,
        super::group_dashboard_commands::save_office_settings,
        super::group_dashboard_commands::test_office_connection,
        super::group_dashboard_commands::group_dashboard,
        super::group_dashboard_commands::group_branch_cases,
        super::group_dashboard_commands::group_case,
        super::group_dashboard_commands::group_case_personal,
        super::group_dashboard_commands::export_group_workbook,
        super::startup_commands::retry_open,
        super::startup_commands::open_other_database,
        super::startup_commands::quit_app,
        super::about_commands::about,
        super::about_commands::reveal_log,
        super::reminders::reminder_settings,
        super::reminders::set_reminder_settings,
        super::about_commands::database_lock_holder,
        super::report_commands::monthly_report,
        super::report_commands::report_glossary,
        super::report_commands::export_month,
        super::report_commands::rollup_files,
        super::report_commands::open_path,
        super::report_commands::reveal_path,
        super::import_commands::import_pick_file,
        super::import_commands::import_preview,
        super::import_commands::import_dry_run,
        super::import_commands::import_run,
        super::training_commands::list_training_modules,
        super::training_commands::save_training_module,
        super::training_commands::move_training_module,
        super::training_commands::set_training_module_retired,
        super::training_commands::assign_training_module,
        super::training_commands::unassign_training,
        super::training_commands::sign_off_training,
        super::training_commands::withdraw_training_sign_off,
        super::training_commands::training_matrix,
        super::training_commands::training_person,
        super::training_commands::list_drill_scenarios,
        super::training_commands::save_drill_scenario,
        super::training_commands::set_drill_scenario_retired,
        super::training_commands::save_drill,
        super::training_commands::training_progress,
        super::training_commands::case_drill_suggestion,
        super::training_commands::export_training,
        super::lesson_commands::case_lesson,
        super::lesson_commands::save_lesson,
        super::lesson_commands::list_lessons,
        super::lesson_commands::lesson_scenario_draft,
        super::lesson_commands::lesson_to_scenario,
        super::lesson_commands::lesson_measure_draft,
        super::lesson_commands::lesson_to_measure,
        super::lesson_commands::lessons_since_drill,
        super::survey_commands::list_surveys,
        super::survey_commands::save_survey,
        super::survey_commands::record_survey_response,
        super::survey_commands::record_feedback,
        super::survey_commands::survey_month,
        super::survey_commands::list_feedback,
        super::survey_commands::survey_targets,
        super::prevention_commands::prevention_analysis,
        super::prevention_commands::prevention_overview,
        super::prevention_commands::list_plans,
        super::prevention_commands::get_plan,
        super::prevention_commands::create_plan,
        super::prevention_commands::update_plan,
        super::prevention_commands::move_plan_phase,
        super::prevention_commands::set_plan_status,
        super::prevention_commands::record_plan_evaluation,
        super::prevention_commands::add_measure,
        super::prevention_commands::update_measure,
        super::prevention_commands::set_measure_status,
        super::prevention_commands::attach_plan_case,
        super::prevention_commands::detach_plan_case,
        super::prevention_commands::plans_for_case,
        super::prevention_commands::list_emergency_plans,
        super::prevention_commands::save_emergency_plan,
        super::prevention_commands::log_emergency_drill,
        super::access_commands::session_status,
        super::access_commands::sign_in,
        super::access_commands::create_first_manager,
        super::access_commands::recover_sign_in,
        super::access_commands::lock_session,
        super::access_commands::sign_out,
        super::access_commands::get_sign_in_settings,
        super::access_commands::update_sign_in_settings,
        super::access_commands::list_sign_ins,
        super::access_commands::create_sign_in,
        super::access_commands::reset_sign_in,
        super::access_commands::set_sign_in_role,
    ]
}

#[cfg(test)]
#[path = "command_table_tests.rs"]
mod command_table_tests;

#[tauri::command]
async fn app_status(state: State<'_, AppState>) -> Result<AppStatus> {
    state.authorize(Permission::Public)?;
    match state.pool() {
        Ok(pool) => {
            let mut status = status::status(&pool, &state.db_path()).await?;
            status.current_staff_id = state
                .session()
                .filter(|s| !s.locked)
                .map(|s| s.account.staff_id);
            Ok(status)
        }
        Err(_) => Ok(status::failed_status(
            &state.db_path(),
            state.startup_error().unwrap_or_else(|| {
                crate::error::ErrorPayload::from(&Error::Database(sqlx::Error::PoolClosed))
            }),
        )),
    }
}

#[tauri::command]
async fn setup_branch(state: State<'_, AppState>, input: SetupInput) -> Result<AppStatus> {
    state.authorize(Permission::Public)?;
    let pool = state.pool()?;
    status::setup(&pool, &input).await?;
    status::status(&pool, &state.db_path()).await
}

#[tauri::command]
async fn update_branch(state: State<'_, AppState>, input: BranchInput) -> Result<Branch> {
    state.authorize(Permission::Settings)?;
    settings::repo::update_branch(&state.pool()?, &input.parse()?).await
}

#[tauri::command]
async fn set_theme(state: State<'_, AppState>, theme: String) -> Result<()> {
    state.authorize(Permission::SignedIn)?;
    let theme = settings::appearance::Theme::parse("theme", &theme)?;
    settings::appearance::set_theme(&state.pool()?, theme).await
}

#[tauri::command]
async fn set_language(state: State<'_, AppState>, language: String) -> Result<()> {
    state.authorize(Permission::SignedIn)?;
    settings::repo::set_language(&state.pool()?, settings::repo::parse_language(&language)?).await
}

#[tauri::command]
fn list_timezones(state: State<'_, AppState>) -> Result<Vec<&'static str>> {
    state.authorize(Permission::Public)?;
    Ok(chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect())
}

#[tauri::command]
async fn list_categories(state: State<'_, AppState>) -> Result<Vec<Category>> {
    state.authorize(Permission::ReadCases)?;
    settings::repo::list_categories(&state.pool()?).await
}

#[tauri::command]
async fn add_category(state: State<'_, AppState>, name: String) -> Result<Category> {
    state.authorize(Permission::Settings)?;
    settings::repo::add_category(&state.pool()?, &name).await
}

#[tauri::command]
async fn rename_category(state: State<'_, AppState>, id: i64, name: String) -> Result<Category> {
    state.authorize(Permission::Settings)?;
    settings::repo::rename_category(&state.pool()?, id, &name).await
}

#[tauri::command]
async fn move_category(state: State<'_, AppState>, id: i64, offset: i32) -> Result<Vec<Category>> {
    state.authorize(Permission::Settings)?;
    settings::repo::move_category(&state.pool()?, id, offset).await
}

#[tauri::command]
async fn set_category_hidden(
    state: State<'_, AppState>,
    id: i64,
    hidden: bool,
) -> Result<Category> {
    state.authorize(Permission::Settings)?;
    settings::repo::set_category_hidden(&state.pool()?, id, hidden).await
}

#[tauri::command]
async fn delete_category(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.authorize(Permission::Settings)?;
    settings::repo::delete_category(&state.pool()?, id).await
}

#[tauri::command]
async fn get_time_limits(state: State<'_, AppState>) -> Result<Vec<TimeLimit>> {
    state.authorize(Permission::ReadCases)?;
    settings::repo::get_time_limits(&state.pool()?).await
}

#[tauri::command]
async fn update_time_limits(
    state: State<'_, AppState>,
    limits: Vec<TimeLimit>,
) -> Result<Vec<TimeLimit>> {
    state.authorize(Permission::Settings)?;
    settings::repo::update_time_limits(&state.pool()?, &limits).await
}

#[tauri::command]
async fn list_staff(state: State<'_, AppState>, include_inactive: bool) -> Result<Vec<Staff>> {
    state.authorize(Permission::ReadCases)?;
    staff::repo::list_staff(&state.pool()?, include_inactive).await
}

#[tauri::command]
async fn add_staff(state: State<'_, AppState>, input: StaffInput) -> Result<Staff> {
    state.authorize(Permission::ManageStaff)?;
    staff::repo::add_staff(&state.pool()?, &input.parse()?).await
}

#[tauri::command]
async fn update_staff(state: State<'_, AppState>, id: i64, input: StaffInput) -> Result<Staff> {
    state.authorize(Permission::ManageStaff)?;
    staff::repo::update_staff(&state.pool()?, id, &input.parse()?).await
}

#[tauri::command]
async fn set_staff_active(state: State<'_, AppState>, id: i64, active: bool) -> Result<Staff> {
    state.authorize(Permission::ManageStaff)?;
    let pool = state.pool()?;
    if !active {
        crate::access::repo::ensure_not_last_manager(&pool, id).await?;
    }
    staff::repo::set_staff_active(&pool, id, active).await
}

#[tauri::command]
fn reveal_database(state: State<'_, AppState>) -> Result<()> {
    state.authorize(Permission::Settings)?;
    tauri_plugin_opener::reveal_item_in_dir(state.db_path())
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

#[tauri::command]
fn show_window<R: Runtime>(state: State<'_, AppState>, app: AppHandle<R>) -> Result<()> {
    state.authorize(Permission::Public)?;
    super::reveal_main_window(&app);
    super::menu::run_test_action(&app);
    Ok(())
}
