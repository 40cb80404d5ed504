//! Reads a UI string from `ui/js/i18n/<lang>.js` (flat `'key': 'text',` lines).

/// The text of `key` in `lang` (`zh-CN` or `en`).
pub fn text(lang: &str, key: &str) -> String {
    let path = format!("{}/../ui/js/i18n/{lang}.js", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
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
