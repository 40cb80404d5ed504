//! Withdrawing a sign-off or an assignment: the row stays on record with when, who and why,
//! and counts nowhere any more (the module's completion, new staff in a position, past
//! months' report).

use chrono::{TimeDelta, Utc};

use super::{assign_since_new_year, completion_parts, january_and_technique, person, utc};
use crate::support::{TempDb, set_up_branch};
use branchdesk::error::Error;
use branchdesk::training::input::{Assignee, SignOffInput};
use branchdesk::training::model::CellStatus;
use branchdesk::training::module_completion;
use branchdesk::training::repo::curriculum::{assign, list_modules, withdraw_assignment};
use branchdesk::training::repo::matrix::{MatrixFilter, matrix};
use branchdesk::training::repo::signoffs::{person_training, sign_off, withdraw_sign_off};

const HOSTILE: &str = "=cmd|' /C calc'!A0 <img src=x onerror=alert(1)>";

/// January 2026's training completion (items signed, items assigned), as seen on 1 March.
fn field_error(result: Result<impl std::fmt::Debug, Error>) -> (String, String) {
    let err = result.expect_err("refused");
    (err.code().to_owned(), err.field().unwrap_or("").to_owned())
}

#[tokio::test]
async fn a_withdrawn_sign_off_no_longer_completes_the_module_but_stays_in_the_history() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let trainer = person(&pool, "王经理", "店长").await;
    let clerk = person(&pool, "李娜", "前台").await;
    let module = list_modules(&pool, false).await.expect("modules")[4].clone();
    let now = Utc::now();
    assign(&pool, module.id, &Assignee::Person(clerk), now)
        .await
        .expect("assign");
    let today = now
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive()
        .to_string();
    let input = SignOffInput {
        staff_id: clerk,
        item_ids: module.items.iter().map(|i| i.id).collect(),
        signed_on: today,
        trainer_id: Some(trainer),
    };
    let page = sign_off(&pool, &input, now).await.expect("sign");
    assert_eq!(page.modules[0].cell.status, CellStatus::Complete);
    let later = now + TimeDelta::seconds(1);
    assert_eq!(
        module_completion(&pool, module.id, later)
            .await
            .expect("completion")
            .complete,
        1
    );

    // A reason is required, and nothing changes without one.
    let wrong = page.history[0].id;
    assert_eq!(
        field_error(withdraw_sign_off(&pool, wrong, "  \n", None, later).await),
        ("invalid.reason_required".into(), "reason".into())
    );
    assert_eq!(
        field_error(withdraw_sign_off(&pool, wrong, &"x".repeat(2001), None, later).await),
        ("invalid.too_long".into(), "reason".into())
    );
    let page = withdraw_sign_off(&pool, wrong, HOSTILE, Some(trainer), later)
        .await
        .expect("withdraw");
    assert_eq!(page.modules[0].cell.status, CellStatus::InProgress);
    assert_eq!(page.percent, Some(0));
    let item = page.modules[0]
        .items
        .iter()
        .find(|i| i.signed_on.is_none())
        .expect("one item is no longer signed");
    assert!(module.items.iter().any(|i| i.id == item.id));
    // Still in the history: the same number of lines, the withdrawn one marked.
    assert_eq!(page.history.len(), module.items.len());
    let line = page
        .history
        .iter()
        .find(|h| h.id == wrong)
        .expect("still listed");
    let withdrawn = line.withdrawn.as_ref().expect("marked withdrawn");
    assert_eq!(withdrawn.reason, HOSTILE, "stored exactly");
    assert_eq!(withdrawn.by_name.as_deref(), Some("王经理"));
    assert!(withdrawn.at.ends_with('Z'));
    assert_eq!(
        page.history
            .iter()
            .filter(|h| h.withdrawn.is_some())
            .count(),
        1
    );
    assert_eq!(
        module_completion(&pool, module.id, later)
            .await
            .expect("completion")
            .complete,
        0,
        "the module is no longer complete for the prevention measures either"
    );

    // Withdrawing twice is refused, and so is a sign-off that never existed.
    assert!(matches!(
        withdraw_sign_off(&pool, wrong, "again", None, later).await,
        Err(Error::NotFound)
    ));
    assert!(matches!(
        withdraw_sign_off(&pool, 999_999, "none", None, later).await,
        Err(Error::NotFound)
    ));
    // Without a person at the computer the withdrawal has no name.
    let other = page
        .history
        .iter()
        .find(|h| h.withdrawn.is_none())
        .expect("in force")
        .id;
    let page = withdraw_sign_off(&pool, other, "duplicate", None, later)
        .await
        .expect("withdraw");
    let line = page.history.iter().find(|h| h.id == other).expect("listed");
    assert_eq!(line.withdrawn.as_ref().expect("withdrawn").by_name, None);
    let again = person_training(&pool, clerk, later).await.expect("page");
    assert_eq!(again.history.len(), module.items.len());
}

