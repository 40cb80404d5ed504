//! Shared set-up of the prevention tests: days and instants in the branch's zone (Shanghai),
//! complaints received at a given moment, and plan and measure inputs.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Asia::Shanghai;
use sqlx::SqlitePool;

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::cases::start_of_local_day;
use branchdesk::prevention::repo::changes::create_plan;
use branchdesk::prevention::{MeasureInput, MeasureStatusInput, PlanInput};
use branchdesk::settings::repo::list_categories;

/// An instant from RFC 3339 text.
pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("an RFC 3339 instant")
        .with_timezone(&Utc)
}

/// A calendar date from `YYYY-MM-DD`.
pub fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// Local midnight of `text` in Shanghai, plus `hours`.
pub fn local(text: &str, hours: i64) -> DateTime<Utc> {
    start_of_local_day(day(text), Shanghai) + TimeDelta::hours(hours)
}

/// The branch's category ids in display order.
pub async fn categories(pool: &SqlitePool) -> Vec<i64> {
    list_categories(pool)
        .await
        .expect("categories")
        .iter()
        .map(|c| c.id)
        .collect()
}

/// Records a complaint received at `received` in `category`, with an optional reference.
pub async fn receive(
    pool: &SqlitePool,
    received: DateTime<Utc>,
    category: i64,
    reference: &str,
) -> i64 {
    let input = CaseInput {
        received_at: Some(
            received
                .with_timezone(&Shanghai)
                .format("%Y-%m-%dT%H:%M")
                .to_string(),
        ),
        channel: "phone".into(),
        customer_type: "unknown".into(),
        category_id: category,
        reference: (!reference.is_empty()).then(|| reference.to_owned()),
        description: "包裹延误".into(),
        grade: Some(4),
        grade_reason: Some("一般投诉".into()),
        ..Default::default()
    };
    create_case(pool, &input, None, received + TimeDelta::minutes(1))
        .await
        .expect("create case")
}

/// Sets a case's root cause (what resolving it would record) and, if asked, voids it.
pub async fn classify(pool: &SqlitePool, id: i64, cause: Option<&str>, invalid: bool) {
    sqlx::query("UPDATE cases SET root_cause = ?, status = CASE WHEN ? THEN 'invalid' ELSE status END WHERE id = ?")
        .bind(cause)
        .bind(invalid)
        .bind(id)
        .execute(pool)
        .await
        .expect("classify");
}

/// A plan aiming for 30% fewer within 90 days, with a title that is markup.
pub fn plan_input(category: Option<i64>, cause: Option<&str>, start: &str) -> PlanInput {
    PlanInput {
        title: "减少延误投诉 <img src=x onerror=alert(1)>".into(),
        category_id: category,
        root_cause: cause.map(str::to_owned),
        goal_percent: Some(30),
        goal_days: Some(90),
        start_date: Some(start.into()),
        ..Default::default()
    }
}

/// Creates a plan from [`plan_input`] as at `now`, with no actor; returns its id.
pub async fn new_plan(
    pool: &SqlitePool,
    category: Option<i64>,
    cause: Option<&str>,
    start: &str,
    now: DateTime<Utc>,
) -> i64 {
    let input = plan_input(category, cause, start)
        .parse()
        .expect("valid plan");
    create_plan(pool, &input, None, now).await.expect("plan")
}

/// A measure whose description starts like a spreadsheet formula.
pub fn measure(kind: &str, due: &str) -> MeasureInput {
    MeasureInput {
        description: "=cmd|' /C calc'!A0 前台话术".into(),
        kind: kind.into(),
        due_date: Some(due.into()),
        ..Default::default()
    }
}

/// A measure status change with nothing else.
pub fn status(to: &str) -> MeasureStatusInput {
    MeasureStatusInput {
        status: to.into(),
        ..Default::default()
    }
}
