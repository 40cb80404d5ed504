//! The matrix through the repos: assignment to a position, sign-off, versioning, refreshers,
//! drills and progress.

use chrono::{NaiveDate, TimeDelta, Utc};

use super::{person, utc};
use crate::support::{TempDb, set_up_branch};
use branchdesk::error::Error;
use branchdesk::training::input::{Assignee, DrillInput, ItemInput, ModuleInput, SignOffInput};
use branchdesk::training::model::CellStatus;
use branchdesk::training::repo::curriculum::{assign, get_module, list_modules, save_module};
use branchdesk::training::repo::drills::{progress, save_drill};
use branchdesk::training::repo::matrix::{MatrixFilter, matrix};
use branchdesk::training::repo::signoffs::{person_training, sign_off};
use branchdesk::training::rubric::{ScoreInput, Step};
use branchdesk::training::{drills_held_since, module_completion};

fn module_input(title: &str, items: &[(Option<i64>, &str)], refresher: Option<i64>) -> ModuleInput {
    ModuleInput {
        title: title.into(),
        refresher_months: refresher,
        items: items
            .iter()
            .map(|(lineage_id, text)| ItemInput {
                lineage_id: *lineage_id,
                text: (*text).into(),
            })
            .collect(),
    }
}

#[tokio::test]
async fn assign_to_a_position_sign_off_and_the_matrix_turns_complete_then_an_edit_versions_it() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let trainer = person(&pool, "王经理", "店长").await;
    let clerk = person(&pool, "<img src=x onerror=alert(1)>", "前台").await;
    let now = Utc::now();
    let created = save_module(
        &pool,
        None,
        &module_input(
            "=cmd|' /C calc'!A0",
            &[(None, "Greets"), (None, "Listens")],
            Some(12),
        )
        .parse()
        .expect("valid"),
        now,
    )
    .await
    .expect("module");
    assign(&pool, created.id, &Assignee::Position("前台".into()), now)
        .await
        .expect("assign");
    // Someone who joins the position later gets the module too.
    let newcomer = person(&pool, "新同事", "前台").await;
    let now = Utc::now() + TimeDelta::seconds(1);

    let cell = |m: &branchdesk::training::repo::matrix::Matrix, who: i64| {
        let column = m
            .modules
            .iter()
            .position(|c| c.id == created.id)
            .expect("column");
        m.people.iter().find(|p| p.id == who).expect("row").cells[column]
    };
    let before = matrix(&pool, &MatrixFilter::default(), now)
        .await
        .expect("matrix");
    assert_eq!(cell(&before, clerk).status, CellStatus::Assigned);
    assert_eq!(cell(&before, newcomer).status, CellStatus::Assigned);
    assert_eq!(cell(&before, trainer).status, CellStatus::NotAssigned);

    let today = now
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive()
        .to_string();
    let input = |items: Vec<i64>, day: &str| SignOffInput {
        staff_id: clerk,
        item_ids: items,
        signed_on: day.into(),
        trainer_id: Some(trainer),
    };
    let page = sign_off(&pool, &input(vec![created.items[0].id], &today), now)
        .await
        .expect("first tick");
    assert_eq!(page.modules[0].cell.status, CellStatus::InProgress);
    let page = sign_off(&pool, &input(vec![created.items[1].id], &today), now)
        .await
        .expect("second tick");
    assert_eq!(page.modules[0].cell.status, CellStatus::Complete);
    assert_eq!(page.history.len(), 2);
    assert_eq!(page.history[0].trainer_name.as_deref(), Some("王经理"));
    let after = matrix(&pool, &MatrixFilter::default(), now)
        .await
        .expect("matrix");
    assert_eq!(cell(&after, clerk).status, CellStatus::Complete);
    let only_front = matrix(
        &pool,
        &MatrixFilter {
            position: Some("前台".into()),
            ..Default::default()
        },
        now,
    )
    .await
    .expect("filtered");
    assert_eq!(only_front.people.len(), 2);
    let column = only_front
        .modules
        .iter()
        .find(|m| m.id == created.id)
        .expect("column");
    assert_eq!(
        (column.complete, column.assigned, column.percent),
        (1, 2, Some(50))
    );
    assert_eq!(
        module_completion(&pool, created.id, now)
            .await
            .expect("completion"),
        branchdesk::training::Completion {
            complete: 1,
            assigned: 2
        }
    );

    // Edit: fix a typo (same lineage) and add an item: a new version; the old sign-off keeps
    // its text and still counts for its item, the new item makes the module in progress again.
    let lineages: Vec<i64> = created.items.iter().map(|i| i.lineage_id).collect();
    let edited = save_module(
        &pool,
        Some(created.id),
        &module_input(
            "=cmd|' /C calc'!A0",
            &[
                (Some(lineages[0]), "Greets warmly"),
                (Some(lineages[1]), "Listens"),
                (None, "Thanks"),
            ],
            Some(12),
        )
        .parse()
        .expect("valid"),
        now,
    )
    .await
    .expect("edit");
    assert_eq!(edited.version, 2);
    let page = person_training(&pool, clerk, now).await.expect("page");
    assert_eq!(page.modules[0].cell.status, CellStatus::InProgress);
    assert_eq!(
        (page.modules[0].cell.signed, page.modules[0].cell.total),
        (2, 3)
    );
    assert!(
        page.history
            .iter()
            .any(|h| h.item_en == "Greets" && h.version == 1)
    );
    // Saving without changes writes no version.
    let same = save_module(
        &pool,
        Some(created.id),
        &module_input(
            "=cmd|' /C calc'!A0",
            &[
                (Some(lineages[0]), "Greets warmly"),
                (Some(lineages[1]), "Listens"),
                (Some(edited.items[2].lineage_id), "Thanks"),
            ],
            Some(12),
        )
        .parse()
        .expect("valid"),
        now,
    )
    .await
    .expect("same");
    assert_eq!(same.version, 2);
    // A sign-off on an item of the old version is refused.
    let stale = sign_off(&pool, &input(vec![created.items[0].id], &today), now).await;
    assert!(
        matches!(stale, Err(Error::Invalid { ref field, .. }) if field == "itemIds"),
        "{stale:?}"
    );
}

