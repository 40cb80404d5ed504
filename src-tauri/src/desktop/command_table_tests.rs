//! Every registered command names its permission in `access::commands`, and its body checks
//! exactly that permission before anything else: a command added without one fails here.

use crate::access::commands::{COMMAND_PERMISSIONS, permission_of};

/// The sources of every command file, by name.
const SOURCES: &[(&str, &str)] = &[
    ("commands.rs", include_str!("commands.rs")),
    ("about_commands.rs", include_str!("about_commands.rs")),
    ("access_commands.rs", include_str!("access_commands.rs")),
    ("backup_commands.rs", include_str!("backup_commands.rs")),
    ("case_commands.rs", include_str!("case_commands.rs")),
    ("casework_commands.rs", include_str!("casework_commands.rs")),
    ("print_commands.rs", include_str!("print_commands.rs")),
    ("customer_commands.rs", include_str!("customer_commands.rs")),
    ("import_commands.rs", include_str!("import_commands.rs")),
    (
        "prevention_commands.rs",
        include_str!("prevention_commands.rs"),
    ),
    ("report_commands.rs", include_str!("report_commands.rs")),
    ("startup_commands.rs", include_str!("startup_commands.rs")),
    ("training_commands.rs", include_str!("training_commands.rs")),
    ("menu.rs", include_str!("menu.rs")),
    ("group_commands.rs", include_str!("group_commands.rs")),
    (
        "group_dashboard_commands.rs",
        include_str!("group_dashboard_commands.rs"),
    ),
    ("reminders.rs", include_str!("reminders.rs")),
    ("lesson_commands.rs", include_str!("lesson_commands.rs")),
    ("survey_commands.rs", include_str!("survey_commands.rs")),
];

/// The command names in `generate_handler![…]`.
fn registered() -> Vec<String> {
    let source = include_str!("commands.rs");
    let start = source.find("generate_handler![").expect("handler list") + 18;
    let end = start + source[start..].find(']').expect("end of handler list");
    source[start..end]
        .split(',')
        .map(|path| path.trim().rsplit("::").next().unwrap_or("").to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The first lines of the body of `#[tauri::command] fn name`, up to its first statement
/// after the signature.
fn body_start(name: &str) -> Option<String> {
    for (_, source) in SOURCES {
        for piece in source.split("#[tauri::command]").skip(1) {
            let signature_end = piece.find("{\n")?;
            let signature = &piece[..signature_end];
            let declared = signature
                .split("fn ")
                .nth(1)
                .and_then(|rest| rest.split(['(', '<']).next())
                .map(str::trim);
            if declared == Some(name) {
                let body = &piece[signature_end + 2..];
                // The check must come first: the first statements up to the first `?;`
                // that calls authorize.
                return Some(body.lines().take(8).collect::<Vec<_>>().join("\n"));
            }
        }
    }
    None
}

#[test]
fn every_registered_command_has_a_permission_and_checks_it_first() {
    let names = registered();
    assert!(names.len() > 90, "found {} commands", names.len());
    for name in &names {
        let permission = permission_of(name)
            .unwrap_or_else(|| panic!("{name} is registered without a permission"));
        let body = body_start(name).unwrap_or_else(|| panic!("{name}: body not found"));
        let check = format!("Permission::{permission:?}");
        assert!(
            body.contains("authorize") && body.contains(&check),
            "{name} must check {check} first:\n{body}"
        );
    }
}

#[test]
fn the_table_lists_only_registered_commands() {
    let names = registered();
    for (name, _) in COMMAND_PERMISSIONS {
        assert!(names.iter().any(|n| n == name), "{name} is not registered");
    }
}

/// A registered command the window is not granted fails only in the real app (Tauri refuses
/// the call), never in the browser tests' mock: build.rs must list it and the capability
/// grant it.
#[test]
fn every_registered_command_is_granted_to_the_window() {
    let build = include_str!("../../build.rs");
    let capability = include_str!("../../capabilities/main.json");
    for name in registered() {
        assert!(
            build.contains(&format!("\"{name}\",")),
            "{name} is missing from build.rs COMMANDS"
        );
        let grant = format!("\"allow-{}\"", name.replace('_', "-"));
        assert!(
            capability.contains(&grant),
            "{name} is not granted in capabilities/main.json ({grant})"
        );
    }
}
