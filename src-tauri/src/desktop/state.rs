//! What the window keeps while it runs: the database path and its pool (or why it failed).
//! The pool can be replaced while the app runs: a restore closes it and opens the restored file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use sqlx::SqlitePool;

use crate::access::{Actor, Permission, Session};
use crate::error::{AccessRefusal, Error, ErrorPayload, Result};
use crate::store::startup;

/// The app's shared state, managed by Tauri.
pub struct AppState {
    db_path: RwLock<PathBuf>,
    pool: RwLock<std::result::Result<SqlitePool, ErrorPayload>>,
    /// Files this session wrote (exports), the only ones the window may ask to open or reveal.
    written: Mutex<HashSet<PathBuf>>,
    /// Who is signed in at this window (Rust's state only; the webview cannot set it).
    session: Mutex<Option<Session>>,
}

/// Opens the database; a failure is kept so the UI can explain it instead of crashing.
async fn open_pool(db_path: &Path) -> std::result::Result<SqlitePool, ErrorPayload> {
    startup::open_for_writing(db_path).await.map_err(|error| {
        tracing::error!(%error, path = %db_path.display(), "could not open the database");
        ErrorPayload::from(&error)
    })
}

impl AppState {
    /// Opens the database at `db_path`.
    pub async fn open(db_path: PathBuf) -> Self {
        let pool = RwLock::new(open_pool(&db_path).await);
        AppState {
            db_path: RwLock::new(db_path),
            pool,
            written: Mutex::default(),
            session: Mutex::default(),
        }
    }

    /// The database file in use.
    pub fn db_path(&self) -> PathBuf {
        self.db_path
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// The pool (a cheap handle), or a database error when it could not be opened. The lock is
    /// only held to clone the handle, never across an await.
    pub fn pool(&self) -> Result<SqlitePool> {
        let guard = self
            .pool
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard
            .as_ref()
            .cloned()
            .map_err(|_| Error::Database(sqlx::Error::PoolClosed))
    }

    /// Why the database could not be opened, if it could not.
    pub fn startup_error(&self) -> Option<ErrorPayload> {
        let guard = self
            .pool
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.as_ref().err().cloned()
    }

    /// Switches to another database file for this session (the start-up screen's "open
    /// another data file"), closing the current pool if there is one.
    pub async fn switch_to(&self, db_path: PathBuf) -> Result<()> {
        if let Ok(pool) = self.pool() {
            crate::store::close(pool).await;
        }
        *self
            .db_path
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = db_path;
        self.reopen().await
    }

    /// Opens the database file again (after a restore replaced it, or to retry after a
    /// start-up fault) and uses the new pool. Whoever was signed in is signed out: the file's
    /// sign-ins may not be the ones they signed in with.
    pub async fn reopen(&self) -> Result<()> {
        self.set_session(None);
        let reopened = open_pool(&self.db_path()).await;
        let failed = reopened.is_err();
        *self
            .pool
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = reopened;
        if failed {
            return Err(Error::Database(sqlx::Error::PoolClosed));
        }
        Ok(())
    }

    /// Remembers that this session wrote `path`.
    pub fn remember_written(&self, path: &Path) {
        self.written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(path.to_path_buf());
    }

    /// Whether this session wrote `path`.
    pub fn was_written(&self, path: &Path) -> bool {
        self.written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .contains(path)
    }

    /// The one gate of every command: checks that someone is signed in, the window is not
    /// locked (nor idle past the branch's minutes, which locks it) and their role allows
    /// `permission`, and returns them as the author of what follows. `Public` needs nobody.
    pub fn authorize(&self, permission: Permission) -> Result<Actor> {
        if permission == Permission::Public {
            return Ok(Actor::system());
        }
        let mut session = self.session.lock().unwrap_or_else(|p| p.into_inner());
        match session.as_mut() {
            Some(session) => session.authorize(permission, std::time::Instant::now()),
            None => Err(Error::Access(AccessRefusal::SignedOut)),
        }
    }

    /// [`AppState::authorize`], except while the database could not be opened at start-up:
    /// then nobody can sign in, and the fault screen's ways out (listing and restoring
    /// backups, opening another file) are open to whoever has the computer's account, which
    /// could replace the file anyway.
    pub fn authorize_unless_start_up_fault(&self, permission: Permission) -> Result<()> {
        if self.startup_error().is_some() {
            return Ok(());
        }
        self.authorize(permission).map(|_| ())
    }

    /// A copy of the session, if someone is signed in.
    pub fn session(&self) -> Option<Session> {
        self.session
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Signs someone in (replacing whoever was), or everyone out with `None`.
    pub fn set_session(&self, session: Option<Session>) {
        *self.session.lock().unwrap_or_else(|p| p.into_inner()) = session;
    }

    /// Locks the window: the session stays, but every data command is refused until someone
    /// signs in again.
    pub fn lock(&self) {
        if let Some(session) = self
            .session
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut()
        {
            session.locked = true;
        }
    }
}
