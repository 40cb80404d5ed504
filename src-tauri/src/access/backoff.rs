//! How long a user name must wait after wrong sign-ins on one computer. The delay grows but
//! is capped, so nobody (not the only manager either) is ever locked out for good.

/// Wrong tries allowed without any wait (typos happen).
pub const FREE_TRIES: u32 = 3;
/// The longest wait between two tries, in seconds.
pub const MAX_WAIT_SECONDS: i64 = 300;

/// Seconds to wait after `failures` wrong tries in a row: none for the first few, then 2, 4,
/// 8… up to [`MAX_WAIT_SECONDS`].
pub fn wait_seconds(failures: u32) -> i64 {
    if failures < FREE_TRIES {
        return 0;
    }
    let doublings = (failures - FREE_TRIES).min(16);
    (2_i64 << doublings).min(MAX_WAIT_SECONDS)
}

/// Seconds still to wait at `now_unix` after the last failure at `last_unix`.
pub fn remaining(failures: u32, last_unix: i64, now_unix: i64) -> i64 {
    (last_unix + wait_seconds(failures) - now_unix).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_grows_after_the_free_tries_and_stops_growing() {
        assert_eq!(wait_seconds(0), 0);
        assert_eq!(wait_seconds(FREE_TRIES - 1), 0);
        assert_eq!(wait_seconds(FREE_TRIES), 2);
        assert_eq!(wait_seconds(FREE_TRIES + 1), 4);
        assert_eq!(wait_seconds(FREE_TRIES + 2), 8);
        assert_eq!(wait_seconds(1_000), MAX_WAIT_SECONDS);
        assert_eq!(wait_seconds(u32::MAX), MAX_WAIT_SECONDS);
    }

    #[test]
    fn the_remaining_wait_runs_out() {
        assert_eq!(remaining(FREE_TRIES + 1, 100, 101), 3);
        assert_eq!(remaining(FREE_TRIES + 1, 100, 104), 0);
        assert_eq!(remaining(1, 100, 100), 0);
    }
}
