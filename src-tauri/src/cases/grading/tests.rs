use super::*;

fn codes(facts: GradingFacts) -> (u8, Vec<&'static str>) {
    let suggestion = suggest_grade(&facts);
    let codes = suggestion.fired.iter().map(|r| r.code()).collect();
    (suggestion.grade.get(), codes)
}

#[test]
fn a_case_with_nothing_special_is_general() {
    let suggestion = suggest_grade(&GradingFacts::default());
    assert_eq!(suggestion.grade, Grade::GENERAL);
    assert!(suggestion.fired.is_empty());
    assert_eq!(suggestion.reason_code(), "general");
    let single = GradingFacts {
        households: 1,
        distinct_complainants_same_category_30d: 1,
        open_days: 5,
        ..GradingFacts::default()
    };
    assert_eq!(codes(single), (4, vec![]));
}

#[test]
fn each_rule_alone_gives_its_grade() {
    let base = GradingFacts::default();
    let cases = [
        (
            GradingFacts {
                media_exposure_risk: true,
                ..base
            },
            1,
            "media_exposure",
        ),
        (
            GradingFacts {
                households: 10,
                ..base
            },
            1,
            "households_10_plus",
        ),
        (
            GradingFacts {
                lawsuit_risk: true,
                ..base
            },
            2,
            "lawsuit_risk",
        ),
        (
            GradingFacts {
                households: 3,
                ..base
            },
            2,
            "households_3_to_9",
        ),
        (
            GradingFacts {
                distinct_complainants_same_category_30d: 3,
                ..base
            },
            2,
            "repeated_by_3_people_30d",
        ),
        (
            GradingFacts {
                open_days: 31,
                fault: Some(Fault::Branch),
                ..base
            },
            2,
            "open_over_30_days_own_fault",
        ),
        (
            GradingFacts {
                reopen_count: 3,
                ..base
            },
            3,
            "reopened_3_times",
        ),
        (
            GradingFacts {
                has_supporting_departments: true,
                ..base
            },
            3,
            "has_supporting_departments",
        ),
    ];
    for (facts, grade, code) in cases {
        assert_eq!(codes(facts), (grade, vec![code]), "{code}");
        assert_eq!(suggest_grade(&facts).reason_code(), code);
    }
    for rule in GradeRule::ALL {
        assert_eq!(serde_json::to_value(rule).unwrap(), rule.code());
    }
}

#[test]
fn boundaries_fall_on_the_documented_side() {
    let base = GradingFacts::default();
    let households = |n| {
        codes(GradingFacts {
            households: n,
            ..base
        })
    };
    assert_eq!(households(2), (4, vec![]));
    assert_eq!(households(3), (2, vec!["households_3_to_9"]));
    assert_eq!(households(9), (2, vec!["households_3_to_9"]));
    assert_eq!(households(10), (1, vec!["households_10_plus"]));
    assert_eq!(households(u32::MAX), (1, vec!["households_10_plus"]));
    let people = |n| {
        codes(GradingFacts {
            distinct_complainants_same_category_30d: n,
            ..base
        })
    };
    assert_eq!(people(2).0, 4);
    assert_eq!(people(3).0, 2);
    let open = |days| {
        codes(GradingFacts {
            open_days: days,
            fault: Some(Fault::Branch),
            ..base
        })
    };
    assert_eq!(open(30).0, 4);
    assert_eq!(open(31).0, 2);
    assert_eq!(open(-1).0, 4);
    let reopened = |n| {
        codes(GradingFacts {
            reopen_count: n,
            ..base
        })
    };
    // Age raises a case only when the fault is the branch's own.
    for fault in [
        None,
        Some(Fault::OtherDepartment),
        Some(Fault::ThirdParty),
        Some(Fault::Customer),
    ] {
        let long_open = GradingFacts {
            open_days: 90,
            fault,
            ..base
        };
        assert_eq!(codes(long_open), (4, vec![]), "{fault:?}");
    }
    assert_eq!(reopened(2).0, 4);
    assert_eq!(reopened(3).0, 3);
}

#[test]
fn the_highest_grade_wins_and_every_fired_rule_is_listed_in_order() {
    let facts = GradingFacts {
        media_exposure_risk: false,
        lawsuit_risk: true,
        households: 4,
        has_supporting_departments: true,
        distinct_complainants_same_category_30d: 5,
        open_days: 45,
        reopen_count: 3,
        fault: Some(Fault::Branch),
        ..GradingFacts::default()
    };
    assert_eq!(
        codes(facts),
        (
            2,
            vec![
                "lawsuit_risk",
                "households_3_to_9",
                "repeated_by_3_people_30d",
                "open_over_30_days_own_fault",
                "reopened_3_times",
                "has_supporting_departments"
            ]
        )
    );
    let crisis = GradingFacts {
        media_exposure_risk: true,
        households: 12,
        ..facts
    };
    let (grade, fired) = codes(crisis);
    assert_eq!(grade, 1);
    assert_eq!(
        &fired[..3],
        ["media_exposure", "households_10_plus", "lawsuit_risk"]
    );
    assert!(!fired.contains(&"households_3_to_9"));
    let recurring = GradingFacts {
        reopen_count: 4,
        has_supporting_departments: true,
        ..Default::default()
    };
    assert_eq!(
        codes(recurring),
        (3, vec!["reopened_3_times", "has_supporting_departments"])
    );
    let json = serde_json::to_value(suggest_grade(&recurring)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"grade": 3, "fired": ["reopened_3_times", "has_supporting_departments"]})
    );
}

