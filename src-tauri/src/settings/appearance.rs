//! How the window looks: the colour theme chosen in Settings. `System` follows the operating
//! system's light or dark mode (and its high-contrast mode, which the window always obeys).

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use crate::error::{Error, Invalid, Result};

const THEME_KEY: &str = "theme";

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Light or dark as the operating system is set.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The name stored and sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses `system`, `light` or `dark`.
    pub fn parse(field: &str, value: &str) -> Result<Self> {
        match value.trim() {
            "system" => Ok(Theme::System),
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            _ => Err(Error::invalid(field, Invalid::Choice)),
        }
    }
}

/// The stored theme; `System` until one is chosen (or if the stored value is unreadable).
pub async fn get_theme(pool: &SqlitePool) -> Result<Theme> {
    let value = super::repo::get_setting(pool, THEME_KEY).await?;
    Ok(value
        .and_then(|v| Theme::parse(THEME_KEY, &v).ok())
        .unwrap_or_default())
}

/// Stores the theme.
pub async fn set_theme(pool: &SqlitePool, theme: Theme) -> Result<()> {
    super::repo::put_setting(pool, THEME_KEY, theme.as_str()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_parse_and_refuse_anything_else() {
        assert_eq!(Theme::parse("theme", "dark").unwrap(), Theme::Dark);
        assert_eq!(Theme::parse("theme", " light ").unwrap(), Theme::Light);
        assert_eq!(Theme::parse("theme", "system").unwrap(), Theme::System);
        let err = Theme::parse("theme", "<b>neon</b>").unwrap_err();
        assert_eq!(err.code(), "invalid.choice");
        for theme in [Theme::System, Theme::Light, Theme::Dark] {
            assert_eq!(Theme::parse("theme", theme.as_str()).unwrap(), theme);
        }
    }
}
