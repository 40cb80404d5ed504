//! What other areas read from training: the monthly report's two figures, the case page's
//! drill suggestion, and the training workbook read back.

use calamine::{Data, Reader, Xlsx};
use chrono::{TimeDelta, Utc};

use super::{assign_since_new_year, january_and_technique, person, utc};
use crate::support::{TempDb, set_up_branch};
use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::export::{ExportOptions, export_month};
use branchdesk::settings::Language;
use branchdesk::settings::repo::list_categories;
use branchdesk::stats::{Month, monthly_report};
use branchdesk::training::export::training_workbook;
use branchdesk::training::input::{Assignee, DrillInput, SignOffInput};
use branchdesk::training::repo::curriculum::{assign, list_modules};
use branchdesk::training::repo::drills::save_drill;
use branchdesk::training::repo::signoffs::sign_off;
use branchdesk::training::repo::suggestion::case_drill_suggestion;
use branchdesk::training::rubric::{ScoreInput, Step};
use branchdesk::training::suggest::WentWrong;

fn full_sheet(score: i64) -> Vec<ScoreInput> {
    Step::ALL
        .iter()
        .map(|s| ScoreInput {
            step: s.as_str().into(),
            score,
            note: None,
        })
        .collect()
}

#[tokio::test]
async fn the_monthly_report_counts_items_signed_at_the_month_end_and_drills_held_in_it() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let trainer = person(&pool, "王经理", "店长").await;
    let clerk = person(&pool, "李娜", "前台").await;
    let technique = january_and_technique(&pool).await;
    let at = Utc::now();
    assign_since_new_year(&pool, technique.id, &Assignee::Person(clerk)).await;
    // Three items signed on 31 January (local), two more on 1 February.
    let ids: Vec<i64> = technique.items.iter().map(|i| i.id).collect();
    for (items, day) in [(&ids[..3], "2026-01-31"), (&ids[3..5], "2026-02-01")] {
        let input = SignOffInput {
            staff_id: clerk,
            item_ids: items.to_vec(),
            signed_on: day.into(),
            trainer_id: Some(trainer),
        };
        sign_off(&pool, &input, at).await.expect("sign");
    }
    // A drill late on 31 January local time (16:30 UTC) belongs to January.
    let drill = DrillInput {
        scenario_id: 1,
        trainee_ids: vec![clerk],
        duration_seconds: 0,
        scores: full_sheet(2),
        ..Default::default()
    };
    save_drill(
        &pool,
        &drill.parse().expect("valid"),
        utc("2026-01-31T15:30:00Z"),
    )
    .await
    .expect("drill");
    save_drill(
        &pool,
        &drill.parse().expect("valid"),
        utc("2026-01-31T16:30:00Z"),
    )
    .await
    .expect("drill");

    let report = monthly_report(
        &pool,
        Month::new(2026, 1).expect("month"),
        utc("2026-03-01T00:00:00Z"),
    )
    .await
    .expect("report");
    let kpi = |key: &str| {
        report
            .kpis
            .iter()
            .find(|k| k.key == key)
            .expect("kpi")
            .clone()
    };
    let total = technique.items.len() as i64;
    assert_eq!(kpi("training_completion").parts, Some((3, total)));
    assert_eq!(kpi("drills_held").value, Some(1.0));
    let february = monthly_report(
        &pool,
        Month::new(2026, 2).expect("month"),
        utc("2026-03-01T00:00:00Z"),
    )
    .await
    .expect("report");
    let kpi = |key: &str| {
        february
            .kpis
            .iter()
            .find(|k| k.key == key)
            .expect("kpi")
            .clone()
    };
    assert_eq!(kpi("training_completion").parts, Some((5, total)));
    assert_eq!(
        kpi("training_completion").previous,
        Some(3.0 / total as f64)
    );
    assert_eq!(kpi("drills_held").value, Some(1.0));

    // The month's workbook has the matrix as January's end saw it: three items of the module.
    let options = ExportOptions::new(Language::En, false);
    let january = Month::new(2026, 1).expect("month");
    let bytes = export_month(&pool, january, &options, utc("2026-03-01T00:00:00Z"))
        .await
        .expect("export");
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
    let sheet = book.worksheet_range("Training").expect("Training sheet");
    assert_eq!(
        sheet.get_value((1, 0)),
        Some(&Data::String("As of 2026-01-31".into()))
    );
    let column = (4..sheet.width() as u32)
        .find(|col| sheet.get_value((3, *col)) == Some(&Data::String(technique.title_en.clone())))
        .expect("the module's column");
    let row = (4..sheet.height() as u32)
        .find(|row| sheet.get_value((*row, 0)) == Some(&Data::String("李娜".into())))
        .expect("the clerk's row");
    assert_eq!(
        sheet.get_value((row, column)),
        Some(&Data::String("in progress".into()))
    );
}

