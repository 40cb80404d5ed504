//! A throw-away PostgreSQL server for group-mode tests: `initdb` into a temporary folder as a
//! non-root user (PostgreSQL refuses to run as root, and CI runs as root), started on a free
//! port on 127.0.0.1, stopped when the value is dropped. Where PostgreSQL is not installed the
//! test is skipped with a message, except on CI (`CI` set), where that is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The superuser's password in every test server.
pub const ADMIN_PASSWORD: &str = "admin-pw";

/// A running test server.
pub struct Postgres {
    /// Keeps the cluster's folder alive.
    dir: tempfile::TempDir,
    bin: PathBuf,
    run_as: Option<&'static str>,
    /// The port it listens on.
    pub port: u16,
}

/// The newest `/usr/lib/postgresql/<version>/bin` holding `initdb` and `pg_ctl`.
fn find_bin() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            (bin.join("initdb").exists() && bin.join("pg_ctl").exists()).then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A user PostgreSQL may run as, when the tests run as root.
fn service_user() -> &'static str {
    let exists = |user: &str| {
        Command::new("id")
            .arg(user)
            .output()
            .map(|out| out.status.success())
            .unwrap_or(false)
    };
    if exists("postgres") {
        "postgres"
    } else {
        "nobody"
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

impl Postgres {
    /// Starts a fresh server, or returns `None` (having said why) where PostgreSQL is missing.
    pub fn start() -> Option<Postgres> {
        if cfg!(not(unix)) {
            // The helper runs initdb and pg_ctl as another Unix user (runuser); the Windows
            // build's tests under Wine keep the outbox tests, which need no server.
            eprintln!("SKIPPED: the PostgreSQL test server is started only on Linux and macOS");
            return None;
        }
        let Some(bin) = find_bin() else {
            assert!(
                std::env::var_os("CI").is_none(),
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); CI must install Debian's postgresql package"
            );
            eprintln!(
                "SKIPPED: PostgreSQL is not installed (apt-get install postgresql); group-mode tests need its initdb and pg_ctl"
            );
            return None;
        };
        let dir = tempfile::Builder::new()
            .prefix("branchdesk-pg")
            .tempdir()
            .expect("temp dir");
        let run_as = is_root().then(service_user);
        if let Some(user) = run_as {
            let status = Command::new("chown")
                .args(["-R", &format!("{user}:")])
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown the server folder to {user}");
        }
        let pwfile = dir.path().join("pw");
        std::fs::write(&pwfile, ADMIN_PASSWORD).expect("password file");
        if let Some(user) = run_as {
            Command::new("chown")
                .args([&format!("{user}:")])
                .arg(&pwfile)
                .status()
                .expect("chown");
        }
        let server = Postgres {
            dir,
            bin,
            run_as,
            port: free_port(),
        };
        let data = server.data();
        server.run(
            "initdb",
            &[
                "-D",
                path_arg(&data),
                "-U",
                "postgres",
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "--pwfile",
                path_arg(&pwfile),
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ],
        );
        server.pg_ctl_start();
        Some(server)
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let program = self.bin.join(tool);
        let mut command = match self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        let out = command
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .expect("run a PostgreSQL tool");
        assert!(
            out.status.success(),
            "{tool} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn pg_ctl_start(&self) {
        let data = self.data();
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            data.display()
        );
        let log = self.dir.path().join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                path_arg(&data),
                "-o",
                &options,
                "-l",
                path_arg(&log),
                "-w",
                "start",
            ],
        );
    }

    /// Stops the server at once, as a crash or a pulled cable would (no clean shutdown).
    pub fn kill(&self) {
        self.run(
            "pg_ctl",
            &[
                "-D",
                path_arg(&self.data()),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }

    /// Starts it again after [`Postgres::kill`], on the same port.
    pub fn restart(&self) {
        self.pg_ctl_start();
    }

    /// An address for `role` with `password` in it, on the `postgres` database.
    pub fn url(&self, role: &str, password: &str) -> String {
        format!(
            "postgres://{role}:{password}@127.0.0.1:{}/postgres",
            self.port
        )
    }

    /// The superuser's address.
    pub fn admin_url(&self) -> String {
        self.url("postgres", ADMIN_PASSWORD)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let program = self.bin.join("pg_ctl");
        let data = self.data();
        let mut command = match self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        let _ = command
            .args(["-D", path_arg(&data), "-m", "immediate", "stop"])
            .output();
    }
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}
