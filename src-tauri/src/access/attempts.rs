//! Signing in and the recovery path: the same answer and work for a wrong password, an
//! unknown user name and a former member, and a growing wait after wrong tries in a row.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::backoff;
use super::repo::{
    Account, RECOVERY_KEY, get_sign_in, read_setting, reset_secret, username_key, write_setting,
};
use super::secret;
use crate::error::{AccessRefusal, Error, Result};

/// The user name the recovery code's back-off is kept under (no user name has a space).
const RECOVERY_BACKOFF_KEY: &str = "recovery code";

/// Checks a sign-in. Wrong password, unknown user name and former staff get the same answer
/// (`access.wrong_sign_in`) after the same work (an argon2 verification); after a few wrong
/// tries in a row for a name on this `machine`, tries are refused (`access.wait`) until the
/// growing delay has passed.
pub async fn sign_in(
    pool: &SqlitePool,
    username: &str,
    secret: &str,
    machine: &str,
    now: DateTime<Utc>,
) -> Result<Account> {
    let key = username_key(username);
    wait_if_needed(pool, &key, machine, now).await?;
    let row: Option<(i64, String, bool)> = sqlx::query_as(
        "SELECT s.staff_id, s.secret_hash, st.active FROM sign_ins s
         JOIN staff st ON st.id = s.staff_id WHERE s.username_key = ?",
    )
    .bind(&key)
    .fetch_optional(pool)
    .await?;
    let verified = match &row {
        Some((staff_id, hash, active)) => {
            let matches = secret::verify(secret, hash);
            (matches && *active).then_some(*staff_id)
        }
        None => {
            secret::verify_dummy(secret);
            None
        }
    };
    match verified {
        Some(staff_id) => {
            clear_failures(pool, &key, machine).await?;
            get_sign_in(pool, staff_id).await
        }
        None => {
            record_failure(pool, &key, machine, now).await?;
            Err(Error::Access(AccessRefusal::WrongSignIn))
        }
    }
}

async fn wait_if_needed(
    pool: &SqlitePool,
    key: &str,
    machine: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let row: Option<(u32, String)> = sqlx::query_as(
        "SELECT failures, last_failed_at FROM sign_in_failures WHERE username_key = ? AND machine = ?",
    )
    .bind(key)
    .bind(machine)
    .fetch_optional(pool)
    .await?;
    if let Some((failures, last)) = row {
        let last = DateTime::parse_from_rfc3339(&last).map_or(0, |t| t.timestamp());
        if backoff::remaining(failures, last, now.timestamp()) > 0 {
            return Err(Error::Access(AccessRefusal::Wait));
        }
    }
    Ok(())
}

async fn record_failure(
    pool: &SqlitePool,
    key: &str,
    machine: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sign_in_failures (username_key, machine, failures, last_failed_at)
         VALUES (?, ?, 1, ?)
         ON CONFLICT (username_key, machine) DO UPDATE
         SET failures = failures + 1, last_failed_at = excluded.last_failed_at",
    )
    .bind(key)
    .bind(machine)
    .bind(now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    .execute(pool)
    .await?;
    Ok(())
}

async fn clear_failures(pool: &SqlitePool, key: &str, machine: &str) -> Result<()> {
    sqlx::query("DELETE FROM sign_in_failures WHERE username_key = ? AND machine = ?")
        .bind(key)
        .bind(machine)
        .execute(pool)
        .await?;
    Ok(())
}

/// The forgotten-password path of a manager: the recovery code shown at set-up resets the
/// password of the manager `username`. The code is used up; a new one is returned, to be kept
/// in its place. Wrong codes are slowed down like wrong passwords.
pub async fn recover(
    pool: &SqlitePool,
    code: &str,
    username: &str,
    new_secret: &str,
    machine: &str,
    now: DateTime<Utc>,
) -> Result<String> {
    wait_if_needed(pool, RECOVERY_BACKOFF_KEY, machine, now).await?;
    let stored = read_setting(pool, RECOVERY_KEY).await?;
    let code_ok = stored.is_some_and(|phc| secret::verify(&secret::fold_recovery_code(code), &phc));
    let manager: Option<i64> = sqlx::query_scalar(
        "SELECT staff_id FROM sign_ins WHERE username_key = ? AND role = 'manager'",
    )
    .bind(username_key(username))
    .fetch_optional(pool)
    .await?;
    let Some(staff_id) = manager.filter(|_| code_ok) else {
        record_failure(pool, RECOVERY_BACKOFF_KEY, machine, now).await?;
        return Err(Error::Access(AccessRefusal::WrongSignIn));
    };
    reset_secret(pool, staff_id, new_secret).await?;
    let code = secret::new_recovery_code();
    write_setting(
        pool,
        RECOVERY_KEY,
        &secret::hash(&secret::fold_recovery_code(&code))?,
    )
    .await?;
    clear_failures(pool, RECOVERY_BACKOFF_KEY, machine).await?;
    clear_failures(pool, &username_key(username), machine).await?;
    Ok(code)
}
