//! The server address, its password and the connection. The address is a `postgres://` URL;
//! a password is never stored with it: it comes from the URL given on the command line, from
//! `PGPASSWORD`, or from a password file only its owner can read. Every address that is shown
//! or logged goes through [`mask`].

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

use super::GroupProblem;
use crate::error::Result;

/// The environment variable naming a password file (default: [`default_password_file`]).
pub const PASSWORD_FILE_VAR: &str = "BRANCHDESK_GROUP_PASSWORD_FILE";

/// `url` with its password, if any, replaced by `***`.
pub fn mask(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    // The user part ends at the last '@' before the host's path.
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match authority.rfind('@') {
        Some(at) => {
            let userinfo = &authority[..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{scheme}://{user}:***{}", &rest[at..]),
                None => url.to_owned(),
            }
        }
        None => url.to_owned(),
    }
}

/// `url` without its password: the form that may be kept as a setting.
pub fn without_password(url: &str) -> String {
    let masked = mask(url);
    masked.replacen(":***@", "@", 1)
}

/// Checks that `url` is a PostgreSQL address and reads its options.
pub fn parse(url: &str) -> Result<PgConnectOptions> {
    let url = url.trim();
    if url.is_empty() {
        return Err(GroupProblem::NoServer.into());
    }
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(GroupProblem::BadAddress.into());
    }
    PgConnectOptions::from_str(url).map_err(|_| GroupProblem::BadAddress.into())
}

/// Where the password file is looked for when [`PASSWORD_FILE_VAR`] is not set.
pub fn default_password_file() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("com.branchdesk.app").join("group-password"))
}

/// The password in `path` (first line), refusing a file other users could read.
pub fn read_password_file(path: &Path) -> Result<Option<String>> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(GroupProblem::PasswordFileOpen.into());
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .next()
        .map(str::to_owned)
        .filter(|line| !line.is_empty()))
}

/// Writes `password` to `path`, readable and writable by its owner only (an empty password
/// removes the file).
pub fn write_password_file(path: &Path, password: &str) -> Result<()> {
    if password.is_empty() {
        match std::fs::remove_file(path) {
            Ok(()) => return Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(error) => return Err(error.into()),
        }
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    #[cfg(unix)]
    {
        // An older file keeps its mode on open: make it private too.
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    std::io::Write::write_all(&mut file, password.as_bytes())?;
    Ok(())
}

/// The connection options for `url`: its own password, else `PGPASSWORD` (read by sqlx), else
/// the password file.
pub fn options(url: &str) -> Result<PgConnectOptions> {
    let options = parse(url)?;
    let has_password = mask(url) != url || std::env::var_os("PGPASSWORD").is_some();
    if has_password {
        return Ok(options);
    }
    let file = std::env::var_os(PASSWORD_FILE_VAR)
        .map(PathBuf::from)
        .or_else(default_password_file);
    Ok(match file {
        Some(file) => match read_password_file(&file)? {
            Some(password) => options.password(&password),
            None => options,
        },
        None => options,
    })
}

/// Connects to the server at `url` (a small pool: a sync is one stream of batches).
pub async fn connect(url: &str) -> Result<PgPool> {
    connect_with(url, options(url)?).await
}

/// Connects with `options` read from `url` (and perhaps changed, e.g. another role).
pub async fn connect_with(url: &str, options: PgConnectOptions) -> Result<PgPool> {
    tracing::info!(server = %mask(url), "connecting to the group server");
    PgPoolOptions::new()
        .max_connections(2)
        .acquire_timeout(Duration::from_secs(15))
        .connect_with(options)
        .await
        .map_err(super::pg_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_masked_and_the_rest_kept() {
        assert_eq!(
            mask("postgres://sh01:s3cr@t@db.example:5432/group?sslmode=require"),
            "postgres://sh01:***@db.example:5432/group?sslmode=require"
        );
        assert_eq!(
            without_password("postgres://sh01:pw@db/group"),
            "postgres://sh01@db/group"
        );
        assert_eq!(mask("postgres://sh01@db/group"), "postgres://sh01@db/group");
        assert_eq!(mask("postgres://db/group"), "postgres://db/group");
    }

    #[test]
    fn only_postgres_addresses_are_taken() {
        let code = |url: &str| parse(url).err().map(|e| e.code());
        assert_eq!(code(""), Some("group.no_server"));
        assert_eq!(code("http://db/group"), Some("group.bad_address"));
        assert_eq!(
            code("postgres://db:99999999/group"),
            Some("group.bad_address")
        );
        assert_eq!(code("postgres://sh01@db:5432/group"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_password_file_others_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("group-password");
        std::fs::write(&file, "pw\n").expect("write");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let refused = read_password_file(&file).err().map(|e| e.code());
        assert_eq!(refused, Some("group.password_file_open"));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        assert_eq!(
            read_password_file(&file).ok().flatten().as_deref(),
            Some("pw")
        );
    }
}
