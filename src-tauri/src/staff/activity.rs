//! Who was on staff at an instant. Deactivating someone must not rewrite a past month's
//! figures, so every change of the `active` flag is kept and the rule reads them as they
//! stood at the instant asked about. Instants are RFC 3339 UTC text with whole seconds (as
//! the store writes them), which sort in time order.

/// Whether a person created at `created_at`, whose `active` flag changed as in `changes`
/// (`(changed_at, active)`, oldest first), was on staff at `at`: created by then and, by the
/// latest change at or before `at`, active. A person with no change by then was active (new
/// staff start active).
pub fn on_staff_at(created_at: &str, changes: &[(String, bool)], at: &str) -> bool {
    created_at <= at
        && changes
            .iter()
            .take_while(|(changed_at, _)| changed_at.as_str() <= at)
            .last()
            .is_none_or(|(_, active)| *active)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(list: &[(&str, bool)]) -> Vec<(String, bool)> {
        list.iter().map(|(at, a)| ((*at).to_owned(), *a)).collect()
    }

    #[test]
    fn someone_deactivated_after_a_month_end_was_on_staff_at_it() {
        // Deactivated at 00:30 on 1 February in Shanghai (16:30 UTC on 31 January): after
        // January's last instant (15:59:59 UTC), so January still counts them.
        let left = changes(&[
            ("2025-01-01T00:00:00Z", true),
            ("2026-01-31T16:30:00Z", false),
        ]);
        let created = "2025-01-01T00:00:00Z";
        assert!(on_staff_at(created, &left, "2026-01-31T15:59:59Z"));
        assert!(!on_staff_at(created, &left, "2026-02-28T15:59:59Z"));
        assert!(
            !on_staff_at(created, &left, "2026-01-31T16:30:00Z"),
            "the change counts from its instant"
        );
    }

    #[test]
    fn creation_bounds_it_and_a_return_counts_again() {
        let back = changes(&[
            ("2026-01-10T00:00:00Z", false),
            ("2026-03-05T00:00:00Z", true),
        ]);
        let created = "2025-06-01T00:00:00Z";
        assert!(
            !on_staff_at(created, &back, "2025-05-31T23:59:59Z"),
            "not yet created"
        );
        assert!(on_staff_at(created, &back, "2025-12-31T15:59:59Z"));
        assert!(!on_staff_at(created, &back, "2026-02-28T15:59:59Z"));
        assert!(on_staff_at(created, &back, "2026-03-31T15:59:59Z"));
        assert!(
            on_staff_at(created, &[], "2026-03-31T15:59:59Z"),
            "no change: active"
        );
    }
}
