//! Starting the app under tauri-driver and small polling helpers over fantoccini.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// One app window at a time: the tests share the display and the window-state file.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// How long to wait for the UI to reach an expected state (invoke is asynchronous).
const PATIENCE: Duration = Duration::from_secs(20);

/// Whether this machine can run the end-to-end tests; `Err` says what is missing. On CI a
/// missing piece fails the run instead of skipping it.
pub fn prerequisites() -> Result<PathBuf, String> {
    if !cfg!(target_os = "linux") {
        return Err("tauri-driver drives WebKitGTK on Linux only".into());
    }
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err("no display: run the tests under `xvfb-run -a`".into());
    }
    if find_in_path("WebKitWebDriver").is_none() {
        return Err("WebKitWebDriver missing: install the webkit2gtk-driver package".into());
    }
    tauri_driver().ok_or_else(|| "tauri-driver missing: cargo install tauri-driver --locked".into())
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

fn tauri_driver() -> Option<PathBuf> {
    if let Some(explicit) = std::env::var_os("TAURI_DRIVER") {
        return Some(PathBuf::from(explicit));
    }
    find_in_path("tauri-driver").or_else(|| {
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| dirs_home().map(|home| home.join(".cargo")))?;
        Some(cargo_home.join("bin").join("tauri-driver")).filter(|p| p.is_file())
    })
}

