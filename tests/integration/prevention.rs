//! Prevention on a real database: a plan through its phases with measures, evidence and the
//! evaluation, emergency plans with drills, and the workbook's Prevention sheet. The figures
//! (effect, analysis, report) are in `prevention_figures`.

use super::prevention_support::{categories, day, local, measure, plan_input, receive, status};
use super::support::{TempDb, set_up_branch};
use branchdesk::error::{Error, Invalid, PlanRefusal};
use branchdesk::prevention::emergency::{DrillInput, EmergencyInput};
use branchdesk::prevention::repo::changes::{
    Direction, create_plan, move_phase, record_evaluation, set_status, update_plan,
};
use branchdesk::prevention::repo::emergency::{list_emergency, log_drill, save_emergency};
use branchdesk::prevention::repo::evidence::{CaseRef, attach_case, detach_case};
use branchdesk::prevention::repo::measures::{
    add_measure, overview, set_measure_status, update_measure,
};
use branchdesk::prevention::repo::plans::{get_plan, list_plans, plans_for_case};
use branchdesk::prevention::{
    EvaluationInput, MeasureInput, MeasureStatusInput, PlanInput, PlanStatus,
};
use branchdesk::staff::StaffInput;
use branchdesk::staff::repo::add_staff;

/// Why a plan refused a change; anything else fails the test.
fn refusal<T: std::fmt::Debug>(result: Result<T, Error>) -> PlanRefusal {
    match result {
        Err(Error::Plan { refusal, .. }) => refusal,
        other => panic!("expected a plan refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn a_plan_goes_through_its_phases_with_measures_evidence_and_an_evaluation() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let owner = add_staff(
        &pool,
        &StaffInput {
            name: "张伟".into(),
            ..Default::default()
        }
        .parse()
        .unwrap(),
    )
    .await
    .unwrap()
    .id;
    let cats = categories(&pool).await;
    let now = local("2026-03-10", 10);
    let case = receive(&pool, local("2026-03-01", 9), cats[0], "3-502").await;

    let refused = PlanInput {
        category_id: None,
        ..plan_input(None, None, "2026-03-10")
    }
    .parse();
    assert!(
        matches!(refused, Err(Error::Invalid { ref field, kind: Invalid::Required }) if field == "target")
    );
    let unknown_category = plan_input(Some(9999), None, "2026-03-10").parse().unwrap();
    assert!(matches!(
        create_plan(&pool, &unknown_category, Some(owner), now).await,
        Err(Error::Invalid {
            kind: Invalid::Choice,
            ..
        })
    ));

    let input = PlanInput {
        owner_id: Some(owner),
        ..plan_input(Some(cats[0]), Some("delay"), "2026-03-10")
    };
    let id = create_plan(&pool, &input.parse().unwrap(), Some(owner), now)
        .await
        .unwrap();
    let page = get_plan(&pool, id, now).await.unwrap();
    assert_eq!(
        (page.plan.status.as_str(), page.plan.phase.as_str()),
        ("draft", "collect")
    );
    assert_eq!(page.plan.title, input.title, "hostile text stored verbatim");
    assert_eq!(page.plan.review_date, "2026-06-08");
    assert_eq!(page.today, day("2026-03-10"));

    // Phases move one step each way and stop at the ends; every move is in the history.
    assert_eq!(
        refusal(move_phase(&pool, id, Direction::Back, Some(owner), now).await),
        PlanRefusal::NoFurtherPhase
    );
    for _ in 0..2 {
        move_phase(&pool, id, Direction::Forward, Some(owner), now)
            .await
            .unwrap();
    }
    move_phase(&pool, id, Direction::Back, Some(owner), now)
        .await
        .unwrap();
    assert_eq!(
        get_plan(&pool, id, now).await.unwrap().plan.phase,
        "analyse"
    );

    // The evaluation needs an active plan in the evaluate phase.
    let evaluation = EvaluationInput {
        conclusion: "partly".into(),
        next_step: "继续培训".into(),
    };
    assert_eq!(
        refusal(record_evaluation(&pool, id, &evaluation, Some(owner), now).await),
        PlanRefusal::NotEvaluating
    );
    set_status(&pool, id, PlanStatus::Active, Some(owner), now)
        .await
        .unwrap();
    assert_eq!(
        refusal(set_status(&pool, id, PlanStatus::Done, Some(owner), now).await),
        PlanRefusal::CannotMove
    );

    // Measures: one already overdue (due yesterday), one due later; the overdue one stands out.
    let late = add_measure(
        &pool,
        id,
        &measure("procedure", "2026-03-09").parse().unwrap(),
        Some(owner),
        now,
    )
    .await
    .unwrap();
    let later = add_measure(
        &pool,
        id,
        &measure("training", "2026-04-30").parse().unwrap(),
        Some(owner),
        now,
    )
    .await
    .unwrap();
    let page = get_plan(&pool, id, now).await.unwrap();
    let overdue: Vec<(i64, bool)> = page.measures.iter().map(|m| (m.id, m.overdue)).collect();
    assert_eq!(overdue, [(late, true), (later, false)]);
    assert_eq!(
        (
            page.measures[1].training_module_id,
            page.measures[1].drill_scenario_id
        ),
        (None, None)
    );
    let dash = overview(&pool, now).await.unwrap();
    assert_eq!((dash.active_plans, dash.overdue.len()), (1, 1));
    assert_eq!(dash.overdue[0].plan_id, id);
    let row = &list_plans(&pool, now).await.unwrap()[0];
    assert_eq!(
        (row.measures_total, row.measures_done, row.measures_overdue),
        (2, 0, 1)
    );

    // Done today with evidence; a done date in the future is refused.
    let future = MeasureStatusInput {
        done_on: Some("2026-03-11".into()),
        ..status("done")
    };
    assert!(matches!(
        set_measure_status(&pool, late, &future, Some(owner), now).await,
        Err(Error::Invalid { .. })
    ));
    let done = MeasureStatusInput {
        evidence: Some("签到表".into()),
        ..status("done")
    };
    set_measure_status(&pool, late, &done, Some(owner), now)
        .await
        .unwrap();
    let page = get_plan(&pool, id, now).await.unwrap();
    let finished = page.measures.iter().find(|m| m.id == late).unwrap();
    assert_eq!(
        (
            finished.status.as_str(),
            finished.done_on.as_deref(),
            finished.evidence.as_str(),
            finished.overdue
        ),
        ("done", Some("2026-03-10"), "签到表", false)
    );
    assert!(overview(&pool, now).await.unwrap().overdue.is_empty());

    // Evidence by number (any letter case) and by id; the case page sees the plan.
    let number: String = sqlx::query_scalar("SELECT number FROM cases WHERE id = ?")
        .bind(case)
        .fetch_one(&pool)
        .await
        .unwrap();
    let by_number = CaseRef {
        case_id: None,
        case_number: Some(number.to_lowercase()),
    };
    attach_case(&pool, id, &by_number, Some(owner), now)
        .await
        .unwrap();
    attach_case(
        &pool,
        id,
        &CaseRef {
            case_id: Some(case),
            case_number: None,
        },
        Some(owner),
        now,
    )
    .await
    .unwrap();
    assert_eq!(
        get_plan(&pool, id, now).await.unwrap().cases.len(),
        1,
        "attached once"
    );
    let bad = CaseRef {
        case_id: None,
        case_number: Some("XX-000000-0000".into()),
    };
    assert!(matches!(
        attach_case(&pool, id, &bad, Some(owner), now).await,
        Err(Error::Invalid {
            kind: Invalid::CaseNumber,
            ..
        })
    ));
    let shown = plans_for_case(&pool, case).await.unwrap();
    assert_eq!((shown.len(), shown[0].id, shown[0].attached), (1, id, true));
    detach_case(&pool, id, case, Some(owner), now)
        .await
        .unwrap();
    assert!(
        !plans_for_case(&pool, case).await.unwrap()[0].attached,
        "still shown: it addresses the category"
    );

    // Edits are recorded field by field.
    let edited = PlanInput {
        goal_percent: Some(40),
        owner_id: Some(owner),
        ..plan_input(Some(cats[0]), Some("delay"), "2026-03-10")
    };
    update_plan(&pool, id, &edited.parse().unwrap(), Some(owner), now)
        .await
        .unwrap();
    // A new date agreed for a measure: recorded with the old and new date.
    let moved = MeasureInput {
        owner_id: Some(owner),
        ..measure("training", "2026-05-15")
    };
    let plan_of = update_measure(&pool, later, &moved.parse().unwrap(), Some(owner), now)
        .await
        .unwrap();
    assert_eq!(plan_of, id);
    let page = get_plan(&pool, id, now).await.unwrap();
    let changed = page.measures.iter().find(|m| m.id == later).unwrap();
    assert_eq!(
        (changed.due_date.as_str(), changed.owner_name.as_deref()),
        ("2026-05-15", Some("张伟"))
    );
    let line = page
        .history
        .iter()
        .find(|h| h.field == format!("measure.{later}.edited"))
        .unwrap();
    assert_eq!(
        (line.old_value.as_deref(), line.new_value.as_deref()),
        (Some("2026-04-30"), Some("2026-05-15"))
    );

    for _ in 0..3 {
        move_phase(&pool, id, Direction::Forward, Some(owner), now)
            .await
            .unwrap();
    }
    record_evaluation(&pool, id, &evaluation, Some(owner), now)
        .await
        .unwrap();
    let page = get_plan(&pool, id, now).await.unwrap();
    assert_eq!(
        (
            page.plan.status.as_str(),
            page.plan.conclusion.as_deref(),
            page.plan.next_step.as_deref()
        ),
        ("done", Some("partly"), Some("继续培训"))
    );
    let late_measure = measure("notice", "2026-05-01").parse().unwrap();
    assert_eq!(
        refusal(add_measure(&pool, id, &late_measure, None, now).await),
        PlanRefusal::NotOpen
    );
    let left_open = page.measures.iter().find(|m| m.id == later).unwrap();
    assert_eq!(
        left_open.status, "dropped",
        "a closed plan leaves nothing open"
    );
    let fields: Vec<&str> = page.history.iter().map(|h| h.field.as_str()).collect();
    for expected in [
        "status",
        "phase",
        "measure.added",
        "case",
        "goalPercent",
        "conclusion",
        "nextStep",
    ] {
        assert!(
            fields.contains(&expected),
            "history has {expected}: {fields:?}"
        );
    }
    assert!(
        page.history
            .iter()
            .all(|h| h.actor_name.as_deref() == Some("张伟"))
    );
    let goal = page
        .history
        .iter()
        .find(|h| h.field == "goalPercent")
        .unwrap();
    assert_eq!(
        (goal.old_value.as_deref(), goal.new_value.as_deref()),
        (Some("30"), Some("40"))
    );

    // A follow-on plan links to its parent; cancelling it drops its open measures.
    let follow = PlanInput {
        parent_id: Some(id),
        ..plan_input(Some(cats[0]), None, "2026-06-10")
    };
    let next = create_plan(&pool, &follow.parse().unwrap(), None, now)
        .await
        .unwrap();
    assert_eq!(
        get_plan(&pool, id, now).await.unwrap().follow_ons[0].id,
        next
    );
    assert_eq!(
        get_plan(&pool, next, now).await.unwrap().plan.parent_title,
        Some(input.title.clone())
    );
    add_measure(
        &pool,
        next,
        &measure("inspection", "2026-03-01").parse().unwrap(),
        None,
        now,
    )
    .await
    .unwrap();
    assert_eq!(overview(&pool, now).await.unwrap().overdue.len(), 1);
    set_status(&pool, next, PlanStatus::Cancelled, None, now)
        .await
        .unwrap();
    assert!(overview(&pool, now).await.unwrap().overdue.is_empty());
    assert_eq!(
        get_plan(&pool, next, now).await.unwrap().measures[0].status,
        "dropped"
    );
}

#[tokio::test]
async fn emergency_plans_keep_their_drills_and_say_when_the_next_is_due() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let now = local("2026-05-01", 10);
    let input = EmergencyInput {
        title: "媒体曝光 <b>".into(),
        contacts: Some("张伟 客服主管 13800138000\n区域经理".into()),
        steps: Some("通知区域经理\r\n指定发言人".into()),
        drill_every_days: Some(90),
        ..Default::default()
    };
    let id = save_emergency(&pool, None, &input.parse().unwrap(), now)
        .await
        .unwrap();
    let plans = list_emergency(&pool, now).await.unwrap();
    assert_eq!(
        (plans[0].title.as_str(), plans[0].steps.as_str()),
        ("媒体曝光 <b>", "通知区域经理\n指定发言人")
    );
    assert_eq!(plans[0].next_drill.due, day("2026-07-30"));
    let drill = DrillInput {
        held_on: Some("2026-04-20".into()),
        participants: "前台全体".into(),
        findings: Some("电话表过期".into()),
    };
    log_drill(
        &pool,
        id,
        &drill.parse(day("2026-05-01")).unwrap(),
        None,
        now,
    )
    .await
    .unwrap();
    let later = local("2026-07-20", 10);
    let plans = list_emergency(&pool, later).await.unwrap();
    assert_eq!(plans[0].drills.len(), 1);
    assert_eq!(plans[0].next_drill.due, day("2026-07-19"));
    assert!(plans[0].next_drill.overdue);
    assert!(matches!(
        log_drill(
            &pool,
            999,
            &drill.parse(day("2026-05-01")).unwrap(),
            None,
            now
        )
        .await,
        Err(Error::NotFound)
    ));
}

