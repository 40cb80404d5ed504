use super::*;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn late_case() -> LateFacts {
    LateFacts {
        status: Status::Investigating,
        paused: false,
        acknowledged_at: Some(at("2026-11-01T02:00:00Z")),
        acknowledge_by: at("2026-11-01T08:00:00Z"),
        due_at: at("2026-11-10T16:00:00Z"),
    }
}

#[test]
fn a_case_is_late_from_the_first_deadline_it_still_owes() {
    let now = at("2026-11-12T00:00:00Z");
    assert_eq!(
        late_since(&late_case(), now),
        Some(at("2026-11-10T16:00:00Z"))
    );
    assert_eq!(late_since(&late_case(), at("2026-11-09T00:00:00Z")), None);
    let unacknowledged = LateFacts {
        acknowledged_at: None,
        ..late_case()
    };
    assert_eq!(
        late_since(&unacknowledged, at("2026-11-02T00:00:00Z")),
        Some(at("2026-11-01T08:00:00Z"))
    );
    for quiet in [
        LateFacts {
            status: Status::FollowUp,
            ..late_case()
        },
        LateFacts {
            status: Status::Closed,
            ..late_case()
        },
        LateFacts {
            status: Status::Invalid,
            ..late_case()
        },
        LateFacts {
            paused: true,
            ..late_case()
        },
    ] {
        assert_eq!(late_since(&quiet, now), None, "{quiet:?}");
    }
}

#[test]
fn the_prompt_goes_quiet_after_an_update_and_returns_after_three_days() {
    let now = at("2026-11-12T00:00:00Z");
    let case = late_case();
    assert!(prompt(&case, None, now).is_some());
    // An update from before the case became late does not count.
    assert!(prompt(&case, Some(at("2026-11-05T00:00:00Z")), now).is_some());
    let told = at("2026-11-11T00:00:00Z");
    assert_eq!(prompt(&case, Some(told), now), None);
    assert_eq!(prompt(&case, Some(told), told + TimeDelta::days(3)), None);
    let again = prompt(
        &case,
        Some(told),
        told + TimeDelta::days(3) + TimeDelta::seconds(1),
    );
    assert_eq!(
        again,
        Some(ProgressPrompt {
            late_since: at("2026-11-10T16:00:00Z"),
            last_update: Some(told)
        })
    );
}

#[test]
fn an_update_needs_a_method_words_and_a_time_inside_the_case() {
    let tz: Tz = "Asia/Shanghai".parse().unwrap();
    let received = at("2026-11-01T00:00:00Z");
    let now = at("2026-11-12T00:00:00Z");
    let input = |method: &str, said: &str, told: Option<&str>| ProgressInput {
        method: method.into(),
        said: said.into(),
        told_at: told.map(str::to_owned),
    };
    let ok = input("message", " 维修师傅明天上门 ", Some("2026-11-11T09:30"))
        .parse(tz, received, now)
        .unwrap();
    assert_eq!(ok.method, ProgressMethod::Message);
    assert_eq!(ok.said, "维修师傅明天上门");
    assert_eq!(ok.told_at, at("2026-11-11T01:30:00Z"));
    assert_eq!(
        input("call", "x", None)
            .parse(tz, received, now)
            .unwrap()
            .told_at,
        now
    );
    for (bad, field) in [
        (input("", "x", None), "method"),
        (input("fax", "x", None), "method"),
        (input("call", "  ", None), "said"),
        (input("call", "x", Some("2026-11-12T09:00")), "toldAt"),
        (input("call", "x", Some("2026-10-30T09:00")), "toldAt"),
        (input("call", "x", Some("yesterday")), "toldAt"),
    ] {
        assert_eq!(
            bad.parse(tz, received, now).unwrap_err().field(),
            Some(field),
            "{bad:?}"
        );
    }
}
