//! Writing to stdout and stderr without panicking. `println!` panics when the stream is gone
//! (`branchdesk-cli info | head -0`, a closed terminal); by then the command's work is done or
//! not done, and the exit code must say which, not a panic's 101. This crate forbids `unsafe`,
//! so SIGPIPE stays ignored (Rust's default) and a write to a closed pipe fails with
//! `BrokenPipe`, which these helpers drop. Any other write error is dropped too: the text is a
//! report on the work, and losing it must not turn a committed change into a failure.

use std::fmt::Arguments;
use std::io::Write;

/// Writes one line to stdout; a closed or failing stdout is ignored.
pub fn out_line(args: Arguments<'_>) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_fmt(args)
        .and_then(|()| stdout.write_all(b"\n"));
}

/// Writes text to stdout as it is; a closed or failing stdout is ignored.
pub fn out_text(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Writes one line to stderr; a closed or failing stderr is ignored.
pub fn err_line(args: Arguments<'_>) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_fmt(args)
        .and_then(|()| stderr.write_all(b"\n"));
}

/// `println!` that never panics (see the module's note).
macro_rules! say {
    () => {
        $crate::cli::output::out_text("\n")
    };
    ($($arg:tt)*) => {
        $crate::cli::output::out_line(format_args!($($arg)*))
    };
}

/// `eprintln!` that never panics (see the module's note).
macro_rules! complain {
    ($($arg:tt)*) => {
        $crate::cli::output::err_line(format_args!($($arg)*))
    };
}

pub(crate) use {complain, say};
