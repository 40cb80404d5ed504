use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn resolution_input() -> ResolutionInput {
    ResolutionInput {
        action_taken: "更换了损坏的门禁卡，并当面致歉。\n已补发停车券。".into(),
        customer_accepted: true,
        goodwill: Some("120.5".into()),
        root_cause: "facilities".into(),
    }
}

fn called() -> FollowUpInput {
    FollowUpInput {
        called_on: Some("2024-11-05".into()),
        satisfaction: Some(4),
        comment: Some("满意".into()),
        ..FollowUpInput::default()
    }
}

#[test]
fn a_full_resolution_parses() {
    let resolution = resolution_input().parse().unwrap();
    assert_eq!(resolution.goodwill.fen(), 12_050);
    assert_eq!(resolution.root_cause, RootCause::Facilities);
    assert!(resolution.action_taken.contains('\n'));
    let json = serde_json::to_value(&resolution).unwrap();
    assert_eq!(json["goodwill"], 12_050);
    assert_eq!(json["rootCause"], "facilities");
    assert_eq!(json["customerAccepted"], true);
}

#[test]
fn goodwill_is_optional_but_checked_when_given() {
    for none in [None, Some(String::new()), Some("  ".into())] {
        let input = ResolutionInput {
            goodwill: none,
            ..resolution_input()
        };
        assert_eq!(input.parse().unwrap().goodwill, Money::ZERO);
    }
    for (bad, code) in [
        ("=1+1", "invalid.money"),
        ("-20", "invalid.range"),
        ("1.234", "invalid.money"),
    ] {
        let input = ResolutionInput {
            goodwill: Some(bad.into()),
            ..resolution_input()
        };
        let err = input.parse().unwrap_err();
        assert_eq!((err.field(), err.code()), (Some("goodwill"), code), "{bad}");
    }
}

#[test]
fn a_resolution_needs_what_was_done_and_a_known_root_cause() {
    let blank = ResolutionInput {
        action_taken: " \n ".into(),
        ..resolution_input()
    };
    let err = blank.parse().unwrap_err();
    assert_eq!(
        (err.field(), err.code()),
        (Some("actionTaken"), "invalid.required")
    );
    let long = ResolutionInput {
        action_taken: "做".repeat(2001),
        ..resolution_input()
    };
    assert_eq!(long.parse().unwrap_err().code(), "invalid.too_long");
    assert!(
        ResolutionInput {
            action_taken: "做".repeat(2000),
            ..resolution_input()
        }
        .parse()
        .is_ok()
    );
    let cause = ResolutionInput {
        root_cause: "bad_luck".into(),
        ..resolution_input()
    };
    assert_eq!(cause.parse().unwrap_err().field(), Some("rootCause"));
}

#[test]
fn a_call_back_records_day_satisfaction_and_comment() {
    let outcome = called()
        .parse(date(2024, 11, 1), date(2024, 11, 6))
        .unwrap();
    assert_eq!(
        outcome,
        FollowUpOutcome::Called {
            called_on: date(2024, 11, 5),
            satisfaction: Satisfaction::from_number("s", 4).unwrap(),
            comment: Some("满意".into()),
        }
    );
    let json = serde_json::to_value(&outcome).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"kind": "called", "calledOn": "2024-11-05", "satisfaction": 4, "comment": "满意"})
    );
    let no_comment = FollowUpInput {
        comment: None,
        ..called()
    };
    assert!(
        no_comment
            .parse(date(2024, 11, 5), date(2024, 11, 5))
            .is_ok()
    );
}