#[tokio::test]
async fn a_refresher_signed_long_ago_is_overdue_and_seeded_titles_survive_an_untouched_edit() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let trainer = person(&pool, "王经理", "店长").await;
    let clerk = person(&pool, "李娜", "前台").await;
    let principles = list_modules(&pool, false).await.expect("modules")[0].clone();
    assert_eq!(principles.refresher_months, Some(12));
    let now = Utc::now();
    assign(&pool, principles.id, &Assignee::Person(clerk), now)
        .await
        .expect("assign");
    let ids: Vec<i64> = principles.items.iter().map(|i| i.id).collect();
    let long_ago = (now - TimeDelta::days(400)).date_naive().to_string();
    sign_off(
        &pool,
        &SignOffInput {
            staff_id: clerk,
            item_ids: ids,
            signed_on: long_ago,
            trainer_id: Some(trainer),
        },
        now,
    )
    .await
    .expect("sign");
    let page = person_training(&pool, clerk, now).await.expect("page");
    assert_eq!(page.modules[0].cell.status, CellStatus::Overdue);
    let counts = progress(&pool, now).await.expect("progress");
    assert_eq!((counts.due_soon, counts.overdue), (0, 1));

    // The trainer saves the seeded module as shown in Chinese: nothing changes, English stays.
    let shown: Vec<(Option<i64>, &str)> = principles
        .items
        .iter()
        .map(|i| (Some(i.lineage_id), i.text_zh.as_str()))
        .collect();
    let saved = save_module(
        &pool,
        Some(principles.id),
        &module_input(&principles.title_zh, &shown, Some(12))
            .parse()
            .expect("valid"),
        now,
    )
    .await
    .expect("save");
    assert_eq!(saved.version, 1);
    let again = get_module(&mut pool.acquire().await.expect("conn"), principles.id)
        .await
        .expect("module");
    assert_eq!(again.title_en, principles.title_en);
}

