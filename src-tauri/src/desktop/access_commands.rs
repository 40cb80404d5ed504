//! Signing in, locking and switching user, and the manager's sign-in administration. The
//! session lives in [`AppState`]; these commands are the only way to change it.

use std::time::Instant;

use serde::{Deserialize, Serialize};
use tauri::State;

use super::AppState;
use crate::access::{self, Account, Actor, FirstManager, NewSignIn, Permission, Role, Session};
use crate::access::{SignInSettings, attempts, repo};
use crate::error::{AccessRefusal, Error, Result};

/// Checks the role for a change to case `case_id`: staff may change only cases they took or
/// are assigned to (`access.not_yours`); managers any.
pub async fn authorize_case(
    state: &AppState,
    permission: Permission,
    case_id: i64,
) -> Result<Actor> {
    let actor = state.authorize(permission)?;
    if actor.role.allows(Permission::HandleAnyCase) {
        return Ok(actor);
    }
    let theirs = match actor.staff_id {
        Some(staff_id) => repo::case_is_theirs(&state.pool()?, case_id, staff_id).await?,
        None => false,
    };
    if theirs {
        Ok(actor)
    } else {
        Err(Error::Access(AccessRefusal::NotYours))
    }
}

/// What the window needs to know about the session.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionStatus {
    /// Whether anyone can sign in yet (if not, the manager creates the first sign-in).
    pub has_sign_ins: bool,
    /// Who is signed in (also while locked, so the lock screen can name them).
    pub account: Option<Account>,
    /// Locked: show the sign-in screen and nothing else.
    pub locked: bool,
    /// Password or PIN, and the idle minutes.
    pub settings: SignInSettings,
    /// Whether the signed-in role sees complainants' names and phones in full.
    pub sees_personal_data: bool,
    /// Before any sign-in exists only: the active staff, so the manager of a database from
    /// before sign-ins can take their own record (and its history) for the first sign-in.
    pub first_run_staff: Vec<crate::staff::Staff>,
}

async fn status(state: &AppState) -> Result<SessionStatus> {
    let pool = state.pool()?;
    let session = state.session();
    let has_sign_ins = repo::has_sign_ins(&pool).await?;
    let first_run_staff = if has_sign_ins {
        Vec::new()
    } else {
        crate::staff::repo::list_staff(&pool, false).await?
    };
    Ok(SessionStatus {
        has_sign_ins,
        first_run_staff,
        locked: session.as_ref().is_none_or(|s| s.locked),
        sees_personal_data: session
            .as_ref()
            .is_some_and(|s| s.account.role.allows(Permission::SeePersonalData)),
        account: session.map(|s| s.account),
        settings: repo::settings(&pool).await?,
    })
}

async fn start_session(state: &AppState, account: Account) -> Result<SessionStatus> {
    let idle = repo::settings(&state.pool()?).await?.idle_minutes;
    state.set_session(Some(Session::new(account, idle, Instant::now())));
    status(state).await
}

#[tauri::command]
pub async fn session_status(state: State<'_, AppState>) -> Result<SessionStatus> {
    state.authorize(Permission::Public)?;
    status(&state).await
}

#[tauri::command]
pub async fn sign_in(
    state: State<'_, AppState>,
    username: String,
    secret: String,
) -> Result<SessionStatus> {
    state.authorize(Permission::Public)?;
    let pool = state.pool()?;
    let account = attempts::sign_in(
        &pool,
        &username,
        &secret,
        &access::machine_name(),
        chrono::Utc::now(),
    )
    .await?;
    start_session(&state, account).await
}

/// The first sign-in and its recovery code (shown once).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FirstSignIn {
    /// The session, signed in as the new manager.
    pub session: SessionStatus,
    /// The recovery code: shown once, kept hashed.
    pub recovery_code: String,
}

#[tauri::command]
pub async fn create_first_manager(
    state: State<'_, AppState>,
    input: FirstManager,
) -> Result<FirstSignIn> {
    state.authorize(Permission::Public)?;
    let (account, recovery_code) = repo::create_first_manager(&state.pool()?, &input).await?;
    Ok(FirstSignIn {
        session: start_session(&state, account).await?,
        recovery_code,
    })
}

/// The forgotten-password path of a manager, as typed on the sign-in screen.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recovery {
    /// The recovery code shown at set-up (or after the last recovery).
    pub code: String,
    /// The manager's user name.
    pub username: String,
    /// The new password or PIN.
    pub secret: String,
}

#[tauri::command]
pub async fn recover_sign_in(state: State<'_, AppState>, input: Recovery) -> Result<String> {
    state.authorize(Permission::Public)?;
    attempts::recover(
        &state.pool()?,
        &input.code,
        &input.username,
        &input.secret,
        &access::machine_name(),
        chrono::Utc::now(),
    )
    .await
}

#[tauri::command]
pub fn lock_session(state: State<'_, AppState>) -> Result<()> {
    state.authorize(Permission::Public)?;
    state.lock();
    Ok(())
}

#[tauri::command]
pub fn sign_out(state: State<'_, AppState>) -> Result<()> {
    state.authorize(Permission::Public)?;
    state.set_session(None);
    Ok(())
}

#[tauri::command]
pub async fn get_sign_in_settings(state: State<'_, AppState>) -> Result<SignInSettings> {
    state.authorize(Permission::SignedIn)?;
    repo::settings(&state.pool()?).await
}

#[tauri::command]
pub async fn update_sign_in_settings(
    state: State<'_, AppState>,
    settings: SignInSettings,
) -> Result<SignInSettings> {
    state.authorize(Permission::Settings)?;
    repo::set_settings(&state.pool()?, settings).await
}

#[tauri::command]
pub async fn list_sign_ins(state: State<'_, AppState>) -> Result<Vec<Account>> {
    state.authorize(Permission::ManageStaff)?;
    repo::list_sign_ins(&state.pool()?).await
}

#[tauri::command]
pub async fn create_sign_in(state: State<'_, AppState>, input: NewSignIn) -> Result<Account> {
    state.authorize(Permission::ManageStaff)?;
    repo::create_sign_in(&state.pool()?, &input).await
}

#[tauri::command]
pub async fn reset_sign_in(
    state: State<'_, AppState>,
    staff_id: i64,
    secret: String,
) -> Result<()> {
    state.authorize(Permission::ManageStaff)?;
    repo::reset_secret(&state.pool()?, staff_id, &secret).await
}

#[tauri::command]
pub async fn set_sign_in_role(
    state: State<'_, AppState>,
    staff_id: i64,
    role: Role,
) -> Result<Account> {
    state.authorize(Permission::ManageStaff)?;
    repo::set_role(&state.pool()?, staff_id, role).await
}