#[test]
fn a_call_back_is_checked_field_by_field() {
    let (received, today) = (date(2024, 11, 1), date(2024, 11, 6));
    let field_and_code = |input: FollowUpInput| {
        let err = input.parse(received, today).unwrap_err();
        (err.field().map(str::to_owned), err.code())
    };
    let missing_day = FollowUpInput {
        called_on: None,
        ..called()
    };
    assert_eq!(
        field_and_code(missing_day),
        (Some("calledOn".into()), "invalid.required")
    );
    for outside in ["2024-10-31", "2024-11-07"] {
        let input = FollowUpInput {
            called_on: Some(outside.into()),
            ..called()
        };
        assert_eq!(
            field_and_code(input),
            (Some("calledOn".into()), "invalid.range")
        );
    }
    let missing_score = FollowUpInput {
        satisfaction: None,
        ..called()
    };
    assert_eq!(
        field_and_code(missing_score),
        (Some("satisfaction".into()), "invalid.required")
    );
    for score in [0, 6, -1, 300] {
        let input = FollowUpInput {
            satisfaction: Some(score),
            ..called()
        };
        assert_eq!(
            field_and_code(input),
            (Some("satisfaction".into()), "invalid.range")
        );
    }
    for score in [1, 5] {
        let input = FollowUpInput {
            satisfaction: Some(score),
            ..called()
        };
        assert!(input.parse(received, today).is_ok());
    }
    let long = FollowUpInput {
        comment: Some("x".repeat(2001)),
        ..called()
    };
    assert_eq!(
        field_and_code(long),
        (Some("comment".into()), "invalid.too_long")
    );
}

#[test]
fn an_unreachable_customer_needs_a_note_instead_of_a_call() {
    let input = FollowUpInput {
        unreachable: true,
        unreachable_note: Some("11月5日、6日各致电两次未接，已发短信".into()),
        ..FollowUpInput::default()
    };
    let outcome = input.parse(date(2024, 11, 1), date(2024, 11, 6)).unwrap();
    assert!(
        matches!(outcome, FollowUpOutcome::Unreachable { ref note } if note.starts_with("11月5日"))
    );
    assert_eq!(
        serde_json::to_value(&outcome).unwrap()["kind"],
        "unreachable"
    );
    let no_note = FollowUpInput {
        unreachable_note: Some(" ".into()),
        ..called()
    };
    let no_note = FollowUpInput {
        unreachable: true,
        ..no_note
    };
    let err = no_note
        .parse(date(2024, 11, 1), date(2024, 11, 6))
        .unwrap_err();
    assert_eq!(
        (err.field(), err.code()),
        (Some("unreachableNote"), "invalid.required")
    );
}

#[test]
fn closing_needs_follow_up_status_a_resolution_and_an_outcome() {
    let resolution = resolution_input().parse().unwrap();
    let outcome = FollowUpOutcome::Unreachable {
        note: "无人接听".into(),
    };
    assert!(check_close(Status::FollowUp, Some(&resolution), Some(&outcome)).is_ok());
    let err = check_close(Status::FollowUp, None, Some(&outcome)).unwrap_err();
    assert_eq!(
        (err.field(), err.code()),
        (Some("resolution"), "invalid.required")
    );
    let err = check_close(Status::FollowUp, Some(&resolution), None).unwrap_err();
    assert_eq!(
        (err.field(), err.code()),
        (Some("followUp"), "invalid.required")
    );
    let err = check_close(Status::Resolving, Some(&resolution), Some(&outcome)).unwrap_err();
    assert_eq!(err.code(), "invalid_transition");
}

#[test]
fn a_crisis_closes_with_steps_unticked_only_with_a_reason() {
    let ticked = |items: &[&str]| items.iter().map(|i| (*i).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        unticked_steps(&ticked(&["team_meeting"])),
        ["report_head_office", "one_spokesperson"]
    );
    assert!(unticked_steps(&ticked(&ESCALATION_ITEMS)).is_empty());
    assert_eq!(check_crisis_close(Vec::new(), None).unwrap(), None);
    for blank in [None, Some(""), Some("  \n ")] {
        let err =
            check_crisis_close(vec!["report_head_office", "one_spokesperson"], blank).unwrap_err();
        assert_eq!(err.code(), "crisis.steps_unticked");
        assert_eq!(err.field(), Some("escalationReason"));
        assert_eq!(
            serde_json::to_value(&err).unwrap()["message"],
            "crisis steps not done: report_head_office, one_spokesperson; give the reason for closing without them"
        );
    }
    assert_eq!(
        check_crisis_close(vec!["team_meeting"], Some("  总部电话确认无需开会 "))
            .unwrap()
            .as_deref(),
        Some("总部电话确认无需开会")
    );
    let long = "字".repeat(2001);
    assert_eq!(
        check_crisis_close(vec!["team_meeting"], Some(&long))
            .unwrap_err()
            .code(),
        "invalid.too_long"
    );
}
