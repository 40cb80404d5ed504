//! Rules of plans and measures: phases, statuses, overdue, and the input checks.

use super::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn field_of(result: Result<impl std::fmt::Debug>) -> (String, Invalid) {
    match result {
        Err(Error::Invalid { field, kind }) => (field, kind),
        other => panic!("expected an input error, got {other:?}"),
    }
}

fn plan() -> PlanInput {
    PlanInput {
        title: "Fewer delivery delays".into(),
        root_cause: Some("delay".into()),
        goal_percent: Some(30),
        goal_days: Some(90),
        start_date: Some("2026-01-10".into()),
        ..Default::default()
    }
}

#[test]
fn phases_move_one_step_and_stop_at_either_end() {
    assert_eq!(Phase::Collect.step(true).unwrap(), Phase::Analyse);
    assert_eq!(Phase::Evaluate.step(false).unwrap(), Phase::Implement);
    for refused in [Phase::Evaluate.step(true), Phase::Collect.step(false)] {
        assert_eq!(refused.unwrap_err().code(), "plan.no_further_phase");
    }
    let walked: Vec<Phase> =
        std::iter::successors(Some(Phase::Collect), |p| p.step(true).ok()).collect();
    assert_eq!(walked, Phase::ALL);
}

#[test]
fn only_drafts_start_and_done_comes_from_the_evaluation() {
    use PlanStatus::*;
    assert!(check_status_change(Draft, Active).is_ok());
    assert!(check_status_change(Active, Cancelled).is_ok());
    for (from, to, code) in [
        (Active, Done, "plan.cannot_move"),
        (Active, Draft, "plan.cannot_move"),
        (Draft, Done, "plan.cannot_move"),
        (Done, Active, "plan.not_open"),
        (Cancelled, Active, "plan.not_open"),
        (Done, Cancelled, "plan.not_open"),
    ] {
        let refused = check_status_change(from, to).unwrap_err();
        assert_eq!(refused.code(), code, "{from:?} -> {to:?}");
    }
    assert!(Draft.is_open() && Active.is_open() && !Done.is_open() && !Cancelled.is_open());
}

#[test]
fn a_measure_is_overdue_from_the_day_after_its_due_date_while_open() {
    let due = day("2026-03-10");
    assert!(!is_overdue(MeasureStatus::Planned, due, day("2026-03-10")));
    assert!(is_overdue(MeasureStatus::Planned, due, day("2026-03-11")));
    assert!(is_overdue(
        MeasureStatus::InProgress,
        due,
        day("2026-04-01")
    ));
    assert!(!is_overdue(MeasureStatus::Done, due, day("2026-04-01")));
    assert!(!is_overdue(MeasureStatus::Dropped, due, day("2026-04-01")));
}

#[test]
fn a_plan_needs_a_target_a_goal_and_a_review_after_its_start() {
    let valid = plan().parse().unwrap();
    assert_eq!(valid.root_cause, Some(RootCause::Delay));
    assert_eq!(valid.review_date, day("2026-04-10"), "start + goal days");
    let cases = [
        (
            PlanInput {
                root_cause: None,
                ..plan()
            },
            "target",
            Invalid::Required,
        ),
        (
            PlanInput {
                goal_percent: Some(0),
                ..plan()
            },
            "goalPercent",
            Invalid::Range,
        ),
        (
            PlanInput {
                goal_days: Some(731),
                ..plan()
            },
            "goalDays",
            Invalid::Range,
        ),
        (
            PlanInput {
                review_date: Some("2026-01-10".into()),
                ..plan()
            },
            "reviewDate",
            Invalid::Range,
        ),
        (
            PlanInput {
                root_cause: Some("weather".into()),
                ..plan()
            },
            "rootCause",
            Invalid::Choice,
        ),
        (
            PlanInput {
                start_date: None,
                ..plan()
            },
            "startDate",
            Invalid::Required,
        ),
    ];
    for (input, field, kind) in cases {
        assert_eq!(field_of(input.parse()), (field.to_owned(), kind));
    }
}

#[test]
fn hostile_titles_are_kept_verbatim() {
    let input = PlanInput {
        title: "=cmd|' /C calc'!A0 <img src=x onerror=alert(1)>".into(),
        ..plan()
    };
    assert_eq!(input.parse().unwrap().title, input.title);
}

#[test]
fn only_training_kinds_link_to_training() {
    let measure = MeasureInput {
        description: "Script for late parcels".into(),
        kind: "procedure".into(),
        due_date: Some("2026-02-01".into()),
        training_module_id: Some(3),
        ..Default::default()
    };
    assert_eq!(
        field_of(measure.parse()),
        ("trainingModuleId".to_owned(), Invalid::Choice)
    );
    let training = MeasureInput {
        kind: "training".into(),
        ..measure
    };
    assert_eq!(training.parse().unwrap().training_module_id, Some(3));
}

#[test]
fn done_measures_get_a_done_date_that_is_not_in_the_future() {
    let today = day("2026-05-01");
    let done = MeasureStatusInput {
        status: "done".into(),
        ..Default::default()
    };
    assert_eq!(done.parse(today).unwrap().done_on, Some(today));
    let future = MeasureStatusInput {
        done_on: Some("2026-05-02".into()),
        ..done
    };
    assert_eq!(
        field_of(future.parse(today)),
        ("doneOn".to_owned(), Invalid::Range)
    );
    let started = MeasureStatusInput {
        status: "in_progress".into(),
        done_on: Some("2026-04-01".into()),
        ..Default::default()
    };
    assert_eq!(started.parse(today).unwrap().done_on, None);
}

#[test]
fn an_evaluation_needs_a_known_conclusion_and_a_next_step() {
    let input = EvaluationInput {
        conclusion: "partly".into(),
        next_step: "Keep the script, add a survey".into(),
    };
    assert_eq!(input.parse().unwrap().0, Conclusion::Partly);
    let blank = EvaluationInput {
        next_step: " ".into(),
        ..input.clone()
    };
    assert_eq!(
        field_of(blank.parse()),
        ("nextStep".to_owned(), Invalid::Required)
    );
    let unknown = EvaluationInput {
        conclusion: "great".into(),
        ..input
    };
    assert_eq!(
        field_of(unknown.parse()),
        ("conclusion".to_owned(), Invalid::Choice)
    );
}
