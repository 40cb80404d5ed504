//! SQL for sign-ins: creating them, checking a sign-in with back-off, resets, roles, the
//! branch's sign-in settings and the recovery code.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::role::Role;
use super::secret::{self, SecretKind};
use crate::error::{AccessRefusal, Error, Invalid, Result};
use crate::input::{MAX_NAME_CHARS, required_line};

const SECRET_KIND_KEY: &str = "sign_in_secret_kind";
const IDLE_MINUTES_KEY: &str = "idle_lock_minutes";
pub(super) const RECOVERY_KEY: &str = "recovery_code_hash";
/// Minutes of no use before the window locks, unless the branch chose otherwise.
pub const DEFAULT_IDLE_MINUTES: u32 = 10;

/// A person's sign-in, as lists and the session show it (never the hash).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// The staff member it belongs to.
    pub staff_id: i64,
    /// Their name in the staff directory.
    pub name: String,
    /// The user name, as created.
    pub username: String,
    /// Their role.
    pub role: Role,
    /// Whether the staff member is active (a former member cannot sign in).
    pub active: bool,
}

/// The branch's sign-in settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInSettings {
    /// Password or 6-digit PIN.
    pub secret_kind: SecretKind,
    /// Minutes of no use before the window locks (1–240).
    pub idle_minutes: u32,
}

/// A new sign-in as the manager typed it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewSignIn {
    /// The staff member it is for.
    pub staff_id: i64,
    /// User name, unique at the branch ignoring case.
    pub username: String,
    /// Role.
    pub role: Role,
    /// First password or PIN.
    pub secret: String,
}

/// The first manager's sign-in: a new staff member named `name`, or `staff_id` of an existing
/// one (a database upgraded from before sign-ins).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FirstManager {
    /// An existing staff member, or none to add `name`.
    #[serde(default)]
    pub staff_id: Option<i64>,
    /// The manager's full name when added.
    #[serde(default)]
    pub name: String,
    /// User name.
    pub username: String,
    /// Password or PIN.
    pub secret: String,
}

type AccountRow = (i64, String, String, String, bool);

fn account((staff_id, name, username, role, active): AccountRow) -> Result<Account> {
    Ok(Account {
        staff_id,
        name,
        username,
        role: Role::parse("role", &role)?,
        active,
    })
}

const ACCOUNT_SQL: &str = "SELECT s.staff_id, st.name, s.username, s.role, st.active
     FROM sign_ins s JOIN staff st ON st.id = s.staff_id";

/// A user name folded for comparison: trimmed, lower case.
pub fn username_key(username: &str) -> String {
    username.trim().to_lowercase()
}

fn parse_username(username: &str) -> Result<String> {
    let name = required_line("username", username, MAX_NAME_CHARS)?;
    if name.chars().any(char::is_whitespace) {
        return Err(Error::invalid("username", Invalid::Username));
    }
    Ok(name)
}

/// Whether anyone can sign in yet (before the first one, the CLI acts as "system").
pub async fn has_sign_ins(pool: &SqlitePool) -> Result<bool> {
    Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM sign_ins)")
        .fetch_one(pool)
        .await?)
}

/// Every sign-in, by name.
pub async fn list_sign_ins(pool: &SqlitePool) -> Result<Vec<Account>> {
    let rows: Vec<AccountRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ACCOUNT_SQL} ORDER BY st.active DESC, st.name COLLATE NOCASE, s.staff_id"
    )))
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(account).collect()
}

/// One staff member's sign-in.
pub async fn get_sign_in(pool: &SqlitePool, staff_id: i64) -> Result<Account> {
    let row: Option<AccountRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ACCOUNT_SQL} WHERE s.staff_id = ?"
    )))
    .bind(staff_id)
    .fetch_optional(pool)
    .await?;
    row.map(account).transpose()?.ok_or(Error::NotFound)
}

/// The branch's sign-in settings (defaults until changed).
pub async fn settings(pool: &SqlitePool) -> Result<SignInSettings> {
    let kind = read_setting(pool, SECRET_KIND_KEY).await?;
    let idle = read_setting(pool, IDLE_MINUTES_KEY).await?;
    Ok(SignInSettings {
        secret_kind: kind
            .and_then(|k| SecretKind::parse("secretKind", &k).ok())
            .unwrap_or(SecretKind::Password),
        idle_minutes: idle
            .and_then(|m| m.parse().ok())
            .unwrap_or(DEFAULT_IDLE_MINUTES),
    })
}

/// Changes the sign-in settings. Existing secrets stay valid until reset.
pub async fn set_settings(pool: &SqlitePool, settings: SignInSettings) -> Result<SignInSettings> {
    if !(1..=240).contains(&settings.idle_minutes) {
        return Err(Error::invalid("idleMinutes", Invalid::Range));
    }
    write_setting(pool, SECRET_KIND_KEY, settings.secret_kind.as_str()).await?;
    write_setting(pool, IDLE_MINUTES_KEY, &settings.idle_minutes.to_string()).await?;
    Ok(settings)
}

pub(super) async fn read_setting(pool: &SqlitePool, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
            .bind(key)
            .fetch_optional(pool)
            .await?,
    )
}

pub(super) async fn write_setting(pool: &SqlitePool, key: &str, value: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(pool)
    .await?;
    Ok(())
}

