//! The drill rubric: the handling technique's steps in order, each scored 0–3 by the observer,
//! and the totals a drill is judged by.

use serde::{Deserialize, Serialize};

use crate::cases::text::optional_text;
use crate::cases::vocab::vocabulary;
use crate::error::{Error, Invalid, Result};

/// The highest score of one step.
pub const MAX_STEP_SCORE: u8 = 3;
/// The longest note on one step.
pub const MAX_NOTE_CHARS: usize = 500;

vocabulary! {
    /// A step of the handling technique, in the order it is practised.
    pub enum Step {
        /// Takes the customer away from onlookers.
        Separate => "separate",
        /// Asks questions that surface the real dissatisfaction.
        Ask => "ask",
        /// Listens attentively and shows concern.
        Listen => "listen",
        /// Does not interrupt or rush to rebut.
        NoInterrupt => "no_interrupt",
        /// Confirms what the complaint is.
        Confirm => "confirm",
        /// Apologises.
        Apologise => "apologise",
        /// Acknowledges the customer's feelings.
        Acknowledge => "acknowledge",
        /// Summarises the problem.
        Summarise => "summarise",
        /// Explains what will be done and when.
        Explain => "explain",
        /// Thanks the customer.
        Thank => "thank",
        /// Agrees how the case will be followed up.
        FollowUp => "follow_up",
    }
}

/// One step's score as the observer entered it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreInput {
    /// The step's code.
    pub step: String,
    /// 0–3.
    pub score: i64,
    /// An optional remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// One step's checked score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepScore {
    /// The step.
    pub step: Step,
    /// 0–3.
    pub score: u8,
    /// The remark; empty when none.
    pub note: String,
}

/// A drill's total: points, the most possible, and the share as a whole percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Total {
    /// Points scored.
    pub total: u32,
    /// Points possible.
    pub max: u32,
    /// `total ÷ max` as a whole percentage.
    pub percent: u32,
}

/// Checks a full score sheet: every step exactly once, each 0–3. Returned in rubric order.
/// A missing step is reported on `scores.<step>` so the runner can point at it.
pub fn parse_scores(inputs: &[ScoreInput]) -> Result<Vec<StepScore>> {
    let mut scores: Vec<StepScore> = Vec::with_capacity(Step::ALL.len());
    for input in inputs {
        let step = Step::parse("scores", &input.step)?;
        let field = format!("scores.{}", step.as_str());
        if scores.iter().any(|s| s.step == step) {
            return Err(Error::invalid(field, Invalid::Choice));
        }
        let score = u8::try_from(input.score)
            .ok()
            .filter(|s| *s <= MAX_STEP_SCORE)
            .ok_or_else(|| Error::invalid(field.clone(), Invalid::Range))?;
        let note =
            optional_text(&field, input.note.as_deref(), MAX_NOTE_CHARS)?.unwrap_or_default();
        scores.push(StepScore { step, score, note });
    }
    if let Some(missing) = Step::ALL
        .iter()
        .find(|step| !scores.iter().any(|s| s.step == **step))
    {
        return Err(Error::invalid(
            format!("scores.{}", missing.as_str()),
            Invalid::Required,
        ));
    }
    scores.sort_by_key(|s| Step::ALL.iter().position(|step| *step == s.step));
    Ok(scores)
}

/// The total of a score sheet.
pub fn total(scores: &[StepScore]) -> Total {
    let total: u32 = scores.iter().map(|s| u32::from(s.score)).sum();
    let max = u32::from(MAX_STEP_SCORE) * scores.len() as u32;
    Total {
        total,
        max,
        percent: if max == 0 {
            0
        } else {
            (f64::from(total) * 100.0 / f64::from(max)).round() as u32
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(score: i64) -> Vec<ScoreInput> {
        Step::ALL
            .iter()
            .map(|step| ScoreInput {
                step: step.as_str().into(),
                score,
                note: None,
            })
            .collect()
    }

    #[test]
    fn a_full_sheet_totals_and_keeps_rubric_order() {
        let mut inputs = sheet(2);
        inputs.reverse();
        inputs[0].score = 3;
        inputs[0].note = Some(" <img src=x onerror=alert(1)> ".into());
        let scores = parse_scores(&inputs).unwrap();
        assert_eq!(scores[0].step, Step::Separate);
        assert_eq!(scores.last().unwrap().step, Step::FollowUp);
        assert_eq!(scores.last().unwrap().note, "<img src=x onerror=alert(1)>");
        let t = total(&scores);
        assert_eq!((t.total, t.max), (23, 33));
        assert_eq!(t.percent, 70);
        assert_eq!(total(&parse_scores(&sheet(3)).unwrap()).percent, 100);
        assert_eq!(total(&parse_scores(&sheet(0)).unwrap()).total, 0);
        assert_eq!(total(&[]).percent, 0);
    }

    #[test]
    fn bad_sheets_name_the_step() {
        let field = |inputs: Vec<ScoreInput>| match parse_scores(&inputs) {
            Err(Error::Invalid { field, kind }) => (field, kind),
            other => panic!("expected an input error, got {other:?}"),
        };
        let mut high = sheet(1);
        high[2].score = 4;
        assert_eq!(field(high), ("scores.listen".into(), Invalid::Range));
        let mut negative = sheet(1);
        negative[0].score = -1;
        assert_eq!(field(negative), ("scores.separate".into(), Invalid::Range));
        let mut missing = sheet(1);
        missing.remove(4);
        assert_eq!(field(missing), ("scores.confirm".into(), Invalid::Required));
        let mut twice = sheet(1);
        twice.push(twice[0].clone());
        assert_eq!(field(twice), ("scores.separate".into(), Invalid::Choice));
        let mut unknown = sheet(1);
        unknown[0].step = "bribe".into();
        assert_eq!(field(unknown), ("scores".into(), Invalid::Choice));
    }
}
