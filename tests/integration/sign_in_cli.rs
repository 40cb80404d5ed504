//! The CLI on a database with sign-ins: writes need `--user` and the right password (read with
//! `--password-stdin`), a role that allows them, and record that person; reads and backups run
//! as "system"; before any sign-in exists, writes run as "system" as before.

use super::import::{CLEAN, count, write};
use super::support::{INIT_POSTAL, TempDb, text};

const PASSWORD: &str = "Plum-blossom-2026";

fn init_with_manager(db: &TempDb) -> String {
    let mut args = INIT_POSTAL.to_vec();
    args.extend(["--manager", "boss", "--password-stdin"]);
    let out = db.cli_with_stdin(&args, &format!("{PASSWORD}\n"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("Created the sign-in of manager boss"),
        "{said}"
    );
    let code = said
        .lines()
        .find_map(|l| l.split("safe): ").nth(1))
        .expect("the recovery code is printed");
    code.trim().to_owned()
}

#[tokio::test]
async fn writes_on_a_database_with_sign_ins_need_a_valid_user() {
    let db = TempDb::new();
    init_with_manager(&db);
    let file = write(db.dir.path(), "good.csv", CLEAN.as_bytes());
    let file = file.to_str().unwrap();

    let anonymous = db.cli(&["import", file]);
    assert_eq!(anonymous.status.code(), Some(1));
    assert!(
        text(&anonymous.stderr).contains("--user NAME"),
        "{}",
        text(&anonymous.stderr)
    );

    let wrong = db.cli_with_stdin(
        &["import", file, "--user", "boss", "--password-stdin"],
        "nope\n",
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(text(&wrong.stderr).contains("user name or password is wrong"));
    let unknown = db.cli_with_stdin(
        &["import", file, "--user", "ghost", "--password-stdin"],
        "nope\n",
    );
    assert_eq!(
        text(&unknown.stderr),
        text(&wrong.stderr),
        "no hint the user exists"
    );

    let demo = db.cli(&["demo-data", "--cases", "5", "--months", "1"]);
    assert_eq!(demo.status.code(), Some(1), "demo data is a write too");

    // Reads and backups need nobody.
    assert_eq!(db.cli(&["info"]).status.code(), Some(0));
    assert_eq!(db.cli(&["backup"]).status.code(), Some(0));
    let dry = db.cli(&["import", file, "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", text(&dry.stderr));

    let signed = db.cli_with_stdin(
        &["import", file, "--user", "BOSS", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    );
    assert_eq!(signed.status.code(), Some(0), "{}", text(&signed.stderr));
    let pool = db.open().await;
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM cases").await, 3);
    let unnamed = count(
        &pool,
        "SELECT COUNT(*) FROM case_audit WHERE actor_id IS NOT (SELECT staff_id FROM sign_ins WHERE username_key = 'boss')",
    )
    .await;
    assert_eq!(unnamed, 0, "every audit line names the signed-in manager");
}

#[tokio::test]
async fn a_role_without_the_right_is_refused_and_the_recovery_code_resets_a_password() {
    let db = TempDb::new();
    let recovery = init_with_manager(&db);
    let pool = db.open().await;
    let input = branchdesk::staff::StaffInput {
        name: "李娜".into(),
        ..Default::default()
    };
    let li = branchdesk::staff::repo::add_staff(&pool, &input.parse().unwrap())
        .await
        .unwrap();
    let new = branchdesk::access::NewSignIn {
        staff_id: li.id,
        username: "lina".into(),
        role: branchdesk::access::Role::Viewer,
        secret: "viewer-password".into(),
    };
    branchdesk::access::repo::create_sign_in(&pool, &new)
        .await
        .unwrap();
    branchdesk::store::close(pool).await;

    let file = write(db.dir.path(), "good.csv", CLEAN.as_bytes());
    let refused = db.cli_with_stdin(
        &[
            "import",
            file.to_str().unwrap(),
            "--user",
            "lina",
            "--password-stdin",
        ],
        "viewer-password\n",
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("your role does not allow"));

    let reset = db.cli_with_stdin(
        &["recover", "--manager", "boss", "--password-stdin"],
        &format!("{recovery}\nbrand-new-password\n"),
    );
    assert_eq!(reset.status.code(), Some(0), "{}", text(&reset.stderr));
    assert!(text(&reset.stdout).contains("New recovery code"));
    let demo = db.cli_with_stdin(
        &[
            "demo-data",
            "--cases",
            "3",
            "--months",
            "1",
            "--user",
            "boss",
            "--password-stdin",
        ],
        "brand-new-password\n",
    );
    assert_eq!(demo.status.code(), Some(0), "{}", text(&demo.stderr));
}

#[test]
fn before_any_sign_in_exists_writes_run_as_system() {
    let db = TempDb::new();
    assert_eq!(db.cli(&INIT_POSTAL).status.code(), Some(0));
    let demo = db.cli(&["demo-data", "--cases", "3", "--months", "1"]);
    assert_eq!(demo.status.code(), Some(0), "{}", text(&demo.stderr));
}

#[test]
fn personal_data_leaves_in_a_workbook_only_by_a_managers_hand() {
    let db = TempDb::new();
    init_with_manager(&db);
    let out = db.dir.path().join("month.xlsx");
    let out = out.to_str().unwrap();
    let masked = db.cli(&["export", "--month", "2026-01", "--out", out]);
    assert_eq!(masked.status.code(), Some(0), "{}", text(&masked.stderr));
    for flag in ["--include-personal-data", "--keep-descriptions"] {
        let refused = db.cli(&[
            "export", "--month", "2026-01", "--out", out, "--force", flag,
        ]);
        assert_eq!(refused.status.code(), Some(1), "{flag}");
        assert!(text(&refused.stderr).contains("--user NAME"), "{flag}");
    }
    let signed = db.cli_with_stdin(
        &[
            "export",
            "--month",
            "2026-01",
            "--out",
            out,
            "--force",
            "--include-personal-data",
            "--user",
            "boss",
            "--password-stdin",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert_eq!(signed.status.code(), Some(0), "{}", text(&signed.stderr));
}
