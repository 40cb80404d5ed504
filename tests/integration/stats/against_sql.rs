//! A busier branch: cases with varied fates spread over sixteen months, made through the app's
//! own functions, and the report's counts checked against plain SQL over the timeline.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use sqlx::SqlitePool;

use super::{kpi, move_to, parts, receive, start, utc};
use crate::support::{TempDb, set_up_branch};
use branchdesk::cases::repo::workflow::pause_case;
use branchdesk::stats::{Month, MonthlyReport, monthly_report};

/// A small deterministic generator, so the data is the same on every run.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }

    fn hours(&mut self, max: u64) -> TimeDelta {
        TimeDelta::minutes(60 + self.below(max * 60) as i64)
    }
}

const CHANNELS: [&str; 10] = [
    "phone",
    "letter",
    "walk_in",
    "email_online",
    "own_app",
    "head_office",
    "association",
    "consumer_association",
    "lawyer",
    "media",
];

fn now() -> DateTime<Utc> {
    utc("2026-11-20T02:00:00Z")
}

/// Moves along `steps` from `at`, a random gap apart, stopping before `now`. Returns where the
/// last move happened, or `None` when time ran out.
async fn walk(
    pool: &SqlitePool,
    dice: &mut Dice,
    id: i64,
    mut at: DateTime<Utc>,
    steps: &[&str],
) -> Option<DateTime<Utc>> {
    for step in steps {
        at += dice.hours(24 * 12);
        if at >= now() {
            return None;
        }
        let score = 1 + dice.below(5) as i64;
        move_to(pool, id, step, at, score).await;
    }
    Some(at)
}

