//! A second launch on the same database hands over to the running window and exits; a launch
//! on another database runs alongside. Needs a D-Bus session (`dbus-run-session`), which is how
//! Linux desktops find the running instance.

use std::process::Command;

use super::driver::guard;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_launch_on_the_same_database_exits_and_another_database_runs() {
    let Some((_lock, _driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let app = env!("CARGO_BIN_EXE_branchdesk");
    // Inside one session bus: start the app, launch it again on the same file, then on another.
    // The second launch waits until the first has registered as the running instance on the
    // bus (up to 20 s): a fixed pause was too short for a start on a loaded machine.
    let script = r#"
        "$APP" --db "$DIR/same.db" >/dev/null 2>&1 & first=$!
        for i in $(seq 1 80); do
            dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
                org.freedesktop.DBus.ListNames | grep -q 'com.branchdesk.app.*SingleInstance' && break
            sleep 0.25
        done
        timeout 20 "$APP" --db "$DIR/same.db" >/dev/null 2>&1; echo "second=$?"
        kill -0 "$first" && echo "first=alive"
        timeout 4 "$APP" --db "$DIR/other.db" >/dev/null 2>&1; echo "other=$?"
        kill "$first"
    "#;
    let output = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", script])
        .env("APP", app)
        .env("DIR", dir.path())
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) if std::env::var_os("CI").is_some() => panic!("dbus-run-session: {error}"),
        Err(error) => {
            eprintln!("SKIPPED single-instance test: no dbus-run-session ({error})");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("second=0"),
        "the second launch should hand over and exit 0: {stdout}"
    );
    assert!(
        stdout.contains("first=alive"),
        "the first window keeps running: {stdout}"
    );
    assert!(
        stdout.contains("other=124"),
        "another database opens its own window: {stdout}"
    );
}
