//! Sign-in and roles: who may open the app, what each role may do, and the session that
//! names the author of every change.

pub mod attempts;
pub mod backoff;
pub mod commands;
pub mod mask;
pub mod repo;
pub mod role;
pub mod secret;
pub mod session;

pub use repo::{Account, FirstManager, NewSignIn, SignInSettings};
pub use role::{Permission, Role};
pub use secret::SecretKind;
pub use session::{Actor, Session};

/// This computer's name, the "machine" half of the back-off key (wrong tries on one computer
/// do not slow another down). Falls back to a fixed name when the system does not say.
pub fn machine_name() -> String {
    std::env::var("COMPUTERNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "this computer".to_owned())
}
