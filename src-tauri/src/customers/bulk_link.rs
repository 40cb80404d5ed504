//! Linking many cases at once (the upgrade, import, demo data): the live records, their keys
//! and the waiting cases are read in three queries, the links are decided in memory by
//! [`super::link_plan`] with intake's rules, and the plan is written with a few multi-row
//! statements per table (see `cases::repo::bulk` for why few, large statements are fast).
//! Case by case, linking cost a dozen statements per case (~3-4 ms in a debug build); the
//! upgrade of a 200,000-case branch would have held start-up for minutes.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::link_plan::{KnownCustomer, LinkPlan, WaitingCase, plan};
use super::matching::name_key;
use super::model::LinkReport;
use crate::cases::CustomerType;
use crate::cases::repo::bulk::execute_rows;
use crate::cases::repo::stamp;
use crate::cases::search::{gram_body, trigram_body};
use crate::error::Result;

/// A live record as read: id, name, notes, latest linked case.
type KnownRow = (i64, String, String, Option<String>);
/// A waiting case as read: id, number, name, phone, reference, customer type, received.
type CaseRow = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
);

/// Links every case not yet linked (only those in `only`, when given) to the customer intake
/// would have linked it to, creating a customer for keys nobody holds yet; cases without a
/// phone or reference stay unlinked (a name alone never links). Cases are taken in order of
/// receipt, so a customer's first case creates the record and the later ones join it. Runs
/// inside the caller's transaction; each link is audited on the case and the customer.
pub async fn link_unlinked(
    conn: &mut SqliteConnection,
    only: Option<&[i64]>,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<LinkReport> {
    let known: Vec<KnownRow> = sqlx::query_as(
        "SELECT cu.id, cu.name, cu.notes,
            (SELECT max(received_at) FROM cases WHERE customer_id = cu.id)
         FROM customers cu WHERE cu.merged_into IS NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    let held: Vec<(i64, bool, String, String)> = sqlx::query_as(
        "SELECT k.customer_id, k.kind = 'phone', k.match_key, k.value FROM customer_keys k
         JOIN customers cu ON cu.id = k.customer_id WHERE cu.merged_into IS NULL ORDER BY k.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let wanted = only.map(|ids| ids.iter().copied().collect::<BTreeSet<i64>>());
    let rows: Vec<CaseRow> = sqlx::query_as(
        "SELECT id, number, complainant_name, phone, reference, customer_type, received_at
         FROM cases WHERE customer_id IS NULL AND (phone IS NOT NULL OR reference IS NOT NULL)",
    )
    .fetch_all(&mut *conn)
    .await?;
    let next_id: i64 = sqlx::query_scalar("SELECT COALESCE(max(id), 0) + 1 FROM customers")
        .fetch_one(&mut *conn)
        .await?;
    let mut cases = Vec::with_capacity(rows.len());
    for (id, number, name, phone, reference, kind, received_at) in rows {
        if wanted.as_ref().is_some_and(|w| !w.contains(&id)) {
            continue;
        }
        cases.push(WaitingCase {
            id,
            number,
            name,
            phone,
            reference,
            customer_type: CustomerType::parse("customerType", &kind)?
                .as_str()
                .to_owned(),
            received_at,
        });
    }
    let mut before: HashMap<i64, (String, String)> = HashMap::with_capacity(known.len());
    let mut values: HashMap<i64, Vec<String>> = HashMap::new();
    let known = known
        .into_iter()
        .map(|(id, name, note, last_at)| {
            before.insert(id, (name.clone(), note));
            KnownCustomer { id, name, last_at }
        })
        .collect();
    let mut keys = Vec::with_capacity(held.len());
    for (id, phone, key, value) in held {
        values.entry(id).or_default().push(value);
        keys.push((id, phone, key));
    }
    let planned = plan(known, keys, cases, next_id);
    write(conn, &planned, actor, &stamp(now)).await?;
    reindex_all(conn, &planned, &before, values, next_id).await?;
    Ok(LinkReport {
        cases_linked: planned.links.len() as i64,
        customers_made: planned.created.len() as i64,
    })
}

/// Writes the records, names, keys, audit lines and case links of `planned`.
async fn write(
    conn: &mut SqliteConnection,
    planned: &LinkPlan,
    actor: Option<i64>,
    at: &str,
) -> Result<()> {
    execute_rows(
        conn,
        (
            "INSERT INTO customers (id, name, name_key, customer_type, created_at, updated_at)",
            "(?, ?, ?, ?, ?, ?)",
            "",
        ),
        &planned.created,
        |v, new| {
            v.add(new.id)?;
            v.add(new.name.clone())?;
            v.add(name_key(&new.name))?;
            v.add(new.customer_type.clone())?;
            v.add(at.to_owned())?;
            v.add(at.to_owned())
        },
    )
    .await?;
    execute_rows(
        conn,
        (
            "UPDATE customers SET name = v.column2, name_key = v.column3, updated_at = v.column4
             FROM (",
            "(?, ?, ?, ?)",
            ") AS v WHERE customers.id = v.column1",
        ),
        &planned.named,
        |v, (id, name)| {
            v.add(*id)?;
            v.add(name.clone())?;
            v.add(name_key(name))?;
            v.add(at.to_owned())
        },
    )
    .await?;
    execute_rows(
        conn,
        (
            "INSERT INTO customer_keys (customer_id, kind, value, match_key)",
            "(?, ?, ?, ?)",
            "",
        ),
        &planned.keys,
        |v, key| {
            v.add(key.customer_id)?;
            v.add(key.kind)?;
            v.add(key.value.clone())?;
            v.add(key.match_key.clone())
        },
    )
    .await?;
    execute_rows(
        conn,
        (
            "INSERT INTO customer_audit (customer_id, at, actor_id, field, old_value, new_value)",
            "(?, ?, ?, ?, ?, ?)",
            "",
        ),
        &planned.audit,
        |v, line| {
            v.add(line.customer_id)?;
            v.add(at.to_owned())?;
            v.add(actor)?;
            v.add(line.field)?;
            v.add(line.old_value.clone())?;
            v.add(line.new_value.clone())
        },
    )
    .await?;
    execute_rows(
        conn,
        (
            "UPDATE cases SET customer_id = v.column2 FROM (",
            "(?, ?)",
            ") AS v WHERE cases.id = v.column1",
        ),
        &planned.links,
        |v, (case_id, customer_id)| {
            v.add(*case_id)?;
            v.add(*customer_id)
        },
    )
    .await?;
    // The cases were unlinked, so the old value is empty, as intake's audit line has it.
    execute_rows(
        conn,
        (
            "INSERT INTO case_audit (case_id, at, actor_id, field, old_value, new_value)",
            "(?, ?, ?, 'customer_id', NULL, ?)",
            "",
        ),
        &planned.links,
        |v, (case_id, customer_id)| {
            v.add(*case_id)?;
            v.add(at.to_owned())?;
            v.add(actor)?;
            v.add(customer_id.to_string())
        },
    )
    .await
}

/// Writes the search entries of every record the plan touched afresh (name, phones and
/// references, notes), as [`super::repo::reindex`] does for one record.
async fn reindex_all(
    conn: &mut SqliteConnection,
    planned: &LinkPlan,
    before: &HashMap<i64, (String, String)>,
    mut values: HashMap<i64, Vec<String>>,
    first_new: i64,
) -> Result<()> {
    let existing: Vec<i64> = planned
        .touched
        .iter()
        .copied()
        .filter(|id| *id < first_new)
        .collect();
    if !existing.is_empty() {
        let ids = json_ids(&existing);
        for table in ["customer_search_trigram", "customer_search_grams"] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE rowid IN (SELECT value FROM json_each(?))"
            )))
            .bind(&ids)
            .execute(&mut *conn)
            .await?;
        }
    }
    for key in &planned.keys {
        values
            .entry(key.customer_id)
            .or_default()
            .push(key.value.clone());
    }
    let mut names: HashMap<i64, &str> = HashMap::new();
    for new in &planned.created {
        names.insert(new.id, &new.name);
    }
    for (id, name) in &planned.named {
        names.insert(*id, name);
    }
    let mut fields: Vec<(i64, [String; 3])> = Vec::with_capacity(planned.touched.len());
    for id in &planned.touched {
        let (old_name, note) = before.get(id).cloned().unwrap_or_default();
        let name = names.get(id).map_or(old_name, |n| (*n).to_owned());
        let keys = values.get(id).map(|v| v.join(" ")).unwrap_or_default();
        fields.push((*id, [name, keys, note]));
    }
    for (table, body) in [
        (
            "customer_search_trigram",
            trigram_body as fn(&[&str]) -> String,
        ),
        ("customer_search_grams", gram_body),
    ] {
        let head = format!("INSERT INTO {table} (rowid, body)");
        execute_rows(conn, (&head, "(?, ?)", ""), &fields, |v, (id, f)| {
            v.add(*id)?;
            v.add(body(&[f[0].as_str(), f[1].as_str(), f[2].as_str()]))
        })
        .await?;
    }
    Ok(())
}

/// `ids` as a JSON array, for `json_each`.
fn json_ids(ids: &[i64]) -> String {
    let listed: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", listed.join(","))
}
