//! Which program holds the database locked, when the operating system says. A message that
//! names "python3" or "rsync" tells the user what to close; "another program" leaves them
//! guessing.
//!
//! On Linux, SQLite's locks are POSIX record locks, which `/proc/locks` lists with the owning
//! process and the locked file's device and inode. In WAL mode a writer locks bytes of the
//! `-shm` file; a program that took the database for itself (exclusive locking mode) locks the
//! database file. Elsewhere the answer is always `None`, and the messages say "another program".

use std::path::Path;

/// The name of another process holding a write lock on `db` or its `-shm` file, if the
/// operating system reports one.
pub fn lock_holder(db: &Path) -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        linux::lock_holder(db)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = db;
        None
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    pub(super) fn lock_holder(db: &Path) -> Option<String> {
        let shm = crate::store::side_file(db, "-shm");
        let files: Vec<(u64, u64)> = [db, shm.as_path()]
            .iter()
            .filter_map(|path| std::fs::metadata(path).ok())
            .map(|meta| (meta.dev(), meta.ino()))
            .collect();
        let table = std::fs::read_to_string("/proc/locks").ok()?;
        let pid = holder_pid(&table, &files, std::process::id())?;
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
        Some(name.trim().to_owned()).filter(|name| !name.is_empty())
    }

    /// The first process other than `own_pid` with a POSIX write lock on one of `files`
    /// (device, inode), read from the text of `/proc/locks`.
    pub(super) fn holder_pid(table: &str, files: &[(u64, u64)], own_pid: u32) -> Option<u32> {
        table.lines().find_map(|line| {
            // "1: POSIX  ADVISORY  WRITE 4242 fd:01:1234 120 120"; a blocked request starts
            // with "->" and is a waiter, not a holder.
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [_, "POSIX", _, "WRITE", pid, file, ..] = fields.as_slice() else {
                return None;
            };
            let pid: u32 = pid.parse().ok()?;
            let (dev, ino) = parse_file(file)?;
            (pid != own_pid && files.contains(&(dev, ino))).then_some(pid)
        })
    }

    /// `major:minor:inode` (hexadecimal device numbers) as the `(st_dev, st_ino)` pair.
    fn parse_file(text: &str) -> Option<(u64, u64)> {
        let mut parts = text.split(':');
        let major = u64::from_str_radix(parts.next()?, 16).ok()?;
        let minor = u64::from_str_radix(parts.next()?, 16).ok()?;
        let ino = parts.next()?.parse().ok()?;
        // Linux's new_encode_dev, the st_dev that stat reports.
        let dev = (minor & 0xff) | (major << 8) | ((minor & !0xff) << 12);
        Some((dev, ino))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn finds_another_process_holding_a_write_lock_on_the_file() {
            let table = "\
1: POSIX  ADVISORY  READ 77 fd:01:555 128 128
2: POSIX  ADVISORY  WRITE 42 fd:01:999 120 120
3: POSIX  ADVISORY  WRITE 4242 fd:01:555 120 120
3: -> POSIX  ADVISORY  WRITE 99 fd:01:555 120 120
4: FLOCK  ADVISORY  WRITE 13 fd:01:555 0 EOF
";
            let shm = ((0xfd << 8) | 0x01, 555);
            assert_eq!(holder_pid(table, &[shm], 1), Some(4242));
            assert_eq!(holder_pid(table, &[shm], 4242), None, "not ourselves");
            assert_eq!(holder_pid(table, &[(1, 1)], 1), None);
        }
    }
}
