//! The training workbook: the matrix, the drills and the per-step averages, a sheet each, in
//! the user's language. User text goes through `write_text`, so a name that looks like a
//! formula stays text.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use sqlx::SqlitePool;

use super::model::CellStatus;
use super::repo::drills::{DrillSummary, StepAverage, quarter_start, recent_drills, step_averages};
use super::repo::matrix::{Matrix, MatrixFilter, matrix};
use super::repo::{branch_tz, local_day};
use super::rubric::Step;
use crate::error::Result;
use crate::export::Destination;
use crate::export::labels;
use crate::export::style::{Styles, looks_like_formula, write_text};
use crate::settings::Language;

/// The most drills the Drills sheet lists (newest first).
pub const MAX_DRILLS: i64 = 100_000;

fn pick<'a>(lang: Language, en: &'a str, zh: &'a str) -> &'a str {
    match lang {
        Language::En => en,
        Language::ZhCn => zh,
    }
}

/// A cell state in words.
pub fn status_word(status: CellStatus, lang: Language) -> &'static str {
    use CellStatus::*;
    let (en, zh) = match status {
        NotAssigned => ("not assigned", "未分配"),
        Assigned => ("assigned", "已分配"),
        InProgress => ("in progress", "进行中"),
        Complete => ("complete", "已完成"),
        DueSoon => ("due soon", "即将到期"),
        Overdue => ("overdue", "已过期"),
    };
    pick(lang, en, zh)
}

/// A rubric step in words.
pub fn step_name(step: Step, lang: Language) -> &'static str {
    use Step::*;
    let (en, zh) = match step {
        Separate => ("Separate from onlookers", "与围观者隔开"),
        Ask => ("Ask to find the real problem", "提问找出真正问题"),
        Listen => ("Listen and show concern", "倾听并表示关切"),
        NoInterrupt => ("No interrupting or rebutting", "不打断、不反驳"),
        Confirm => ("Confirm the complaint", "确认投诉内容"),
        Apologise => ("Apologise", "致歉"),
        Acknowledge => ("Acknowledge feelings", "认可客户感受"),
        Summarise => ("Summarise the problem", "归纳问题"),
        Explain => ("Explain what will be done", "说明处理措施"),
        Thank => ("Thank the customer", "感谢客户"),
        FollowUp => ("Agree the follow-up", "约定回访"),
    };
    pick(lang, en, zh)
}

struct Sheets<'a> {
    matrix: &'a Matrix,
    drills: &'a [DrillSummary],
    all_time: &'a [StepAverage],
    quarter: &'a [StepAverage],
    quarter_start: &'a str,
    tz: Tz,
    lang: Language,
}

fn headers(
    sheet: &mut Worksheet,
    styles: &Styles,
    row: u32,
    names: &[&str],
) -> Result<(), XlsxError> {
    for (col, name) in names.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *name, &styles.header)?;
    }
    Ok(())
}

/// Writes the training matrix on `sheet` (named by the caller): the day it is as of, a row per
/// person with their completion % and each module's state in words (with its due day), and the
/// completion % per module below. Also the monthly workbook's Training sheet.
pub fn write_matrix(
    sheet: &mut Worksheet,
    matrix: &Matrix,
    lang: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(
        0,
        0,
        pick(lang, "Training matrix", "培训矩阵"),
        &styles.title,
    )?;
    sheet.write_string_with_format(
        1,
        0,
        format!("{} {}", pick(lang, "As of", "截至"), matrix.today),
        &styles.note,
    )?;
    let names = [
        pick(lang, "Name", "姓名"),
        pick(lang, "Department", "部门"),
        pick(lang, "Position", "岗位"),
        pick(lang, "Completion %", "完成率 %"),
    ];
    let titles: Vec<&str> = matrix
        .modules
        .iter()
        .map(|m| pick(lang, &m.title_en, &m.title_zh))
        .collect();
    headers(sheet, styles, 3, &names)?;
    // A trainer's module title is user text: quote-prefixed when it looks like a formula.
    let quoted_header = styles.header.clone().set_quote_prefix();
    for (col, title) in titles.iter().enumerate() {
        let format = if looks_like_formula(title) {
            &quoted_header
        } else {
            &styles.header
        };
        sheet.write_string_with_format(3, 4 + col as u16, *title, format)?;
    }
    for (n, person) in matrix.people.iter().enumerate() {
        let row = 4 + n as u32;
        write_text(sheet, row, 0, &person.name, &styles.text)?;
        write_text(sheet, row, 1, &person.department, &styles.text)?;
        write_text(sheet, row, 2, &person.position, &styles.text)?;
        if let Some(percent) = person.percent {
            sheet.write_number(row, 3, f64::from(percent))?;
        }
        for (col, cell) in person.cells.iter().enumerate() {
            let word = status_word(cell.status, lang);
            let text = match (cell.due_on, lang) {
                (Some(due), Language::En) => format!("{word} (due {due})"),
                (Some(due), Language::ZhCn) => format!("{word}（{due} 到期）"),
                (None, _) => word.to_owned(),
            };
            sheet.write_string(row, 4 + col as u16, text)?;
        }
    }
    let totals = 4 + matrix.people.len() as u32;
    sheet.write_string_with_format(
        totals,
        0,
        pick(lang, "Completion % per module", "各模块完成率 %"),
        &styles.header,
    )?;
    for (col, module) in matrix.modules.iter().enumerate() {
        if let Some(percent) = module.percent {
            sheet.write_number(totals, 4 + col as u16, f64::from(percent))?;
        }
    }
    sheet.set_column_width(0, 18)?;
    sheet.set_column_range_width(1, 3, 14)?;
    sheet.set_column_range_width(4, 4 + titles.len().max(1) as u16 - 1, 22)?;
    sheet.set_freeze_panes(4, 1)?;
    Ok(())
}

