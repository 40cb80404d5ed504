//! Demo prevention work, so a branch filled with demo complaints also has plans to look at: a
//! plan under way on its most complained-about category (a measure done, one in progress, one
//! overdue), an evaluated plan on the next category, and an emergency plan with a drill
//! logged. A branch that already has plans or emergency plans is left alone. Everything is
//! written in one transaction: a failure part-way leaves nothing, so a second run adds it all.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sqlx::SqlitePool;

use super::emergency::{DrillInput, EmergencyInput};
use super::model::{EvaluationInput, MeasureInput, MeasureStatusInput, PlanInput, PlanStatus};
use super::repo::changes::{
    Direction, create_plan_in, move_phase_in, record_evaluation_in, set_status_in,
};
use super::repo::emergency::{log_drill_in, save_emergency_in};
use super::repo::measures::{add_measure_in, set_measure_status_in};
use crate::error::Result;
use crate::export::labels::seeded_category;
use crate::settings::Language;

/// What the demo added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PreventionDemo {
    /// Prevention plans.
    pub plans: usize,
    /// Their measures.
    pub measures: usize,
    /// Emergency plans.
    pub emergency_plans: usize,
}

/// The demo's words in the branch's language: the plans' title (before the category's name, as
/// the analysis screen words a plan it starts), three measures, the evaluation's next step, and the emergency plan's title, contacts,
/// steps and drill findings.
struct Words {
    plan: &'static str,
    measures: [&'static str; 3],
    next_step: &'static str,
    emergency: [&'static str; 4],
}

fn words(lang: Language) -> Words {
    match lang {
        Language::ZhCn => Words {
            plan: "减少投诉：",
            measures: [
                "全员复训投诉处理步骤，并做一次情景演练",
                "修订接待话术和处理流程，张贴在前台",
                "在公告栏和业主群发布处理进度通知",
            ],
            next_step: "保留新话术，下季度再做一次满意度回访",
            emergency: [
                "群体投诉与媒体关注应急预案",
                "店长 / 区域经理 / 总部品牌部，电话见通讯录",
                "1. 店长到场接待；2. 30 分钟内报告总部；3. 统一由发言人对外回应",
                "接待分工清楚；对外口径准备偏慢，需要提前写好模板",
            ],
        },
        Language::En => Words {
            plan: "Fewer complaints: ",
            measures: [
                "Refresher on the handling sequence for everyone, with a role-play drill",
                "Revise the front-desk script and procedure, and post it at the desk",
                "Post progress notices on the board and in the residents' group",
            ],
            next_step: "Keep the new script; survey satisfaction again next quarter",
            emergency: [
                "Group complaints and media attention",
                "Branch manager / area manager / head office brand team (numbers in the directory)",
                "1. Manager meets the group; 2. report to head office within 30 minutes; 3. one spokesperson answers the press",
                "Roles were clear; the press statement took too long, so prepare a template",
            ],
        },
    }
}

/// Adds the demo plans as of `today` (the branch's local day) and `now`; nothing when the branch
/// already has plans or emergency plans, or no complaints to plan against. All or nothing.
pub async fn add_demo_prevention(
    pool: &SqlitePool,
    lang: Language,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<PreventionDemo> {
    let mut added = PreventionDemo::default();
    let mut tx = crate::store::begin_write(pool).await?;
    let existing: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM prevention_plans) + (SELECT COUNT(*) FROM emergency_plans)",
    )
    .fetch_one(&mut *tx)
    .await?;
    // The two categories complained about most: the first plan's and the evaluated one's.
    let top: Vec<i64> = sqlx::query_scalar(
        "SELECT category_id FROM cases GROUP BY category_id
         ORDER BY COUNT(*) DESC, category_id LIMIT 2",
    )
    .fetch_all(&mut *tx)
    .await?;
    let owner: Option<i64> = sqlx::query_scalar("SELECT MIN(id) FROM staff WHERE active = 1")
        .fetch_one(&mut *tx)
        .await?;
    if existing > 0 || top.len() < 2 {
        return Ok(added);
    }
    let w = words(lang);
    let day = |days_ago: i64| (today - TimeDelta::days(days_ago)).to_string();
    let mut titles = Vec::with_capacity(top.len());
    for category in &top {
        let (seed_key, name): (Option<String>, Option<String>) =
            sqlx::query_as("SELECT seed_key, name FROM categories WHERE id = ?")
                .bind(category)
                .fetch_one(&mut *tx)
                .await?;
        let label = name
            .or_else(|| seed_key.map(|key| seeded_category(&key, lang)))
            .unwrap_or_default();
        titles.push(format!("{}{label}", w.plan));
    }
    let plan = |which: usize, start: String| PlanInput {
        title: titles[which].clone(),
        category_id: Some(top[which]),
        goal_percent: Some(30),
        goal_days: Some(90),
        owner_id: owner,
        start_date: Some(start),
        ..Default::default()
    };
    let measure = |kind: &str, text: &str, due: String| MeasureInput {
        description: text.to_owned(),
        kind: kind.to_owned(),
        owner_id: owner,
        due_date: Some(due),
        ..Default::default()
    };
    let done = |on: String| MeasureStatusInput {
        status: "done".into(),
        done_on: Some(on),
        evidence: None,
    };

    // Under way: started two months ago, now carrying out its measures.
    let current = create_plan_in(&mut tx, &plan(0, day(60)).parse()?, owner, now).await?;
    set_status_in(&mut tx, current, PlanStatus::Active, owner, now).await?;
    for _ in 0..3 {
        move_phase_in(&mut tx, current, Direction::Forward, owner, now).await?;
    }
    let kinds = [("training", 30), ("procedure", -20), ("notice", 10)];
    let mut ids = Vec::new();
    for ((kind, due_in_past), text) in kinds.into_iter().zip(w.measures) {
        let input = measure(kind, text, day(due_in_past));
        ids.push(add_measure_in(&mut tx, current, &input.parse()?, owner, now).await?);
    }
    set_measure_status_in(&mut tx, ids[0], &done(day(32)), owner, now).await?;
    let started = MeasureStatusInput {
        status: "in_progress".into(),
        ..Default::default()
    };
    set_measure_status_in(&mut tx, ids[1], &started, owner, now).await?;

    // Evaluated: started five months ago, its measure done, judged partly effective.
    let earlier = create_plan_in(&mut tx, &plan(1, day(150)).parse()?, owner, now).await?;
    set_status_in(&mut tx, earlier, PlanStatus::Active, owner, now).await?;
    let input = measure("procedure", w.measures[1], day(120));
    let only = add_measure_in(&mut tx, earlier, &input.parse()?, owner, now).await?;
    set_measure_status_in(&mut tx, only, &done(day(125)), owner, now).await?;
    for _ in 0..4 {
        move_phase_in(&mut tx, earlier, Direction::Forward, owner, now).await?;
    }
    let evaluation = EvaluationInput {
        conclusion: "partly".into(),
        next_step: w.next_step.into(),
    };
    record_evaluation_in(&mut tx, earlier, &evaluation, owner, now).await?;
    added.plans = 2;
    added.measures = 4;

    let [title, contacts, steps, findings] = w.emergency;
    let emergency = EmergencyInput {
        title: title.into(),
        contacts: Some(contacts.into()),
        steps: Some(steps.into()),
        spokesperson_id: owner,
        drill_every_days: Some(180),
        ..Default::default()
    };
    let id = save_emergency_in(&mut tx, None, &emergency.parse()?, now).await?;
    let drill = DrillInput {
        held_on: Some(day(100)),
        participants: contacts.into(),
        findings: Some(findings.into()),
    };
    log_drill_in(&mut tx, id, &drill.parse(today)?, owner, now).await?;
    added.emergency_plans = 1;
    tx.commit().await?;
    Ok(added)
}
