//! Lesson rules: what a lesson must hold, and how a lesson pre-fills a drill scenario and a
//! prevention measure for the trainer or manager to review. No SQL here.

use chrono::{Days, NaiveDate};
use serde::Deserialize;

use crate::cases::text::{MAX_TEXT_CHARS, optional_text, required_text};
use crate::error::{Error, Invalid, Result};
use crate::export::labels;
use crate::prevention::MeasureInput;
use crate::settings::model::Language;
use crate::training::input::ScenarioInput;

/// Why a lesson was refused. Each maps to one stable code (`lesson.<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonRefusal {
    /// Lessons are written on closed cases only (when closing, or later).
    CaseNotClosed,
    /// The lesson already became a drill scenario (or a measure); open that instead.
    AlreadyConverted,
}

impl LessonRefusal {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            LessonRefusal::CaseNotClosed => "lesson.case_not_closed",
            LessonRefusal::AlreadyConverted => "lesson.already_converted",
        }
    }

    /// What is wrong and what to do, in plain English (the CLI's message).
    pub fn reason(self) -> &'static str {
        match self {
            LessonRefusal::CaseNotClosed => {
                "a lesson can be recorded only on a closed case; close the case first"
            }
            LessonRefusal::AlreadyConverted => {
                "this lesson has already been turned into that; open the linked record instead"
            }
        }
    }
}

/// A lesson as the user typed it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LessonInput {
    /// What happened.
    pub happened: String,
    /// What worked.
    pub worked: Option<String>,
    /// What to do differently next time.
    pub differently: Option<String>,
}

/// A lesson that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLesson {
    /// What happened (required).
    pub happened: String,
    /// What worked; empty when none.
    pub worked: String,
    /// What to do differently; empty when none.
    pub differently: String,
}

impl LessonInput {
    /// What happened is required; a lesson needs at least one of what worked or what to do
    /// differently, or it teaches nothing (the error names `differently`).
    pub fn parse(&self) -> Result<ValidLesson> {
        let happened = required_text("happened", &self.happened, MAX_TEXT_CHARS)?;
        let worked =
            optional_text("worked", self.worked.as_deref(), MAX_TEXT_CHARS)?.unwrap_or_default();
        let differently =
            optional_text("differently", self.differently.as_deref(), MAX_TEXT_CHARS)?
                .unwrap_or_default();
        if worked.is_empty() && differently.is_empty() {
            return Err(Error::invalid("differently", Invalid::Required));
        }
        Ok(ValidLesson {
            happened,
            worked,
            differently,
        })
    }
}

/// The library's filters; every one optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LessonFilter {
    /// Words to find in the lesson's texts or the case number (Chinese too: a plain scan).
    pub text: Option<String>,
    /// Only lessons of cases in this category.
    pub category_id: Option<i64>,
    /// Only lessons of cases with this customer type code.
    pub customer_type: Option<String>,
}

/// What the drafts need to know about the lesson and its case.
#[derive(Debug, Clone)]
pub struct LessonSource<'a> {
    /// The case number, named in the briefing so the trainer can look it up.
    pub case_number: &'a str,
    /// The case's customer type code.
    pub customer_type: &'a str,
    /// The category's label in the draft's language.
    pub category: &'a str,
    /// The complaint as recorded.
    pub description: &'a str,
    /// What the customer asked for.
    pub customer_request: &'a str,
    /// The lesson.
    pub lesson: &'a ValidLesson,
}

fn first_line(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    line.chars().take(max).collect()
}

fn or(text: &str, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_owned()
    } else {
        text.to_owned()
    }
}

