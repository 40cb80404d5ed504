//! Databases the end-to-end tests start from, written through the library before the window
//! opens, so each test begins where its story does.

use std::path::Path;

use branchdesk::settings::{BranchInput, Language};
use branchdesk::status::{self, SetupInput};
use branchdesk::store;
use sqlx::SqlitePool;

pub use super::session::MANAGER;

/// Opens (creating) the database at `db` and sets up a branch in the Asia/Shanghai zone:
/// `(name, code, industry)` as the welcome screen would take them, in `language`.
pub async fn set_up_branch(
    db: &Path,
    (name, code, industry): (&str, &str, &str),
    language: Language,
) -> SqlitePool {
    let pool = store::open(db).await.expect("open the test database");
    let input = SetupInput {
        branch: BranchInput {
            name: name.into(),
            code: code.into(),
            industry: industry.into(),
            timezone: "Asia/Shanghai".into(),
        },
        language: language.as_str().into(),
    };
    status::setup(&pool, &input)
        .await
        .expect("set up the branch");
    let manager = branchdesk::access::FirstManager {
        staff_id: None,
        name: "E2E Manager".into(),
        username: MANAGER.0.into(),
        secret: MANAGER.1.into(),
    };
    branchdesk::access::repo::create_first_manager(&pool, &manager)
        .await
        .expect("the manager's sign-in");
    pool
}