#[tokio::test]
async fn the_monthly_workbook_lists_the_plans_and_the_measures_overdue_at_the_months_end() {
    use branchdesk::export::{self, ExportOptions};
    use branchdesk::settings::Language;
    use calamine::{Data, Reader, Xlsx};

    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let cats = categories(&pool).await;
    receive(&pool, local("2026-02-03", 9), cats[0], "").await;
    let hostile = "=cmd|' /C calc'!A0";
    let input = PlanInput {
        title: hostile.into(),
        ..plan_input(Some(cats[0]), Some("delay"), "2026-02-10")
    };
    let at = local("2026-02-10", 9);
    let id = create_plan(&pool, &input.parse().unwrap(), None, at)
        .await
        .unwrap();
    set_status(&pool, id, PlanStatus::Active, None, at)
        .await
        .unwrap();
    add_measure(
        &pool,
        id,
        &measure("notice", "2026-02-20").parse().unwrap(),
        None,
        at,
    )
    .await
    .unwrap();
    // Written in March: not in February's workbook.
    create_plan(
        &pool,
        &plan_input(Some(cats[1]), None, "2026-03-05")
            .parse()
            .unwrap(),
        None,
        local("2026-03-05", 9),
    )
    .await
    .unwrap();

    let options = ExportOptions::new(Language::En, false);
    let february = branchdesk::stats::Month::new(2026, 2).unwrap();
    let bytes = export::export_month(&pool, february, &options, local("2026-03-10", 9))
        .await
        .unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book
        .worksheet_range("Prevention")
        .expect("a Prevention sheet");
    let texts: Vec<String> = sheet
        .rows()
        .flat_map(|row| row.iter())
        .filter_map(|cell| match cell {
            Data::String(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts.iter().filter(|t| *t == hostile).count(),
        2,
        "the plan and its overdue measure's plan, kept as text"
    );
    assert!(texts.iter().any(|t| t == "Active"));
    assert!(
        texts
            .iter()
            .any(|t| t == "Delay or slow response" || t.contains("Delay or slow response"))
    );
    assert!(
        texts.iter().any(|t| t == "2026-02-20"),
        "the overdue measure's due date"
    );
    assert!(
        !texts.iter().any(|t| t.starts_with("减少延误")),
        "a plan written later is left out"
    );
}