/// A drill scenario pre-filled from a lesson: the case's customer type (an unjudged type is
/// left for the trainer to choose), the category on the persona card, the complaint as what
/// happened, what worked as what calms them, what to do differently as what makes them
/// angrier, and a briefing that states the lesson. The trainer reviews it before saving.
pub fn draft_scenario(source: &LessonSource<'_>, industry: &str, lang: Language) -> ScenarioInput {
    let zh = lang == Language::ZhCn;
    let kind = labels::customer_type(source.customer_type, lang);
    let lesson = source.lesson;
    let who = if zh {
        format!("{kind}客户，投诉类别：{}", source.category)
    } else {
        format!("{kind} customer; complaint about {}", source.category)
    };
    let briefing = if zh {
        format!(
            "本演练来自案件 {} 的经验教训。\n经过：{}\n有效做法：{}\n下次改进：{}",
            source.case_number, lesson.happened, lesson.worked, lesson.differently
        )
    } else {
        format!(
            "This drill comes from the lesson of case {}.\nWhat happened: {}\nWhat worked: {}\nDo differently: {}",
            source.case_number, lesson.happened, lesson.worked, lesson.differently
        )
    };
    ScenarioInput {
        industry: industry.to_owned(),
        customer_type: if source.customer_type == "unknown" {
            String::new()
        } else {
            source.customer_type.to_owned()
        },
        title: first_line(&lesson.happened, 60),
        who,
        happened: or(source.description, &lesson.happened),
        wants: or(source.customer_request, &lesson.happened),
        angrier: or(&lesson.differently, &lesson.happened),
        calmer: or(&lesson.worked, &lesson.happened),
        opening: first_line(source.description, 200),
        briefing,
    }
}

/// How long a measure drafted from a lesson gets before it is due.
pub const MEASURE_DAYS: u64 = 30;

/// A prevention measure pre-filled from a lesson: what to do differently (or, failing that,
/// what worked) as its description, a procedure by default, due in [`MEASURE_DAYS`] days.
pub fn draft_measure(lesson: &ValidLesson, today: NaiveDate) -> MeasureInput {
    let description = if lesson.differently.is_empty() {
        lesson.worked.clone()
    } else {
        lesson.differently.clone()
    };
    MeasureInput {
        description,
        kind: "procedure".into(),
        due_date: today
            .checked_add_days(Days::new(MEASURE_DAYS))
            .map(|d| d.to_string()),
        ..MeasureInput::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(worked: &str, differently: &str) -> ValidLesson {
        ValidLesson {
            happened: "快递延误三天，客户多次来电\nsecond line".into(),
            worked: worked.into(),
            differently: differently.into(),
        }
    }

    #[test]
    fn a_lesson_needs_what_happened_and_something_learned() {
        let empty = LessonInput::default().parse().unwrap_err();
        assert_eq!(empty.field(), Some("happened"));
        let nothing_learned = LessonInput {
            happened: "x".into(),
            worked: Some("  ".into()),
            differently: None,
        }
        .parse()
        .unwrap_err();
        assert_eq!(nothing_learned.field(), Some("differently"));
        let ok = LessonInput {
            happened: " x ".into(),
            worked: Some("called back".into()),
            differently: None,
        }
        .parse()
        .unwrap();
        assert_eq!((ok.happened.as_str(), ok.differently.as_str()), ("x", ""));
    }

    #[test]
    fn the_drafted_scenario_carries_type_category_and_lesson() {
        let lesson = lesson("当天回电", "先查物流轨迹");
        let source = LessonSource {
            case_number: "SH01-202410-0001",
            customer_type: "angry",
            category: "投递延误",
            description: "包裹迟到三天",
            customer_request: "",
            lesson: &lesson,
        };
        let draft = draft_scenario(&source, "postal", Language::ZhCn);
        assert_eq!(draft.customer_type, "angry");
        assert_eq!(draft.industry, "postal");
        assert!(draft.who.contains("投递延误") && draft.who.contains("激动型"));
        assert_eq!(draft.title, "快递延误三天，客户多次来电");
        assert_eq!(draft.calmer, "当天回电");
        assert_eq!(draft.angrier, "先查物流轨迹");
        // An empty customer request falls back to the lesson, so every field is filled.
        assert_eq!(draft.wants, lesson.happened);
        assert!(draft.briefing.contains("SH01-202410-0001"));
        assert!(draft.briefing.contains("先查物流轨迹"));
        let unjudged = LessonSource {
            customer_type: "unknown",
            ..source
        };
        assert_eq!(
            draft_scenario(&unjudged, "postal", Language::En).customer_type,
            ""
        );
    }

    #[test]
    fn the_drafted_measure_is_what_to_do_differently_due_in_a_month() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let draft = draft_measure(&lesson("a", "b"), today);
        assert_eq!(draft.description, "b");
        assert_eq!(draft.due_date.as_deref(), Some("2026-02-14"));
        assert!(draft.parse().is_ok());
        assert_eq!(draft_measure(&lesson("a", ""), today).description, "a");
    }
}
