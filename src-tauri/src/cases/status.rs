//! Where a case is in its lifecycle and which moves between statuses are allowed.

use serde::{Deserialize, Serialize};

use super::text::required_reason;
use super::vocab::vocabulary;
use crate::error::{Error, Result};

vocabulary! {
    /// A case's place in the lifecycle.
    pub enum Status {
        /// Recorded, the customer has not heard back yet.
        New => "new",
        /// The customer has been told the complaint is being handled.
        Acknowledged => "acknowledged",
        /// Facts are being checked.
        Investigating => "investigating",
        /// A solution is being agreed and carried out.
        Resolving => "resolving",
        /// Resolved; waiting for the call-back.
        FollowUp => "follow_up",
        /// Done.
        Closed => "closed",
        /// Closed once, but the problem came back.
        Reopened => "reopened",
        /// Not a valid complaint (misunderstanding, duplicate, not ours…).
        Invalid => "invalid",
    }
}

impl Status {
    /// Whether the case still needs work: neither closed nor found invalid.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Closed | Status::Invalid)
    }

    /// Whether a case may move from `self` to `next`. Staying put is not a move.
    pub fn can_go_to(self, next: Status) -> bool {
        use Status::*;
        matches!(
            (self, next),
            (New, Acknowledged)
                | (Acknowledged, Investigating)
                | (Investigating, Resolving)
                | (Resolving, FollowUp)
                | (FollowUp, Closed)
                | (Closed, Reopened)
                | (Reopened, Investigating)
                // A complaint is found invalid on receipt or while checking facts, never mid-solution.
                | (New, Invalid)
                | (Investigating, Invalid)
        )
    }
}

/// Refuses a move the workflow does not allow, with the stable code `invalid_transition`.
pub fn check_transition(from: Status, to: Status) -> Result<()> {
    if from.can_go_to(to) {
        Ok(())
    } else {
        Err(Error::Transition {
            from: from.as_str(),
            to: to.as_str(),
        })
    }
}

/// Checks a move to [`Status::Invalid`], which needs a written reason (field `invalidReason`).
/// Returns the cleaned reason to store; a reason over 2000 characters is `invalid.too_long`.
pub fn check_invalidation(from: Status, reason: Option<&str>) -> Result<String> {
    check_transition(from, Status::Invalid)?;
    required_reason("invalidReason", reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn every_pair_follows_the_workflow_table() {
        // Rows: from; columns: to, in `Status::ALL` order
        // (new, acknowledged, investigating, resolving, follow_up, closed, reopened, invalid).
        let table: [(Status, [u8; 8]); 8] = [
            (New, [0, 1, 0, 0, 0, 0, 0, 1]),
            (Acknowledged, [0, 0, 1, 0, 0, 0, 0, 0]),
            (Investigating, [0, 0, 0, 1, 0, 0, 0, 1]),
            (Resolving, [0, 0, 0, 0, 1, 0, 0, 0]),
            (FollowUp, [0, 0, 0, 0, 0, 1, 0, 0]),
            (Closed, [0, 0, 0, 0, 0, 0, 1, 0]),
            (Reopened, [0, 0, 1, 0, 0, 0, 0, 0]),
            (Invalid, [0, 0, 0, 0, 0, 0, 0, 0]),
        ];
        for (from, row) in table {
            for (&to, allowed) in Status::ALL.iter().zip(row) {
                let allowed = allowed == 1;
                assert_eq!(from.can_go_to(to), allowed, "{from:?} -> {to:?}");
                assert_eq!(
                    check_transition(from, to).is_ok(),
                    allowed,
                    "{from:?} -> {to:?}"
                );
            }
        }
        assert_eq!(Status::ALL.len(), 8);
    }

    #[test]
    fn a_refused_move_has_a_stable_code_and_names_both_statuses() {
        let err = check_transition(Closed, New).unwrap_err();
        assert_eq!(err.code(), "invalid_transition");
        assert_eq!(err.field(), None);
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "invalid_transition",
                "message": "cannot move a case from closed to new",
                "field": null
            })
        );
        assert!(check_transition(FollowUp, FollowUp).is_err());
    }

    #[test]
    fn only_closed_and_invalid_cases_are_not_open() {
        let open: Vec<Status> = Status::ALL
            .iter()
            .copied()
            .filter(|s| s.is_open())
            .collect();
        assert_eq!(
            open,
            [
                New,
                Acknowledged,
                Investigating,
                Resolving,
                FollowUp,
                Reopened
            ]
        );
    }

    #[test]
    fn invalidation_needs_a_reason_and_an_allowed_move() {
        assert_eq!(
            check_invalidation(New, Some("  重复投诉，同 SH01-202410-0003  ")).unwrap(),
            "重复投诉，同 SH01-202410-0003"
        );
        for blank in [None, Some(""), Some(" \n ")] {
            let err = check_invalidation(Investigating, blank).unwrap_err();
            assert_eq!(err.code(), "invalid.reason_required");
            assert_eq!(err.field(), Some("invalidReason"));
        }
        assert_eq!(
            check_invalidation(Resolving, Some("not ours"))
                .unwrap_err()
                .code(),
            "invalid_transition"
        );
    }
}
