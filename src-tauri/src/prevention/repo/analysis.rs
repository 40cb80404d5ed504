//! SQL for the analysis view: counts by category and root cause in the window and the window
//! before, and the references complaints keep coming from.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::branch_tz;
use crate::cases::repo::stamp;
use crate::error::Result;
use crate::prevention::analysis::{Analysis, HOT_SPOT_MIN, HotSpot, MAX_HOT_SPOTS, Windows, rank};

/// The analysis as at `now` (see [`crate::prevention::analysis`] for the windows).
pub async fn analysis(pool: &SqlitePool, now: DateTime<Utc>) -> Result<Analysis> {
    let mut tx = pool.begin().await?;
    let tz = branch_tz(&mut tx).await?;
    let windows = Windows::at(now, tz);
    let from = stamp(windows.previous_first.start(tz));
    let mid = stamp(windows.first.start(tz));
    let to = stamp(windows.last.end(tz));

    let by_category: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT category_id, SUM(received_at >= ?2), SUM(received_at < ?2) FROM cases
         WHERE status <> 'invalid' AND received_at >= ?1 AND received_at < ?3
         GROUP BY category_id",
    )
    .bind(&from)
    .bind(&mid)
    .bind(&to)
    .fetch_all(&mut *tx)
    .await?;
    let by_cause: Vec<(Option<String>, i64, i64)> = sqlx::query_as(
        "SELECT root_cause, SUM(received_at >= ?2), SUM(received_at < ?2) FROM cases
         WHERE status <> 'invalid' AND received_at >= ?1 AND received_at < ?3
         GROUP BY root_cause",
    )
    .bind(&from)
    .bind(&mid)
    .bind(&to)
    .fetch_all(&mut *tx)
    .await?;
    let hot_spots: Vec<HotSpot> = sqlx::query_as::<_, (String, String, i64, i64, String, i64)>(
        "SELECT c.reference_key,
            (SELECT r.reference FROM cases r WHERE r.reference_key = c.reference_key
                AND r.status <> 'invalid' AND r.received_at >= ?1 AND r.received_at < ?2
             ORDER BY r.received_at DESC, r.id DESC LIMIT 1),
            COUNT(*), COUNT(DISTINCT c.category_id), MAX(c.received_at),
            (SELECT k.category_id FROM cases k WHERE k.reference_key = c.reference_key
                AND k.status <> 'invalid' AND k.received_at >= ?1 AND k.received_at < ?2
             GROUP BY k.category_id ORDER BY COUNT(*) DESC, k.category_id LIMIT 1)
         FROM cases c
         WHERE c.status <> 'invalid' AND c.reference_key IS NOT NULL
           AND c.received_at >= ?1 AND c.received_at < ?2
         GROUP BY c.reference_key HAVING COUNT(*) >= ?3
         ORDER BY COUNT(*) DESC, MAX(c.received_at) DESC, c.reference_key
         LIMIT ?4",
    )
    .bind(&mid)
    .bind(&to)
    .bind(HOT_SPOT_MIN)
    .bind(MAX_HOT_SPOTS as i64)
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(
        |(key, reference, count, categories, last_received_at, main_category_id)| HotSpot {
            key,
            reference,
            count,
            categories,
            last_received_at,
            main_category_id,
        },
    )
    .collect();
    tx.commit().await?;

    let (cat_now, cat_before) = split(by_category);
    let (cause_now, cause_before) = split(by_cause);
    Ok(Analysis {
        windows,
        total: cat_now.iter().map(|(_, n)| n).sum(),
        previous_total: cat_before.iter().map(|(_, n)| n).sum(),
        categories: rank(&cat_now, &cat_before),
        root_causes: rank(&cause_now, &cause_before),
        hot_spots,
    })
}

/// `(key, current, previous)` rows as two lists of `(key, count)`.
type Counts<K> = Vec<(K, i64)>;

fn split<K: Clone>(rows: Vec<(K, i64, i64)>) -> (Counts<K>, Counts<K>) {
    rows.into_iter()
        .map(|(key, current, previous)| ((key.clone(), current), (key, previous)))
        .unzip()
}
