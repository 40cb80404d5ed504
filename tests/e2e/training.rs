//! Training end to end in the real window: assign a module to a person, tick its items and see
//! the matrix turn complete; withdraw one sign-off with a reason and see it marked in her
//! history and the module in progress again; run a drill with scores and see the person's history and the
//! team's weakest step.

use branchdesk::settings::Language;
use branchdesk::staff::StaffInput;
use branchdesk::staff::repo::add_staff;
use branchdesk::training::repo::curriculum::list_modules;

use super::dictionary::text;
use super::driver::{App, guard};
use super::fixtures::set_up_branch;

const STEPS: [&str; 11] = [
    "separate",
    "ask",
    "listen",
    "no_interrupt",
    "confirm",
    "apologise",
    "acknowledge",
    "summarise",
    "explain",
    "thank",
    "follow_up",
];

fn en(key: &str) -> String {
    text("en/training", key)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_module_signed_off_turns_the_matrix_complete_and_a_drill_reaches_history_and_progress() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("Harbour Hotel", "hh01", "hotel"), Language::En).await;
    let mut ids = Vec::new();
    for (name, position) in [("Wang Lei", "Manager"), ("Li Na", "Front desk")] {
        let staff = StaffInput {
            name: name.into(),
            position: Some(position.into()),
            ..Default::default()
        };
        ids.push(add_staff(&pool, &staff.parse().unwrap()).await.unwrap().id);
    }
    let (trainer, trainee) = (ids[0], ids[1]);
    let module = list_modules(&pool, false).await.unwrap()[0].clone();
    pool.close().await;

    let app = App::launch(&tauri_driver, &db).await;
    app.click("a[data-nav=training]").await;
    app.wait_for("#training-matrix").await;
    let cell =
        format!("#training-matrix tr[data-staff-id=\"{trainee}\"] td.matrix-cell .cell-word");
    app.wait_text(&cell, &en("training.status.not_assigned"))
        .await;

    // Assign the first module to Li Na in the curriculum.
    app.click("#training-tab-curriculum").await;
    let card = format!("li[data-module-id=\"{}\"]", module.id);
    app.select(
        &format!("{card} select[name=target]"),
        &format!("staff:{trainee}"),
    )
    .await;
    app.click(&format!("{card} form.assign-form button[type=submit]"))
        .await;
    app.wait_text_containing(&format!("{card} .chip"), "Li Na")
        .await;

    // Tick every item on her page, signed off by Wang Lei.
    app.click("#training-tab-matrix").await;
    app.wait_text(&cell, &en("training.status.assigned")).await;
    app.click(&format!(
        "#training-matrix tr[data-staff-id=\"{trainee}\"] a.matrix-name"
    ))
    .await;
    app.wait_for("#signoff-form").await;
    for item in &module.items {
        app.click(&format!("label[for=\"signoff-item-{}\"]", item.id))
            .await;
    }
    app.select("#signoff-trainer", &trainer.to_string()).await;
    app.click("#signoff-submit").await;
    app.wait_text_containing(
        &format!(
            ".person-module[data-module-id=\"{}\"] .cell-word",
            module.id
        ),
        &en("training.status.complete"),
    )
    .await;
    assert_eq!(
        app.count("#person-history tbody tr").await,
        module.items.len()
    );
    app.click(".back-link").await;
    app.wait_text(&cell, &en("training.status.complete")).await;

    // One sign-off was a mistake: withdrawn with a reason, it stays in her history, marked,
    // and the module is in progress again.
    app.click(&format!(
        "#training-matrix tr[data-staff-id=\"{trainee}\"] a.matrix-name"
    ))
    .await;
    app.click("#person-history button.withdraw").await;
    app.wait_for("#reason-dialog[open] #reason-text").await;
    app.type_into("#reason-text", "Signed for the wrong item")
        .await;
    app.click("#reason-ok").await;
    app.wait_text(
        "#person-history tr.is-withdrawn .tag-withdrawn",
        &en("training.withdraw.word"),
    )
    .await;
    app.wait_text_containing(
        "#person-history tr.is-withdrawn .withdrawn-reason",
        "Signed for the wrong item",
    )
    .await;
    assert_eq!(
        app.count("#person-history tbody tr").await,
        module.items.len()
    );
    app.wait_text_containing(
        &format!(
            ".person-module[data-module-id=\"{}\"] .cell-word",
            module.id
        ),
        &en("training.status.in_progress"),
    )
    .await;
    app.click(".back-link").await;
    app.wait_text(&cell, &en("training.status.in_progress"))
        .await;

    // Run a drill with her: the weakest step is the one scored 0.
    app.click(&format!(
        "#training-matrix tr[data-staff-id=\"{trainee}\"] a.matrix-name"
    ))
    .await;
    app.click("#person-run-drill").await;
    app.wait_for("#drill-setup").await;
    let scenario = app.first_option("#drill-scenario").await;
    app.select("#drill-scenario", &scenario).await;
    app.select("#drill-observer", &trainer.to_string()).await;
    app.click("#drill-begin").await;
    app.wait_for("#drill-runner").await;
    app.click("#drill-timer").await;
    for step in STEPS {
        let score = if step == "apologise" { 0 } else { 3 };
        app.click(&format!("label[for=\"score-{step}-{score}\"]"))
            .await;
    }
    app.wait_text_containing("#drill-total", "Total 30 / 33")
        .await;
    app.click("#drill-save").await;
    app.wait_text("#drill-done-total", "30 / 33").await;

    app.click("#drill-done a[href^=\"#/training/person/\"]")
        .await;
    app.wait_for("#person-drills .drill-list li").await;
    assert_eq!(app.count("#person-drills .drill-list li").await, 1);
    app.wait_text("#person-drills .drill-total", "30 / 33")
        .await;
    app.click("#training-tab-progress").await;
    app.wait_for("#weakest-list").await;
    app.wait_text_containing("#weakest-list li", &en("training.step.apologise"))
        .await;
    app.quit().await;
}