#[tokio::test]
async fn a_drill_shows_in_the_persons_history_and_the_teams_weakest_step() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let observer = person(&pool, "王经理", "店长").await;
    let trainee = person(&pool, "李娜", "前台").await;
    let now = utc("2026-05-20T02:00:00Z");
    let scores = |weak: Step, weak_score: i64| -> Vec<ScoreInput> {
        Step::ALL
            .iter()
            .map(|s| ScoreInput {
                step: s.as_str().into(),
                score: if *s == weak { weak_score } else { 3 },
                note: Some("=1+1".into()),
            })
            .collect()
    };
    let drill = DrillInput {
        scenario_id: 5,
        trainee_ids: vec![trainee],
        observer_id: Some(observer),
        duration_seconds: 600,
        scores: scores(Step::Apologise, 0),
        comments: Some("<b>good</b>".into()),
        ..Default::default()
    };
    let saved = save_drill(&pool, &drill.parse().expect("valid"), now)
        .await
        .expect("drill");
    assert_eq!((saved.total, saved.max_total), (30, 33));
    assert_eq!(saved.held_at, "2026-05-20T01:50:00Z", "dated at its start");
    let second = DrillInput {
        scores: scores(Step::Thank, 1),
        ..drill.clone()
    };
    save_drill(
        &pool,
        &second.parse().expect("valid"),
        now + TimeDelta::hours(1),
    )
    .await
    .expect("drill 2");

    let page = person_training(&pool, trainee, now).await.expect("page");
    assert_eq!(page.drills.len(), 2);
    assert_eq!(page.drills[1].comments, "<b>good</b>");
    let apologise = page
        .step_averages
        .iter()
        .find(|s| s.step == Step::Apologise)
        .expect("step");
    assert_eq!((apologise.average, apologise.count), (Some(1.5), 2));
    let team = progress(&pool, now + TimeDelta::hours(2))
        .await
        .expect("progress");
    assert_eq!(team.weakest_steps[0].step, Step::Apologise);
    assert_eq!(team.weakest_steps[1].step, Step::Thank);
    assert_eq!(team.drills_this_month, 2);
    assert_eq!(team.quarter_start, "2026-04-01");
    let may = NaiveDate::from_ymd_opt(2026, 5, 20).expect("day");
    assert_eq!(drills_held_since(&pool, 5, may).await.expect("count"), 2);
    assert_eq!(
        drills_held_since(&pool, 5, may.succ_opt().expect("day"))
            .await
            .expect("count"),
        0
    );
    assert_eq!(drills_held_since(&pool, 6, may).await.expect("count"), 0);

    let nobody = DrillInput {
        trainee_ids: vec![9999],
        ..drill
    };
    let refused = save_drill(&pool, &nobody.parse().expect("shape"), now).await;
    assert!(
        matches!(refused, Err(Error::Invalid { ref field, .. }) if field == "traineeIds"),
        "{refused:?}"
    );
}

#[tokio::test]
async fn another_industrys_module_is_a_matrix_column_only_once_someone_has_it() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await; // a postal branch
    let clerk = person(&pool, "李娜", "前台").await;
    let modules = list_modules(&pool, false).await.expect("modules");
    let by_industry = |industry: &str| {
        modules
            .iter()
            .find(|m| m.industry.as_deref() == Some(industry))
            .expect("seeded industry module")
            .id
    };
    let (hotel, postal) = (by_industry("hotel"), by_industry("postal"));
    let columns = |m: &branchdesk::training::repo::matrix::Matrix| -> Vec<i64> {
        m.modules.iter().map(|module| module.id).collect()
    };
    let now = Utc::now();
    let before = matrix(&pool, &MatrixFilter::default(), now)
        .await
        .expect("matrix");
    assert!(
        columns(&before).contains(&postal),
        "the branch's own module"
    );
    assert!(!columns(&before).contains(&hotel), "no other industry's");
    assert_eq!(before.modules.len(), modules.len() - 2);
    assert_eq!(before.people[0].cells.len(), before.modules.len());

    assign(&pool, hotel, &Assignee::Person(clerk), now)
        .await
        .expect("assign");
    let after = matrix(&pool, &MatrixFilter::default(), now + TimeDelta::seconds(1))
        .await
        .expect("matrix");
    let column = columns(&after)
        .iter()
        .position(|id| *id == hotel)
        .expect("an assigned module is shown");
    assert_eq!(after.people[0].cells.len(), after.modules.len());
    assert_eq!(after.people[0].cells[column].status, CellStatus::Assigned);
}