/// Creates the first manager's sign-in (only while there is none) and returns it with the
/// recovery code, shown once; only its hash is kept.
pub async fn create_first_manager(
    pool: &SqlitePool,
    first: &FirstManager,
) -> Result<(Account, String)> {
    let username = parse_username(&first.username)?;
    let kind = settings(pool).await?.secret_kind;
    secret::check_new(kind, "secret", &first.secret)?;
    let staff_id = match first.staff_id {
        Some(id) => crate::staff::repo::get_staff(pool, id).await?.id,
        None => {
            let name = required_line("name", &first.name, MAX_NAME_CHARS)?;
            let staff = crate::staff::model::StaffInput {
                name,
                ..Default::default()
            };
            // Checked before any row is written, so a taken sign-in adds no stray staff row.
            if has_sign_ins(pool).await? {
                return Err(Error::AlreadyInitialized);
            }
            crate::staff::repo::add_staff(pool, &staff.parse()?)
                .await?
                .id
        }
    };
    let hash = secret::hash(&first.secret)?;
    let code = secret::new_recovery_code();
    let code_hash = secret::hash(&secret::fold_recovery_code(&code))?;
    let mut tx = crate::store::begin_write(pool).await?;
    let taken: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM sign_ins)")
        .fetch_one(&mut *tx)
        .await?;
    if taken {
        return Err(Error::AlreadyInitialized);
    }
    insert(&mut tx, staff_id, &username, Role::Manager, &hash).await?;
    sqlx::query(
        "INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(RECOVERY_KEY)
    .bind(&code_hash)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((get_sign_in(pool, staff_id).await?, code))
}

async fn insert(
    conn: &mut sqlx::SqliteConnection,
    staff_id: i64,
    username: &str,
    role: Role,
    hash: &str,
) -> Result<()> {
    let now = crate::store::now_utc();
    sqlx::query(
        "INSERT INTO sign_ins (staff_id, username, username_key, role, secret_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(staff_id)
    .bind(username)
    .bind(username_key(username))
    .bind(role.as_str())
    .bind(hash)
    .bind(&now)
    .bind(&now)
    .execute(conn)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            if db.message().contains("username_key") {
                Error::Duplicate {
                    field: "username".into(),
                }
            } else {
                Error::Duplicate {
                    field: "staffId".into(),
                }
            }
        }
        _ => Error::Database(e),
    })?;
    Ok(())
}

/// Gives a staff member a sign-in.
pub async fn create_sign_in(pool: &SqlitePool, new: &NewSignIn) -> Result<Account> {
    let username = parse_username(&new.username)?;
    let kind = settings(pool).await?.secret_kind;
    secret::check_new(kind, "secret", &new.secret)?;
    crate::staff::repo::get_staff(pool, new.staff_id).await?;
    let hash = secret::hash(&new.secret)?;
    let mut conn = pool.acquire().await?;
    insert(&mut conn, new.staff_id, &username, new.role, &hash).await?;
    drop(conn);
    get_sign_in(pool, new.staff_id).await
}

/// Sets a new password or PIN (a manager's reset, or the recovery path).
pub async fn reset_secret(pool: &SqlitePool, staff_id: i64, new_secret: &str) -> Result<()> {
    let kind = settings(pool).await?.secret_kind;
    secret::check_new(kind, "secret", new_secret)?;
    let hash = secret::hash(new_secret)?;
    let done =
        sqlx::query("UPDATE sign_ins SET secret_hash = ?, updated_at = ? WHERE staff_id = ?")
            .bind(hash)
            .bind(crate::store::now_utc())
            .bind(staff_id)
            .execute(pool)
            .await?;
    crate::store::found(done)
}

/// Changes a role; the branch's last active manager keeps theirs.
pub async fn set_role(pool: &SqlitePool, staff_id: i64, role: Role) -> Result<Account> {
    if role != Role::Manager {
        ensure_not_last_manager(pool, staff_id).await?;
    }
    let done = sqlx::query("UPDATE sign_ins SET role = ?, updated_at = ? WHERE staff_id = ?")
        .bind(role.as_str())
        .bind(crate::store::now_utc())
        .bind(staff_id)
        .execute(pool)
        .await?;
    crate::store::found(done)?;
    get_sign_in(pool, staff_id).await
}

/// Refuses when `staff_id` is the only active manager who can sign in (demoting or
/// deactivating them would leave nobody to manage the branch).
pub async fn ensure_not_last_manager(pool: &SqlitePool, staff_id: i64) -> Result<()> {
    let others: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sign_ins s JOIN staff st ON st.id = s.staff_id
         WHERE s.role = 'manager' AND st.active = 1 AND s.staff_id <> ?",
    )
    .bind(staff_id)
    .fetch_one(pool)
    .await?;
    let is_manager: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sign_ins WHERE staff_id = ? AND role = 'manager')",
    )
    .bind(staff_id)
    .fetch_one(pool)
    .await?;
    if is_manager && others == 0 {
        return Err(Error::Access(AccessRefusal::LastManager));
    }
    Ok(())
}

/// Whether staff member `staff_id` took case `case_id` or is assigned to it.
pub async fn case_is_theirs(pool: &SqlitePool, case_id: i64, staff_id: i64) -> Result<bool> {
    let row: Option<bool> =
        sqlx::query_scalar("SELECT taken_by_id IS ? OR assignee_id IS ? FROM cases WHERE id = ?")
            .bind(staff_id)
            .bind(staff_id)
            .bind(case_id)
            .fetch_optional(pool)
            .await?;
    row.ok_or(Error::NotFound)
}
