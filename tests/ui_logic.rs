//! Runs the UI logic tests (`node --test tests/ui/`) as part of `cargo test`, so one command
//! runs every test. Node.js 20+ is a test prerequisite (README); no npm install is needed.

use std::process::Command;

#[test]
fn ui_logic_tests_pass_under_node() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let output = match Command::new("node")
        .args(["--test", "tests/ui/"])
        .current_dir(root)
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("could not run `node --test` (install Node.js 20 or newer): {error}"),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "node --test failed");
    // Guard against a run that silently found no test files.
    let ran = stdout
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("# tests ")
                .and_then(|n| n.trim().parse::<u32>().ok())
        })
        .unwrap_or(0);
    assert!(ran > 0, "node --test ran no tests");
}
