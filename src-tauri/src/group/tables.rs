//! The branch-owned tables that group mode sends, with their primary keys. Migrations 0008 and
//! 0013 put outbox triggers on exactly these; a test checks that every table of the branch's schema is
//! either here or named as derived, so a new table cannot be forgotten silently.

/// Each sent table and its primary-key columns (the outbox key is a JSON array of them).
pub const SENT: &[(&str, &[&str])] = &[
    ("branch", &["id"]),
    ("app_settings", &["key"]),
    ("categories", &["id"]),
    ("grade_time_limits", &["grade"]),
    ("staff", &["id"]),
    ("case_sequences", &["month_key"]),
    ("cases", &["id"]),
    ("case_events", &["id"]),
    ("case_audit", &["id"]),
    ("case_pauses", &["id"]),
    ("case_attachments", &["id"]),
    ("case_escalation_ticks", &["case_id", "item"]),
    ("case_supports", &["id"]),
    ("case_progress_updates", &["id"]),
    ("training_modules", &["id"]),
    ("training_module_versions", &["id"]),
    ("training_items", &["id"]),
    ("training_assignments", &["id"]),
    ("training_signoffs", &["id"]),
    ("drill_scenarios", &["id"]),
    ("drills", &["id"]),
    ("drill_trainees", &["drill_id", "staff_id"]),
    ("drill_scores", &["drill_id", "step"]),
    ("prevention_plans", &["id"]),
    ("prevention_measures", &["id"]),
    ("prevention_plan_cases", &["plan_id", "case_id"]),
    ("prevention_audit", &["id"]),
    ("emergency_plans", &["id"]),
    ("emergency_drills", &["id"]),
    ("staff_activity", &["id"]),
    ("lessons", &["id"]),
    ("surveys", &["id"]),
    ("survey_versions", &["id"]),
    ("survey_questions", &["id"]),
    ("survey_responses", &["id"]),
    ("survey_answers", &["response_id", "question_id"]),
    ("feedback", &["id"]),
    ("customers", &["id"]),
    ("customer_keys", &["id"]),
    ("customer_audit", &["id"]),
];

/// Tables that are not sent: derived from the sent ones (tallies, the search index), the
/// migrations' own record, the outbox itself, and what belongs to this computer alone: the
/// sign-ins (credentials never leave the branch), wrong-sign-in counters, the reminders
/// already shown, on head office's computer whose eyes saw which branch case's personal data
/// (`group_reveals`), and the record that this computer's upgrade linked its cases to
/// customers (the customers and links it made are sent; customer search entries are derived).
pub fn is_unsent(table: &str) -> bool {
    table == "case_tallies"
        || table == "group_outbox"
        || table == "sign_ins"
        || table == "sign_in_failures"
        || table == "reminders_sent"
        || table == "group_reveals"
        || table == "customer_link_runs"
        || table.starts_with("customer_search_")
        || table.starts_with("case_search_")
        || table.starts_with("_sqlx")
        || table.starts_with("sqlite_")
}

/// The primary-key columns of a sent table, or `None` for any other name (so a name read back
/// from the outbox or the server is never put into SQL unchecked).
pub fn key_columns(table: &str) -> Option<(&'static str, &'static [&'static str])> {
    SENT.iter().copied().find(|(name, _)| *name == table)
}

/// Everything the branch's table `table` is called by in the sync's report: its plural noun.
pub fn kind(table: &str) -> &'static str {
    match table {
        "cases" => "cases",
        "case_events" => "case events",
        "case_audit" => "audit entries",
        "case_pauses" => "pauses",
        "case_attachments" => "attachment records",
        "case_escalation_ticks" => "crisis steps",
        "case_supports" => "supporting departments",
        "case_progress_updates" => "progress updates",
        "staff" | "staff_activity" => "staff records",
        "training_modules" | "training_module_versions" | "training_items" => "curriculum records",
        "training_assignments" => "training assignments",
        "training_signoffs" => "sign-offs",
        "drill_scenarios" => "drill scenarios",
        "drills" | "drill_trainees" | "drill_scores" => "drill records",
        "prevention_plans" | "prevention_plan_cases" => "prevention plans",
        "prevention_measures" => "prevention measures",
        "prevention_audit" => "prevention audit entries",
        "emergency_plans" => "emergency plans",
        "emergency_drills" => "emergency drills",
        "lessons" => "lessons learned",
        "surveys" | "survey_versions" | "survey_questions" => "surveys",
        "survey_responses" | "survey_answers" => "survey answers",
        "feedback" => "suggestions and praise",
        "customers" | "customer_keys" => "customer records",
        "customer_audit" => "customer audit entries",
        _ => "settings",
    }
}
