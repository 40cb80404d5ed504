//! Desktop manners on a real database: the colour theme survives a reopen and reaches the
//! window's start-up status.

use super::support::{TempDb, set_up_branch};
use branchdesk::settings::appearance::{self, Theme};
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
