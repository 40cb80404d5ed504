//! Prevention end to end, in the real window on a real database: start a plan from the
//! analysis view, start it, add measures (one from a suggestion, one already overdue) and
//! complete them, see the effect chart, and record the evaluation.

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::settings::repo::list_categories;
use branchdesk::settings::{BranchInput, Language};
use branchdesk::status::{self, SetupInput};
use branchdesk::store;
use chrono::{TimeDelta, Utc};

use super::driver::{App, guard};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_started_from_the_analysis_is_carried_out_measured_and_evaluated() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = store::open(&db).await.unwrap();
    let input = SetupInput {
        branch: BranchInput {
            name: "徐汇快递服务点".into(),
            code: "xh01".into(),
            industry: "postal".into(),
            timezone: "Asia/Shanghai".into(),
        },
        language: Language::En.as_str().into(),
    };
    status::setup(&pool, &input).await.unwrap();
    let category = list_categories(&pool).await.unwrap()[0].id;
    // Delay complaints spread over the last four months, so the analysis ranks them and the
    // plan has a baseline before its start.
    for days_ago in [20, 35, 50, 65, 80, 95, 110] {
        let received = Utc::now() - TimeDelta::days(days_ago);
        let case = CaseInput {
            received_at: Some(
                received
                    .with_timezone(&chrono_tz::Asia::Shanghai)
                    .format("%Y-%m-%dT%H:%M")
                    .to_string(),
            ),
            channel: "phone".into(),
            customer_type: "unknown".into(),
            category_id: category,
            description: "包裹延误".into(),
            grade: Some(4),
            grade_reason: Some("一般投诉".into()),
            ..Default::default()
        };
        let id = create_case(&pool, &case, None, received + TimeDelta::minutes(5))
            .await
            .unwrap();
        // What resolving the case would have recorded as its cause.
        sqlx::query("UPDATE cases SET root_cause = 'delay' WHERE id = ?")
            .bind(id)
            .execute(&pool)
            .await
            .unwrap();
    }
    pool.close().await;

    let app = App::launch(&tauri_driver, &db).await;
    app.click("a[data-nav=prevention]").await;
    app.wait_for("#prevention-empty").await;
    app.click("#prevention-tab-analysis").await;
    app.click("#analysis-causes tr[data-key=delay] .start-plan")
        .await;
    app.wait_for("#plan-new").await;
    assert_eq!(
        app.client
            .execute(
                "return document.querySelector('#plan-new-rootCause').value",
                vec![]
            )
            .await
            .unwrap(),
        serde_json::json!("delay"),
        "the target comes from the row"
    );
    app.click("#plan-new button[type=submit]").await;
    app.wait_for("#plan-phases").await;
    app.click("#plan-start").await;
    app.wait_text("#plan-status", "Active").await;
    // Each move redraws the page: wait for it before the next click.
    for phase in ["Analyse", "Formulate"] {
        app.click("#plan-phase-forward").await;
        app.wait_text("#plan-phase", phase).await;
    }

    // While formulating, a suggestion fills the form; a second measure was due yesterday.
    app.wait_for("#measure-suggestions").await;
    app.click("#measure-suggestions dd[data-kind=training] .suggestion-use")
        .await;
    let tomorrow = (Utc::now() + TimeDelta::days(30))
        .format("%Y-%m-%d")
        .to_string();
    app.set_value("#measure-add-dueDate", &tomorrow).await;
    app.click("#measure-add-save").await;
    app.wait_for("#measure-list .measure").await;
    app.select("#measure-add-kind", "notice").await;
    app.type_into(
        "#measure-add-description",
        "Notice about delivery times at the counter",
    )
    .await;
    let past = (Utc::now() - TimeDelta::days(3))
        .format("%Y-%m-%d")
        .to_string();
    app.set_value("#measure-add-dueDate", &past).await;
    app.click("#measure-add-save").await;
    app.wait_for("#measure-list .measure.is-overdue").await;
    assert_eq!(app.count("#measure-list .measure").await, 2);

    // Both are carried out; the overdue mark goes.
    for _ in 0..2 {
        app.click("#measure-list .measure-planned button[id$='-done']")
            .await;
        app.wait_for(".measure-done-form").await;
        app.type_into(
            ".measure-done-form textarea",
            "Sign-in sheet kept at the counter",
        )
        .await;
        app.click(".measure-done-form button[type=submit]").await;
        app.wait_for("#plan-measures").await;
        while app.count(".measure-done-form").await > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    assert_eq!(app.count("#measure-list .measure-done").await, 2);
    assert_eq!(app.count("#measure-list .measure.is-overdue").await, 0);

    // The effect chart shows the baseline before the start and the start itself.
    app.wait_for("#plan-effect-chart svg").await;
    assert!(app.count("#plan-effect-chart rect.effect-bar-before").await >= 1);
    assert_eq!(
        app.count("#plan-effect-chart rect.effect-bar-after").await,
        1
    );

    for phase in ["Implement", "Evaluate"] {
        app.click("#plan-phase-forward").await;
        app.wait_text("#plan-phase", phase).await;
    }
    app.wait_for("#plan-evaluate").await;
    app.click("#plan-evaluate-partly").await;
    app.type_into("#plan-evaluate-nextStep", "Keep the notice; add a survey")
        .await;
    app.click("#plan-evaluate-save").await;
    app.wait_text("#plan-conclusion", "Partly effective").await;
    app.wait_text("#plan-status", "Done").await;
    app.quit().await;

    let pool = store::open(&db).await.unwrap();
    let (status, phase, conclusion, next_step): (String, String, String, String) =
        sqlx::query_as("SELECT status, phase, conclusion, next_step FROM prevention_plans")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        (
            status.as_str(),
            phase.as_str(),
            conclusion.as_str(),
            next_step.as_str()
        ),
        (
            "done",
            "evaluate",
            "partly",
            "Keep the notice; add a survey"
        )
    );
    let done: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM prevention_measures WHERE status = 'done' AND done_on IS NOT NULL",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(done, 2);
    let moves: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM prevention_audit WHERE field = 'phase'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(moves, 4, "every phase move is recorded");
}
