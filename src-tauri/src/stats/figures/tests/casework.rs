//! Justified complaints, fault shares and late cases kept informed.

use super::*;
use crate::cases::judgement::Fault;

#[test]
fn justified_and_fault_shares_count_the_judged_cases_as_judged_now() {
    let judged = |id, justified, fault| {
        let mut c = handled(
            id,
            "2026-10-02T02:00:00Z",
            "2026-10-03T02:00:00Z",
            "2026-10-04T02:00:00Z",
        );
        c.judgement = Some((justified, fault));
        c
    };
    let voided = {
        let mut c = walk(
            case(9, "2026-10-05T02:00:00Z"),
            &[("2026-10-05T03:00:00Z", Invalid)],
        );
        c.judgement = Some((true, Fault::Branch));
        c
    };
    let cases = [
        judged(1, true, Fault::Branch),
        judged(2, true, Fault::ThirdParty),
        judged(3, false, Fault::Customer),
        judged(4, true, Fault::Branch),
        case(5, "2026-10-06T02:00:00Z"),
        voided,
    ];
    let f = figures(&cases, &october(LATER));
    assert_eq!(f.justified_complaints, Figure::count(3));
    assert_eq!(f.fault_branch_share, Figure::share(2, 4));
    assert_eq!(f.fault_third_party_share, Figure::share(1, 4));
    assert_eq!(f.fault_customer_share, Figure::share(1, 4));
    assert_eq!(f.fault_other_department_share, Figure::share(0, 4));
    let nobody = figures(&cases[4..5], &october(LATER));
    assert_eq!(nobody.fault_branch_share.value, None);
}

#[test]
fn kept_informed_counts_late_cases_told_after_they_became_late_and_before_the_month_ends() {
    // Resolve deadline: received + 3 days; acknowledge: + 1 hour.
    let late = |id, updates: &[&str]| {
        let mut c = walk(
            case(id, "2026-10-10T02:00:00Z"),
            &[("2026-10-10T02:30:00Z", Acknowledged)],
        );
        c.progress_updates = updates.iter().map(|t| utc(t)).collect();
        c
    };
    let cases = [
        late(1, &["2026-10-14T02:00:00Z"]),
        // Told before it was late: that was not a progress update on a late case.
        late(2, &["2026-10-11T02:00:00Z"]),
        late(3, &[]),
        // Told only after the month ended.
        late(4, &["2026-11-02T02:00:00Z"]),
        // Acknowledged late, told in between.
        {
            let mut c = walk(
                case(5, "2026-10-20T02:00:00Z"),
                &[("2026-10-20T05:00:00Z", Acknowledged)],
            );
            c.progress_updates = vec![utc("2026-10-20T04:00:00Z")];
            c
        },
        // On time throughout: not late, whatever it was told.
        handled(
            6,
            "2026-10-02T02:00:00Z",
            "2026-10-03T02:00:00Z",
            "2026-10-04T02:00:00Z",
        ),
    ];
    let period = october(LATER);
    let customers = CustomerHistory::of_cases(&cases);
    let sets = MonthSets::new(&cases, &customers, &period);
    let f = figures_of(&sets);
    assert_eq!(f.kept_informed_share, Figure::share(2, 5));
    let members = sets.members("kept_informed_share").unwrap();
    assert_eq!(members.all, [1, 2, 3, 4, 5]);
    assert_eq!(members.hits, Some(vec![1, 5]));
    // Judged on 12 October, none of them was late yet.
    let mid = figures(&cases, &october("2026-10-12T00:00:00Z"));
    assert_eq!(mid.kept_informed_share, Figure::share(0, 0));
}