#[test]
fn grades_parse_from_one_to_four() {
    assert_eq!(Grade::parse("grade", " 1 ").unwrap(), Grade::CRISIS);
    assert_eq!(Grade::from_number("grade", 4).unwrap(), Grade::GENERAL);
    for bad in ["0", "5", "-1", "", "two", "1.0", "300"] {
        let err = Grade::parse("grade", bad).unwrap_err();
        assert_eq!(err.code(), "invalid.range", "{bad:?}");
        assert_eq!(err.field(), Some("grade"));
    }
    assert!(Grade::from_number("grade", 257).is_err());
    assert!(Grade::CRISIS.is_higher_than(Grade::SERIOUS));
    assert!(!Grade::GENERAL.is_higher_than(Grade::GENERAL));
    assert_eq!(Grade::RECURRING.to_string(), "3");
}

#[test]
fn lowering_a_grade_needs_a_reason_raising_it_does_not() {
    let serious = Grade::SERIOUS;
    assert!(check_grade_choice(serious, Grade::CRISIS, None).is_ok());
    assert!(check_grade_choice(serious, serious, None).is_ok());
    for blank in [None, Some(""), Some("   ")] {
        let err = check_grade_choice(serious, Grade::RECURRING, blank).unwrap_err();
        assert_eq!(err.code(), "invalid.reason_required");
        assert_eq!(err.field(), Some("gradeReason"));
    }
    assert!(check_grade_choice(serious, Grade::GENERAL, Some("住户已撤回联名，仅一户")).is_ok());
    assert!(
        check_grade_choice(
            Grade::CRISIS,
            Grade::GENERAL,
            Some("media story was retracted")
        )
        .is_ok()
    );
}

#[test]
fn an_escalated_channel_counts_as_the_seed_rules_do() {
    let through = |channel| {
        codes(GradingFacts {
            channel: Some(channel),
            ..GradingFacts::default()
        })
    };
    // In the press or on social media the exposure has happened: a crisis.
    assert_eq!(through(Channel::Media), (1, vec!["media_channel"]));
    // A lawyer means a lawsuit is in view; 12315 or a regulator may mean exposure or a penalty.
    assert_eq!(through(Channel::Lawyer), (2, vec!["lawyer_channel"]));
    assert_eq!(
        through(Channel::ConsumerAssociation),
        (2, vec!["regulator_channel"])
    );
    for ordinary in [
        Channel::Phone,
        Channel::Letter,
        Channel::WalkIn,
        Channel::EmailOnline,
        Channel::OwnApp,
        Channel::HeadOffice,
        Channel::Association,
    ] {
        assert_eq!(through(ordinary), (4, vec![]), "{ordinary:?}");
    }
    // The flag and the channel both show when both apply, the flag first.
    let both = GradingFacts {
        media_exposure_risk: true,
        channel: Some(Channel::Media),
        ..GradingFacts::default()
    };
    assert_eq!(codes(both), (1, vec!["media_exposure", "media_channel"]));
}

#[test]
fn a_customer_with_an_open_grade_1_or_2_case_is_suggested_at_least_that_grade() {
    let with_open = |grade| {
        codes(GradingFacts {
            customer_open_grade: Some(grade),
            ..GradingFacts::default()
        })
    };
    assert_eq!(with_open(Grade::CRISIS), (1, vec!["customer_open_crisis"]));
    assert_eq!(
        with_open(Grade::SERIOUS),
        (2, vec!["customer_open_serious"])
    );
    assert_eq!(with_open(Grade::RECURRING), (4, vec![]));
    assert_eq!(with_open(Grade::GENERAL), (4, vec![]));
    // Already a crisis on its own: the open serious case is listed but does not lower it.
    let crisis = GradingFacts {
        households: 20,
        customer_open_grade: Some(Grade::SERIOUS),
        ..GradingFacts::default()
    };
    assert_eq!(
        codes(crisis),
        (1, vec!["households_10_plus", "customer_open_serious"])
    );
    let mut suggestion = suggest_grade(&GradingFacts {
        customer_open_grade: Some(Grade::CRISIS),
        ..GradingFacts::default()
    });
    suggestion.customer_case = Some("PD01-202611-0001".into());
    assert_eq!(
        serde_json::to_value(&suggestion).unwrap(),
        serde_json::json!({"grade": 1, "fired": ["customer_open_crisis"], "customerCase": "PD01-202611-0001"})
    );
}
