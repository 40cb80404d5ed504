//! Printing end to end: the case history report and the monthly report printed from the real
//! window to PDF (WebKitGTK's print operation on GTK's file printer, which the app uses instead
//! of the print dialog when `BRANCHDESK_PRINT_TO_PDF` names a file), then read back with
//! poppler's `pdfinfo` and `pdftotext`: A4 pages, the case number and Chinese text on them, and
//! the complainant's phone masked unless "include personal data" was ticked.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::cases::repo::detail::get_case;
use branchdesk::cases::repo::workflow::add_entry;
use branchdesk::settings::Language;
use branchdesk::settings::repo::list_categories;
use chrono::{TimeDelta, Utc};

use super::driver::{App, guard};
use super::fixtures::set_up_branch;

const PHONE: &str = "13800138000";
const MASKED_PHONE: &str = "138****8000";
/// A name whose characters pdftotext reads back as themselves (Noto CJK maps some common
/// ones, such as 小, to the look-alike Kangxi radicals).
const NAME: &str = "王建国";

/// Waits for the printed PDF (it appears whole, renamed from `.part` when WebKit finishes).
async fn wait_for_pdf(pdf: &Path) {
    let started = Instant::now();
    while !pdf.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no PDF was printed to {}",
            pdf.display()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Keeps a copy of `pdf` as `name` in the folder `BRANCHDESK_E2E_PDF_DIR` names, if set, for
/// people to look at the pages.
fn keep(pdf: &Path, name: &str) {
    if let Some(dir) = std::env::var_os("BRANCHDESK_E2E_PDF_DIR") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("make the folder for the kept PDFs");
        std::fs::copy(pdf, dir.join(name)).expect("keep a copy of the PDF");
    }
}

