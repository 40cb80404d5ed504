//! Survey rules: what a survey, a response and a piece of feedback must hold, and how scores
//! add up. Averages are always kept as a sum and a count, so months and branches add up by
//! weighting with their answer counts, never by averaging averages. No SQL here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::cases::text::{MAX_TEXT_CHARS, optional_text, required_text};
use crate::cases::vocab::Channel;
use crate::error::{Error, Invalid, Result};
use crate::input::{MAX_NAME_CHARS, optional_date, optional_line, optional_phone, required_line};

/// The most questions a survey may ask: it is meant to be short.
pub const MAX_QUESTIONS: usize = 10;

/// A question is a prevention target when its average is below this …
pub const LOW_AVERAGE: f64 = 3.5;

/// … over at least this many answers (fewer say too little).
pub const MIN_ANSWERS: i64 = 10;

/// A sum of 1–5 scores and how many there were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    /// The scores added up.
    pub sum: i64,
    /// How many scores.
    pub count: i64,
}

impl Tally {
    /// The average, or `None` with no scores.
    pub fn average(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum as f64 / self.count as f64)
    }

    /// Whether this question's answers make it a prevention target: enough answers and an
    /// average below [`LOW_AVERAGE`].
    pub fn is_low(self) -> bool {
        self.count >= MIN_ANSWERS && self.average().is_some_and(|avg| avg < LOW_AVERAGE)
    }
}

/// Two tallies together: the result's average weights each by its count.
impl std::ops::Add for Tally {
    type Output = Tally;

    fn add(self, other: Tally) -> Tally {
        Tally {
            sum: self.sum + other.sum,
            count: self.count + other.count,
        }
    }
}

/// One question as the user typed it; `lineage_id` is set when it is an existing question
/// (edited or kept), so its averages run on.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct QuestionInput {
    /// The question's lineage, when it is not new.
    pub lineage_id: Option<i64>,
    /// The question.
    pub text: String,
}

/// A survey as the user typed it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SurveyInput {
    /// Its title.
    pub title: String,
    /// Its questions, in order.
    pub questions: Vec<QuestionInput>,
}

/// A survey that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSurvey {
    /// Title.
    pub title: String,
    /// Questions: (lineage when kept, text).
    pub questions: Vec<(Option<i64>, String)>,
}

impl SurveyInput {
    /// A title and 1–[`MAX_QUESTIONS`] questions, each one line; a lineage at most once.
    pub fn parse(&self) -> Result<ValidSurvey> {
        let title = required_line("title", &self.title, MAX_NAME_CHARS)?;
        if self.questions.is_empty() {
            return Err(Error::invalid("questions", Invalid::Required));
        }
        if self.questions.len() > MAX_QUESTIONS {
            return Err(Error::invalid("questions", Invalid::Range));
        }
        let mut questions = Vec::with_capacity(self.questions.len());
        for (i, question) in self.questions.iter().enumerate() {
            let field = format!("questions.{i}");
            let text = required_line(&field, &question.text, 200)?;
            if question.lineage_id.is_some()
                && questions.iter().any(|(l, _)| *l == question.lineage_id)
            {
                return Err(Error::invalid(field, Invalid::Choice));
            }
            questions.push((question.lineage_id, text));
        }
        Ok(ValidSurvey { title, questions })
    }
}

/// One respondent's answers as staff typed them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResponseInput {
    /// The survey version answered.
    pub version_id: i64,
    /// The day it was answered, `YYYY-MM-DD`.
    pub answered_on: Option<String>,
    /// How it was collected (the complaint channels' codes).
    pub channel: String,
    /// Optional customer name.
    pub customer_name: Option<String>,
    /// Optional phone.
    pub phone: Option<String>,
    /// Scores by question id; a question left out was not answered.
    pub scores: Vec<(i64, i64)>,
    /// Optional comment.
    pub comment: Option<String>,
}

