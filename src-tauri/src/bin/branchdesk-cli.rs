//! `branchdesk-cli`: BranchDesk without a window, for set-up, diagnostics and batch work.

fn main() {
    std::process::exit(branchdesk::cli::main());
}
