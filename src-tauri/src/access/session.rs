//! Who is signed in at this window, kept on the Rust side only: the webview can ask to sign in,
//! lock or sign out, never set who it is.

use std::time::{Duration, Instant};

use super::repo::Account;
use super::role::{Permission, Role};
use crate::error::{AccessRefusal, Error, Result};

/// The person a change is recorded under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// Their staff row; `None` is "system" (the CLI before any sign-in exists, backups).
    pub staff_id: Option<i64>,
    /// What they may do.
    pub role: Role,
}

impl Actor {
    /// The CLI on a database nobody can sign in to yet, or a read-only or backup command: the
    /// audit shows no person, which the app displays as "system".
    pub fn system() -> Actor {
        Actor {
            staff_id: None,
            role: Role::Manager,
        }
    }

    /// Refuses what this actor's role does not allow.
    pub fn require(&self, permission: Permission) -> Result<()> {
        if self.role.allows(permission) {
            Ok(())
        } else {
            Err(Error::Access(AccessRefusal::Denied))
        }
    }
}

/// A signed-in person at this window.
#[derive(Debug, Clone)]
pub struct Session {
    /// Their sign-in.
    pub account: Account,
    /// Locked: the window shows nothing until they (or someone else) sign in again.
    pub locked: bool,
    /// When they last did something.
    pub last_used: Instant,
    /// Minutes of no use after which the session locks itself.
    pub idle_minutes: u32,
}

impl Session {
    /// A fresh, unlocked session.
    pub fn new(account: Account, idle_minutes: u32, now: Instant) -> Session {
        Session {
            account,
            locked: false,
            last_used: now,
            idle_minutes,
        }
    }

    /// Checks `permission` for this session at `now`: a locked or idle-expired session is
    /// refused (`access.locked`, and an expired one locks), a role without it is refused
    /// (`access.denied`); otherwise the use counts as activity.
    pub fn authorize(&mut self, permission: Permission, now: Instant) -> Result<Actor> {
        let idle = Duration::from_secs(u64::from(self.idle_minutes) * 60);
        if now.saturating_duration_since(self.last_used) >= idle {
            self.locked = true;
        }
        if self.locked {
            return Err(Error::Access(AccessRefusal::Locked));
        }
        let actor = Actor {
            staff_id: Some(self.account.staff_id),
            role: self.account.role,
        };
        actor.require(permission)?;
        self.last_used = now;
        Ok(actor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(role: Role) -> (Session, Instant) {
        let now = Instant::now();
        let account = Account {
            staff_id: 7,
            name: "李娜".into(),
            username: "lina".into(),
            role,
            active: true,
        };
        (Session::new(account, 10, now), now)
    }

    fn code(result: Result<Actor>) -> &'static str {
        result.map_or_else(|e| e.code(), |_| "ok")
    }

    #[test]
    fn the_actor_is_the_signed_in_person_and_their_role_is_checked() {
        let (mut s, now) = session(Role::Staff);
        let actor = s.authorize(Permission::IntakeCases, now).unwrap();
        assert_eq!(actor.staff_id, Some(7));
        assert_eq!(
            code(s.authorize(Permission::Settings, now)),
            "access.denied"
        );
    }

    #[test]
    fn a_locked_session_refuses_everything_even_reading() {
        let (mut s, now) = session(Role::Manager);
        s.locked = true;
        assert_eq!(
            code(s.authorize(Permission::ReadCases, now)),
            "access.locked"
        );
    }

    #[test]
    fn idle_minutes_lock_the_session_and_use_keeps_it_open() {
        let (mut s, now) = session(Role::Manager);
        let nine = now + Duration::from_secs(9 * 60);
        assert!(s.authorize(Permission::ReadCases, nine).is_ok());
        let eighteen = now + Duration::from_secs(18 * 60);
        assert!(s.authorize(Permission::ReadCases, eighteen).is_ok());
        let much_later = eighteen + Duration::from_secs(10 * 60);
        assert_eq!(
            code(s.authorize(Permission::ReadCases, much_later)),
            "access.locked"
        );
        assert!(s.locked);
        assert_eq!(
            code(s.authorize(Permission::ReadCases, much_later)),
            "access.locked"
        );
    }
}