async fn busy_branch(pool: &SqlitePool) {
    let mut dice = Dice(20_261_031);
    let first = utc("2025-08-01T00:00:00Z");
    let span_minutes = (now() - first).num_minutes() as u64;
    for _ in 0..90 {
        let received = first + TimeDelta::minutes(dice.below(span_minutes - 60) as i64);
        let phone = (dice.below(10) < 7).then(|| format!("1390000000{}", dice.below(8)));
        let channel = CHANNELS[dice.below(10) as usize];
        let crisis = dice.below(20) == 0;
        let id = receive(pool, received, |input| {
            input.phone = phone;
            input.channel = channel.into();
            if crisis {
                input.grade = Some(1);
            }
        })
        .await;
        let fate = dice.below(100);
        let ack = received + dice.hours(30);
        if fate < 10 {
            if ack < now() {
                move_to(pool, id, "invalid", ack, 0).await;
            }
            continue;
        }
        if fate < 20 || ack >= now() {
            continue;
        }
        start(pool, id, ack).await;
        if fate.is_multiple_of(4) {
            pause_case(pool, id, "等客户回复", None, ack + TimeDelta::minutes(5))
                .await
                .expect("pause");
        }
        let path: &[&str] = match fate {
            20..40 => &[],
            40..50 => &["follow_up"],
            50..85 => &["follow_up", "closed"],
            _ => &["follow_up", "closed", "reopened"],
        };
        let Some(at) = walk(pool, &mut dice, id, ack + TimeDelta::minutes(10), path).await else {
            continue;
        };
        if fate >= 93 {
            let again = ["investigating", "resolving", "follow_up", "closed"];
            walk(pool, &mut dice, id, at, &again).await;
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` of local midnight on the 1st (Shanghai keeps no summer time).
fn month_start(year: i32, month: u32) -> String {
    let local = Shanghai.with_ymd_and_hms(year, month, 1, 0, 0, 0).unwrap();
    local
        .with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// The status left by every move before `until`: the last move's new status, else `new`.
const STATUS_BEFORE: &str = "COALESCE((SELECT e.new_value FROM case_events e \
     WHERE e.case_id = c.id AND e.kind = 'status' AND e.at < ?3 \
     ORDER BY e.at DESC, e.id DESC LIMIT 1), 'new')";

/// Counts the cases meeting `condition`, which may use ?1 (month start), ?2 (month end) and
/// ?3 (the instant the month is judged at).
async fn count(pool: &SqlitePool, condition: &str, from: &str, to: &str, until: &str) -> i64 {
    // Every parameter is named once, so all three binds are used whatever `condition` needs.
    let sql = format!(
        "SELECT COUNT(*) FROM cases c WHERE ({condition}) \
         AND ?1 IS NOT NULL AND ?2 IS NOT NULL AND ?3 IS NOT NULL"
    );
    sqlx::query_scalar(sqlx::AssertSqlSafe(
        sql.replace("STATUS_BEFORE", STATUS_BEFORE),
    ))
    .bind(from)
    .bind(to)
    .bind(until)
    .fetch_one(pool)
    .await
    .expect("count")
}

/// Whether another valid case with the same `key` was received in the 90 days before `c`.
fn earlier(key: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM cases p WHERE p.{key} = c.{key} AND p.status <> 'invalid' \
         AND p.received_at < c.received_at \
         AND p.received_at >= strftime('%Y-%m-%dT%H:%M:%SZ', c.received_at, '-90 days'))"
    )
}

/// The month's figures by plain SQL: received, valid, closed, open at start, open at end,
/// repeats, crises, escalated.
async fn by_sql(pool: &SqlitePool, month: Month) -> [i64; 8] {
    let from = month_start(month.year, month.month);
    let next = month.next();
    let to = month_start(next.year, next.month);
    let until = if now().format("%Y-%m-%dT%H:%M:%SZ").to_string() < to {
        (now() + TimeDelta::seconds(1))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    } else {
        to.clone()
    };
    let in_month = "c.received_at >= ?1 AND c.received_at < ?2";
    let valid = format!("{in_month} AND c.status <> 'invalid'");
    let queries = [
        in_month.to_owned(),
        valid.clone(),
        format!("{valid} AND STATUS_BEFORE = 'closed'"),
        "c.received_at < ?1 AND c.status <> 'invalid' \
         AND COALESCE((SELECT e.new_value FROM case_events e WHERE e.case_id = c.id \
         AND e.kind = 'status' AND e.at < ?1 ORDER BY e.at DESC, e.id DESC LIMIT 1), 'new') \
         NOT IN ('closed', 'invalid')"
            .to_owned(),
        "c.received_at < ?3 AND c.status <> 'invalid' \
         AND STATUS_BEFORE NOT IN ('closed', 'invalid')"
            .to_owned(),
        // One EXISTS per key: SQLite 3.51.3 answers an EXISTS whose condition ORs two
        // indexed keys (a MULTI-INDEX OR plan) wrongly here, finding no earlier case.
        format!(
            "{valid} AND ({} OR {})",
            earlier("phone_key"),
            earlier("reference_key")
        ),
        format!("{valid} AND c.grade = 1"),
        format!(
            "{valid} AND c.channel IN ('head_office', 'association', 'consumer_association', \
             'lawyer', 'media')"
        ),
    ];
    let mut counts = [0; 8];
    for (slot, condition) in counts.iter_mut().zip(queries) {
        *slot = count(pool, &condition, &from, &to, &until).await;
    }
    counts
}

fn from_report(report: &MonthlyReport) -> [i64; 8] {
    let keys = [
        "received",
        "valid",
        "closed",
        "open_at_start",
        "open_at_end",
        "repeat_complaints",
        "crises",
        "escalated_channels",
    ];
    keys.map(|key| kpi(report, key).0.expect(key) as i64)
}

#[tokio::test]
async fn counts_agree_with_plain_sql_over_the_timeline() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    busy_branch(&pool).await;
    let mut reports = Vec::new();
    for month in Month::new(2026, 11).unwrap().ending_with(16) {
        let report = monthly_report(&pool, month, now()).await.unwrap();
        let expected = by_sql(&pool, month).await;
        assert_eq!(from_report(&report), expected, "{month}");
        let closed = expected[2];
        assert_eq!(parts(&report, "closure_rate"), Some((closed, expected[1])));
        reports.push(report);
    }
    // Comparisons are the same figures of the months before.
    for pair in reports.windows(2) {
        for (this, before) in pair[1].kpis.iter().zip(&pair[0].kpis) {
            assert_eq!(
                this.previous, before.value,
                "{} {}",
                pair[1].month, this.key
            );
        }
    }
    let (october, last_october) = (&reports[15 - 1], &reports[15 - 13]);
    for (this, before) in october.kpis.iter().zip(&last_october.kpis) {
        assert_eq!(this.last_year, before.value, "{}", this.key);
    }
    // The trend: every case received, and each month's received and closed figures.
    let current = &reports[15];
    let total: i64 = current.trend.iter().map(|p| p.received).sum();
    let in_trend: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE received_at >= ?")
        .bind(month_start(2025, 12))
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(total, in_trend);
    for point in &current.trend {
        let expected = by_sql(&pool, point.month).await;
        assert_eq!(
            (point.received, point.closed),
            (expected[0], expected[2]),
            "{}",
            point.month
        );
    }
    let busiest = reports
        .iter()
        .map(|r| kpi(r, "valid").0.unwrap())
        .fold(0.0, f64::max);
    assert!(busiest >= 4.0, "the data must exercise the figures");
}
