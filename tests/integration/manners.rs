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

mod reminders {
    use chrono::{TimeDelta, TimeZone, Utc};

    use crate::support::{TempDb, set_up_branch};
    use branchdesk::cases::intake::CaseInput;
    use branchdesk::cases::repo::create::create_case;
    use branchdesk::reminders::model::ReminderKind;
    use branchdesk::reminders::{ReminderSettings, repo};
    use branchdesk::settings::repo::list_categories;

    async fn crisis_case(pool: &sqlx::SqlitePool, at: chrono::DateTime<Utc>) -> i64 {
        let category = list_categories(pool).await.expect("categories")[0].id;
        let input = CaseInput {
            channel: "media".into(),
            customer_type: "angry".into(),
            category_id: category,
            description: "业主在网上发帖，称小区停水两天".into(),
            grade: Some(1),
            ..Default::default()
        };
        create_case(pool, &input, None, at)
            .await
            .expect("a crisis case")
    }

    #[tokio::test]
    async fn due_reminders_are_sent_once_even_after_a_restart() {
        let db = TempDb::new();
        let pool = set_up_branch(&db).await;
        let received = Utc.with_ymd_and_hms(2026, 12, 3, 1, 0, 0).unwrap();
        let id = crisis_case(&pool, received).await;
        // Summary off, so only the case's own events count.
        let settings = ReminderSettings {
            off: vec![ReminderKind::Summary],
            ..Default::default()
        };
        repo::set_settings(&pool, &settings).await.unwrap();

        let now = received + TimeDelta::minutes(90);
        let first = repo::take_due(&pool, now).await.unwrap();
        let kinds: Vec<ReminderKind> = first.iter().map(|(_, r)| r.kind).collect();
        assert!(kinds.contains(&ReminderKind::Crisis), "{kinds:?}");
        assert!(
            first
                .iter()
                .all(|(_, r)| r.route == format!("#/cases/{id}"))
        );
        let (sent_id, _) = first[0];
        assert_eq!(
            repo::route_of(&pool, sent_id).await.unwrap().as_deref(),
            Some(format!("#/cases/{id}").as_str()),
            "a click finds its page"
        );
        assert!(
            repo::take_due(&pool, now + TimeDelta::minutes(1))
                .await
                .unwrap()
                .is_empty()
        );

        pool.close().await;
        let pool = db.open().await;
        assert!(
            repo::take_due(&pool, now + TimeDelta::minutes(2))
                .await
                .unwrap()
                .is_empty(),
            "what was sent is remembered in the database"
        );
    }

    #[tokio::test]
    async fn a_kind_turned_off_is_not_sent_and_settings_are_checked() {
        let db = TempDb::new();
        let pool = set_up_branch(&db).await;
        let received = Utc.with_ymd_and_hms(2026, 12, 3, 1, 0, 0).unwrap();
        crisis_case(&pool, received).await;
        assert_eq!(
            repo::get_settings(&pool).await.unwrap(),
            ReminderSettings::default()
        );
        let off = ReminderSettings {
            off: ReminderKind::ALL.to_vec(),
            summary_time: " 07:45 ".into(),
        };
        let stored = repo::set_settings(&pool, &off).await.unwrap();
        assert_eq!(stored.summary_time, "07:45");
        assert_eq!(repo::get_settings(&pool).await.unwrap(), stored);
        assert!(
            repo::take_due(&pool, received + TimeDelta::hours(5))
                .await
                .unwrap()
                .is_empty()
        );

        let bad = ReminderSettings {
            summary_time: "8点半".into(),
            ..Default::default()
        };
        let err = repo::set_settings(&pool, &bad).await.unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            ("invalid.range", Some("summaryTime"))
        );
        assert_eq!(
            repo::get_settings(&pool).await.unwrap(),
            stored,
            "nothing changed"
        );
    }

    async fn summary_keys(pool: &sqlx::SqlitePool) -> Vec<String> {
        sqlx::query_scalar("SELECT key FROM reminders_sent WHERE kind = 'summary' ORDER BY key")
            .fetch_all(pool)
            .await
            .expect("the sent summaries")
    }

    #[tokio::test]
    async fn old_reminders_are_forgotten_once_settled_but_a_still_due_one_never_comes_again() {
        let db = TempDb::new();
        let pool = set_up_branch(&db).await;
        let received = Utc.with_ymd_and_hms(2026, 12, 3, 1, 0, 0).unwrap();
        crisis_case(&pool, received).await;
        let first = repo::take_due(&pool, received + TimeDelta::hours(12))
            .await
            .unwrap();
        let first_kinds: Vec<ReminderKind> = first.iter().map(|(_, r)| r.kind).collect();
        assert!(
            first_kinds.contains(&ReminderKind::Summary),
            "{first_kinds:?}"
        );
        assert!(
            first_kinds.contains(&ReminderKind::Crisis),
            "{first_kinds:?}"
        );
        let first_summary = summary_keys(&pool).await;
        assert_eq!(first_summary.len(), 1);

        // Four months on, the case is still open: that day's summary is long settled.
        let later = received + TimeDelta::days(120) + TimeDelta::hours(12);
        let again = repo::take_due(&pool, later).await.unwrap();
        let again_kinds: Vec<ReminderKind> = again.iter().map(|(_, r)| r.kind).collect();
        assert!(
            !again_kinds.contains(&ReminderKind::Crisis),
            "the crisis was told once: {again_kinds:?}"
        );
        let summaries = summary_keys(&pool).await;
        assert!(
            !summaries.contains(&first_summary[0]),
            "a 120-day-old summary is forgotten: {summaries:?}"
        );
        assert_eq!(summaries.len(), 1, "today's summary only: {summaries:?}");
        assert!(
            repo::take_due(&pool, later + TimeDelta::minutes(1))
                .await
                .unwrap()
                .is_empty(),
            "forgetting never sends anything twice"
        );
    }
}
