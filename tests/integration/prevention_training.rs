//! A training measure linked to the training area: the plan page shows how many of the people
//! its module is assigned to have completed it and how many drills of its scenario were held
//! since the plan started; a link to a module or scenario that does not exist is refused.

use chrono::{TimeDelta, Utc};

use super::prevention_support::{categories, measure, new_plan};
use super::support::{TempDb, set_up_branch};
use super::training::person;
use branchdesk::error::{Error, Invalid};
use branchdesk::prevention::MeasureInput;
use branchdesk::prevention::repo::measures::add_measure;
use branchdesk::prevention::repo::plans::get_plan;
use branchdesk::training::input::{Assignee, DrillInput, SignOffInput};
use branchdesk::training::repo::curriculum::{assign, list_modules};
use branchdesk::training::repo::drills::save_drill;
use branchdesk::training::repo::scenarios::list_scenarios;
use branchdesk::training::repo::signoffs::sign_off;
use branchdesk::training::rubric::{ScoreInput, Step};

#[tokio::test]
async fn a_linked_module_and_scenario_show_their_completion_on_the_plan_page() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let trainer = person(&pool, "王经理", "店长").await;
    let clerk = person(&pool, "李娜", "前台").await;
    let now = Utc::now();
    let today = now
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive()
        .to_string();
    let module = list_modules(&pool, false).await.expect("modules")[0].clone();
    let scenario = list_scenarios(&pool, false).await.expect("scenarios")[0].clone();
    assign(&pool, module.id, &Assignee::Person(clerk), now)
        .await
        .expect("assign");
    let category = categories(&pool).await[0];
    let plan = new_plan(&pool, Some(category), None, &today, now).await;
    let linked = MeasureInput {
        training_module_id: Some(module.id),
        drill_scenario_id: Some(scenario.id),
        ..measure("training", &today)
    };
    add_measure(&pool, plan, &linked.parse().expect("valid"), None, now)
        .await
        .expect("measure");

    let training = |page: &branchdesk::prevention::repo::plans::PlanDetail| {
        page.measures[0].training.clone().expect("a linked measure")
    };
    let before = training(&get_plan(&pool, plan, now).await.expect("page"));
    let shown = before.module.expect("module");
    assert_eq!(
        (shown.id, shown.title_zh.as_str()),
        (module.id, module.title_zh.as_str())
    );
    assert_eq!((shown.complete, shown.assigned), (0, 1));
    assert_eq!(before.drill.expect("drill").held, 0);

    let items = module.items.iter().map(|item| item.id).collect();
    let ticks = SignOffInput {
        staff_id: clerk,
        item_ids: items,
        signed_on: today.clone(),
        trainer_id: Some(trainer),
    };
    sign_off(&pool, &ticks, now).await.expect("sign off");
    let drill = DrillInput {
        scenario_id: scenario.id,
        trainee_ids: vec![clerk],
        observer_id: Some(trainer),
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
    let later = now + TimeDelta::minutes(10);
    save_drill(&pool, &drill.parse().expect("valid"), later)
        .await
        .expect("drill");
    let after = training(&get_plan(&pool, plan, later).await.expect("page"));
    let shown = after.module.expect("module");
    assert_eq!((shown.complete, shown.assigned), (1, 1));
    assert_eq!(after.drill.expect("drill").held, 1);
}

#[tokio::test]
async fn a_link_to_a_missing_module_or_scenario_is_refused_by_field() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let now = Utc::now();
    let plan = new_plan(
        &pool,
        Some(categories(&pool).await[0]),
        None,
        "2026-01-01",
        now,
    )
    .await;
    for (field, input) in [
        (
            "trainingModuleId",
            MeasureInput {
                training_module_id: Some(9_999),
                ..measure("training", "2026-02-01")
            },
        ),
        (
            "drillScenarioId",
            MeasureInput {
                drill_scenario_id: Some(9_999),
                ..measure("emergency_drill", "2026-02-01")
            },
        ),
    ] {
        let refused = add_measure(&pool, plan, &input.parse().expect("valid"), None, now).await;
        assert!(
            matches!(&refused, Err(Error::Invalid { field: f, kind: Invalid::Choice }) if f == field),
            "{refused:?}"
        );
    }
    let page = get_plan(&pool, plan, now).await.expect("page");
    assert!(page.measures.is_empty(), "nothing half-saved");
}
