//! Outcomes of closed cases, repeat customers, crises and escalations.

use super::*;

#[test]
fn follow_up_and_satisfaction_are_over_the_closed_cases() {
    let closed = |id, called: bool, score: Option<u8>, fen| {
        let mut c = handled(
            id,
            "2026-10-02T00:00:00Z",
            "2026-10-03T00:00:00Z",
            "2026-10-04T00:00:00Z",
        );
        c.outcome = Outcome {
            root_cause: Some("delay".into()),
            called,
            satisfaction: score,
            goodwill_fen: fen,
        };
        c
    };
    let mut still_open = case(9, "2026-10-02T00:00:00Z");
    still_open.outcome.goodwill_fen = 10_000; // recorded but not closed: not counted yet
    let cases = [
        closed(1, true, Some(5), 1_050),
        closed(2, true, Some(3), 0),
        closed(3, false, None, 2_000),
        closed(4, true, Some(4), 0),
        still_open,
    ];
    let f = figures(&cases, &october(LATER));
    assert_eq!(f.follow_up_rate.parts, Some((3, 4)));
    assert_eq!(f.average_satisfaction.value, Some(4.0));
    assert_eq!(f.average_satisfaction.parts, Some((12, 3)));
    assert_eq!(f.satisfied_share.parts, Some((2, 3)));
    assert_eq!(f.goodwill_total.value, Some(30.5));
}

#[test]
fn repeats_need_the_same_customer_within_90_days_before() {
    let with = |id, at: &str, phone: Option<&str>, reference: Option<&str>| {
        let mut c = case(id, at);
        c.phone_key = phone.map(str::to_owned);
        c.reference_key = reference.map(str::to_owned);
        c
    };
    let voided_earlier = walk(
        with(10, "2026-10-01T00:00:00Z", Some("139"), None),
        &[("2026-10-01T01:00:00Z", Invalid)],
    );
    let cases = [
        with(1, "2026-07-20T00:00:00Z", Some("138"), None),
        with(2, "2026-10-15T00:00:00Z", Some("138"), None), // 87 days later: repeat
        with(3, "2026-07-01T00:00:00Z", None, Some("a-12")),
        with(4, "2026-10-10T00:00:00Z", Some("555"), Some("a-12")), // 101 days: not
        with(5, "2026-10-20T00:00:00Z", None, Some("a-12")),        // 10 days after case 4: repeat
        voided_earlier,
        with(6, "2026-10-05T00:00:00Z", Some("139"), None), // only a voided case before
        with(7, "2026-10-06T00:00:00Z", None, None),
    ];
    let f = figures(&cases, &october(LATER));
    assert_eq!(f.repeat_complaints.value, Some(2.0));
}

#[test]
fn crises_and_escalations_count_the_months_valid_cases() {
    let mut crisis = case(1, "2026-10-02T00:00:00Z");
    crisis.grade = 1;
    crisis.channel = Channel::Media;
    let mut regulator = case(2, "2026-10-02T00:00:00Z");
    regulator.channel = Channel::ConsumerAssociation;
    let mut voided = walk(
        case(3, "2026-10-02T00:00:00Z"),
        &[("2026-10-02T01:00:00Z", Invalid)],
    );
    voided.grade = 1;
    voided.channel = Channel::Lawyer;
    let walk_in = {
        let mut c = case(4, "2026-10-02T00:00:00Z");
        c.channel = Channel::WalkIn;
        c
    };
    let f = figures(&[crisis, regulator, voided, walk_in], &october(LATER));
    assert_eq!(f.crises.value, Some(1.0));
    assert_eq!(f.escalated_channels.value, Some(2.0));
    assert_eq!(f.received.value, Some(4.0));
    assert_eq!(f.valid.value, Some(3.0));
}
