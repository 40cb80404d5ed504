//! Keeping a late case's customer informed: the prompt, the quick form's update on the
//! timeline, the prompt's return, and the report's "kept informed" figure and its list.

use super::*;
use branchdesk::cases::progress::ProgressInput;
use branchdesk::cases::repo::list::{CaseQuery, FigureFilter, list_cases};
use branchdesk::cases::repo::progress::add_progress;
use branchdesk::stats::{Month, monthly_report};

fn told(method: &str, said: &str, at: Option<&str>) -> ProgressInput {
    ProgressInput {
        method: method.into(),
        said: said.into(),
        told_at: at.map(str::to_owned),
    }
}

#[tokio::test]
async fn a_late_case_prompts_an_update_which_quiets_it_for_three_days() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let received = now() - TimeDelta::days(20);
    let late = case_at(&pool, received, &["acknowledged", "investigating"]).await;
    let on_time = case_at(&pool, now(), &["acknowledged"]).await;
    assert!(
        get_casework(&pool, on_time, now())
            .await
            .unwrap()
            .prompt
            .is_none()
    );
    let panel = get_casework(&pool, late, now()).await.unwrap();
    let prompt = panel.prompt.expect("late and never told");
    assert_eq!(prompt.last_update, None);
    assert_eq!(panel.prompt_again_after_days, 3);

    let err = add_progress(&pool, late, &told("fax", "x", None), None, now()).await;
    assert_eq!(err.unwrap_err().field(), Some("method"));
    let err = add_progress(
        &pool,
        late,
        &told("call", "x", Some("2026-11-21T09:00")),
        None,
        now(),
    )
    .await;
    assert_eq!(
        err.unwrap_err().field(),
        Some("toldAt"),
        "not in the future"
    );
    let hostile = "<script>alert(1)</script> 已告知师傅周五上门";
    add_progress(
        &pool,
        late,
        &told("call", hostile, Some("2026-11-20T09:30")),
        None,
        now(),
    )
    .await
    .unwrap();
    let panel = get_casework(&pool, late, now()).await.unwrap();
    assert!(panel.prompt.is_none());
    assert_eq!(panel.progress.len(), 1);
    assert_eq!(panel.progress[0].said, hostile);
    assert_eq!(panel.progress[0].told_at, "2026-11-20T01:30:00Z");
    let page = get_case(&pool, late, now()).await.unwrap();
    let entry = page.timeline.iter().find(|e| e.kind == "progress").unwrap();
    assert_eq!(
        (entry.body.as_str(), entry.new_value.as_deref()),
        (hostile, Some("call"))
    );
    assert_eq!(
        page.audit
            .iter()
            .filter(|a| a.field == "progress_update")
            .count(),
        1
    );

    let three_days = now() + TimeDelta::days(3) - TimeDelta::hours(2);
    assert!(
        get_casework(&pool, late, three_days)
            .await
            .unwrap()
            .prompt
            .is_none()
    );
    let later = now() + TimeDelta::days(4);
    let again = get_casework(&pool, late, later)
        .await
        .unwrap()
        .prompt
        .expect("back");
    assert_eq!(
        again.last_update.map(|t| t.to_rfc3339()),
        Some("2026-11-20T01:30:00+00:00".into())
    );
}

#[tokio::test]
async fn the_kept_informed_figure_counts_the_late_cases_its_link_lists() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let october = |day: u32| Utc.with_ymd_and_hms(2026, 10, day, 2, 0, 0).unwrap();
    // Three cases received in October that run late; one on time.
    let told_case = case_at(&pool, october(2), &["acknowledged", "investigating"]).await;
    let untold = case_at(&pool, october(3), &["acknowledged", "investigating"]).await;
    let told_early = case_at(&pool, october(4), &["acknowledged"]).await;
    case_at(&pool, october(29), &["acknowledged"]).await;
    add_progress(
        &pool,
        told_case,
        &told("visit", "上门说明进度", None),
        None,
        october(25),
    )
    .await
    .unwrap();
    // Told before its deadline passed: not a progress update on a late case.
    add_progress(
        &pool,
        told_early,
        &told("message", "已派单", None),
        None,
        october(5),
    )
    .await
    .unwrap();
    let report = monthly_report(&pool, Month::new(2026, 10).unwrap(), now())
        .await
        .unwrap();
    let kpi = report
        .kpis
        .iter()
        .find(|k| k.key == "kept_informed_share")
        .unwrap();
    assert_eq!(kpi.parts, Some((1, 3)));
    let listed = |hits: bool| {
        let pool = pool.clone();
        async move {
            let query = CaseQuery {
                figure: Some(FigureFilter {
                    month: "2026-10".into(),
                    key: "kept_informed_share".into(),
                    code: None,
                    hits,
                }),
                ..Default::default()
            };
            let page = list_cases(&pool, &query, now()).await.unwrap();
            let mut ids: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
            ids.sort_unstable();
            ids
        }
    };
    assert_eq!(listed(false).await, [told_case, untold, told_early]);
    assert_eq!(listed(true).await, [told_case]);
    let justified = report
        .kpis
        .iter()
        .find(|k| k.key == "justified_complaints")
        .unwrap();
    assert_eq!(
        justified.value,
        Some(0.0),
        "none of them got past verification"
    );
}
