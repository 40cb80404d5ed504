//! Demo casework for the cases a run just wrote: verdicts on every case that got past
//! verification (justified or not, cause, fault), named supporting departments for the cases
//! taken in as needing them (some overdue, some done), and progress updates to the customers
//! of some late cases. A few set-based statements per table, like the rest of the demo.

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};
use sqlx::SqliteConnection;

use super::rng::Rng;
use crate::cases::judgement::{Fault, JustifiedCause, UnjustifiedCause};
use crate::cases::progress::ProgressMethod;
use crate::cases::repo::{parse_stamp, stamp};
use crate::error::Result;

/// Departments and their tasks, Chinese then English.
const SUPPORT: &[(&str, &str, &str, &str)] = &[
    (
        "工程部",
        "上门检修并出具报告",
        "Engineering",
        "Inspect on site and report",
    ),
    (
        "财务部",
        "核对账单并办理退款",
        "Finance",
        "Check the bill and refund",
    ),
    (
        "客服中心",
        "统一答复客户",
        "Customer service centre",
        "Give the customer one answer",
    ),
    (
        "转运中心",
        "追查包裹去向",
        "Sorting centre",
        "Trace the parcel",
    ),
    (
        "采购部",
        "更换损坏物品",
        "Purchasing",
        "Replace the damaged item",
    ),
];
const OWNERS: &[&str] = &["王师傅", "陈经理", "Mr Li", "赵主管"];
const SAID_ZH: &[&str] = &[
    "已告知客户工程部明天上门，客户表示理解。",
    "电话说明退款正在审批，预计三个工作日到账。",
    "上门当面说明进度，并留下联系电话。",
];
const SAID_EN: &[&str] = &[
    "Told the customer the engineer comes tomorrow; they were fine with it.",
    "Explained the refund is being approved and should arrive within three working days.",
    "Visited to explain where things stand and left a direct number.",
];

/// One case as the casework pass needs it.
#[derive(serde::Deserialize)]
struct Row(
    i64,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
    i64,
    Option<i64>,
);

/// The instant a case first ran late, if it did before `now` (acknowledged or resolved late,
/// or still not with the deadline gone).
fn late_since(row: &Row, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
    let at = |text: &Option<String>| text.as_deref().map(parse_stamp).transpose();
    let missed = |done: Option<DateTime<Utc>>, deadline: DateTime<Utc>| {
        (done.map_or(deadline <= now, |d| d > deadline)).then_some(deadline)
    };
    let acknowledge = missed(at(&row.3)?, parse_stamp(&row.4)?);
    let resolve = missed(at(&row.5)?, parse_stamp(&row.6)?);
    Ok(acknowledge.into_iter().chain(resolve).min())
}

/// Adds the casework of every case with an id above `after`.
pub async fn add(
    conn: &mut SqliteConnection,
    after: i64,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<()> {
    let rows: Vec<Row> = crate::store::json_rows(
        conn,
        "SELECT json_group_array(json_array(id, status, description, acknowledged_at, acknowledge_by,
                resolved_at, due_at, closed_at, needs_other_departments, assignee_id))
         FROM cases WHERE id > ?",
        &[after.to_string()],
    )
    .await?;
    let mut rng = Rng::new(seed ^ 0x0005_ca5e_0013);
    let (mut verdicts, mut lines, mut updates) = (Vec::new(), Vec::new(), Vec::new());
    for row in &rows {
        let english = row.2.is_ascii();
        let judged = matches!(
            row.1.as_str(),
            "resolving" | "follow_up" | "closed" | "reopened"
        );
        if judged {
            let justified = rng.chance(0.65);
            let (cause, fault) = if justified {
                let fault = rng.weighted_pick(&[
                    (Fault::Branch, 60),
                    (Fault::OtherDepartment, 20),
                    (Fault::ThirdParty, 20),
                ]);
                (rng.pick(JustifiedCause::ALL).as_str(), fault)
            } else {
                let fault = rng.weighted_pick(&[
                    (Fault::Customer, 80),
                    (Fault::ThirdParty, 10),
                    (Fault::Branch, 10),
                ]);
                (rng.pick(UnjustifiedCause::ALL).as_str(), fault)
            };
            verdicts.push(json!([
                row.0,
                i64::from(justified),
                cause,
                fault.as_str(),
                row.9
            ]));
        }
        if row.8 == 1 {
            let (zh, zh_task, en, en_task) = *rng.pick(SUPPORT);
            let due = now + TimeDelta::days(rng.range(-6, 8));
            let done = (row.1 == "closed" || rng.chance(0.3))
                .then(|| due - TimeDelta::days(rng.range(0, 3)));
            let day = |t: DateTime<Utc>| t.format("%Y-%m-%d").to_string();
            lines.push(json!([
                row.0,
                if english { en } else { zh },
                if english { en_task } else { zh_task },
                rng.pick(OWNERS),
                day(due),
                done.filter(|&d| d <= now).map(day),
                row.9
            ]));
        }
        if row.1 == "invalid" {
            continue;
        }
        let Some(late) = late_since(row, now)? else {
            continue;
        };
        let mut told = late + TimeDelta::hours(rng.range(2, 40));
        let closed = row
            .7
            .as_deref()
            .map(parse_stamp)
            .transpose()?
            .unwrap_or(now);
        for _ in 0..rng.range(0, 3) {
            if told >= closed.min(now) {
                break;
            }
            let said = rng.pick(if english { SAID_EN } else { SAID_ZH });
            let method = rng.pick(ProgressMethod::ALL).as_str();
            updates.push(json!([row.0, method, said, stamp(told), row.9]));
            told += TimeDelta::days(rng.range(2, 5));
        }
    }
    let at = stamp(now);
    write(conn, &at, verdicts, lines, updates).await
}

