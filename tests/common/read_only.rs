//! Making a file or folder read-only for the test's own user, whoever that is. A normal user is
//! stopped by permissions (`chmod`); root is not, so for root a file gets the immutable
//! attribute (`chattr +i`) and a folder a read-only bind mount over itself. Which one applies is
//! found by trying to write, not assumed. Everything is undone when the value is dropped.
//!
//! Shared by the integration and end-to-end tests (`#[path]`-included, so each binary has its
//! own copy and uses what it needs).

#![allow(dead_code)]

use std::fs::{OpenOptions, Permissions};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a read-only file or folder cannot be had here, or a tool a test needs is missing: skips
/// the test with the reason, except on CI (`CI` set), where the test must run and so fails.
pub fn skip_unless_ci(reason: &str) {
    assert!(std::env::var_os("CI").is_none(), "{reason}");
    eprintln!("SKIPPED: {reason}");
}

/// Whether the command-line program `name` runs here.
pub fn have(name: &str) -> bool {
    Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
}

/// A file that nobody (root included) can write, until dropped.
pub struct ReadOnlyFile {
    path: PathBuf,
    immutable: bool,
}

impl ReadOnlyFile {
    /// Makes `path` read-only, or says why it cannot (`None`, after [`skip_unless_ci`]).
    pub fn new(path: &Path) -> Option<Self> {
        std::fs::set_permissions(path, Permissions::from_mode(0o444)).ok()?;
        if OpenOptions::new().write(true).open(path).is_err() {
            return Some(ReadOnlyFile {
                path: path.to_path_buf(),
                immutable: false,
            });
        }
        // Permissions do not stop this user (root): the immutable attribute does.
        let made = Command::new("chattr").arg("+i").arg(path).status();
        if !made.is_ok_and(|s| s.success()) {
            let _ = std::fs::set_permissions(path, Permissions::from_mode(0o644));
            skip_unless_ci("running as root without `chattr +i`: a file cannot be made read-only");
            return None;
        }
        Some(ReadOnlyFile {
            path: path.to_path_buf(),
            immutable: true,
        })
    }
}

impl Drop for ReadOnlyFile {
    fn drop(&mut self) {
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
        }
        let _ = std::fs::set_permissions(&self.path, Permissions::from_mode(0o644));
    }
}

/// A folder in which nobody (root included) can create or change a file, until dropped.
pub struct ReadOnlyFolder {
    path: PathBuf,
    mounted: bool,
}

impl ReadOnlyFolder {
    /// Makes `folder` read-only, or says why it cannot (`None`, after [`skip_unless_ci`]).
    pub fn new(folder: &Path) -> Option<Self> {
        std::fs::set_permissions(folder, Permissions::from_mode(0o555)).ok()?;
        let probe = folder.join(".write-probe");
        if std::fs::write(&probe, b"").is_err() {
            return Some(ReadOnlyFolder {
                path: folder.to_path_buf(),
                mounted: false,
            });
        }
        let _ = std::fs::remove_file(&probe);
        let _ = std::fs::set_permissions(folder, Permissions::from_mode(0o755));
        // Permissions do not stop this user (root): a read-only bind mount does.
        let made = Command::new("mount")
            .args(["--bind", "-o", "ro"])
            .arg(folder)
            .arg(folder)
            .status();
        if !made.is_ok_and(|s| s.success()) {
            skip_unless_ci(
                "running as root without a read-only bind mount: a folder cannot be made read-only",
            );
            return None;
        }
        Some(ReadOnlyFolder {
            path: folder.to_path_buf(),
            mounted: true,
        })
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        if self.mounted {
            let _ = Command::new("umount").arg(&self.path).status();
        }
        let _ = std::fs::set_permissions(&self.path, Permissions::from_mode(0o755));
    }
}
