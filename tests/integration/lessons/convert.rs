//! A lesson becomes a drill scenario and a prevention measure, each pre-filled, reviewed,
//! saved with its link back and an audit line; and the training page's "new since your last
//! drill" per person.

use chrono::TimeDelta;

use super::{CLOSED, HOSTILE, branch_with_closed_cases, lesson, lesson_audit, now};
use crate::prevention_support::new_plan;
use crate::support::TempDb;
use crate::training::person;
use branchdesk::lessons::repo::{
    convert_to_measure, convert_to_scenario, measure_draft, new_since_last_drill, save_lesson,
    scenario_draft,
};
use branchdesk::settings::Language;
use branchdesk::training::input::DrillInput;
use branchdesk::training::repo::drills::save_drill;
use branchdesk::training::repo::scenarios::get_scenario;
use branchdesk::training::rubric::{ScoreInput, Step};

#[tokio::test]
async fn a_lesson_becomes_a_drill_scenario_and_a_measure_each_linked_and_audited() {
    let db = TempDb::new();
    let pool = branch_with_closed_cases(&db).await;
    let case = CLOSED[0];
    let valid = lesson("客户在柜台大声投诉", "请到接待室倾听", "第一时间离开人群")
        .parse()
        .expect("valid");
    let saved = save_lesson(&pool, case, &valid, None, now())
        .await
        .expect("saved");

    // The draft carries the case's customer type, its category and the lesson.
    let draft = scenario_draft(&pool, saved.id, Language::ZhCn)
        .await
        .expect("draft");
    assert_eq!(
        (draft.industry.as_str(), draft.customer_type.as_str()),
        ("postal", "angry")
    );
    assert_eq!(draft.calmer, "请到接待室倾听");
    assert_eq!(draft.angrier, "第一时间离开人群");
    assert_eq!(
        draft.happened, HOSTILE,
        "the complaint as recorded, as text"
    );
    assert!(draft.briefing.contains("SH01-202610-0001"));
    let english = scenario_draft(&pool, saved.id, Language::En)
        .await
        .expect("draft");
    assert!(
        english.who.starts_with("Angry customer; complaint about "),
        "{}",
        english.who
    );

    // The trainer edits the title and saves.
    let mut reviewed = draft.clone();
    reviewed.title = "柜台前的愤怒客户".into();
    let converted = convert_to_scenario(
        &pool,
        saved.id,
        &reviewed.parse().expect("valid"),
        None,
        now(),
    )
    .await
    .expect("converted");
    let scenario_id = converted.drill_scenario_id.expect("linked");
    let mut conn = pool.acquire().await.expect("conn");
    let scenario = get_scenario(&mut conn, scenario_id)
        .await
        .expect("scenario");
    drop(conn);
    assert_eq!(scenario.title.zh, "柜台前的愤怒客户");
    assert_eq!(scenario.customer_type, "angry");
    let again = convert_to_scenario(
        &pool,
        saved.id,
        &reviewed.parse().expect("valid"),
        None,
        now(),
    )
    .await
    .unwrap_err();
    assert_eq!(again.code(), "lesson.already_converted");

    // The measure: drafted from what to do differently, added to the chosen plan.
    let measure = measure_draft(&pool, saved.id, now()).await.expect("draft");
    assert_eq!(measure.description, "第一时间离开人群");
    let plan = new_plan(&pool, None, Some("staff"), "2026-11-20", now()).await;
    let linked = convert_to_measure(
        &pool,
        saved.id,
        plan,
        &measure.parse().expect("valid"),
        None,
        now(),
    )
    .await
    .expect("converted");
    assert_eq!(linked.plan_id, Some(plan));
    let (description, on_plan): (String, i64) =
        sqlx::query_as("SELECT description, plan_id FROM prevention_measures WHERE id = ?")
            .bind(linked.measure_id.expect("linked"))
            .fetch_one(&pool)
            .await
            .expect("measure");
    assert_eq!((description.as_str(), on_plan), ("第一时间离开人群", plan));
    let plan_audit: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM prevention_audit WHERE plan_id = ? AND field = 'measure.added'",
    )
    .bind(plan)
    .fetch_one(&pool)
    .await
    .expect("plan audit");
    assert_eq!(plan_audit, 1);

    let audit = lesson_audit(&pool, case).await;
    let links: Vec<_> = audit
        .iter()
        .skip(3)
        .map(|(field, _, new)| (field.as_str(), new.clone()))
        .collect();
    assert_eq!(
        links,
        vec![
            ("lesson_drill_scenario_id", Some(scenario_id.to_string())),
            (
                "lesson_measure_id",
                linked.measure_id.map(|id| id.to_string())
            ),
        ]
    );
}

#[tokio::test]
async fn a_conversion_refused_by_its_rules_leaves_no_scenario_and_no_link() {
    let db = TempDb::new();
    let pool = branch_with_closed_cases(&db).await;
    let valid = lesson("发生了什么", "有效做法", "下次改进")
        .parse()
        .expect("valid");
    let saved = save_lesson(&pool, CLOSED[0], &valid, None, now())
        .await
        .expect("saved");
    let plan = new_plan(&pool, None, Some("staff"), "2026-11-20", now()).await;
    sqlx::query("UPDATE prevention_plans SET status = 'done' WHERE id = ?")
        .bind(plan)
        .execute(&pool)
        .await
        .expect("close plan");
    let measure = measure_draft(&pool, saved.id, now()).await.expect("draft");
    let refused = convert_to_measure(
        &pool,
        saved.id,
        plan,
        &measure.parse().expect("valid"),
        None,
        now(),
    )
    .await
    .unwrap_err();
    assert_eq!(refused.code(), "plan.not_open");
    let measures: i64 = sqlx::query_scalar("SELECT count(*) FROM prevention_measures")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(measures, 0);
    assert_eq!(lesson_audit(&pool, CLOSED[0]).await.len(), 3);
}

#[tokio::test]
async fn each_person_sees_the_lessons_written_since_their_last_drill() {
    let db = TempDb::new();
    let pool = branch_with_closed_cases(&db).await;
    let drilled = person(&pool, "李娜", "前台").await;
    let never = person(&pool, "张伟", "前台").await;
    let first = lesson("一", "有效", "改进").parse().expect("valid");
    let second = lesson("二", "有效", "改进").parse().expect("valid");
    let early = now() - TimeDelta::days(10);
    let old = save_lesson(&pool, CLOSED[0], &first, None, early)
        .await
        .expect("old");

    let drill = DrillInput {
        scenario_id: 1,
        trainee_ids: vec![drilled],
        duration_seconds: 300,
        scores: Step::ALL
            .iter()
            .map(|step| ScoreInput {
                step: step.as_str().into(),
                score: 2,
                note: None,
            })
            .collect(),
        ..Default::default()
    };
    save_drill(
        &pool,
        &drill.parse().expect("valid"),
        now() - TimeDelta::days(5),
    )
    .await
    .expect("drill");
    let new = save_lesson(&pool, CLOSED[1], &second, None, now())
        .await
        .expect("new");

    let shown = new_since_last_drill(&pool).await.expect("since");
    let of = |id: i64| {
        shown
            .iter()
            .find(|p| p.staff_id == id)
            .expect("listed")
            .clone()
    };
    assert_eq!(of(drilled).lesson_ids, vec![new.id]);
    assert!(of(drilled).last_drill_at.is_some());
    assert_eq!(of(never).lesson_ids, vec![new.id, old.id]);
    assert_eq!(of(never).last_drill_at, None);
}
