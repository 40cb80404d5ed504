use super::*;
use Status::*;

fn input(justified: Option<bool>, cause: &str, fault: &str) -> JudgementInput {
    JudgementInput {
        justified,
        cause: cause.into(),
        fault: fault.into(),
    }
}

#[test]
fn a_verdict_needs_all_three_parts_and_a_cause_from_the_matching_list() {
    let ok = input(Some(true), "billing_error", "branch")
        .parse()
        .unwrap();
    assert_eq!(
        ok,
        Judgement {
            justified: true,
            cause: "billing_error",
            fault: Fault::Branch
        }
    );
    assert_eq!(ok.summary(), "justified/billing_error/branch");
    let not = input(Some(false), " mood ", "customer").parse().unwrap();
    assert_eq!((not.justified, not.cause), (false, "mood"));
    for (bad, field, code) in [
        (
            input(None, "mood", "customer"),
            "justified",
            "invalid.required",
        ),
        (
            input(Some(true), " ", "branch"),
            "judgementCause",
            "invalid.required",
        ),
        (
            input(Some(true), "branch", ""),
            "judgementCause",
            "invalid.choice",
        ),
        (
            input(Some(true), "mood", "branch"),
            "judgementCause",
            "invalid.choice",
        ),
        (
            input(Some(false), "damage", "branch"),
            "judgementCause",
            "invalid.choice",
        ),
        (input(Some(true), "damage", ""), "fault", "invalid.required"),
        (
            input(Some(true), "damage", "<img onerror=x>"),
            "fault",
            "invalid.choice",
        ),
    ] {
        let err = bad.parse().unwrap_err();
        assert_eq!((err.field(), err.code()), (Some(field), code), "{bad:?}");
    }
}

#[test]
fn only_leaving_verification_needs_a_verdict_and_a_stored_one_will_do() {
    let verdict = input(Some(true), "damage", "third_party");
    let stored = verdict.parse().ok();
    assert_eq!(
        check_verification(Investigating, Resolving, None, None)
            .unwrap_err()
            .field(),
        Some("justified")
    );
    assert_eq!(
        check_verification(Investigating, Resolving, None, Some(&verdict)).unwrap(),
        stored
    );
    assert_eq!(
        check_verification(Investigating, Resolving, stored, None).unwrap(),
        None
    );
    for (from, to) in [
        (New, Acknowledged),
        (Acknowledged, Investigating),
        (Investigating, Invalid),
        (Resolving, FollowUp),
    ] {
        assert_eq!(check_verification(from, to, None, None).unwrap(), None);
    }
}

#[test]
fn changing_a_recorded_verdict_needs_a_reason_but_the_first_does_not() {
    let verdict = input(Some(false), "misunderstanding", "customer");
    let (first, reason) = check_judgement_edit(Resolving, None, &verdict, None).unwrap();
    assert_eq!((first.cause, reason.as_str()), ("misunderstanding", ""));
    let err = check_judgement_edit(Resolving, Some(first), &verdict, Some("  ")).unwrap_err();
    assert_eq!(
        (err.field(), err.code()),
        (Some("judgementReason"), "invalid.reason_required")
    );
    let (_, reason) =
        check_judgement_edit(Closed, Some(first), &verdict, Some(" 复核录音后更正 ")).unwrap();
    assert_eq!(reason, "复核录音后更正");
    assert_eq!(
        check_judgement_edit(Invalid, None, &verdict, None)
            .unwrap_err()
            .code(),
        "invalid.choice"
    );
}

#[test]
fn a_stored_verdict_reads_back_only_when_whole() {
    assert_eq!(
        Judgement::from_stored(Some(true), Some("damage"), Some("branch")).map(|j| j.fault),
        Some(Fault::Branch)
    );
    assert_eq!(
        Judgement::from_stored(Some(true), None, Some("branch")),
        None
    );
    assert_eq!(
        Judgement::from_stored(None, Some("damage"), Some("branch")),
        None
    );
}
