//! Reads a UI string from `ui/js/i18n/<lang>.js` or its parts in `ui/js/i18n/<lang>/` (flat
//! `'key': 'text',` lines).

/// The text of `key` in `lang` (`zh-CN` or `en`).
pub fn text(lang: &str, key: &str) -> String {
    let path = format!("{}/../ui/js/i18n/{lang}.js", env!("CARGO_MANIFEST_DIR"));
    let mut source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    let parts = format!("{}/../ui/js/i18n/{lang}", env!("CARGO_MANIFEST_DIR"));
    for part in std::fs::read_dir(&parts).unwrap_or_else(|e| panic!("read {parts}: {e}")) {
        let part = part.expect("a dictionary part").path();
        source.push_str(&std::fs::read_to_string(&part).expect("read a dictionary part"));
    }
    let needle = format!("'{key}':");
    let line = source
        .lines()
        .find(|line| line.trim_start().starts_with(&needle))
        .unwrap_or_else(|| panic!("{key} not in {path}"));
    let value = line.trim_start()[needle.len()..]
        .trim()
        .trim_end_matches(',');
    value
        .trim_matches(|c| c == '\'' || c == '"')
        .replace("\\'", "'")
}
