//! The BranchDesk desktop app.

// Without this a Windows release build would also open a console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    branchdesk::desktop::run();
}
