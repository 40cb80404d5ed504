//! Demo lessons learned, so the library, the training page and the case page have something to
//! show: lessons on three recently closed cases, the first turned into a drill scenario and the
//! second into a measure of the first open prevention plan (run after the prevention demo). A
//! branch that already has lessons is left alone; all of it is written in one transaction.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::model::{LessonInput, LessonSource, draft_measure, draft_scenario};
use super::repo::save_lesson_in;
use crate::error::Result;
use crate::export::labels::seeded_category;
use crate::prevention::repo::measures::add_measure_in;
use crate::settings::Language;
use crate::training::repo::scenarios::insert_scenario_in;

/// What the demo added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LessonsDemo {
    /// Lessons written.
    pub lessons: usize,
    /// Of them, turned into a drill scenario or a measure.
    pub converted: usize,
}

/// Three lessons (what happened, what worked, what to do differently) in the branch's language.
fn words(lang: Language) -> [[&'static str; 3]; 3] {
    match lang {
        Language::ZhCn => [
            [
                "客户当众大声投诉，排队的人越来越多",
                "把客户请到接待室，先倾听再复述，情绪很快平复",
                "第一时间离开人群，不要在柜台前争论事实",
            ],
            [
                "承诺的回电时间没有做到，客户第二次来投诉",
                "店长亲自致歉并当天给出处理结果",
                "每次承诺都记在案件上并设提醒，做不到提前告知客户",
            ],
            [
                "费用解释不清，客户认为被多收了钱",
                "逐项核对账单，打印明细给客户",
                "在前台张贴收费标准，收费前主动说明",
            ],
        ],
        Language::En => [
            [
                "The customer complained loudly at the counter while the queue grew",
                "Taking them to the meeting room, listening and repeating back calmed them quickly",
                "Move away from onlookers at once; never argue the facts at the counter",
            ],
            [
                "The promised call-back did not happen and the customer came back a second time",
                "The manager apologised in person and gave the outcome the same day",
                "Note every promise on the case with a reminder; warn the customer early if it slips",
            ],
            [
                "Fees were explained poorly and the customer believed they were overcharged",
                "Going through the bill line by line and printing the details",
                "Put the fee list up at the front desk and explain charges before taking payment",
            ],
        ],
    }
}

/// A recently closed case: id, number, customer type, category seed key and name, description,
/// customer request and assignee (who writes the lesson).
type ClosedCase = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<i64>,
);

/// Adds the demo lessons when the branch has closed cases and no lessons yet.
pub async fn add_demo_lessons(
    pool: &SqlitePool,
    lang: Language,
    now: DateTime<Utc>,
) -> Result<LessonsDemo> {
    let mut tx = crate::store::begin_write(pool).await?;
    let existing: i64 = sqlx::query_scalar("SELECT count(*) FROM lessons")
        .fetch_one(&mut *tx)
        .await?;
    let cases: Vec<ClosedCase> = sqlx::query_as(
        "SELECT c.id, c.number, c.customer_type, cat.seed_key, cat.name, c.description,
                    c.customer_request, c.assignee_id
             FROM cases c JOIN categories cat ON cat.id = c.category_id
             WHERE c.status = 'closed' ORDER BY c.closed_at DESC, c.id DESC LIMIT 3",
    )
    .fetch_all(&mut *tx)
    .await?;
    if existing > 0 || cases.is_empty() {
        return Ok(LessonsDemo::default());
    }
    let industry: String = sqlx::query_scalar("SELECT industry FROM branch WHERE id = 1")
        .fetch_one(&mut *tx)
        .await?;
    let mut added = LessonsDemo::default();
    for (i, (case, texts)) in cases.iter().zip(words(lang)).enumerate() {
        let (case_id, number, customer_type, key, name, description, request, author) = case;
        let valid = LessonInput {
            happened: texts[0].into(),
            worked: Some(texts[1].into()),
            differently: Some(texts[2].into()),
        }
        .parse()?;
        let id = save_lesson_in(&mut tx, *case_id, &valid, *author, now).await?;
        added.lessons += 1;
        let (column, target) = match i {
            0 => {
                let category = match (key, name) {
                    (_, Some(name)) => name.clone(),
                    (Some(key), None) => seeded_category(key, lang),
                    (None, None) => String::new(),
                };
                let source = LessonSource {
                    case_number: number,
                    customer_type,
                    category: &category,
                    description,
                    customer_request: request,
                    lesson: &valid,
                };
                let mut draft = draft_scenario(&source, &industry, lang);
                if draft.customer_type.is_empty() {
                    draft.customer_type = "angry".into();
                }
                (
                    "drill_scenario_id",
                    insert_scenario_in(&mut tx, &draft.parse()?).await?,
                )
            }
            1 => {
                let plan: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM prevention_plans WHERE status IN ('draft', 'active')
                     ORDER BY id LIMIT 1",
                )
                .fetch_optional(&mut *tx)
                .await?;
                let Some(plan) = plan else { continue };
                let today = now.date_naive();
                let measure = draft_measure(&valid, today).parse()?;
                (
                    "measure_id",
                    add_measure_in(&mut tx, plan, &measure, *author, now).await?,
                )
            }
            _ => continue,
        };
        super::repo::link_in(&mut tx, id, column, target, *author, now).await?;
        added.converted += 1;
    }
    tx.commit().await?;
    Ok(added)
}