/// A response that passed every rule (its question ids are checked against the version by
/// the repository).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidResponse {
    /// The version.
    pub version_id: i64,
    /// The day.
    pub answered_on: NaiveDate,
    /// Channel code.
    pub channel: &'static str,
    /// Name; empty when none.
    pub customer_name: String,
    /// Phone.
    pub phone: Option<String>,
    /// (question id, score 1–5).
    pub scores: Vec<(i64, i64)>,
    /// Comment; empty when none.
    pub comment: String,
}

impl ResponseInput {
    /// A real date, not after `today`; a known channel; at least one score, each 1–5 and each
    /// question once.
    pub fn parse(&self, today: NaiveDate) -> Result<ValidResponse> {
        let answered_on = optional_date("answeredOn", self.answered_on.as_deref())?
            .ok_or_else(|| Error::invalid("answeredOn", Invalid::Required))?;
        if answered_on > today {
            return Err(Error::invalid("answeredOn", Invalid::Range));
        }
        let channel = Channel::parse("channel", &self.channel)?.as_str();
        if self.scores.is_empty() {
            return Err(Error::invalid("scores", Invalid::Required));
        }
        for (i, (question, score)) in self.scores.iter().enumerate() {
            if !(1..=5).contains(score) {
                return Err(Error::invalid(format!("scores.{question}"), Invalid::Range));
            }
            if self.scores[..i].iter().any(|(q, _)| q == question) {
                return Err(Error::invalid(
                    format!("scores.{question}"),
                    Invalid::Choice,
                ));
            }
        }
        Ok(ValidResponse {
            version_id: self.version_id,
            answered_on,
            channel,
            customer_name: optional_line(
                "customerName",
                self.customer_name.as_deref(),
                MAX_NAME_CHARS,
            )?
            .unwrap_or_default(),
            phone: optional_phone("phone", self.phone.as_deref())?,
            scores: self.scores.clone(),
            comment: optional_text("comment", self.comment.as_deref(), MAX_TEXT_CHARS)?
                .unwrap_or_default(),
        })
    }
}

/// A suggestion or praise as staff typed it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FeedbackInput {
    /// `suggestion` or `praise`.
    pub kind: String,
    /// What the customer said.
    pub text: String,
    /// The day it was received, `YYYY-MM-DD`.
    pub received_on: Option<String>,
    /// The staff member praised (praise only).
    pub staff_id: Option<i64>,
}

/// Feedback that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidFeedback {
    /// `suggestion` or `praise`.
    pub kind: &'static str,
    /// Text.
    pub text: String,
    /// Day.
    pub received_on: NaiveDate,
    /// Staff praised.
    pub staff_id: Option<i64>,
}