async fn write(
    conn: &mut SqliteConnection,
    at: &str,
    verdicts: Vec<Value>,
    lines: Vec<Value>,
    updates: Vec<Value>,
) -> Result<()> {
    let verdicts = Value::from(verdicts).to_string();
    // The verdict was given when the case left verification: dated with its last update.
    sqlx::query(
        "UPDATE cases SET justified = v.value ->> 1, judgement_cause = v.value ->> 2, fault = v.value ->> 3
         FROM json_each(?1) AS v WHERE cases.id = v.value ->> 0",
    )
    .bind(&verdicts)
    .execute(&mut *conn)
    .await?;
    for (field, index) in [("justified", 1), ("judgement_cause", 2), ("fault", 3)] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO case_audit (case_id, at, actor_id, field, old_value, new_value)
             SELECT v.value ->> 0, c.updated_at, v.value ->> 4, '{field}', NULL, CAST(v.value ->> {index} AS TEXT)
             FROM json_each(?1) AS v JOIN cases c ON c.id = v.value ->> 0"
        )))
        .bind(&verdicts)
        .execute(&mut *conn)
        .await?;
    }
    let lines = Value::from(lines).to_string();
    sqlx::query(
        "UPDATE case_supports SET department = v.value ->> 1, task = v.value ->> 2,
                owner_name = v.value ->> 3, due_on = v.value ->> 4, done_on = v.value ->> 5,
                done_by = CASE WHEN v.value ->> 5 IS NULL THEN NULL ELSE v.value ->> 6 END
         FROM json_each(?1) AS v WHERE case_supports.case_id = v.value ->> 0",
    )
    .bind(&lines)
    .execute(&mut *conn)
    .await?;
    let updates = Value::from(updates).to_string();
    sqlx::query(
        "INSERT INTO case_progress_updates (case_id, method, said, told_at, author_id, created_at)
         SELECT v.value ->> 0, v.value ->> 1, v.value ->> 2, v.value ->> 3, v.value ->> 4, ?2
         FROM json_each(?1) AS v",
    )
    .bind(&updates)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO case_events (case_id, at, author_id, kind, body, old_value, new_value)
         SELECT v.value ->> 0, v.value ->> 3, v.value ->> 4, 'progress', v.value ->> 2, v.value ->> 3, v.value ->> 1
         FROM json_each(?1) AS v",
    )
    .bind(&updates)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO case_audit (case_id, at, actor_id, field, old_value, new_value)
         SELECT v.value ->> 0, v.value ->> 3, v.value ->> 4, 'progress_update', NULL,
                (v.value ->> 1) || ' ' || (v.value ->> 3)
         FROM json_each(?1) AS v",
    )
    .bind(&updates)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