#[tokio::test]
async fn a_withdrawn_position_assignment_no_longer_reaches_new_staff_and_stays_on_record() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let manager = person(&pool, "王经理", "店长").await;
    let clerk = person(&pool, "李娜", "前台").await;
    let module = list_modules(&pool, false).await.expect("modules")[1].clone();
    let now = Utc::now();
    let assigned = assign(&pool, module.id, &Assignee::Position("前台".into()), now)
        .await
        .expect("assign");
    let id = assigned.assignments[0].id;
    assert_eq!(
        field_error(withdraw_assignment(&pool, id, "", Some(manager), now).await),
        ("invalid.reason_required".into(), "reason".into())
    );
    let module_now = withdraw_assignment(&pool, id, "wrong position", Some(manager), now)
        .await
        .expect("withdraw");
    assert!(module_now.assignments.is_empty());
    assert_eq!(module_now.withdrawn_assignments.len(), 1);
    let record = &module_now.withdrawn_assignments[0];
    assert_eq!(record.position.as_deref(), Some("前台"));
    let withdrawn = record.withdrawn.as_ref().expect("marked");
    assert_eq!(withdrawn.reason, "wrong position");
    assert_eq!(withdrawn.by_name.as_deref(), Some("王经理"));
    assert!(matches!(
        withdraw_assignment(&pool, id, "again", None, now).await,
        Err(Error::NotFound)
    ));

    // Someone who joins the position afterwards does not get the module; neither does the
    // clerk already in it.
    let newcomer = person(&pool, "新同事", "前台").await;
    let later = Utc::now() + TimeDelta::seconds(1);
    let grid = matrix(&pool, &MatrixFilter::default(), later)
        .await
        .expect("matrix");
    let column = grid
        .modules
        .iter()
        .position(|m| m.id == module.id)
        .expect("column");
    for who in [clerk, newcomer] {
        let row = grid.people.iter().find(|p| p.id == who).expect("row");
        assert_eq!(row.cells[column].status, CellStatus::NotAssigned);
    }
    assert_eq!(
        module_completion(&pool, module.id, later)
            .await
            .expect("completion")
            .assigned,
        0
    );

    // Assigning again is a new assignment; the withdrawn one stays on record.
    let again = assign(&pool, module.id, &Assignee::Position("前台".into()), later)
        .await
        .expect("assign again");
    assert_eq!(again.assignments.len(), 1);
    assert_ne!(again.assignments[0].id, id);
    assert_eq!(again.withdrawn_assignments.len(), 1);
}

#[tokio::test]
async fn a_sign_off_withdrawn_later_no_longer_counts_in_a_past_months_report() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let trainer = person(&pool, "王经理", "店长").await;
    let clerk = person(&pool, "李娜", "前台").await;
    let technique = january_and_technique(&pool).await;
    assign_since_new_year(&pool, technique.id, &Assignee::Person(clerk)).await;
    let input = SignOffInput {
        staff_id: clerk,
        item_ids: technique.items[..3].iter().map(|i| i.id).collect(),
        signed_on: "2026-01-20".into(),
        trainer_id: Some(trainer),
    };
    let page = sign_off(&pool, &input, Utc::now()).await.expect("sign");
    let total = technique.items.len() as i64;
    assert_eq!(completion_parts(&pool, 1).await, Some((3, total)));
    // Withdrawn in February: January's figure loses it too, the sign-off was a mistake.
    withdraw_sign_off(
        &pool,
        page.history[0].id,
        "signed the wrong person",
        None,
        utc("2026-02-10T02:00:00Z"),
    )
    .await
    .expect("withdraw");
    assert_eq!(completion_parts(&pool, 1).await, Some((2, total)));
}