fn dirs_home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// Returns `None` (and says why) when the tests cannot run here; panics on CI instead.
pub async fn guard() -> Option<(tokio::sync::MutexGuard<'static, ()>, PathBuf)> {
    match prerequisites() {
        Ok(driver) => Some((ONE_AT_A_TIME.lock().await, driver)),
        Err(reason) if std::env::var_os("CI").is_some() => {
            panic!("end-to-end tests cannot run: {reason}")
        }
        Err(reason) => {
            eprintln!("SKIPPED end-to-end test: {reason}");
            None
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// A running tauri-driver with the app open on one database.
pub struct App {
    driver: Child,
    /// The database the app was opened on: it identifies the app's process.
    db: PathBuf,
    /// The WebDriver session on the app's window.
    pub client: Client,
}

impl App {
    /// Starts tauri-driver and opens the app on `db`, signed in as the fixtures' manager when
    /// the sign-in screen asks (see `session.rs`).
    pub async fn launch(tauri_driver: &Path, db: &Path) -> App {
        Self::launch_with_env(tauri_driver, db, &[]).await
    }

    /// Like [`App::launch`], with extra environment variables for the app.
    pub async fn launch_with_env(tauri_driver: &Path, db: &Path, env: &[(&str, &str)]) -> App {
        let app = App::launch_signed_out_with_env(tauri_driver, db, env).await;
        app.sign_in_if_asked().await;
        app
    }

    /// Starts tauri-driver and opens the app on `db`, on whatever screen it starts with.
    pub async fn launch_signed_out(tauri_driver: &Path, db: &Path) -> App {
        Self::launch_signed_out_with_env(tauri_driver, db, &[]).await
    }

    /// Like [`App::launch_signed_out`], with extra environment variables for the app.
    pub async fn launch_signed_out_with_env(
        tauri_driver: &Path,
        db: &Path,
        env: &[(&str, &str)],
    ) -> App {
        let port = free_port();
        let native_port = free_port();
        let driver = Command::new(tauri_driver)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("BRANCHDESK_DB", db)
            // Each test's log stays in its own folder, beside its database.
            .env(
                branchdesk::logging::LOG_DIR_ENV,
                db.parent().unwrap_or(db).join("logs"),
            )
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tauri-driver");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": env!("CARGO_BIN_EXE_branchdesk") }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::native()
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(error) if started.elapsed() < PATIENCE => {
                    let _ = error;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(error) => panic!("could not open a WebDriver session: {error}"),
            }
        };
        let app = App {
            driver,
            client,
            db: db.to_path_buf(),
        };
        app.wait_until_shown().await;
        app
    }

    /// Waits until the window is on screen with one of its screens up: the window stays
    /// hidden until the UI's first paint, and WebDriver cannot interact before that.
    async fn wait_until_shown(&self) {
        let script = "return document.visibilityState === 'visible' &&
            document.querySelector('#welcome:not([hidden]), #app-shell:not([hidden]), #fatal:not([hidden]), #signin:not([hidden])') !== null;";
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if let Ok(serde_json::Value::Bool(true)) = self.client.execute(script, vec![]).await {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        save_screenshot("window_shown");
        panic!("the window never came up");
    }

    /// Kills the app process on `db` outright (SIGKILL), as a power cut or a crash would: no
    /// chance to finish a write or close the database. Returns whether one was found.
    pub fn kill_app(&self, db: &Path) -> bool {
        let mut killed = false;
        for pid in app_processes(db) {
            killed |= Command::new("kill")
                .args(["-KILL", &pid])
                .status()
                .is_ok_and(|status| status.success());
        }
        killed
    }

    /// Waits until the app process on `db` has ended by itself; false if it is still running
    /// after the usual patience.
    pub async fn wait_until_exited(&self, db: &Path) -> bool {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if app_processes(db).is_empty() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    }

    /// Closes the window and stops tauri-driver.
    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
    }

    /// Waits for an element matching `css`.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// The text content of the first element matching `css`, `None` when there is none.
    pub async fn text_of(&self, css: &str) -> Option<String> {
        let script =
            "const n = document.querySelector(arguments[0]); return n ? n.textContent : null;";
        match self.client.execute(script, vec![json!(css)]).await {
            Ok(serde_json::Value::String(text)) => Some(text.trim().to_owned()),
            _ => None,
        }
    }

    /// Waits until the text of `css` equals `expected`.
    pub async fn wait_text(&self, css: &str, expected: &str) {
        let started = Instant::now();
        let mut last = None;
        while started.elapsed() < PATIENCE {
            last = self.text_of(css).await;
            if last.as_deref() == Some(expected) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        save_screenshot(css);
        panic!("{css} shows {last:?}, expected {expected:?}");
    }

    /// Waits until the text of `css` contains `needle`.
    pub async fn wait_text_containing(&self, css: &str, needle: &str) {
        let started = Instant::now();
        let mut last = None;
        while started.elapsed() < PATIENCE {
            last = self.text_of(css).await;
            if last.as_deref().is_some_and(|t| t.contains(needle)) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        save_screenshot(css);
        panic!("{css} shows {last:?}, expected it to contain {needle:?}");
    }

    /// Replaces the value of the input `css` by typing `text`.
    pub async fn type_into(&self, css: &str, text: &str) {
        let input = self.find(css).await;
        input.clear().await.expect("clear");
        input.send_keys(text).await.expect("type");
    }

    /// Clicks the element `css`, centred in its scrolling pane first: WebKitWebDriver sometimes
    /// clicks beside an element it had to scroll to inside the app's view (the browser tests
    /// centre theirs for the same reason).
    pub async fn click(&self, css: &str) {
        // Armed on this page only: a click that reloads the page (a restore) leaves it unarmed,
        // which counts as landed.
        let watch = "const n = document.querySelector(arguments[0]);
            window.__e2eArmed = true;
            window.__e2eClicked = false;
            n?.addEventListener('click', () => { window.__e2eClicked = true; }, { once: true, capture: true });
            return n !== null;";
        let missed = "return window.__e2eArmed === true && window.__e2eClicked !== true;";
        for attempt in 1..=3 {
            let element = self.find(css).await;
            self.wait_until_settled(css).await;
            self.client
                .execute(watch, vec![json!(css)])
                .await
                .unwrap_or_else(|e| panic!("watch {css}: {e}"));
            // A view that redraws itself after an earlier action (a refresh once a save lands)
            // may replace the element between finding and clicking it: WebKitWebDriver then
            // refuses the click, which reached nothing, so it is tried on the new element.
            if let Err(error) = element.click().await {
                if attempt < 3 {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
                save_screenshot(css);
                panic!("click {css}: {error}");
            }
            // A click that WebKitWebDriver delivered beside the element (the page moved under
            // the pointer) is tried again rather than taken as the user's. Only a miss seen
            // for certain is retried: a page that went away took the click.
            let seen = self.client.execute(missed, vec![]).await;
            if !matches!(seen, Ok(serde_json::Value::Bool(true))) {
                return;
            }
        }
        save_screenshot("click_missed");
        panic!("every click on {css} landed elsewhere");
    }

    /// Scrolls `css` to the middle of the window and waits until it stays put and its centre is
    /// really it (not something drawn over it): WebDriver clicks a point, and a page still
    /// settling after the scroll (a form's last reflow) would take the click elsewhere.
    async fn wait_until_settled(&self, css: &str) {
        let script = "const n = document.querySelector(arguments[0]);
            if (!n) return 'gone';
            n.scrollIntoView({ block: 'center' });
            const r = n.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            const mine = hit !== null && (hit === n || n.contains(hit));
            return [r.left, r.top, r.width, r.height].join(',') + (mine ? '' : ' covered');";
        let mut last = String::new();
        for _ in 0..40 {
            let now = match self.client.execute(script, vec![json!(css)]).await {
                Ok(serde_json::Value::String(place)) => place,
                other => panic!("scroll to {css}: {other:?}"),
            };
            if now == last && !now.ends_with("covered") {
                return;
            }
            last = now;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Chooses `value` in the select `css`; fails when there is no such option.
    pub async fn select(&self, css: &str, value: &str) {
        self.set_value(css, value).await;
    }

    /// Sets the value of an input or select as the user's choice would, then fires `input` and
    /// `change`. WebKitGTK opens a native popup for a clicked `<select>`, and date inputs take
    /// no typed text, neither of which WebDriver can drive.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.find(css).await;
        let script = "const s = document.querySelector(arguments[0]);
            if (s.tagName === 'SELECT' && ![...s.options].some(o => o.value === arguments[1])) { return false; }
            s.value = arguments[1];
            s.dispatchEvent(new Event('input', { bubbles: true }));
            s.dispatchEvent(new Event('change', { bubbles: true }));
            return true;";
        let done = self
            .client
            .execute(script, vec![json!(css), json!(value)])
            .await;
        assert_eq!(done.ok(), Some(json!(true)), "{css} cannot take {value}");
    }

    /// The value of the first option of the select `css` that has a non-empty value.
    pub async fn first_option(&self, css: &str) -> String {
        self.find(css).await;
        let script =
            "const o = [...document.querySelector(arguments[0]).options].find(o => o.value !== '');
            return o ? o.value : null;";
        match self.client.execute(script, vec![json!(css)]).await {
            Ok(serde_json::Value::String(value)) => value,
            other => panic!("{css} has no options: {other:?}"),
        }
    }

    /// Waits until an element matching `css` exists.
    pub async fn wait_for(&self, css: &str) {
        self.find(css).await;
    }

    /// How many elements match `css` right now.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0)
    }

    /// Waits up to `limit` (longer than the usual patience, for what the app does on its own
    /// clock) until an element matching `css` exists; whether it came.
    pub async fn wait_up_to(&self, limit: Duration, css: &str) -> bool {
        let started = Instant::now();
        while started.elapsed() < limit {
            if self.count(css).await > 0 {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        save_screenshot(css);
        false
    }
}

impl Drop for App {
    /// Stops tauri-driver with SIGTERM (SIGKILL would orphan WebKitWebDriver on its port), also
    /// when a test panics, then makes sure the app itself is gone, so no window outlives its test.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.driver.id().to_string()])
            .status();
        let _ = self.driver.wait();
        // WebKitWebDriver closes the window when the session ends, but an app that did not exit
        // (seen after the case test) would outlive the run and hold its output open.
        self.kill_app(&self.db.clone());
    }
}

/// Saves what the display shows to `target/e2e-failures/` (needs ImageMagick's `import`), so a
/// failure on CI can be looked at.
fn save_screenshot(what: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-failures");
    let _ = std::fs::create_dir_all(&dir);
    let name: String = what
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let file = dir.join(format!("{name}.png"));
    if Command::new("import")
        .args(["-window", "root"])
        .arg(&file)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("screenshot of the failure: {}", file.display());
    }
}

/// The ids of the app processes running on `db`, found by the database path in their
/// environment so that no other test's app is touched.
fn app_processes(db: &Path) -> Vec<String> {
    let wanted = format!("BRANCHDESK_DB={}", db.display());
    let app = Path::new(env!("CARGO_BIN_EXE_branchdesk"));
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    processes
        .flatten()
        .filter(|process| {
            let dir = process.path();
            let is_app = std::fs::read_link(dir.join("exe")).is_ok_and(|exe| exe == app);
            is_app
                && std::fs::read(dir.join("environ")).is_ok_and(|environ| {
                    environ
                        .split(|byte| *byte == 0)
                        .any(|entry| entry == wanted.as_bytes())
                })
        })
        .map(|process| process.file_name().to_string_lossy().into_owned())
        .collect()
}