#[tokio::test]
async fn a_reopened_case_suggests_a_scenario_of_its_customer_type_for_its_staff() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let taker = person(&pool, "李娜", "前台").await;
    let category_id = list_categories(&pool).await.expect("categories")[0].id;
    let now = Utc::now();
    let received = (now - TimeDelta::hours(1)).with_timezone(&chrono_tz::Asia::Shanghai);
    let case = CaseInput {
        received_at: Some(received.format("%Y-%m-%dT%H:%M").to_string()),
        channel: "walk_in".into(),
        customer_type: "activist".into(),
        category_id,
        description: "第三次丢件".into(),
        taken_by_id: Some(taker),
        ..Default::default()
    };
    let id = create_case(&pool, &case, Some(taker), now)
        .await
        .expect("case");
    assert!(
        case_drill_suggestion(&pool, id, now)
            .await
            .expect("none")
            .is_none(),
        "a fresh case went fine so far"
    );
    sqlx::query("UPDATE cases SET reopen_count = 1 WHERE id = ?")
        .bind(id)
        .execute(&pool)
        .await
        .expect("reopen");
    let suggestion = case_drill_suggestion(&pool, id, now)
        .await
        .expect("query")
        .expect("a suggestion");
    assert_eq!(suggestion.reasons, [WentWrong::Reopened]);
    assert_eq!(suggestion.scenario.customer_type, "activist");
    assert_eq!(
        suggestion.scenario.industry, "postal",
        "the branch's own industry first"
    );
    assert_eq!(suggestion.staff, [(taker, "李娜".to_string())]);
}

#[tokio::test]
async fn the_workbook_has_a_sheet_per_view_and_keeps_hostile_text_as_text() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let trainer = person(&pool, "=cmd|' /C calc'!A0", "店长").await;
    let clerk = person(&pool, "<img src=x onerror=alert(1)>", "前台").await;
    let now = Utc::now() + TimeDelta::seconds(1);
    let module = list_modules(&pool, false).await.expect("modules")[1].clone();
    assign(&pool, module.id, &Assignee::Position("前台".into()), now)
        .await
        .expect("assign");
    let ids: Vec<i64> = module.items.iter().map(|i| i.id).collect();
    let today = now
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive()
        .to_string();
    sign_off(
        &pool,
        &SignOffInput {
            staff_id: clerk,
            item_ids: ids,
            signed_on: today,
            trainer_id: Some(trainer),
        },
        now,
    )
    .await
    .expect("sign");
    let drill = DrillInput {
        scenario_id: 2,
        trainee_ids: vec![clerk],
        observer_id: Some(trainer),
        duration_seconds: 90,
        scores: full_sheet(1),
        comments: Some("@SUM(A1)".into()),
        ..Default::default()
    };
    save_drill(&pool, &drill.parse().expect("valid"), now)
        .await
        .expect("drill");

    for (lang, sheets, complete) in [
        (
            Language::En,
            ["Matrix", "Drills", "Step averages"],
            "complete",
        ),
        (
            Language::ZhCn,
            ["培训矩阵", "演练记录", "各步骤平均分"],
            "已完成",
        ),
    ] {
        let bytes = training_workbook(&pool, lang, now).await.expect("workbook");
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
        assert_eq!(book.sheet_names(), sheets);
        let matrix = book.worksheet_range(sheets[0]).expect("matrix");
        let row = matrix
            .rows()
            .find(|r| r.first() == Some(&Data::String("<img src=x onerror=alert(1)>".into())))
            .expect("clerk row");
        assert_eq!(row[3], Data::Float(100.0));
        // The handling sequence has a refresher every 6 months: its due day is in the cell.
        let due = (now.with_timezone(&chrono_tz::Asia::Shanghai).date_naive()
            + chrono::Months::new(6))
        .to_string();
        let expected = match lang {
            Language::En => format!("{complete} (due {due})"),
            Language::ZhCn => format!("{complete}（{due} 到期）"),
        };
        assert_eq!(row[5], Data::String(expected));
        let drills = book.worksheet_range(sheets[1]).expect("drills");
        let first = drills.rows().nth(3).expect("a drill row");
        assert_eq!(
            first[4],
            Data::String("=cmd|' /C calc'!A0".into()),
            "a formula-like name stays text"
        );
        assert_eq!(first[5], Data::Float(11.0));
        assert_eq!(first[9], Data::String("@SUM(A1)".into()));
        let steps = book.worksheet_range(sheets[2]).expect("steps");
        assert_eq!(
            steps.rows().nth(3).expect("first step")[1],
            Data::Float(1.0)
        );
    }
}

#[tokio::test]
async fn the_cli_writes_the_training_workbook_in_the_language_asked_for() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    person(&pool, "李娜", "前台").await;
    pool.close().await;
    let out = db.dir.path().join("training.xlsx");
    let out_arg = out.to_str().expect("a UTF-8 path");
    let run = db.cli(&["training-export", "--lang", "en", "--out", out_arg]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).starts_with("Wrote the training workbook to "));
    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("the workbook opens");
    assert_eq!(book.sheet_names(), ["Matrix", "Drills", "Step averages"]);
    let matrix = book.worksheet_range("Matrix").expect("matrix");
    assert!(
        matrix
            .rows()
            .any(|r| r.first() == Some(&Data::String("李娜".into())))
    );
    let bad = db.cli(&["training-export", "--lang", "fr", "--out", out_arg]);
    assert_eq!(bad.status.code(), Some(2), "a bad flag is refused");
}