/// Runs a poppler tool on `pdf` and returns what it printed.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) could not run: {e}"));
    assert!(out.status.success(), "{tool} failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The number of pages, after checking each is A4 (595 × 842 points).
fn a4_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) could not run");
    let info = String::from_utf8_lossy(&out.stdout);
    let sizes: Vec<&str> = info
        .lines()
        .filter(|line| line.starts_with("Page") && line.contains("size:"))
        .collect();
    assert!(!sizes.is_empty(), "no pages in the PDF:\n{info}");
    for size in &sizes {
        // "Page    1 size: 595 x 842 pts (A4)" (points may carry decimals).
        let points: Vec<f64> = size
            .split_whitespace()
            .filter_map(|word| word.parse().ok())
            .skip(1)
            .collect();
        let a4 = matches!(points[..], [w, h] if w.round() == 595.0 && h.round() == 842.0);
        assert!(a4 && size.contains("(A4)"), "a page is not A4: {size}");
    }
    sizes.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_prints_to_a4_pdf_masked_unless_personal_data_is_chosen() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("徐汇快递服务点", "xh01", "postal"), Language::ZhCn).await;
    let category = list_categories(&pool).await.unwrap()[0].id;
    let received = Utc::now() - TimeDelta::hours(5);
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
        description: format!("包裹延误三天，客户来电 {PHONE} 要求赔偿"),
        complainant_name: Some(NAME.into()),
        phone: Some(PHONE.into()),
        ..Default::default()
    };
    let id = create_case(&pool, &case, None, received + TimeDelta::minutes(5))
        .await
        .unwrap();
    // A long history, so the report runs over several pages.
    for n in 1..=30 {
        let note = format!("第 {n} 次回电：客户仍在等待包裹，已催促派送站加急处理并再次致歉。");
        add_entry(
            &pool,
            id,
            "call",
            &note,
            None,
            received + TimeDelta::minutes(10 + n),
        )
        .await
        .unwrap();
    }
    let detail = get_case(&pool, id, Utc::now()).await.unwrap();
    let number = detail.fields["number"].as_str().unwrap().to_owned();
    pool.close().await;

    let pdf = dir.path().join("case.pdf");
    let pdf_env = pdf.to_str().unwrap();
    let app =
        App::launch_with_env(&tauri_driver, &db, &[("BRANCHDESK_PRINT_TO_PDF", pdf_env)]).await;
    app.client
        .execute(&format!("location.hash = '#/cases/{id}'"), vec![])
        .await
        .unwrap();
    app.wait_text("#case-number", &number).await;

    // Printed as it comes: masked.
    app.click("#case-print").await;
    app.wait_for("#print-dialog[open] #print-personal").await;
    app.click("#print-ok").await;
    wait_for_pdf(&pdf).await;
    keep(&pdf, "case-masked.pdf");
    let pages = a4_pages(&pdf);
    let text = poppler("pdftotext", &["-layout"], &pdf);
    assert!(pages >= 2, "thirty calls take more than a page");
    // No entry is cut in half by a page break: each call's note is whole on exactly one page.
    let page_texts: Vec<String> = (1..=pages)
        .map(|page| {
            let page = page.to_string();
            poppler("pdftotext", &["-layout", "-f", &page, "-l", &page], &pdf)
        })
        .collect();
    for n in 1..=30 {
        let start = format!("第 {n} 次回电：");
        let whole = page_texts
            .iter()
            .flat_map(|text| text.lines())
            .filter(|line| line.contains(&start) && line.ends_with("加急处理并再次致歉。"))
            .count();
        assert_eq!(whole, 1, "call {n} is printed whole, once");
    }
    assert!(
        text.contains(&number),
        "the case number is printed:\n{text}"
    );
    assert!(
        text.contains("案件记录"),
        "Chinese text is printed:\n{text}"
    );
    assert!(
        text.contains("包裹延误三天"),
        "the complaint is printed:\n{text}"
    );
    assert!(
        text.contains(MASKED_PHONE),
        "the masked phone is printed:\n{text}"
    );
    assert!(
        !text.contains(PHONE),
        "the real phone is not printed:\n{text}"
    );
    assert!(
        !text.contains(NAME),
        "the full name is not printed:\n{text}"
    );
    assert!(
        text.contains("修改记录摘要"),
        "the audit summary is printed:\n{text}"
    );

    // With personal data chosen (the manager may see it): the real phone and name.
    std::fs::remove_file(&pdf).unwrap();
    app.click("#case-print").await;
    app.wait_for("#print-dialog[open] #print-personal").await;
    app.click("#print-personal").await;
    app.click("#print-ok").await;
    wait_for_pdf(&pdf).await;
    keep(&pdf, "case-personal.pdf");
    a4_pages(&pdf);
    let text = poppler("pdftotext", &["-layout"], &pdf);
    assert!(text.contains(PHONE), "the chosen phone is printed:\n{text}");
    assert!(text.contains(NAME), "the chosen name is printed:\n{text}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_monthly_report_prints_to_a4_pdf_with_its_glossary_page() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("徐汇快递服务点", "xh01", "postal"), Language::ZhCn).await;
    let category = list_categories(&pool).await.unwrap()[0].id;
    let this_month = branchdesk::stats::current_month(Utc::now(), chrono_tz::Asia::Shanghai);
    let received = this_month.previous().start(chrono_tz::Asia::Shanghai) + TimeDelta::days(3);
    for text in ["包裹延误三天", "快递员态度差"] {
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
            complainant_name: Some(NAME.into()),
            phone: Some(PHONE.into()),
            ..Default::default()
        };
        create_case(&pool, &case, None, received + TimeDelta::minutes(5))
            .await
            .unwrap();
    }
    pool.close().await;

    let pdf = dir.path().join("report.pdf");
    let app = App::launch_with_env(
        &tauri_driver,
        &db,
        &[("BRANCHDESK_PRINT_TO_PDF", pdf.to_str().unwrap())],
    )
    .await;
    app.click("a[data-nav=reports]").await;
    app.wait_text("tr.kpi-row[data-kpi=received] .kpi-figure", "2")
        .await;
    app.click("#report-print").await;
    wait_for_pdf(&pdf).await;
    keep(&pdf, "report.pdf");
    let pages = a4_pages(&pdf);
    assert!(pages >= 2, "the glossary prints on a page of its own");
    let text = poppler("pdftotext", &["-layout"], &pdf);
    assert!(
        text.contains("徐汇快递服务点"),
        "the branch is named:\n{text}"
    );
    // The glossary starts a page of its own, after the figures.
    let glossary_page = (1..=pages).find(|page| {
        let page = page.to_string();
        let text = poppler("pdftotext", &["-f", &page, "-l", &page], &pdf);
        text.lines().find(|line| !line.trim().is_empty()) == Some("指标说明")
    });
    assert!(
        glossary_page.is_some_and(|page| page > 1),
        "no page starts with the glossary:\n{text}"
    );
    assert!(!text.contains(PHONE), "no phone number is printed:\n{text}");
    app.quit().await;
}
