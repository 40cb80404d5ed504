//! Desktop manners on a real database: the colour theme survives a reopen and reaches the
//! window's start-up status; a searched list says where each case matched.

use chrono::{TimeZone, Utc};

use super::support::{TempDb, set_up_branch};
use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::cases::repo::list::{CaseQuery, list_cases};
use branchdesk::settings::appearance::{self, Theme};
use branchdesk::settings::repo::list_categories;
use branchdesk::status;

#[tokio::test]
async fn the_theme_starts_as_system_and_a_choice_survives_a_reopen() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    assert_eq!(
        status::status(&pool, &db.path).await.unwrap().theme,
        Theme::System
    );

    appearance::set_theme(&pool, Theme::Dark).await.unwrap();
    pool.close().await;
    let pool = db.open().await;
    let shown = status::status(&pool, &db.path).await.unwrap();
    assert_eq!(shown.theme, Theme::Dark);
    let json = serde_json::to_value(&shown).unwrap();
    assert_eq!(
        json["theme"], "dark",
        "the window reads the theme by this name"
    );
}

#[tokio::test]
async fn searched_rows_carry_the_matched_words_and_unsearched_rows_none() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap();
    let category = list_categories(&pool).await.unwrap()[0].id;
    for (description, name) in [
        ("楼上卫生间漏水，天花板漏水严重", "陈先生"),
        ("The LIFT at <b>block 3</b> is broken", "漏女士"),
    ] {
        let input = CaseInput {
            channel: "phone".into(),
            customer_type: "angry".into(),
            category_id: category,
            description: description.into(),
            complainant_name: Some(name.into()),
            ..Default::default()
        };
        create_case(&pool, &input, None, now).await.unwrap();
    }
    let list = |search: Option<&str>| {
        let query = CaseQuery {
            search: search.map(Into::into),
            ..Default::default()
        };
        let pool = pool.clone();
        async move { list_cases(&pool, &query, now).await.unwrap() }
    };

    let page = list(Some("漏水")).await;
    assert_eq!(page.rows.len(), 1);
    let json = serde_json::to_value(&page.rows[0]).unwrap();
    assert_eq!(json["snippet"]["field"], "description");
    assert_eq!(
        json["snippet"]["parts"],
        serde_json::json!([
            {"text": "楼上卫生间", "hit": false}, {"text": "漏水", "hit": true},
            {"text": "，天花板", "hit": false}, {"text": "漏水", "hit": true},
            {"text": "严重", "hit": false}
        ])
    );

    // A one-character query found through the name: the name is the snippet.
    let page = list(Some("漏")).await;
    let by_name = page
        .rows
        .iter()
        .find_map(|r| r.snippet.as_ref().filter(|s| s.field == "complainantName"));
    assert!(by_name.is_some(), "the complainant's name matched");

    let page = list(Some("lift")).await;
    let parts = &page.rows[0].snippet.as_ref().unwrap().parts;
    assert!(
        parts.iter().any(|p| p.hit && p.text == "LIFT"),
        "shown as written"
    );
    assert!(
        parts
            .iter()
            .any(|p| !p.hit && p.text.contains("<b>block 3</b>")),
        "markup kept as text"
    );

    let page = list(None).await;
    assert!(page.rows.iter().all(|r| r.snippet.is_none()));
    assert!(
        serde_json::to_value(&page.rows[0])
            .unwrap()
            .get("snippet")
            .is_none()
    );
}