fn build(input: &Sheets<'_>) -> Result<Vec<u8>, XlsxError> {
    let lang = input.lang;
    let styles = Styles::default();
    let mut book = Workbook::new();

    let sheet = book
        .add_worksheet()
        .set_name(pick(lang, "Matrix", "培训矩阵"))?;
    write_matrix(sheet, input.matrix, lang, &styles)?;

    let sheet = book
        .add_worksheet()
        .set_name(pick(lang, "Drills", "演练记录"))?;
    sheet.write_string_with_format(0, 0, pick(lang, "Drills held", "演练记录"), &styles.title)?;
    headers(
        sheet,
        &styles,
        2,
        &[
            pick(lang, "Held", "时间"),
            pick(lang, "Scenario", "情景"),
            pick(lang, "Customer type", "客户类型"),
            pick(lang, "Trainees", "受训人"),
            pick(lang, "Observer", "观察员"),
            pick(lang, "Total", "得分"),
            pick(lang, "Out of", "满分"),
            pick(lang, "Score %", "得分率 %"),
            pick(lang, "Minutes", "时长（分钟）"),
            pick(lang, "Comments", "评语"),
        ],
    )?;
    for (n, drill) in input.drills.iter().enumerate() {
        let row = 3 + n as u32;
        let held = DateTime::parse_from_rfc3339(&drill.held_at)
            .map(|t| {
                t.with_timezone(&input.tz)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_else(|_| drill.held_at.clone());
        sheet.write_string(row, 0, held)?;
        write_text(
            sheet,
            row,
            1,
            pick(lang, &drill.scenario_title.en, &drill.scenario_title.zh),
            &styles.text,
        )?;
        sheet.write_string(row, 2, labels::customer_type(&drill.customer_type, lang))?;
        write_text(sheet, row, 3, &drill.trainee_names.join(", "), &styles.text)?;
        write_text(
            sheet,
            row,
            4,
            drill.observer_name.as_deref().unwrap_or(""),
            &styles.text,
        )?;
        sheet.write_number(row, 5, drill.total as f64)?;
        sheet.write_number(row, 6, drill.max_total as f64)?;
        if drill.max_total > 0 {
            sheet.write_number(
                row,
                7,
                (drill.total as f64 * 100.0 / drill.max_total as f64).round(),
            )?;
        }
        sheet.write_number(
            row,
            8,
            (drill.duration_seconds as f64 / 60.0 * 10.0).round() / 10.0,
        )?;
        write_text(sheet, row, 9, &drill.comments, &styles.wrap)?;
    }
    sheet.set_column_width(0, 17)?;
    sheet.set_column_width(1, 28)?;
    sheet.set_column_range_width(2, 4, 16)?;
    sheet.set_column_width(9, 40)?;

    let sheet = book
        .add_worksheet()
        .set_name(pick(lang, "Step averages", "各步骤平均分"))?;
    sheet.write_string_with_format(
        0,
        0,
        pick(lang, "Average score per step (0–3)", "各步骤平均分（0–3）"),
        &styles.title,
    )?;
    let quarter = format!(
        "{} {}",
        pick(lang, "This quarter, from", "本季度，自"),
        input.quarter_start
    );
    headers(
        sheet,
        &styles,
        2,
        &[
            pick(lang, "Step", "步骤"),
            pick(lang, "All drills", "全部演练"),
            &quarter,
            pick(lang, "Times scored", "评分次数"),
        ],
    )?;
    for (n, all) in input.all_time.iter().enumerate() {
        let row = 3 + n as u32;
        sheet.write_string(row, 0, step_name(all.step, lang))?;
        if let Some(avg) = all.average {
            sheet.write_number(row, 1, avg)?;
        }
        if let Some(avg) = input
            .quarter
            .iter()
            .find(|q| q.step == all.step)
            .and_then(|q| q.average)
        {
            sheet.write_number(row, 2, avg)?;
        }
        sheet.write_number(row, 3, all.count as f64)?;
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_column_range_width(1, 3, 18)?;
    book.save_to_buffer()
}

/// Builds the training workbook as of `now` in `lang` and writes it to the checked `out` (all
/// or nothing).
pub async fn export_training_to(
    pool: &SqlitePool,
    lang: Language,
    now: DateTime<Utc>,
    out: &Destination,
) -> Result<()> {
    let bytes = training_workbook(pool, lang, now).await?;
    out.write(&bytes)
}

/// The training workbook's bytes.
pub async fn training_workbook(
    pool: &SqlitePool,
    lang: Language,
    now: DateTime<Utc>,
) -> Result<Vec<u8>> {
    let matrix = matrix(pool, &MatrixFilter::default(), now).await?;
    let drills = recent_drills(pool, MAX_DRILLS).await?;
    let mut conn = pool.acquire().await?;
    let tz = branch_tz(&mut conn).await?;
    let all_time = step_averages(&mut conn, None, None).await?;
    let quarter_day = quarter_start(local_day(now, tz));
    let quarter = step_averages(
        &mut conn,
        None,
        Some(crate::cases::start_of_local_day(quarter_day, tz)),
    )
    .await?;
    Ok(build(&Sheets {
        matrix: &matrix,
        drills: &drills,
        all_time: &all_time,
        quarter: &quarter,
        quarter_start: &quarter_day.to_string(),
        tz,
        lang,
    })?)
}
