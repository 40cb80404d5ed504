//! `.github/workflows/release.yml` cannot run here (it needs GitHub's macOS and Windows
//! runners), so every run checks what can be checked: it parses, builds on both platforms with a
//! universal macOS binary, runs `.ci/run`'s checks first, pins every action to a commit, makes a
//! draft release only, and takes secrets only from `${{ secrets.* }}`.

use std::path::PathBuf;

use yaml_rust2::{Yaml, YamlLoader};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn workflow_text() -> String {
    let path = repo().join(".github").join("workflows").join("release.yml");
    std::fs::read_to_string(path).expect("the release workflow is committed")
}

fn workflow() -> Yaml {
    let mut docs = YamlLoader::load_from_str(&workflow_text()).expect("release.yml is YAML");
    assert_eq!(docs.len(), 1, "one document");
    docs.remove(0)
}

fn job(workflow: &Yaml) -> &Yaml {
    let jobs = workflow["jobs"].as_hash().expect("jobs");
    assert_eq!(jobs.len(), 1, "one job, run once per platform");
    jobs.values().next().expect("a job")
}

fn steps(workflow: &Yaml) -> &[Yaml] {
    job(workflow)["steps"].as_vec().expect("steps")
}

/// Every `run:` script of the job, in order.
fn run_scripts(workflow: &Yaml) -> Vec<&str> {
    steps(workflow)
        .iter()
        .filter_map(|step| step["run"].as_str())
        .collect()
}

#[test]
fn it_releases_a_draft_on_a_version_tag() {
    let workflow = workflow();
    let tags = workflow["on"]["push"]["tags"]
        .as_vec()
        .expect("on push tags");
    assert_eq!(tags, &[Yaml::String("v*".into())]);
    assert!(workflow["on"]["pull_request"].is_badvalue());
    assert_eq!(workflow["permissions"]["contents"].as_str(), Some("write"));
    let action = steps(&workflow)
        .iter()
        .find(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|uses| uses.starts_with("tauri-apps/tauri-action@"))
        })
        .expect("the official tauri-action");
    assert_eq!(action["with"]["releaseDraft"].as_bool(), Some(true));
    assert_eq!(action["with"]["prerelease"].as_bool(), Some(false));
    assert_eq!(
        action["with"]["tagName"].as_str(),
        Some("${{ github.ref_name }}")
    );
    assert_eq!(action["with"]["args"].as_str(), Some("${{ matrix.args }}"));
}

#[test]
fn it_builds_on_windows_and_a_universal_macos() {
    let workflow = workflow();
    let include = job(&workflow)["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("matrix include");
    let platform = |name: &str| {
        include
            .iter()
            .find(|entry| entry["platform"].as_str() == Some(name))
            .unwrap_or_else(|| panic!("{name} in the matrix"))
    };
    assert_eq!(include.len(), 2);
    let mac = platform("macos-latest");
    assert!(
        mac["args"]
            .as_str()
            .unwrap()
            .contains("--target universal-apple-darwin")
    );
    let targets = mac["rust-targets"].as_str().unwrap();
    assert!(targets.contains("aarch64-apple-darwin") && targets.contains("x86_64-apple-darwin"));
    let windows = platform("windows-latest");
    assert!(windows["args"].as_str().unwrap().contains("nsis"));
    assert_eq!(
        job(&workflow)["runs-on"].as_str(),
        Some("${{ matrix.platform }}")
    );
}

#[test]
fn it_runs_the_ci_checks_before_building() {
    let workflow = workflow();
    let ci = std::fs::read_to_string(repo().join(".ci").join("run")).expect(".ci/run");
    let scripts = run_scripts(&workflow);
    let position = |needle: &str| {
        scripts
            .iter()
            .position(|script| script.contains(needle))
            .unwrap_or_else(|| panic!("no step runs {needle}"))
    };
    // The same commands as .ci/run, where they make sense without a Linux display.
    for command in [
        "cargo fmt --all -- --check",
        "cargo build --no-default-features --bin branchdesk-cli",
    ] {
        assert!(ci.contains(command), ".ci/run no longer runs {command}");
        position(command);
    }
    assert!(ci.contains("cargo clippy --all-targets -- -D warnings"));
    position("cargo clippy ${{ matrix.clippy-targets }} -- -D warnings");
    position("cargo test --no-default-features --test integration");
    let action = steps(&workflow)
        .iter()
        .position(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("tauri-apps/"))
        })
        .unwrap();
    let last_test = steps(&workflow)
        .iter()
        .position(|step| {
            step["run"]
                .as_str()
                .is_some_and(|run| run.contains("cargo test"))
        })
        .unwrap();
    assert!(
        last_test < action,
        "the installers are built only after the tests pass"
    );
}

#[test]
fn every_action_is_pinned_to_a_commit() {
    let workflow = workflow();
    let mut pinned = 0;
    for step in steps(&workflow) {
        let Some(uses) = step["uses"].as_str() else {
            continue;
        };
        let (_, reference) = uses.split_once('@').expect("owner/name@ref");
        assert!(
            reference.len() == 40 && reference.chars().all(|c| c.is_ascii_hexdigit()),
            "{uses} is not pinned to a commit"
        );
        pinned += 1;
    }
    assert_eq!(pinned, 3, "checkout, the Rust toolchain and tauri-action");
}

#[test]
fn secrets_come_only_from_the_secrets_context() {
    let text = workflow_text();
    let mut checked = 0;
    for line in text.lines().map(str::trim) {
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        // An environment entry such as `APPLE_PASSWORD: …`.
        let variable = !key.is_empty() && key.chars().all(|c| c.is_ascii_uppercase() || c == '_');
        let sensitive = ["APPLE_", "WINDOWS_CERTIFICATE", "TOKEN"]
            .iter()
            .any(|marker| key.contains(marker));
        if variable && sensitive {
            assert!(
                value.starts_with("${{ secrets.") && value.ends_with("}}"),
                "{key} is set from {value}"
            );
            checked += 1;
        }
    }
    assert_eq!(
        checked, 13,
        "every signing variable and the token was looked at"
    );
    // Nothing that looks like a key or a password in the file itself.
    for secret_like in ["BEGIN ", "PRIVATE KEY-----", "Developer ID Application:"] {
        assert!(!text.contains(secret_like), "{secret_like}");
    }
}
