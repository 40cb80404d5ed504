//! The installers' settings in `src-tauri/tauri.conf.json`: what both platforms' bundles must
//! carry (names, version, identifier, macOS and Windows sections) and that nothing secret is
//! committed. The bundles themselves are built by the release workflow; this checks their
//! recipe on every run.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn src_tauri() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> Value {
    let text = std::fs::read_to_string(src_tauri().join("tauri.conf.json")).expect("read config");
    serde_json::from_str(&text).expect("tauri.conf.json is JSON")
}

fn at<'a>(value: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(value, |node, key| {
        let child = match key.parse::<usize>() {
            Ok(index) => node.get(index),
            Err(_) => node.get(key),
        };
        child.unwrap_or(&Value::Null)
    })
}

fn str_at<'a>(value: &'a Value, path: &str) -> &'a str {
    at(value, path)
        .as_str()
        .unwrap_or_else(|| panic!("{path} is not a string"))
}

/// `relative` (as the config writes it, from `src-tauri/`) as a path on this system.
fn from_config(relative: &str) -> PathBuf {
    relative
        .split('/')
        .fold(src_tauri(), |path, part| path.join(part))
}

#[test]
fn names_version_and_identifier_agree_with_the_code() {
    let config = config();
    assert_eq!(str_at(&config, "productName"), "BranchDesk");
    // The data folder is named after the identifier, so the two can never drift apart.
    assert_eq!(
        str_at(&config, "identifier"),
        branchdesk::store::location::APP_IDENTIFIER
    );
    // No version of its own: the bundles take Cargo's, which is the workspace's.
    assert!(
        at(&config, "version").is_null(),
        "version is read from Cargo.toml"
    );
    let workspace = std::fs::read_to_string(src_tauri().join("..").join("Cargo.toml")).unwrap();
    let declared = format!("version = \"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(workspace.contains(&declared), "workspace version");
    assert_eq!(str_at(&config, "app.windows.0.title"), "BranchDesk");
}

#[test]
fn the_macos_bundle_is_complete() {
    let config = config();
    let mac = at(&config, "bundle.macOS");
    // Monterey 12.3 is the first macOS whose own WebKit has what the UI uses (Object.hasOwn,
    // <dialog>, :focus-visible).
    assert_eq!(str_at(mac, "minimumSystemVersion"), "12.3");
    assert_eq!(at(mac, "hardenedRuntime"), &Value::Bool(true));
    assert_eq!(str_at(&config, "bundle.category"), "Business");
    for key in ["windowSize", "appPosition", "applicationFolderPosition"] {
        assert!(at(mac, &format!("dmg.{key}")).is_object(), "dmg {key}");
    }
    let entitlements = std::fs::read_to_string(from_config(str_at(mac, "entitlements")))
        .expect("the entitlements file is committed");
    assert!(entitlements.starts_with("<?xml"));
    assert!(entitlements.contains("<plist version=\"1.0\">"));
    // Only what the app needs: none of the exceptions that weaken the hardened runtime.
    for needless in [
        "cs.allow-jit",
        "cs.allow-unsigned-executable-memory",
        "cs.disable-library-validation",
        "cs.allow-dyld-environment-variables",
        "cs.disable-executable-page-protection",
        "network.server",
    ] {
        assert!(
            !entitlements.contains(&format!("<key>com.apple.security.{needless}</key>")),
            "{needless}"
        );
    }
}

#[test]
fn the_windows_bundle_is_per_user_in_both_languages() {
    let config = config();
    assert_eq!(str_at(&config, "bundle.publisher"), "BranchDesk");
    assert!(str_at(&config, "bundle.copyright").contains("BranchDesk"));
    let windows = at(&config, "bundle.windows");
    assert_eq!(str_at(windows, "nsis.installMode"), "currentUser");
    let languages: Vec<&str> = at(windows, "nsis.languages")
        .as_array()
        .expect("languages")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(languages, ["English", "SimpChinese"]);
    assert!(at(windows, "webviewInstallMode.type").is_string());
    // The signing command is a script that reads its certificate from the environment.
    let args = at(windows, "signCommand.args").as_array().expect("args");
    assert!(args.iter().any(|arg| arg == "%1"), "the file to sign");
    let script = args
        .iter()
        .filter_map(Value::as_str)
        .find(|arg| arg.ends_with(".ps1"))
        .expect("a signing script");
    let script = std::fs::read_to_string(from_config(script)).expect("the script is committed");
    assert!(script.contains("$env:WINDOWS_CERTIFICATE_THUMBPRINT"));
    assert!(script.contains("exit 0"), "unsigned builds go on");
}

#[test]
fn every_file_the_bundle_names_is_committed() {
    let config = config();
    for icon in at(&config, "bundle.icon").as_array().expect("icons") {
        let icon = icon.as_str().expect("a path");
        assert!(from_config(icon).is_file(), "{icon}");
    }
    let resources = at(&config, "bundle.resources")
        .as_object()
        .expect("resources");
    for (source, target) in resources {
        assert!(from_config(source).is_file(), "{source}");
        assert!(target.as_str().is_some_and(|t| t.starts_with("guide/")));
    }
    // Both languages of the guide the Help menu opens.
    for lang in ["en", "zh-CN"] {
        let guide = format!("../docs/user-guide.{lang}.md");
        assert!(resources.contains_key(&guide), "{guide}");
    }
}

#[test]
fn nothing_secret_is_committed_in_the_bundle_settings() {
    let text = std::fs::read_to_string(src_tauri().join("tauri.conf.json")).unwrap();
    let config: Value = serde_json::from_str(&text).unwrap();
    // Signing identity and notarization come from APPLE_* variables at build time.
    assert!(at(&config, "bundle.macOS.signingIdentity").is_null());
    assert!(at(&config, "bundle.macOS.providerShortName").is_null());
    assert!(at(&config, "bundle.windows.certificateThumbprint").is_null());
    for secret_like in [
        "Developer ID",
        "BEGIN ",
        "PRIVATE KEY",
        "password",
        "APPLE_",
    ] {
        assert!(
            !text.to_lowercase().contains(&secret_like.to_lowercase()),
            "{secret_like}"
        );
    }
    assert!(!has_hex_run(&text, 40), "a certificate thumbprint");
    let script = from_config("packaging/signing/sign-windows.ps1");
    assert!(!has_hex_run(&std::fs::read_to_string(script).unwrap(), 40));
}

#[test]
fn the_secret_checks_catch_what_they_look_for() {
    assert!(has_hex_run(
        "x 0123456789abcdef0123456789ABCDEF01234567 y",
        40
    ));
    assert!(!has_hex_run("0123456789abcdef", 40));
    assert!(from_config("packaging/macos/entitlements.plist").starts_with(src_tauri()));
    assert!(Path::new(&from_config("a/b")).ends_with(Path::new("a").join("b")));
}

fn has_hex_run(text: &str, length: usize) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_hexdigit() { run + 1 } else { 0 };
        if run >= length {
            return true;
        }
    }
    false
}
