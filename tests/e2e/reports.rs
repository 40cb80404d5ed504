//! Reports end to end: open the Reports screen on a branch with complaints, step back a month,
//! export the workbook to a chosen path, open a figure's cases, and read the file back.

use calamine::{Data, Reader, Xlsx, open_workbook};

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::settings::Language;
use branchdesk::settings::repo::list_categories;
use branchdesk::stats::current_month;
use chrono::{TimeDelta, Utc};

use super::driver::{App, guard};
use super::fixtures::set_up_branch;

/// Stands in for the native save dialog (which WebDriver cannot answer): every other call
/// still goes to the real backend.
const ANSWER_SAVE_DIALOG: &str = r#"
    const [path] = arguments;
    const original = window.__TAURI__.core;
    const core = Object.assign({}, original, {
        invoke: (command, args) => command === 'plugin:dialog|save' ? Promise.resolve(path) : original.invoke(command, args),
    });
    // Tauri freezes its `core` object, so the whole object is swapped for a patched copy.
    try { window.__TAURI__.core = core; } catch (err) { /* a read-only property: replace the parent */ }
    if (window.__TAURI__.core !== core) window.__TAURI__ = Object.assign({}, window.__TAURI__, { core });
    return window.__TAURI__.core === core;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_show_a_month_and_export_it_to_a_chosen_file() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("徐汇快递服务点", "xh01", "postal"), Language::En).await;
    let category = list_categories(&pool).await.unwrap()[0].id;
    // Three complaints received last month (one with formula-looking text).
    let this_month = current_month(Utc::now(), chrono_tz::Asia::Shanghai);
    let last_month = this_month.previous();
    let received = last_month.start(chrono_tz::Asia::Shanghai) + TimeDelta::days(3);
    for text in ["包裹延误三天", "=cmd|' /C calc'!A0", "快递员态度差"] {
        let case = CaseInput {
            received_at: Some(
                received
                    .with_timezone(&chrono_tz::Asia::Shanghai)
                    .format("%Y-%m-%dT%H:%M")
                    .to_string(),
            ),
            channel: "phone".into(),
            customer_type: "angry".into(),
            category_id: category,
            description: text.into(),
            complainant_name: Some("王小明".into()),
            phone: Some("13800138000".into()),
            ..Default::default()
        };
        create_case(&pool, &case, None, received + TimeDelta::minutes(5))
            .await
            .unwrap();
    }
    pool.close().await;

    let app = App::launch(&tauri_driver, &db).await;
    app.click("a[data-nav=reports]").await;
    app.wait_for("#report-month").await;
    // The screen opens on the last complete month: the one with the three complaints.
    app.wait_for("tr.kpi-row[data-kpi=received]").await;
    app.wait_text("tr.kpi-row[data-kpi=received] .kpi-figure", "3")
        .await;
    // The month before has nothing at all: the screen says so instead of a table of zeros.
    app.click("#report-prev").await;
    app.wait_for("#report-empty").await;
    app.click("#report-next").await;
    app.wait_text("tr.kpi-row[data-kpi=received] .kpi-figure", "3")
        .await;

    let out = dir
        .path()
        .join("chosen")
        .join(format!("XH01_{last_month}_complaints.xlsx"));
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    // The page sends the chosen path as a string; Rust checks it. A workbook-looking link to
    // the database is refused and explained.
    let disguised = out.with_file_name("innocent.xlsx");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&db, &disguised).unwrap();
    app.client
        .execute(
            ANSWER_SAVE_DIALOG,
            vec![disguised.display().to_string().into()],
        )
        .await
        .unwrap();
    app.click("#report-export-button").await;
    app.wait_text_containing("#report-export-error", "BranchDesk’s own data file")
        .await;
    let patched = app
        .client
        .execute(ANSWER_SAVE_DIALOG, vec![out.display().to_string().into()])
        .await
        .unwrap();
    assert_eq!(
        patched,
        serde_json::Value::Bool(true),
        "the dialog stand-in is in place"
    );
    app.click("#report-export-button").await;
    app.wait_for("#report-export-done").await;
    // A figure in the table opens the list of exactly its cases, saying which figure it is.
    app.click("tr.kpi-row[data-kpi=valid] a.kpi-figure").await;
    app.wait_text_containing("#case-figure-note", "Valid complaints")
        .await;
    app.wait_text("#case-range", "1–3 of 3").await;
    assert_eq!(app.count("#case-table tr[data-case-id]").await, 3);
    app.quit().await;

    let mut book: Xlsx<_> = open_workbook(&out).expect("the exported workbook opens");
    let names = book.sheet_names();
    assert!(
        names.len() >= 4,
        "summary, breakdowns, cases, glossary: {names:?}"
    );
    let cases = book
        .worksheet_range(
            &names[names
                .iter()
                .position(|n| n == "Cases")
                .expect("a Cases sheet")],
        )
        .unwrap();
    let texts: Vec<String> = cases
        .rows()
        .flat_map(|row| row.iter())
        .filter_map(|cell| match cell {
            Data::String(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(
        texts.iter().any(|t| t == "=cmd|' /C calc'!A0"),
        "formula text kept as text"
    );
    assert!(
        !texts.iter().any(|t| t == "王小明"),
        "names are masked by default"
    );
    assert_eq!(
        texts.iter().filter(|t| t.starts_with("XH01-")).count(),
        3,
        "one row per case of {last_month}"
    );
}