impl FeedbackInput {
    /// A known kind, text, a day not after `today`; only praise names a staff member.
    pub fn parse(&self, today: NaiveDate) -> Result<ValidFeedback> {
        let kind = ["suggestion", "praise"]
            .into_iter()
            .find(|k| *k == self.kind.trim())
            .ok_or_else(|| Error::invalid("kind", Invalid::Choice))?;
        let text = required_text("text", &self.text, MAX_TEXT_CHARS)?;
        let received_on = optional_date("receivedOn", self.received_on.as_deref())?
            .ok_or_else(|| Error::invalid("receivedOn", Invalid::Required))?;
        if received_on > today {
            return Err(Error::invalid("receivedOn", Invalid::Range));
        }
        if kind == "suggestion" && self.staff_id.is_some() {
            return Err(Error::invalid("staffId", Invalid::Choice));
        }
        Ok(ValidFeedback {
            kind,
            text,
            received_on,
            staff_id: self.staff_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn tallies_add_up_weighted_by_their_counts_never_as_averaged_averages() {
        let big = Tally { sum: 90, count: 20 }; // 4.5
        let small = Tally { sum: 2, count: 2 }; // 1.0
        let both = big + small;
        assert_eq!(both, Tally { sum: 92, count: 22 });
        assert!((both.average().unwrap() - 92.0 / 22.0).abs() < 1e-9);
        // Averaging the averages would say 2.75.
        assert!((both.average().unwrap() - 2.75).abs() > 1.0);
        assert_eq!(Tally::default().average(), None);
    }

    #[test]
    fn a_question_is_low_only_below_the_threshold_with_enough_answers() {
        assert!(Tally { sum: 30, count: 10 }.is_low()); // 3.0 over 10
        assert!(!Tally { sum: 35, count: 10 }.is_low()); // exactly 3.5 is not below
        assert!(!Tally { sum: 9, count: 9 }.is_low()); // 1.0 but only 9 answers
        assert!(!Tally::default().is_low());
    }

    #[test]
    fn a_survey_needs_a_title_and_one_to_ten_distinct_questions() {
        let q = |lineage: Option<i64>, text: &str| QuestionInput {
            lineage_id: lineage,
            text: text.into(),
        };
        let none = SurveyInput {
            title: "满意度".into(),
            questions: vec![],
        };
        assert_eq!(none.parse().unwrap_err().field(), Some("questions"));
        let eleven = SurveyInput {
            title: "满意度".into(),
            questions: (0..11).map(|i| q(None, &format!("问题{i}"))).collect(),
        };
        assert_eq!(eleven.parse().unwrap_err().code(), "invalid.range");
        let twice = SurveyInput {
            title: "满意度".into(),
            questions: vec![q(Some(1), "a"), q(Some(1), "b")],
        };
        assert_eq!(twice.parse().unwrap_err().field(), Some("questions.1"));
        let blank = SurveyInput {
            title: "满意度".into(),
            questions: vec![q(None, "a"), q(None, " ")],
        };
        assert_eq!(blank.parse().unwrap_err().field(), Some("questions.1"));
    }

    #[test]
    fn a_response_is_dated_not_in_the_future_and_scored_one_to_five_once_each() {
        let today = day("2026-11-20");
        let ok = ResponseInput {
            version_id: 1,
            answered_on: Some("2026-11-20".into()),
            channel: "phone".into(),
            scores: vec![(1, 5), (2, 1)],
            ..Default::default()
        };
        assert_eq!(ok.parse(today).unwrap().scores, vec![(1, 5), (2, 1)]);
        let future = ResponseInput {
            answered_on: Some("2026-11-21".into()),
            ..ok.clone()
        };
        assert_eq!(future.parse(today).unwrap_err().field(), Some("answeredOn"));
        let six = ResponseInput {
            scores: vec![(1, 6)],
            ..ok.clone()
        };
        assert_eq!(six.parse(today).unwrap_err().field(), Some("scores.1"));
        let again = ResponseInput {
            scores: vec![(1, 3), (1, 4)],
            ..ok.clone()
        };
        assert_eq!(again.parse(today).unwrap_err().code(), "invalid.choice");
        let unknown = ResponseInput {
            channel: "pigeon".into(),
            ..ok
        };
        assert_eq!(unknown.parse(today).unwrap_err().field(), Some("channel"));
    }

    #[test]
    fn only_praise_names_a_staff_member() {
        let today = day("2026-11-20");
        let praise = FeedbackInput {
            kind: "praise".into(),
            text: "=cmd|' /C calc'!A0 谢谢小李".into(),
            received_on: Some("2026-11-19".into()),
            staff_id: Some(3),
        };
        assert_eq!(praise.parse(today).unwrap().staff_id, Some(3));
        let suggestion = FeedbackInput {
            kind: "suggestion".into(),
            ..praise.clone()
        };
        assert_eq!(
            suggestion.parse(today).unwrap_err().field(),
            Some("staffId")
        );
        let other = FeedbackInput {
            kind: "complaint".into(),
            ..praise
        };
        assert_eq!(other.parse(today).unwrap_err().field(), Some("kind"));
    }
}
